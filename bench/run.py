"""Benchmark: the production stack against its physical limit, gunicorn alone against a floor,
slow clients, bytes on the wire and Lighthouse. Not a test; `make bench` (or
.venv/bin/python bench/run.py --help). Every server listens on a free port of 127.0.0.1.

* Pages through the production stack (`make serve`: nginx, its micro-cache, gunicorn) against
  nginx serving the frozen export of the same pages (same SITE_URL, its feedback form posting
  to the stack, so the bodies differ only in the form's address and htmx attributes; the run
  prints both sizes): the fastest this machine serves them. Target: >= 0.8 of it. p50 and
  p99 at 8, 64 and 256 connections.
* An area's fragment through the stack (htmx's request; nginx caches it as it caches pages)
  against the very same bytes served by the export's nginx as a static file. Target: >= 0.8
  of it; both figures printed.
* gunicorn alone (gunicorn.conf.py, nothing in front) against a floor, a bare Flask route
  returning the very bytes of the start page (bench/floor.py): target >= 0.55, the rest of
  that comparison informational. Once more without the page cache (PAGE_CACHE=false), to show
  what the one in-process cache earns.
* 300 slow senders and 300 slow readers against the stack, and the latency of 20 probes.
* wrk (Debian's) drives each URL for --duration seconds, --rounds times, targets interleaved
  so that a noisy neighbour hits all alike; the median round counts, and a ratio is the
  median of the ratios of neighbours within each round. Without wrk a Python load
  generator stands in, and the output says so.
* The start page's HTML + CSS compressed (<= 14 KB) and the largest fragment (<= 2 KB), and
  Lighthouse's four scores for /sv/ and /en/ (target 100), all through the stack.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, tests/ and the app

from bench import servers  # noqa: E402
from bench.load import LIGHTHOUSE, get, lighthouse, pyload, wrk  # noqa: E402
from tests.slow_clients import attack  # noqa: E402

BUDGET_START = 14 * 1024
BUDGET_FRAGMENT = 2 * 1024
CONNECTIONS = (8, 64, 256)
AREA = "/sv/utvecklingsomraden/ikt"
HX = {"HX-Request": "true"}
FRAGMENT_FILE = "bench-fragment/ikt.html"  # in the export's folder, as a file of its own


def measure(targets: dict, load, args) -> tuple[dict[str, dict[str, float]], dict]:
    """Every target, interleaved, --rounds times: the median of each figure, and each
    round's figures (a ratio is taken between neighbours of one round, then the median)."""
    for url, headers, connections in targets.values():  # warm caches and workers
        load(url, 1, connections, headers)
    rounds: dict[str, list[dict]] = {name: [] for name in targets}
    for _ in range(args.rounds):
        for name, (url, headers, connections) in targets.items():
            rounds[name].append(load(url, args.duration, connections, headers))
    keys = ("rps", "p50", "p99", "errors")
    medians = {
        name: {key: statistics.median(r[key] for r in runs) for key in keys}
        for name, runs in rounds.items()
    }
    return medians, rounds


def ratio(rounds: dict, ours: str, base: str) -> float:
    """The median over rounds of ours / base, each pair measured one after the other, so a
    neighbour's load that comes and goes between rounds cancels out."""
    return statistics.median(
        a["rps"] / b["rps"] for a, b in zip(rounds[ours], rounds[base], strict=True)
    )


def row(name: str, m: dict, ratio: float | None = None, target: str = "") -> str:
    shown = f"{ratio:7.2f}" if ratio is not None else " " * 7
    return f"  {name:44} {m['rps']:8.0f} {m['p50']:8.2f} {m['p99']:8.2f} {shown}  {target}"


def met(ratio: float, goal: float) -> str:
    return f">= {goal} {'met' if ratio >= goal else 'MISSED'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=5, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()

    load = wrk if shutil.which("wrk") else pyload
    print(f"load generator: {'wrk' if load is wrk else 'Python fallback (wrk not installed)'}")
    print(f"{args.rounds} rounds x {args.duration:g} s per target, 127.0.0.1 only")

    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        site, site_url = stack.enter_context(servers.stack())
        fragment_body = get(site + AREA, HX)[2]
        export = stack.enter_context(servers.export(site_url, {FRAGMENT_FILE: fragment_body}))
        assert get(f"{export}/{FRAGMENT_FILE}")[2] == fragment_body, "the same bytes"
        print(f"{AREA} fragment: {len(fragment_body)} B, through the stack and as a file")
        app = stack.enter_context(servers.gunicorn("smartspec_site:create_app()", {}))
        no_cache = stack.enter_context(
            servers.gunicorn("smartspec_site:create_app()", {"SMARTSPEC_PAGE_CACHE": "false"})
        )
        start_html = get(app + "/sv/")[2]
        body_file = Path(tmp) / "start.html"
        body_file.write_bytes(start_html)
        floor = stack.enter_context(
            servers.gunicorn("bench.floor:create_app()", {"BENCH_FLOOR_BODY": str(body_file)})
        )
        assert get(floor + "/")[2] == start_html, "the floor must return the same bytes"
        for path in ("/sv/", AREA):
            stack_body, export_body = get(site + path)[2], get(export + path)[2]
            print(
                f"{path}: the stack sends {len(stack_body)} B, the export {len(export_body)} B "
                "(the export's form posts to the stack, without htmx)"
            )

        targets = {}
        for c in CONNECTIONS:
            targets[f"stack /sv/ c={c}"] = (site + "/sv/", None, c)
            targets[f"export /sv/ c={c}"] = (export + "/sv/", None, c)
            targets[f"stack area c={c}"] = (site + AREA, None, c)
            targets[f"export area c={c}"] = (export + AREA, None, c)
            targets[f"stack fragment c={c}"] = (site + AREA, HX, c)
            targets[f"export fragment c={c}"] = (f"{export}/{FRAGMENT_FILE}", None, c)
        targets["gunicorn alone /sv/"] = (app + "/sv/", None, 8)
        targets["gunicorn alone /sv/, no page cache"] = (no_cache + "/sv/", None, 8)
        targets["floor: bare Flask route, same bytes"] = (floor + "/", None, 8)
        results, rounds = measure(targets, load, args)

        head = f"  {'':44} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>7}"
        print("\nPages: the stack against nginx serving the export of the same page")
        print(head)
        ratios = []
        for c in CONNECTIONS:
            for page in ("/sv/", "area"):
                ours, limit = f"stack {page} c={c}", f"export {page} c={c}"
                found = ratio(rounds, ours, limit)
                ratios.append(found)
                print(row(f"export {page} ({c} connections)", results[limit]))
                print(row(f"stack {page} ({c} connections)", results[ours], found, met(found, 0.8)))
        print(f"  pages: the lowest ratio is {min(ratios):.2f} ({met(min(ratios), 0.8)})")

        print("\nAn area's fragment: the stack against nginx serving the same bytes as a file")
        print(head)
        fragment_ratios = []
        for c in CONNECTIONS:
            ours, limit = f"stack fragment c={c}", f"export fragment c={c}"
            found = ratio(rounds, ours, limit)
            fragment_ratios.append(found)
            print(row(f"file: the same bytes ({c} connections)", results[limit]))
            print(row(f"stack fragment ({c} connections)", results[ours], found, met(found, 0.8)))
        lowest = min(fragment_ratios)
        print(f"  fragments: the lowest ratio is {lowest:.2f} ({met(lowest, 0.8)})")

        print("\ngunicorn alone, nothing in front (8 connections), against the floor")
        print(head)
        base = "floor: bare Flask route, same bytes"
        for name in (base, "gunicorn alone /sv/", "gunicorn alone /sv/, no page cache"):
            found = ratio(rounds, name, base)
            goal = met(found, 0.55) if name == "gunicorn alone /sv/" else "(information)"
            print(row(name, results[name], found, goal))
        errors = sum(m["errors"] for m in results.values())
        print(f"non-2xx/3xx answers in the median rounds: {errors:.0f}")

        print("\nSlow clients: 300 slow senders + 300 slow readers against the stack")
        port = int(site.rsplit(":", 1)[1])
        probes = attack(port, f"localhost:{port}", 300, 300, probes=20, timeout=5)
        answered = [p.seconds * 1000 for p in probes if p.status == 200]
        if answered:
            print(
                f"  {len(answered)}/20 probes of /sv/ answered 200; latency p50 "
                f"{statistics.median(answered):.1f} ms, max {max(answered):.1f} ms"
            )
        else:
            print("  no probe was answered within 5 s")

        print("\nBytes on the wire through the stack (bodies, compressed):")
        css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', start_html.decode())
        for encoding in ("br", "gzip"):
            headers = {"Accept-Encoding": encoding}
            html = len(get(site + "/sv/", headers)[2])
            styles = sum(len(get(site + href, headers)[2]) for href in css)
            sizes = {}
            for code in ("sv", "en"):
                doc = get(f"{site}/{code}/")[2].decode()
                for href in re.findall(r'data-hx-get="([^"]+)"', doc):
                    sizes[href] = len(get(site + href, {**headers, **HX})[2])
            largest = max(sizes, key=sizes.get)
            ok = html + styles <= BUDGET_START and sizes[largest] <= BUDGET_FRAGMENT
            print(
                f"  {encoding:4} start HTML {html} + CSS {styles} = {html + styles} B "
                f"(<= {BUDGET_START}); largest of {len(sizes)} fragments {sizes[largest]} B "
                f"(<= {BUDGET_FRAGMENT}): {'met' if ok else 'MISSED'}"
            )

        if args.no_lighthouse:
            print("\nLighthouse: skipped (--no-lighthouse)")
        else:
            print(f"\nLighthouse ({LIGHTHOUSE}, mobile defaults), through the stack:")
            for code in ("sv", "en"):
                scores = lighthouse(f"{site}/{code}/", timeout=240)
                shown = (
                    scores
                    if isinstance(scores, str)
                    else ", ".join(f"{key} {value}" for key, value in scores.items())
                )
                print(f"  /{code}/: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
