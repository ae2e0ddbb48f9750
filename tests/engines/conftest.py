"""Real engines other than the Playwright-driven Chromium: text browsers, Dillo and NetSurf
under Xvfb, and Firefox ESR through Marionette. Every test here is marked ``engines``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from .catalog import require_browser, require_x

GRAPHICAL = ("dillo", "netsurf")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.engines)


@pytest.fixture(params=GRAPHICAL)
def shots(request, screenshots) -> dict:
    """One graphical engine's screenshots, opened: ``screenshots`` is the module's own
    fixture ({engine: {name: path}, or the error its run raised})."""
    require_x()
    require_browser(request.param)
    result = screenshots[request.param]
    if isinstance(result, BaseException):
        raise result
    return {name: Image.open(path).convert("RGB") for name, path in result.items()}
