"""gunicorn settings for production, always behind nginx: `make serve` runs both
(smartspec_site/serve/stack.py), and deploy/smartspec.service runs gunicorn on a server with
the socket systemd opens for nginx. Sync workers serve one connection each, so they never
face clients directly: nginx buffers whole requests and answers (docs/production.md).

Overridable from the environment: GUNICORN_BIND (default 127.0.0.1:8000; `make serve` uses a
unix socket), WEB_CONCURRENCY (workers; default 2 x cores + 1), GUNICORN_THREADS (default 1:
sync workers), GUNICORN_ACCESSLOG (default "-", stdout; empty to turn it off: nginx logs
every request). Any other setting: GUNICORN_CMD_ARGS, e.g. GUNICORN_CMD_ARGS="--timeout 60".
The app needs SMARTSPEC_SITE_URL in production.
"""

import os

from gunicorn.glogging import Logger

# The app runs in production mode under gunicorn: debug is forced off (config.finalize),
# HSTS is sent. Only an explicit SMARTSPEC_PRODUCTION=false changes that, and then
# post_worker_init below still refuses to serve with debug on.
os.environ.setdefault("SMARTSPEC_PRODUCTION", "true")

wsgi_app = "smartspec_site:create_app()"


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * _cores() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# Load the app once in the master: the static build and the catalogs are made once, a
# broken catalog stops the start before any worker forks, and workers share the memory.
preload_app = True
timeout = 30
graceful_timeout = 20
keepalive = 5
reload = False
# No runtime control socket (gunicorn >= 27 opens one in ~/.gunicorn by default): nothing
# here is managed at run time, and several servers (tests, `make serve`) run side by side.
control_socket_disable = True

# Logs: errors to stderr, the access log (combined format plus the time taken) to stdout,
# without the load balancer's health checks.
errorlog = "-"
loglevel = "info"
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'


class AccessLogWithoutHealthChecks(Logger):
    """gunicorn's logger, minus the access-log line for GET /healthz."""

    def access(self, resp, req, environ, request_time):
        if environ.get("PATH_INFO") == "/healthz":
            return
        super().access(resp, req, environ, request_time)


logger_class = AccessLogWithoutHealthChecks


def post_worker_init(worker):
    """Never serve with Flask's debug mode on: a worker that finds it on does not boot."""
    app = worker.wsgi
    if getattr(app, "debug", False):
        raise RuntimeError("refusing to serve with debug on under gunicorn")
    worker.log.info("worker ready: debug off, production=%s", app.config.get("PRODUCTION"))
