"""Firefox ESR (Gecko) does what Chromium does: the same scenarios (tests/browser/
scenarios.py) played through Marionette. The expanders open in place, the skip link moves
focus, and the head script's feature test finds Gecko modern (and shows the banner when a
tested feature is taken away)."""

from __future__ import annotations

import pytest

from ..browser.scenarios import SCENARIOS
from ..helpers import LOCALES
from .catalog import require_browser
from .gecko import firefox


@pytest.fixture(scope="module")
def gecko():
    # Debian moves Firefox ESR to each new ESR within a release, so the version is not
    # pinned (docs/tested-browsers.toml has the one last checked by hand).
    with firefox(require_browser("firefox-esr")) as (driver, _version):
        yield driver


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__)
def test_scenario_in_firefox_esr(gecko, live_server, scenario, locale):
    scenario(gecko, live_server.url, locale)
