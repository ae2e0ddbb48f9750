"""``/healthz`` for load balancers, monitoring and nginx, answered in front of Flask: a load
balancer names a machine by its address (``Host: 10.0.0.5``), which TRUSTED_HOSTS refuse.
GET and HEAD get ``ok`` when the probe (create_app: a write to the feedback database) says
all is well, else 503 with the reason in one line; never cached; anything else 405."""

from __future__ import annotations

from collections.abc import Callable

from werkzeug.wrappers import Response

HEALTH_PATH = "/healthz"
NO_STORE = {"Cache-Control": "no-store"}


class HealthCheck:
    def __init__(self, app, probe: Callable[[], str | None] = lambda: None):
        """``probe`` returns None when all is well, else why not, in one line."""
        self.app = app
        self.probe = probe
        self.ok = Response("ok\n", mimetype="text/plain", headers=NO_STORE)
        self.refused = Response(
            "405 Method Not Allowed: /healthz answers GET and HEAD.\n",
            status=405,
            mimetype="text/plain",
            headers={"Allow": "GET, HEAD", **NO_STORE},
        )

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != HEALTH_PATH:
            return self.app(environ, start_response)
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return self.refused(environ, start_response)
        if (trouble := self.probe()) is None:
            return self.ok(environ, start_response)
        failing = Response(f"{trouble}\n", status=503, mimetype="text/plain", headers=NO_STORE)
        return failing(environ, start_response)
