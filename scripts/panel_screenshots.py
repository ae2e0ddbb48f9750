#!/usr/bin/env python3
"""`make panel-screenshots`: the pictures of the translation panel in TRANSLATING.md.

Serves the site in debug from a temporary copy of translations/ in which one English entry
is fuzzy (the start page's paragraph above the areas), and photographs in Debian's Chromium
(as the browser tests drive it): the English start page with the outlined sentence and the
panel's box, then that entry in the panel. Written to docs/ as small palette PNGs.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smartspec_site import create_app  # noqa: E402
from smartspec_site.translate import panel  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS  # noqa: E402
from tests.conftest import TEST_CONFIG, catalogs_in  # noqa: E402

FUZZY = "Här är de 13 områdena i VG2020"
OUT = ROOT / "docs"
SIZE = {"width": 900, "height": 560}


def shrink(path: Path) -> None:
    """A palette of 64 colours: text and outlines stay sharp, the file stays small."""
    image = Image.open(path).convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
    image.save(path, optimize=True)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        translations = Path(shutil.copytree(ROOT / "translations", Path(tmp) / "translations"))
        po = translations / "en" / "LC_MESSAGES" / "messages.po"
        text = po.read_text(encoding="utf-8")
        po.write_text(text.replace(f'msgid "{FUZZY}', f'#, fuzzy\nmsgid "{FUZZY}', 1), "utf-8")
        app = create_app({**TEST_CONFIG, "DEBUG": True, **catalogs_in(translations)})
        server = make_server("127.0.0.1", 0, panel.PlainAnswers(app), threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{server.server_port}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                    args=CHROMIUM_ARGS,
                )
                page = browser.new_page(viewport=SIZE)
                page.goto(url + "/en/")
                mark = page.locator(".translation-mark--fuzzy")
                mark.evaluate("el => el.scrollIntoView({block: 'center'})")
                page.locator(".translation-box__link").focus()
                page.screenshot(path=OUT / "translation-panel-page.png")
                page.set_viewport_size({**SIZE, "height": 820})
                page.goto(url + "/_translations?path=/en/&show=flagged")
                page.locator(".entry--fuzzy summary").click()
                page.evaluate("document.activeElement.blur()")
                page.screenshot(path=OUT / "translation-panel-entry.png")
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
    for name in ("translation-panel-page.png", "translation-panel-entry.png"):
        shrink(OUT / name)
        print(f"Wrote docs/{name} ({(OUT / name).stat().st_size:,} bytes).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
