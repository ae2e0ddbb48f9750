"""Load generation and measurement for bench/run.py: wrk (Debian's), a Python stand-in when
wrk is missing, one plain GET, and Lighthouse."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
LIGHTHOUSE = "lighthouse@12.2.3"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --disable-quic --no-first-run "
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"'
)


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
    """One GET; the body as sent (still compressed)."""
    host, _, rest = url.partition("//")[2].partition("/")
    conn = http.client.HTTPConnection(host, timeout=10)
    try:
        conn.request("GET", "/" + rest, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


# --- load generation ----------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, duration: float, connections: int, headers: dict | None = None) -> dict:
    extra = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    seconds = max(1, round(duration))
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", *extra, url],
        capture_output=True,
        text=True,
        timeout=duration + 30,
        check=True,
    ).stdout

    def latency(pct: str) -> float:
        value, unit = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * UNITS[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def pyload(url: str, duration: float, connections: int, headers: dict | None = None) -> dict:
    """Fallback load generator: closed loop, one connection per request like wrk against
    gunicorn's sync workers (which close after each response)."""
    host, _, rest = url.partition("//")[2].partition("/")
    path = "/" + rest
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def worker() -> None:
        mine = []
        while time.monotonic() < stop:
            start = time.perf_counter()
            conn = http.client.HTTPConnection(host, timeout=10)
            try:
                conn.request("GET", path, headers=headers or {})
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors[0] += 1
            finally:
                conn.close()
            mine.append((time.perf_counter() - start) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": latencies[len(latencies) // 2],
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "errors": errors[0],
    }


# --- Lighthouse ------------------------------------------------------------------------------


def lighthouse(url: str, timeout: float, attempts: int = 3) -> dict[str, int] | str:
    """Lighthouse's four scores; a run that fails to trace (it happens on a loaded machine:
    NO_NAVSTART, NO_FCP) is tried again."""
    if not shutil.which("npx") or not Path(CHROMIUM).exists():
        return "skipped: npx or Chromium missing"
    for attempt in range(1, attempts + 1):
        result = _lighthouse_once(url, timeout)
        if not isinstance(result, str):
            return result
        if attempt == attempts:
            return result


def _lighthouse_once(url: str, timeout: float) -> dict[str, int] | str:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        try:
            subprocess.run(
                [
                    "npx",
                    "--yes",
                    LIGHTHOUSE,
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    f"--chrome-flags={CHROME_FLAGS}",
                ],
                env={**os.environ, "CHROME_PATH": CHROMIUM},
                capture_output=True,
                text=True,
                timeout=timeout,
                check=True,
                cwd=tmp,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            tail = (getattr(exc, "stderr", "") or "").strip().splitlines()[-3:]
            return f"failed: {type(exc).__name__} {' | '.join(tail)}"
        categories = json.loads(report.read_text())["categories"]
        return {key: round(cat["score"] * 100) for key, cat in categories.items()}
