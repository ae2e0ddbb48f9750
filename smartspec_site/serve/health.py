"""``/healthz`` for load balancers, monitoring and nginx: answered in front of Flask,
whatever the Host.

A load balancer checks a machine by its address (``Host: 10.0.0.5``), which production's
TRUSTED_HOSTS refuse; so the check is answered before Flask sees the request. To GET and
HEAD it answers ``ok`` when the app can do its one job that has state, storing feedback: it
writes a row of its own to the database (``feedback.store.write_check``; no visitor's data).
When the database cannot take the write (read-only, gone, a full disk, PostgreSQL stopped)
it answers 503 with the reason in one line. Never cached; anything else 405. gunicorn.conf.py
leaves it out of the access log; nginx passes it to the app for whatever Host
(deploy/nginx/)."""

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
