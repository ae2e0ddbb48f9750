"""The wheel is a whole site: built from the clone, installed in a new virtual environment,
it finds its templates, static files, words and catalogs inside the package, builds its
catalogs and hashed static files in its instance folder, and renders /sv/ and /en/."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from smartspec_site.config import CHECKOUT

# Run by the new environment's Python, from a folder outside the clone: production mode,
# so a locale without its compiled catalog would stop the start.
RENDER = """
import json, re, smartspec_site
from smartspec_site import config, create_app

app = create_app({"PRODUCTION": True, "SITE_URL": "http://localhost", "HTMX_SOURCE": "local"})
client = app.test_client()
pages = {}
for locale in ("sv", "en"):
    page = client.get(f"/{locale}/")
    css = re.search(r'href="(/static/css/site[^"]*[.]css)"', page.text).group(1)
    pages[locale] = {"status": page.status_code, "html": page.text, "css": css,
                     "css_status": client.get(css).status_code}
keys = ("CONTENT_DIR", "TRANSLATIONS_DIR", "BUILD_DIR", "CATALOG_BUILD_DIR", "STATIC_BUILD_DIR")
print(json.dumps({
    "package": smartspec_site.__file__, "installed": config.INSTALLED,
    "templates": app.template_folder, "static": app.static_folder,
    **{key: app.config[key] for key in keys}, "pages": pages,
}))
"""


def run(*command: str | Path, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(part) for part in command],
        check=True, capture_output=True, text=True, timeout=300, **options,
    )  # fmt: skip


def test_the_installed_wheel_renders_both_languages(tmp_path):
    # Built with the project's own hatchling (a test dependency): no network, no isolation.
    offline = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    pip = (sys.executable, "-m", "pip")
    # From the files a commit would hold (a copy, not the checkout's .venv and node_modules),
    # and a compiled catalog beside its .po, as an older checkout may still have: git
    # ignores it, and so does the wheel.
    source = tmp_path / "source"
    listed = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                 cwd=CHECKOUT).stdout.split("\0")  # fmt: skip
    for name in filter(None, listed):
        if (CHECKOUT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(CHECKOUT / name, source / name)
    (source / "translations/en/LC_MESSAGES/messages.mo").write_bytes(b"stale")
    run(*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", tmp_path / "dist", source,
        env=offline)  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("smartspec_site-*.whl")

    # A new environment holding the wheel alone; the dependencies are the project's, seen
    # through a path (whose .pth files, the editable install's among them, are not read).
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
                .stdout.strip())  # fmt: skip
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run(*pip, "install", "--no-deps", "--target", site, wheel, env=offline)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("SMARTSPEC_")}
    env.pop("PYTHONPATH", None)
    result = json.loads(run(python, "-c", RENDER, cwd=elsewhere, env=env).stdout)

    package = Path(result["package"]).parent
    assert package == site / "smartspec_site" and result["installed"]
    data = package / "_data"
    found = {"templates": "templates", "static": "static", "CONTENT_DIR": "content",
             "TRANSLATIONS_DIR": "translations"}  # fmt: skip
    for key, folder in found.items():
        assert Path(result[key]) == data / folder, key
    # What the app built went to the instance folder of the new environment, not the clone.
    build = Path(result["BUILD_DIR"])
    assert build.is_relative_to(venv) and not build.is_relative_to(CHECKOUT)
    assert (Path(result["CATALOG_BUILD_DIR"]) / "en/LC_MESSAGES/messages.mo").is_file()
    assert any(Path(result["STATIC_BUILD_DIR"]).rglob("site.*.css"))
    assert not list(data.rglob("*.mo"))

    titles = {
        "sv": "Smart specialisering – Västra Götalandsregionen",
        "en": "Smart specialisation – Region Västra Götaland",
    }
    for locale, title in titles.items():
        page = result["pages"][locale]
        assert page["status"] == 200, locale
        html = page["html"]
        assert f"<title>{title}</title>" in html
        assert f'<html lang="{locale}"' in html
        # A hashed static file, served from the instance folder's build.
        assert re.fullmatch(r"/static/css/site\.[0-9a-f]+\.css", page["css"]), page["css"]
        assert page["css_status"] == 200
    # The words came from the package's content/, translated by the compiled catalog.
    assert "Skip to main content" in result["pages"]["en"]["html"]
    assert "Gå direkt till huvudinnehållet" in result["pages"]["sv"]["html"]
