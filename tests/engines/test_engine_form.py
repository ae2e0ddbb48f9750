"""The feedback form used in Dillo and NetSurf, by mouse and keyboard under Xvfb (issue 21):
"Report a problem with this page" sent empty, the error summary's link followed (Dillo
used to load the form's address by GET and get a 405, losing the form), the text typed and
sent, and the thank-you reached; then the easy-to-read page, the statement and each step
of the form by its address. Every screenshot stays in artifacts/ for a person to look at,
and gets the header checks of test_graphical_browsers.py. The controls are found on the
screenshot by their colours (static/css/site.css), as a person finds them by eye."""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image

from smartspec_site.config import CHECKOUT

from ..conftest import TEST_CONFIG
from ..feedback_helpers import SUBMIT, THANKS, form, rows
from ..helpers import SITE, soup
from . import looks
from .catalog import runnable
from .conftest import GRAPHICAL
from .pixels import hex_colour, matches, row_counts
from .screens import Session, xvfb

BUTTON, ERROR_LINK, WHITE = hex_colour("#00703c"), hex_colour("#d4351c"), hex_colour("#ffffff")


def boxes_of(img: Image.Image, colour) -> tuple[int, int, int, int] | None:
    """The bounding box of every pixel of exactly ``colour``."""
    return matches(img, colour).getbbox()


def centre(box) -> tuple[int, int]:
    return (box[0] + box[2]) // 2, (box[1] + box[3]) // 2


def error_link(img: Image.Image) -> tuple[int, int]:
    """The red link inside the error summary's red frame (5 px)."""
    frame = boxes_of(img, ERROR_LINK)
    assert frame, "no error summary"
    inner = img.crop((frame[0] + 8, frame[1] + 8, frame[2] - 8, frame[3] - 8))
    text = boxes_of(inner, ERROR_LINK)
    assert text, "no link in the error summary"
    x, y = centre(text)
    return frame[0] + 8 + x, frame[1] + 8 + y


def text_box(img: Image.Image, above: int) -> tuple[int, int]:
    """The text box: the first white rectangle above the button, on the form's grey."""
    width = img.size[0] - 30
    white = matches(img, WHITE, (0, 0, width, above))
    rows_ = [y for y, count in enumerate(row_counts(white)) if count > 300]
    assert rows_, "no text box above the button"
    bottom = rows_[-1]
    top = bottom
    while top - 1 in rows_:
        top -= 1
    xs = [x for x in range(width) if img.getpixel((x, bottom)) == WHITE]
    return (min(xs) + max(xs)) // 2, (top + bottom) // 2


def run(app, live_server, engine: str) -> dict[str, Path]:
    client = app.test_client()
    start = f"/sv/{SITE['strategy'].path('sv')}"
    ask = f"{SUBMIT['sv']}?page={start}"
    problem = f"{ask}&step=problem"
    more = client.post(ask, data=form(start, answer="yes")).headers["Location"]
    thanks = f"{THANKS['sv']}?page={start}"

    def title(path: str) -> str:
        return soup(client.get(path)).title.get_text()

    out = CHECKOUT / "artifacts"
    out.mkdir(exist_ok=True)
    shots: dict[str, Path] = {}
    marker = f"Skickat med {engine}"
    with xvfb() as display, tempfile.TemporaryDirectory(prefix=f"{engine}-home-") as home:
        session = Session(engine, display, Path(home), live_server.url + problem, title(problem))
        try:

            def shot(name: str) -> Image.Image:
                shots[name] = session.screenshot(out / f"{engine}-form-{name}.png")
                return Image.open(shots[name]).convert("RGB")

            img = shot("problem")
            button = boxes_of(img, BUTTON)
            assert button, "no green button"
            session.click(*centre(button), title=f"Fel: {title(problem)}")  # sent empty
            img = shot("errors")
            # Dillo loads the link's address by GET: the same form, never a 405.
            # (NetSurf scrolls the page it has; both are right, neither loses the form.)
            session.click(*error_link(img), title=(title(problem), f"Fel: {title(problem)}"))
            img = shot("error-link-followed")
            button = boxes_of(img, BUTTON)
            session.click(*text_box(img, button[1]))
            session.type(marker)
            img = shot("typed")
            session.click(*centre(boxes_of(img, BUTTON)), title=title(thanks))
            shot("thank-you")
            for name, path in (
                ("ask", ask),
                ("more", more),
                ("easy-read", f"/sv/{SITE['easy-read'].path('sv')}"),
                ("statement", f"/sv/{SITE['accessibility'].path('sv')}"),
                ("report", f"/sv/{SITE['accessibility-report'].path('sv')}"),
            ):
                session.go(live_server.url + path, title(path))
                shot(name)
        finally:
            session.close()
    stored = [row for row in rows(TEST_CONFIG["DATABASE_URL"]) if row["text"] == marker]
    assert [(row["answer"], row["page"]) for row in stored] == [(None, start)], stored
    return shots


@pytest.fixture(scope="module")
def screenshots(app, live_server) -> dict:
    engines = runnable(GRAPHICAL)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {e: pool.submit(run, app, live_server, e) for e in engines}
    return {e: (f.exception() or f.result()) for e, f in futures.items()}


def test_the_form_is_sent_empty_mended_through_its_error_link_and_thanked(shots):
    assert {"problem", "errors", "error-link-followed", "typed", "thank-you"} <= set(shots)


def test_every_state_keeps_the_header_readable_and_draws_no_stray_box(shots):
    for check in (looks.header_contrast, looks.stray_panel_boxes, looks.banner_boxes):
        found = {name: check(img) for name, img in shots.items()}
        assert not {name: p for name, p in found.items() if p}, check.__name__
