"""Firefox ESR (Gecko) does what Chromium does: the same scenarios (tests/browser/
scenarios.py) played through Marionette. The expanders open in place, the skip link moves
focus, and the head script's feature test finds Gecko modern (and shows the banner when a
tested feature is taken away)."""

from __future__ import annotations

import pytest

from ..browser.scenarios import SCENARIOS
from ..helpers import LOCALES
from .catalog import BROWSERS, require_browser
from .gecko import firefox


@pytest.fixture(scope="module")
def gecko():
    with firefox(require_browser("firefox-esr")) as (driver, version):
        assert version.startswith(BROWSERS["firefox-esr"].version + "."), version
        yield driver


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__)
def test_scenario_in_firefox_esr(gecko, live_server, scenario, locale):
    scenario(gecko, live_server.url, locale)
