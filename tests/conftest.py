"""Shared fixtures: the app, its test client, and the app served on 127.0.0.1."""

from __future__ import annotations

import atexit
import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator

import pytest
from flask import Flask
from werkzeug.serving import make_server

from smartspec_site import create_app

from .system import need

# Tests never reach a CDN: they serve the vendored htmx (same file, same integrity hash).
# Their feedback goes to a database of their own, never to the checkout's instance folder;
# a test that counts rows makes its own (tests/feedback_helpers.py).
_DATABASES = tempfile.mkdtemp(prefix="smartspec-tests-")
atexit.register(shutil.rmtree, _DATABASES, True)
TEST_CONFIG = {
    "TESTING": True,
    "HTMX_SOURCE": "local",
    "DATABASE_URL": f"sqlite:///{_DATABASES}/feedback.sqlite3",
}
# Servers the tests start (make serve, gunicorn) keep their feedback there too, not in the
# checkout's instance/ that every pytest-xdist worker would share; a test may name another.
os.environ.setdefault("SMARTSPEC_DATABASE_URL", f"sqlite:///{_DATABASES}/served.sqlite3")
# Production as an operator starts it (config.py's switch): the one such config of the tests.
PRODUCTION_CONFIG = {**TEST_CONFIG, "PRODUCTION": True, "SITE_URL": "http://localhost"}
FROZEN_SITE_URL = "https://smartspec.example"


def new_app(base: dict = TEST_CONFIG, **settings) -> Flask:
    """A new app from ``base`` (the tests' config, or PRODUCTION_CONFIG) with ``settings`` on
    top, for a test whose config differs from the shared ``app``'s."""
    return create_app({**base, **settings})


# pytest-xdist (docs/testing.md): each group is one unit of work, run on one worker, one
# test after another. engines: Dillo and NetSurf under Xvfb, with time limits; timing: tests
# that measure time or load, which must not fight each other for the cores. Any other test
# is a unit with its module, so that a module's servers and browsers start once.
SERIAL_GROUPS = {
    "engines": ("tests/engines/test_engine_form.py", "tests/engines/test_graphical_browsers.py"),
    "timing": (
        "tests/test_slow_clients.py",
        "tests/test_feedback_gunicorn.py",
        "tests/test_feedback_limits.py",
        "tests/test_stack_faults.py",
        "tests/test_rate_limit_ipv6.py",
    ),
}
# Handed out first (--no-loadscope-reorder keeps this order), longest first, so that no
# worker is left with a long unit at the end: the units over 6 s in a run with -n 2, in
# the order of their time there (docs/testing.md). Any other unit follows in collection order.
LONGEST_FIRST = (
    "timing",
    "tests/browser/test_feedback.py",
    "tests/browser/test_every_page.py",
    "tests/browser/test_keyboard.py",
    "engines",
    "tests/browser/test_expanders.py",
    "tests/browser/test_browser_support.py",
    "tests/test_tls.py",
    "tests/test_translation_panel.py",
    "tests/browser/test_scenarios.py",
    "tests/browser/test_layout.py",
    "tests/browser/test_frame.py",
    "tests/browser/test_easy_read.py",
    "tests/test_feedback_form.py",
    "tests/browser/test_translation_panel.py",
    "tests/test_production_catalogs.py",
    "tests/test_feedback_store.py",
    "tests/test_stack.py",
    "tests/engines/test_text_browsers.py",
    "tests/engines/test_firefox.py",
    "tests/browser/test_frozen_site.py",
    "tests/test_markup.py",
)


def xdist_group(nodeid: str) -> str:
    path = nodeid.split("::", 1)[0]
    for group, prefixes in SERIAL_GROUPS.items():
        if path.startswith(prefixes):
            return group
    return path


def pytest_xdist_make_scheduler(config, log):
    """xdist's loadscope with our units (xdist_group above). Not its loadgroup marks: with
    pytest 9.2, xdist 3.8 cannot rename a test to carry its group, and the marks are lost."""
    from xdist.scheduler import LoadScopeScheduling

    class Units(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return xdist_group(nodeid)

    return Units(config, log)


def pytest_collection_modifyitems(items):
    def rank(item) -> int:
        group = xdist_group(item.nodeid)
        return next(
            (i for i, first in enumerate(LONGEST_FIRST) if group.startswith(first)),
            len(LONGEST_FIRST),
        )

    items.sort(key=rank)  # stable: the collection's order within a rank


def catalogs_in(folder) -> dict[str, str]:
    """The settings for a copy of translations/ that holds its compiled catalogs too, each
    .mo beside its .po, so that a test reads and breaks both in one folder."""
    return {"TRANSLATIONS_DIR": str(folder), "CATALOG_BUILD_DIR": str(folder)}


def catalogs_env(folder) -> dict[str, str]:
    """catalogs_in() as the environment of a server the test starts."""
    return {f"SMARTSPEC_{key}": value for key, value in catalogs_in(folder).items()}


def pytest_runtest_setup(item):
    """``@pytest.mark.needs("nginx", ...)``: the Debian packages a test needs (tests/system.py)."""
    for mark in item.iter_markers("needs"):
        for name in mark.args:
            need(name)


def pytest_addoption(parser):
    parser.addoption(
        "--tls-full",
        action="store_true",
        help="run every check of testssl.sh on the TLS server (make tls-check; minutes)",
    )


@pytest.fixture(scope="session")
def app():
    return new_app()


@pytest.fixture(scope="session")
def make_app():
    """``make_app(HTMX_SOURCE="cdn")``, ``make_app(PRODUCTION_CONFIG, HSTS_SECONDS=0)``: an
    app of the test's own (``new_app``)."""
    return new_app


@pytest.fixture(scope="session")
def make_client():
    """The test client of ``make_app(...)``."""
    return lambda base=TEST_CONFIG, **settings: new_app(base, **settings).test_client()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class LiveServer:
    """The app served by werkzeug in a thread, on a free port of 127.0.0.1 only."""

    def __init__(self, app):
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)
        self._server.server_close()


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="session")
def postgres():
    """Debian's PostgreSQL, started for this test run on a unix socket (tests/postgres.py)."""
    from .postgres import Postgres

    need("postgresql")
    server = Postgres().start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty feedback database: SQLite in a file, or PostgreSQL."""
    from .feedback_helpers import close_pools

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    else:
        yield request.getfixturevalue("postgres").new_database()
    close_pools()


@pytest.fixture(scope="session")
def frozen(tmp_path_factory):
    """The static export (`flask freeze`), written once per test run."""
    app = new_app(SITE_URL=FROZEN_SITE_URL)
    destination = tmp_path_factory.mktemp("site")
    result = app.test_cli_runner().invoke(args=["freeze", "--destination", str(destination)])
    assert result.exit_code == 0, result.output
    assert "URLs written to" in result.output
    return app, destination


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def static_server(frozen) -> Iterator[str]:
    """The export served as plain files by Python's http.server on 127.0.0.1."""
    _, root = frozen
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def serve_stack():
    """`make serve` as it runs: nginx in front of gunicorn, on a free port (nginx_stack.py)."""
    from .nginx_stack import NGINX, ServeStack

    for name in NGINX:
        need(name)
    with ServeStack() as stack:
        yield stack


@pytest.fixture(scope="session")
def nginx_export(frozen, tmp_path_factory):
    """The export served by the operator's deploy/nginx/smartspec-export.conf."""
    from .nginx_stack import NGINX, OperatorNginx, self_signed

    for name in NGINX:
        need(name)
    _, root = frozen
    run = tmp_path_factory.mktemp("nginx-export")
    headers = "_nginx-security-headers.conf"
    replacements = [
        (f"/srv/smartspec/site/{headers}", str(root / headers)),
        ("/srv/smartspec/site", str(root)),
    ]
    with OperatorNginx("smartspec-export.conf", run, self_signed(run), replacements) as nginx:
        yield nginx
