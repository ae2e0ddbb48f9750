"""``python -m smartspec_site.serve.probe SOCKET``: the systemd unit's check after each start
(deploy/smartspec.service, ExecStartPost). It asks gunicorn's /healthz over the unix socket,
prints what it said, and fails unless it was 200: a database the app cannot write fails the
start, with the reason in the journal. Python's own http.client, so a server needs no curl."""

from __future__ import annotations

import http.client
import sys
from pathlib import Path

from .health import HEALTH_PATH
from .processes import UnixHTTPConnection


def probe(sock: Path, timeout: float = 30) -> tuple[int, str]:
    """GET /healthz over gunicorn's unix socket: the status (0: no answer) and the text."""
    connection = UnixHTTPConnection(sock, timeout=timeout)
    try:
        connection.request("GET", HEALTH_PATH)
        answer = connection.getresponse()
        return answer.status, answer.read().decode("utf-8", "replace")
    except (OSError, http.client.HTTPException) as exc:
        return 0, f"no answer on {sock}: {exc}\n"
    finally:
        connection.close()


def main(argv: list[str]) -> int:
    """``python -m smartspec_site.serve.probe SOCKET``: the systemd unit's check after each
    start (ExecStartPost). Prints what /healthz said; fails unless it was 200."""
    if len(argv) != 1:
        print("usage: python -m smartspec_site.serve.probe SOCKET", file=sys.stderr)
        return 2
    status, text = probe(Path(argv[0]))
    print(text, end="", file=sys.stdout if status == 200 else sys.stderr)
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
