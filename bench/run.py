"""Benchmark: throughput and latency of the site under gunicorn against a floor, bytes on the
wire, and Lighthouse. Not a test; run it with `make bench` (or .venv/bin/python bench/run.py).

* Two gunicorn servers, both from the repository's gunicorn.conf.py (same workers, same
  access log): the app, and the floor (bench/floor.py: a bare Flask route returning the very
  bytes of the start page). Loopback only, free ports of 127.0.0.1.
* wrk (Debian's package) drives each URL for --duration seconds, --rounds times, targets
  interleaved so that a noisy neighbour hits all of them alike; the median round counts.
  Without wrk a small Python load generator does the same, and the output says so.
* Prints requests/s, p50 and p99 latency, and each ratio to the floor (targets: page >= 0.9,
  fragment >= 0.95). Warm pages are replayed by the app's response cache in front of Flask,
  so they can beat the floor, which goes through Flask's dispatch; a last, informative line
  sends a stale If-None-Match, which skips that cache, to show the path through Flask.
* Prints the start page's HTML + CSS compressed (target <= 14 KB) and the
  largest fragment compressed (<= 2 KB); Lighthouse's four scores for the start page in
  each locale (target 100), when npx and Chromium are there.

The app serves the vendored htmx (SMARTSPEC_HTMX_SOURCE=local): the benchmark must not
depend on the network, and Lighthouse's browser resolves no outside host.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
LIGHTHOUSE = "lighthouse@12.2.3"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --disable-quic --no-first-run "
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"'
)
BUDGET_START = 14 * 1024
BUDGET_FRAGMENT = 2 * 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(app_spec: str, extra_env: dict[str, str]):
    port = free_port()
    env = {
        **os.environ,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "SMARTSPEC_HTMX_SOURCE": "local",
        **extra_env,
    }
    process = subprocess.Popen(
        [str(GUNICORN), "--config", "gunicorn.conf.py", app_spec],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn {app_spec} exited:\n{process.stderr.read()}")
            try:
                urllib.request.urlopen(url + "/", timeout=2).close()  # noqa: S310 - loopback
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn {app_spec} did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


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


# --- main --------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=5, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()

    use_wrk = shutil.which("wrk") is not None
    load = wrk if use_wrk else pyload
    print(f"load generator: {'wrk' if use_wrk else 'Python fallback (wrk not installed)'}")
    print(
        f"{args.rounds} rounds x {args.duration:g} s per URL, {args.connections} connections, "
        f"127.0.0.1 only; gunicorn.conf.py for both servers "
        f"({os.environ.get('WEB_CONCURRENCY') or 2 * len(os.sched_getaffinity(0)) + 1} "
        "sync workers each)"
    )

    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        app = stack.enter_context(gunicorn("smartspec_site:create_app()", {}))
        status, _, start_html = get(app + "/sv/")
        assert status == 200, status
        body_file = Path(tmp) / "start.html"
        body_file.write_bytes(start_html)
        floor = stack.enter_context(
            gunicorn("bench.floor:create_app()", {"BENCH_FLOOR_BODY": str(body_file)})
        )
        assert get(floor + "/")[2] == start_html, "the floor must return the same bytes"

        # A stale If-None-Match makes the request skip the response cache and go through
        # Flask (routing, view, page cache, compression check, conditional check): a 200.
        through_flask = {"If-None-Match": '"bench"'}
        targets = {
            "floor (bare Flask route, same bytes)": (floor + "/", None),
            "start page /sv/": (app + "/sv/", None),
            "area page": (app + "/sv/utvecklingsomraden/ikt", None),
            "area fragment": (app + "/sv/utvecklingsomraden/ikt", {"HX-Request": "true"}),
            "start page, through Flask (info)": (app + "/sv/", through_flask),
        }
        for url, headers in targets.values():  # warm every worker's caches
            load(url, 1, args.connections, headers)
        results: dict[str, list[dict]] = {name: [] for name in targets}
        for _ in range(args.rounds):
            for name, (url, headers) in targets.items():
                results[name].append(load(url, args.duration, args.connections, headers))

        print(f"\n{'URL':40} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'/floor':>7}")
        medians = {}
        for name, rounds in results.items():
            medians[name] = {
                key: statistics.median(r[key] for r in rounds) for key in ("rps", "p50", "p99")
            }
        floor_rps = medians["floor (bare Flask route, same bytes)"]["rps"]
        for name, m in medians.items():
            ratio = m["rps"] / floor_rps
            print(f"{name:40} {m['rps']:9.0f} {m['p50']:8.2f} {m['p99']:8.2f} {ratio:7.2f}")
        errors = sum(r["errors"] for rounds in results.values() for r in rounds)
        ratio_start = medians["start page /sv/"]["rps"] / floor_rps
        ratio_area = medians["area page"]["rps"] / floor_rps
        ratio_fragment = medians["area fragment"]["rps"] / floor_rps
        print(f"non-2xx responses: {errors}")
        pages_met = min(ratio_start, ratio_area) >= 0.9
        print(
            f"target page >= 0.90: start {ratio_start:.2f}, area {ratio_area:.2f} "
            f"({'met' if pages_met else 'MISSED'})"
        )
        fragment_met = ratio_fragment >= 0.95
        print(
            f"target fragment >= 0.95: {ratio_fragment:.2f} ({'met' if fragment_met else 'MISSED'})"
        )

        print("\nbytes on the wire (body, compressed; brotli, then gzip):")
        start_doc = start_html.decode()
        css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', start_doc)
        for encoding in ("br", "gzip"):
            headers = {"Accept-Encoding": encoding}
            html = len(get(app + "/sv/", headers)[2])
            styles = sum(len(get(app + href, headers)[2]) for href in css)
            sizes = {}
            for code in ("sv", "en"):
                doc = get(f"{app}/{code}/")[2].decode()
                for href in re.findall(r'data-hx-get="([^"]+)"', doc):
                    sizes[href] = len(get(app + href, {**headers, "HX-Request": "true"})[2])
            largest = max(sizes, key=sizes.get)
            met = html + styles <= BUDGET_START and sizes[largest] <= BUDGET_FRAGMENT
            print(
                f"  {encoding:4} start HTML {html} + CSS {styles} = {html + styles} B "
                f"(target <= {BUDGET_START}); largest of {len(sizes)} fragments "
                f"{sizes[largest]} B ({largest}; target <= {BUDGET_FRAGMENT}): "
                f"{'met' if met else 'MISSED'}"
            )

        if args.no_lighthouse:
            print("\nLighthouse: skipped (--no-lighthouse)")
        else:
            print(f"\nLighthouse ({LIGHTHOUSE}, {CHROMIUM}, mobile defaults):")
            for code in ("sv", "en"):
                scores = lighthouse(f"{app}/{code}/", timeout=240)
                if isinstance(scores, str):
                    print(f"  /{code}/: {scores}")
                else:
                    shown = ", ".join(f"{key} {value}" for key, value in scores.items())
                    print(f"  /{code}/: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
