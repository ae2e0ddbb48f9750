"""``/healthz`` for load balancers and nginx: answered in front of Flask, whatever the Host.

A load balancer checks a machine by its address (``Host: 10.0.0.5``), which production's
TRUSTED_HOSTS refuse; so the check is answered before Flask sees the request: ``ok`` to GET
and HEAD, never cached, and 405 to anything else. gunicorn.conf.py leaves it out of the
access log. nginx answers it the same way for whatever Host (deploy/nginx/)."""

from __future__ import annotations

from werkzeug.wrappers import Response

HEALTH_PATH = "/healthz"


class HealthCheck:
    def __init__(self, app):
        self.app = app
        self.ok = Response("ok\n", mimetype="text/plain", headers={"Cache-Control": "no-store"})
        self.refused = Response(
            "405 Method Not Allowed: /healthz answers GET and HEAD.\n",
            status=405,
            mimetype="text/plain",
            headers={"Allow": "GET, HEAD", "Cache-Control": "no-store"},
        )

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != HEALTH_PATH:
            return self.app(environ, start_response)
        method = environ.get("REQUEST_METHOD")
        answer = self.ok if method in ("GET", "HEAD") else self.refused
        return answer(environ, start_response)
