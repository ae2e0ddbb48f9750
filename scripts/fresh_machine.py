#!/usr/bin/env python3
"""`make fresh-test` (and CI): the README's commands on a new Debian machine.

Builds a minimal root of this machine's Debian release (mmdebstrap, variant minbase, with
only python3, make, git and ca-certificates), clones the committed HEAD into it and runs, as
root with CI=true: `make test`, then `make serve` and `make run`, each checked for 200 on
/sv/ and /en/ and stopped. Uncommitted changes are not in the clone.

What comes in from this machine, and nothing else:
- its apt sources and the apt.conf.d files that set only Acquire options, so the root
  installs from the same suites and mirrors (no hook that cleans the package cache);
- its extra certificate authorities (/usr/local/share/ca-certificates) and the certificate
  variables below, so pip and npm reach their registries as this machine does;
- resolv.conf and hosts, and ../shared beside the clone where the checkout has one.

Cached outside the checkout, in $SMARTSPEC_FRESH_CACHE (/var/cache/smartspec-fresh): the
untouched base root as a tarball (rebuilt after a week or when its inputs change) and the
downloads (apt's .deb files, pip's and npm's caches), never .venv, node_modules or an
installed package. The run happens in a new mount and PID namespace (unshare), so its mounts
and processes end with it even when it fails; the root is then deleted. tini is the
namespace's init: it reaps a process whose parent has gone, as a machine's init does. docs/machine.md has
the timings.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
HARNESS = CHECKOUT / "smartspec_site" / "serve" / "processes.py"
CACHE = Path(os.environ.get("SMARTSPEC_FRESH_CACHE", "/var/cache/smartspec-fresh"))
VARIANT = "minbase"  # Essential packages and apt
BASE_PACKAGES = ("python3", "make", "git", "ca-certificates")
BASE_MAX_AGE = 7 * 24 * 3600
CERT_VARIABLES = ("SSL_CERT_FILE", "PIP_CERT", "REQUESTS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS")
EXTRA_CAS = Path("/usr/local/share/ca-certificates")
APT = Path("/etc/apt")
# Download caches: host folder under CACHE -> where the root's tools keep them.
DOWNLOADS = {"apt": "var/cache/apt/archives", "pip": "root/.cache/pip", "npm": "root/.npm"}
BUILD = "/build"  # the clone is /build/main, shared/ is /build/shared, as CI lays them out
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
PYTEST_SUMMARY = re.compile(r"^=+ .*\b(passed|failed|error|errors)\b.* in [\d.]+s")
TEST_TIMEOUT = 50 * 60
REPORT = CACHE / "last-run.json"  # the steps' times, written inside the namespace


def log(message: str) -> None:
    print(f"fresh-test: {message}", flush=True)


def run(*command: str | Path, **options) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in command], check=True, **options)


# --- the inputs the root takes from this machine ---------------------------------------


def release() -> str:
    lines = Path("/etc/os-release").read_text().splitlines()
    fields = dict(line.split("=", 1) for line in lines if "=" in line)
    if fields.get("ID") != "debian":
        sys.exit("fresh-test: this machine is not Debian; the check builds a root of its release")
    return fields["VERSION_CODENAME"].strip('"')


def apt_sources() -> list[Path]:
    files = [APT / "sources.list"] + sorted((APT / "sources.list.d").glob("*"))
    return [
        f for f in files
        if f.suffix in (".list", ".sources") and f.is_file() and _has_entries(f)
    ]  # fmt: skip


def _has_entries(path: Path) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in path.open())


def top_level_keys(text: str) -> list[str]:
    """The keys of an apt.conf file's top-level statements (``Acquire::http { … };`` ->
    ``Acquire::http``); ``#include``/``#clear`` directives count as keys of their own."""
    text = re.sub(r'"[^"]*"', '""', text)
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    keys = re.findall(r"^\s*(#\s*(?:include|clear))\b", text, flags=re.M)
    text = re.sub(r"^\s*#[^\n]*", " ", text, flags=re.M)
    depth, fresh = 0, True
    for word in re.findall(r'[{};]|""|[^\s{};"]+', text):
        if word == "{":
            depth, fresh = depth + 1, False
        elif word in ("}", ";"):
            depth -= word == "}"
            fresh = depth == 0
        elif fresh and depth == 0:
            keys.append(word)
            fresh = False
    return keys


def acquire_files() -> list[Path]:
    """This machine's apt configuration files that set Acquire options and nothing else:
    how apt reaches the mirrors. Hooks and cache settings stay behind."""
    files = [APT / "apt.conf"] + sorted((APT / "apt.conf.d").glob("*"))
    return [f for f in files if f.is_file() and sets_only_acquire(f.read_text(errors="replace"))]


def sets_only_acquire(text: str) -> bool:
    keys = top_level_keys(text)
    return bool(keys) and all(key.lower().split("::")[0] == "acquire" for key in keys)


# --- the base root, cached ----------------------------------------------------------------


def base_root() -> Path:
    codename = release()
    sources, options = apt_sources(), acquire_files()
    key = hashlib.sha256()
    for item in (codename, VARIANT, *BASE_PACKAGES):
        key.update(item.encode())
    for path in (*sources, *options):
        key.update(str(path).encode() + path.read_bytes())
    tarball = CACHE / "base" / f"{codename}-{key.hexdigest()[:16]}.tar"
    if tarball.exists() and time.time() - tarball.stat().st_mtime < BASE_MAX_AGE:
        log(f"base root: {tarball} (cached)")
        return tarball
    tarball.parent.mkdir(parents=True, exist_ok=True)
    for old in tarball.parent.glob(f"{codename}-*.tar"):
        old.unlink()
    log(f"base root: mmdebstrap {codename}, minbase + {', '.join(BASE_PACKAGES)}")
    log(f"apt sources {', '.join(map(str, sources))}; options {', '.join(map(str, options))}")
    partial = tarball.with_suffix(".partial.tar")
    run(
        "mmdebstrap", f"--variant={VARIANT}", "--quiet",
        f"--include={','.join(BASE_PACKAGES)}",
        *(f"--aptopt={path}" for path in options),
        codename, partial, *sources,
    )  # fmt: skip
    partial.rename(tarball)
    return tarball


# --- one run in a new root ------------------------------------------------------------------


def prepare(tarball: Path, root: Path) -> None:
    run("tar", "--extract", "--numeric-owner", "--file", tarball, "--directory", root)
    for name in ("resolv.conf", "hosts"):
        source = Path("/etc") / name
        if source.exists():
            target = root / "etc" / name
            target.unlink(missing_ok=True)
            shutil.copyfile(source.resolve(), target)
    if EXTRA_CAS.is_dir():
        shutil.copytree(EXTRA_CAS, root / EXTRA_CAS.relative_to("/"), dirs_exist_ok=True)
    commit = subprocess.run(
        ["git", "-C", CHECKOUT, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    clone = root / BUILD.lstrip("/") / "main"
    run("git", "clone", "--quiet", "--no-hardlinks", CHECKOUT, clone)
    run("git", "-C", clone, "checkout", "--quiet", "--detach", commit)
    log(f"cloned {commit} into the root")
    shared = CHECKOUT.parent / "shared"
    if shared.is_dir():
        target = clone.parent / "shared"
        shutil.copytree(shared, target, symlinks=True)
        run("chmod", "-R", "a-w", target)


def environment() -> dict[str, str]:
    env = {"PATH": PATH, "HOME": "/root", "CI": "true"}
    env.update({name: os.environ[name] for name in CERT_VARIABLES if name in os.environ})
    return env


def inside(root: Path) -> int:
    """In the new mount and PID namespace (tini its init, this its child): mount, run,
    unmount."""
    mounts = []
    try:
        run("mount", "-t", "proc", "proc", root / "proc")
        mounts.append(root / "proc")
        for name in ("sys", "dev"):
            run("mount", "--rbind", f"/{name}", root / name)
            run("mount", "--make-rslave", root / name)
            mounts.append(root / name)
        for cache, target in DOWNLOADS.items():
            (CACHE / cache).mkdir(parents=True, exist_ok=True)
            (root / target).mkdir(parents=True, exist_ok=True)
            run("mount", "--bind", CACHE / cache, root / target)
            mounts.append(root / target)
        return steps(root)
    finally:
        _stop_everything()
        for mount in reversed(mounts):
            subprocess.run(["umount", "--recursive", "--lazy", str(mount)], check=False)


def _stop_everything() -> None:
    """End every other process in the namespace but its init (tini, which reaps them)."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(-1, signal.SIGKILL)
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def in_root(root: Path, script: str, timeout: int, watch: str = "") -> tuple[int, float, str]:
    """Run a shell line in the root, in its own process group, streaming its output. Gives
    the exit status, when a line containing ``watch`` first appeared (0 if never), and
    pytest's closing line if it printed one."""
    command = ["chroot", str(root), "/bin/bash", "-c", f"cd {BUILD}/main && {script}"]
    started, seen, summary = time.monotonic(), 0.0, ""
    process = subprocess.Popen(
        command, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL, start_new_session=True, text=True, errors="replace",
    )  # fmt: skip
    timer = threading.Timer(timeout, os.killpg, (process.pid, signal.SIGKILL))
    timer.start()
    try:
        assert process.stdout is not None
        for line in process.stdout:
            sys.stdout.write(line)
            if watch and not seen and watch in line:
                seen = time.monotonic() - started
            if PYTEST_SUMMARY.match(line):
                summary = line
        code = process.wait()
    finally:
        timer.cancel()
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        sys.stdout.flush()
    if time.monotonic() - started >= timeout:
        log(f"`{script}` took over {timeout} s: stopped")
        code = 124
    return code, seen, summary.rstrip("\n")


def steps(root: Path) -> int:
    run("chroot", root, "update-ca-certificates", "--fresh", stdout=subprocess.DEVNULL)
    times = {}
    start = time.monotonic()
    code, began, summary = in_root(root, "make test", TEST_TIMEOUT, watch="test session starts")
    total = time.monotonic() - start
    times["installs: make test's setup (apt, pip, npm)"] = began or total
    times["tests: pytest"] = total - began if began else 0.0
    if code != 0:
        log(f"make test failed (exit {code})")
    for target in ("serve", "run") if code == 0 else ():
        start = time.monotonic()
        code, _, _ = in_root(root, f"python3 scripts/fresh_machine.py --check {target}", 300)
        times[f"make {target}: /sv/ and /en/ answer 200"] = time.monotonic() - start
        if code != 0:
            log(f"make {target} did not answer 200 (exit {code})")
            break
    REPORT.write_text(json.dumps({"times": times, "pytest": summary}, indent=2) + "\n")
    return code


# --- `make serve` and `make run`, started and checked inside the root ---------------------------


def check(target: str) -> int:
    """Start `make serve` or `make run` as a person would, wait until /sv/ and /en/ answer
    200, then stop it with Ctrl-C's SIGINT to its process group (SIGKILL after a bound).
    The harness is smartspec_site/serve/processes.py, loaded by its path: this runs on the
    root's python3, outside the venv, and the module needs only the standard library."""
    spec = importlib.util.spec_from_file_location("processes", HARNESS)
    processes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(processes)
    port = processes.free_port()
    url = f"http://127.0.0.1:{port}"
    make = processes.Process(
        f"make {target}",
        ["make", target],
        env={"PORT": str(port), "FLASK_RUN_PORT": str(port)},
        health=(url + "/sv/", url + "/en/"),
        stop_signal=signal.SIGINT,
        output=None,  # the terminal's, as a person sees it
    )
    try:
        make.start().wait_healthy(timeout=240)
        print(f"fresh-test: make {target}: GET /sv/ and /en/ -> 200", flush=True)
        return 0
    except processes.ProcessError as exc:
        print(f"fresh-test: {exc}", flush=True)
        return 1
    finally:
        make.stop()


# --- the host's side -----------------------------------------------------------------------------


def main() -> int:
    if os.geteuid() != 0:
        sys.exit("fresh-test: needs root (chroot, mount): run it as root or with sudo")
    started = time.monotonic()
    tarball = base_root()
    base_seconds = time.monotonic() - started
    runs = CACHE / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    for stale in runs.iterdir():  # a run killed before it could clean up
        remove(stale)
    root = Path(tempfile.mkdtemp(prefix="root-", dir=runs))
    REPORT.unlink(missing_ok=True)
    try:
        prepare(tarball, root)
        times = {
            "base root (mmdebstrap, or the cached tarball)": base_seconds,
            "root unpacked, commit cloned": time.monotonic() - started - base_seconds,
        }
        result = subprocess.run(
            ["unshare", "--mount", "--pid", "--fork", "--kill-child", "--propagation", "private",
             "tini", "--", sys.executable, __file__, "--inside", str(root)],
            check=False,
        )  # fmt: skip
        code = result.returncode
    finally:
        remove(root)
    report = json.loads(REPORT.read_text()) if REPORT.exists() else {"times": {}, "pytest": ""}
    for step, seconds in {**times, **report["times"]}.items():
        log(f"{seconds:6.0f} s  {step}")
    log(f"{'passed' if code == 0 else 'FAILED'} in {time.monotonic() - started:.0f} s")
    if report["pytest"]:
        print(report["pytest"])  # pytest's closing line last, where CI reads it
    return code


def remove(root: Path) -> None:
    """Delete a run's root, never through a mount into the host (the namespace took its
    mounts with it; this refuses if any is still there)."""
    mounted = [
        line.split()[4] for line in Path("/proc/self/mountinfo").read_text().splitlines()
        if line.split()[4].startswith(str(root))
    ]  # fmt: skip
    if mounted:
        log(f"not deleting {root}: still mounted: {', '.join(mounted)}")
        return
    run("rm", "--recursive", "--force", "--one-file-system", root)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--inside"]:
        sys.exit(inside(Path(sys.argv[2])))
    if sys.argv[1:2] == ["--check"]:
        sys.exit(check(sys.argv[2]))
    sys.exit(main())
