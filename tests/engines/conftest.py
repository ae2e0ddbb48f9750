"""Real engines other than the Playwright-driven Chromium: text browsers, Dillo and NetSurf
under Xvfb, and Firefox ESR through Marionette. Every test here is marked ``engines``."""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.engines)
