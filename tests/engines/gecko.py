"""Firefox ESR (Gecko) through Marionette, Firefox's own remote protocol, with Mozilla's
marionette-driver (PyPI): it starts Debian's firefox-esr headless on a fresh temporary
profile and a free port, and ends it. Every outside host goes to a closed local port, so
Firefox's own background requests fail at once, as Chromium's do (tests/browser/conftest)."""

from __future__ import annotations

import contextlib
import gc
import tempfile
import warnings
from collections.abc import Iterator
from typing import Any

from marionette_driver import By, Wait
from marionette_driver.keys import Keys
from marionette_driver.marionette import Marionette

TIMEOUT = 10  # seconds for a page load, a script or a wait
STARTUP = 90  # seconds for Firefox to start on a busy machine
PREFS = {
    # Outside hosts: through a proxy that is not there (127.0.0.1 itself is never proxied).
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": 9,
    "network.proxy.no_proxies_on": "127.0.0.1, localhost",
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.safebrowsing.update.enabled": False,
    "app.update.disabledForTesting": True,
}
KEYS = {"Tab": Keys.TAB, "Enter": Keys.ENTER, "Space": Keys.SPACE}


class Firefox:
    """The scenarios' Driver (tests/browser/scenarios.py) over a Marionette session."""

    def __init__(self, marionette: Marionette):
        self.m = marionette

    def goto(self, url: str) -> None:
        self.m.navigate(url)

    def js(self, body: str, *args: Any) -> Any:
        # sandbox=None: in the page's own scope, where site.js and htmx live.
        return self.m.execute_script(body, script_args=list(args), sandbox=None)

    def click(self, css: str) -> None:
        self.m.find_element(By.CSS_SELECTOR, css).click()

    def press(self, key: str) -> None:
        self.m.actions.sequence("key", "keyboard").key_down(KEYS[key]).key_up(KEYS[key]).perform()
        self.m.actions.release()

    def wait(self, body: str, *args: Any) -> None:
        Wait(self.m, timeout=TIMEOUT, interval=0.1).until(
            lambda _: self.js(body, *args), message=f"timed out: {body[:80]}"
        )


@contextlib.contextmanager
def firefox(binary: str) -> Iterator[tuple[Firefox, str]]:
    """A Marionette session on a fresh profile; yields the driver and the browser's version."""
    with tempfile.TemporaryDirectory(prefix="firefox-log-") as logs:
        # While it waits for Firefox's port, marionette-driver drops its probing sockets
        # unclosed; their ResourceWarnings are its own, not this suite's.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            marionette = Marionette(
                bin=binary,
                port=0,  # a free port
                headless=True,
                prefs=PREFS,
                gecko_log=f"{logs}/gecko.log",
                startup_timeout=STARTUP,
                socket_timeout=STARTUP,
            )
            gc.collect()
        try:
            marionette.start_session()
            marionette.timeout.page_load = TIMEOUT
            marionette.timeout.script = TIMEOUT
            version = marionette.session_capabilities["browserVersion"]
            yield Firefox(marionette), version
        finally:
            marionette.cleanup()  # ends the session and the Firefox process
            if marionette.instance and marionette.instance.profile:
                marionette.instance.profile.cleanup()  # the temporary profile
