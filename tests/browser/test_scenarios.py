"""The shared scenarios (scenarios.py) in Chromium: the reference that Firefox ESR must
match (tests/engines/test_firefox.py plays the same ones in Gecko)."""

from __future__ import annotations

import pytest

from .helpers import LOCALES
from .scenarios import SCENARIOS, Playwright


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__)
def test_scenario_in_chromium(page, live_server, scenario, locale):
    scenario(Playwright(page), live_server.url, locale)
