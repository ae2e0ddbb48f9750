"""`make serve`: the production stack on this machine, in the foreground.

    PORT=8000 python -m smartspec_site.serve.stack

gunicorn (gunicorn.conf.py: production, sync workers) listens on a unix socket; nginx
(Debian's) listens on 127.0.0.1:PORT in front of it with deploy/nginx/local.conf, which
includes the same deploy/nginx/smartspec/*.conf as the operator's site. gunicorn never faces
a client: its sync workers would wait on every slow one, where nginx buffers requests and
answers. Both run unprivileged from a temporary folder (nginx's prefix: its configuration,
pid, temp and cache folders, and the socket), removed on exit. Ctrl-C or SIGTERM stops both;
if either stops on its own, so does the other, and the exit status says so.

SITE_URL is http://localhost:PORT unless SMARTSPEC_SITE_URL says otherwise, and 127.0.0.1 is
accepted too (EXTRA_HOSTS), so a browser and the tests both get in. The app writes its
security headers for nginx (NGINX_HEADERS_FILE) and sends none itself.

``Nginx`` (a configuration in its own prefix, run in the foreground) also serves the tests
and bench/run.py, which run the operator's files the same way. Starting, waiting and
stopping are processes.py's, as for the tests' servers and the benchmark.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from ..config import CHECKOUT, extra_hosts
from .processes import Process, ProcessError, port_in_use

DEPLOY = CHECKOUT / "deploy" / "nginx"  # make serve runs from a clone
INCLUDES = DEPLOY / "smartspec"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
GUNICORN = Path(sys.executable).with_name("gunicorn")
# Debian's package of Google's ngx_brotli (static.conf's brotli_static).
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")

MAIN = """\
# Written by smartspec_site/serve/stack.py for one run of nginx, in its own prefix.
{user}pid {run}/nginx.pid;
worker_processes 2;
worker_rlimit_nofile 8192;
error_log stderr warn;
{modules}
events {{
    worker_connections 4096;
}}

http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {run}/temp/body;
    proxy_temp_path {run}/temp/proxy;
    fastcgi_temp_path {run}/temp/fastcgi;
    uwsgi_temp_path {run}/temp/uwsgi;
    scgi_temp_path {run}/temp/scgi;
    log_format smartspec '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                         '"$http_user_agent" $request_time $upstream_cache_status';
    access_log {access};

    include {site};
}}
"""


def fill(text: str, values: dict[str, str]) -> str:
    """Replace each ``@NAME@`` (every one must be there); none may remain."""
    for name, value in values.items():
        if name not in text:
            raise ValueError(f"{name} is not in the configuration")
        text = text.replace(name, value)
    if "@" in "".join(line.split("#", 1)[0] for line in text.splitlines()):
        raise ValueError("a @...@ value is left unfilled")
    return text


def worker_user() -> str:
    """Started as root, nginx's workers would run as ``nobody``, who may not read a checkout
    in a private home. They run as the owner of the files they serve instead."""
    if os.geteuid() != 0:
        return ""  # nginx ignores `user` when it is not root
    info = CHECKOUT.stat()
    return f"user {pwd.getpwuid(info.st_uid).pw_name} {grp.getgrgid(info.st_gid).gr_name};\n"


class Nginx(Process):
    """An http{} site file run by nginx in the foreground, with its own prefix in ``run``.
    The site's relative includes (smartspec/...) resolve to deploy/nginx/smartspec/.
    SIGQUIT stops it: nginx finishes the answers under way, then exits."""

    def __init__(self, run: Path, site: str, access_log: str = "off", **options):
        self.run = run
        conf = run / "conf"
        for folder in (conf, run / "temp", run / "cache"):
            folder.mkdir(parents=True, exist_ok=True)
        (conf / "smartspec").symlink_to(INCLUDES, target_is_directory=True)
        (conf / "site.conf").write_text(site, encoding="utf-8")
        modules = f"load_module {BROTLI_MODULE};\n" if BROTLI_MODULE.exists() else ""
        access = f"{access_log} smartspec" if access_log != "off" else "off"
        main = MAIN.format(
            user=worker_user(), run=run, modules=modules, access=access, site=conf / "site.conf"
        )
        self.conf = conf / "nginx.conf"
        self.conf.write_text(main, encoding="utf-8")
        command = self.nginx("-g", "daemon off;")
        super().__init__("nginx", command, stop_signal=signal.SIGQUIT, **options)

    def nginx(self, *extra: str) -> list[str]:
        return [NGINX, "-p", str(self.run), "-c", str(self.conf), "-e", "stderr", *extra]

    def check(self) -> subprocess.CompletedProcess:
        """``nginx -t``: the configuration as nginx reads it."""
        command = self.nginx("-t")
        return subprocess.run(command, capture_output=True, text=True, timeout=30)  # noqa: S603 - nginx, our own files


def stack_env(run: Path, port: int) -> tuple[dict[str, str], list[str]]:
    """gunicorn's environment for the stack, and the host names nginx serves."""
    env = dict(os.environ)
    site_url = env.setdefault("SMARTSPEC_SITE_URL", f"http://localhost:{port}")
    extra = env.setdefault("SMARTSPEC_EXTRA_HOSTS", "127.0.0.1")
    env.update(
        GUNICORN_BIND=f"unix:{run / 'gunicorn.sock'}",
        GUNICORN_ACCESSLOG="",  # nginx logs every request, with the cache's verdict
        SMARTSPEC_NGINX_HEADERS_FILE=str(run / "security-headers.conf"),
        SMARTSPEC_PROXY_COUNT="1",
    )
    try:
        listed = json.loads(extra)  # as Flask's from_prefixed_env reads it
    except ValueError:
        listed = extra
    hosts = [urlsplit(site_url).hostname or "localhost", *extra_hosts(listed)]
    return env, list(dict.fromkeys(hosts))


def local_config(name: str, values: dict[str, str]) -> str:
    """deploy/nginx/local.conf (the stack) or local-export.conf (an export), filled in."""
    return fill((DEPLOY / name).read_text(encoding="utf-8"), values)


def local_site(run: Path, port: int, hosts: list[str]) -> str:
    return local_config(
        "local.conf",
        {
            "@SOCKET@": str(run / "gunicorn.sock"),
            "@CACHE@": str(run / "cache"),
            "@PORT@": str(port),
            "@HOSTS@": " ".join(hosts),
            # The app's BUILD_DIR (config.locate; gunicorn runs in the clone), where it
            # writes what nginx serves.
            "@BUILD@": str(CHECKOUT / (os.environ.get("SMARTSPEC_BUILD_DIR") or "build")),
            "@HEADERS@": str(run / "security-headers.conf"),
            # The feedback form's rate limit (deploy/nginx/smartspec/maps.conf); the tests
            # raise it for the parallel submissions.
            "@FEEDBACK_RATE@": os.environ.get("NGINX_FEEDBACK_RATE", "10r/m"),
            "@FEEDBACK_BURST@": os.environ.get("NGINX_FEEDBACK_BURST", "10"),
        },
    )


class Stopped(Exception):
    pass


def main() -> int:
    port = int(os.environ.get("PORT", "8000"))
    for needed in (Path(NGINX), BROTLI_MODULE):
        if not needed.exists():
            print(f"{needed} is missing: `make serve` installs it (debian-packages.toml)",
                  file=sys.stderr)  # fmt: skip
            return 1

    def stopped(signum, frame):
        raise Stopped

    if busy := port_in_use(port):
        print(
            f"make serve: port {port} on 127.0.0.1 is in use ({busy}): stop what listens "
            f"there, or choose another port: PORT=8080 make serve",
            file=sys.stderr,
        )
        return 1
    signal.signal(signal.SIGTERM, stopped)
    signal.signal(signal.SIGINT, stopped)
    with tempfile.TemporaryDirectory(prefix="smartspec-serve-") as tmp:
        run = Path(tmp)
        run.chmod(0o755)  # nginx's workers reach the socket and the cache in here
        env, hosts = stack_env(run, port)
        sock = run / "gunicorn.sock"
        # Both stay in make serve's process group: a terminal's Ctrl-C or hang-up, or a
        # kill of the group, reaches them too, so neither outlives make serve.
        gunicorn = Process("gunicorn", [GUNICORN, "--config", "gunicorn.conf.py"], cwd=CHECKOUT,
                           env=env, output=None, group=False)  # fmt: skip
        nginx = Nginx(run, local_site(run, port, hosts), access_log="/dev/stdout",
                      output=None, group=False)  # fmt: skip
        try:
            gunicorn.start()
            try:
                gunicorn.wait_healthy(sock)
            except ProcessError as exc:
                print(f"make serve: {exc}", file=sys.stderr)
                return 1
            nginx.start()
            url = f"http://127.0.0.1:{port}"
            try:
                nginx.wait_healthy(url + "/healthz", also=[gunicorn])
            except ProcessError:
                print(f"make serve: nginx did not start on port {port} (see above)",
                      file=sys.stderr)  # fmt: skip
                return 1
            print(
                f"Serving {env['SMARTSPEC_SITE_URL']}/ (also {url}/): nginx (pid "
                f"{nginx.popen.pid}) in front of gunicorn (pid {gunicorn.popen.pid}). "
                "Ctrl-C stops both.",
                flush=True,
            )
            while gunicorn.running() and nginx.running():
                time.sleep(0.2)
            which = "nginx" if gunicorn.running() else "gunicorn"
            print(f"make serve: {which} stopped; stopping the other", file=sys.stderr)
            return 1
        except Stopped:
            return 0
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this short
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            nginx.stop()
            gunicorn.stop()


if __name__ == "__main__":
    sys.exit(main())
