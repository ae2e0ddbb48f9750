"""Graphical engines (Dillo, NetSurf) under their own Xvfb, driven like a person would:
start the browser on a page, type the next address into its location bar (xdotool), and
take a screenshot of the window once its painting has settled (ImageMagick's `import`).

Each run has a fresh, temporary HOME (so no profile, cache or history carries over), its own
X display (chosen by Xvfb itself with -displayfd, so runs never collide), and a time limit
on every step; every process started here is ended here, by its id."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

WIDTH, HEIGHT = 1024, 3200  # a tall screen: the whole start page fits in one screenshot
STEP = 20  # seconds any single step may take
TITLE_KNOWN = 60  # characters of a page's title that identify it in the window's name
SETTLE = 0.4  # seconds between two screenshots that must be equal for the page to count as painted

# How each engine is started with a fresh profile in HOME, and how its window is named.
CHOICES = f"window_width:{WIDTH}\nwindow_height:{HEIGHT}\nwindow_x:0\nwindow_y:0\n"


def _netsurf(home: Path, url: str) -> list[str]:
    config = home / ".config" / "netsurf"
    config.mkdir(parents=True)
    (config / "Choices").write_text(CHOICES)
    return ["netsurf-gtk", url]


def _dillo(home: Path, url: str) -> list[str]:
    return ["dillo", "-g", f"{WIDTH}x{HEIGHT}+0+0", url]


ENGINES = {
    "dillo": (_dillo, "Dillo: {title}"),
    "netsurf": (_netsurf, "{title} - NetSurf"),
}


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextmanager
def xvfb() -> Iterator[str]:
    """A new X server on a free display; yields its name (":N")."""
    read, write = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WIDTH}x{HEIGHT}x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # Xvfb writes it once it accepts clients
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        _stop(process)


class Session:
    """One engine process on one display, from its first page to its last."""

    def __init__(self, engine: str, display: str, home: Path, url: str, title: str):
        command, self.window_name = ENGINES[engine]
        self.display = display
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "DISPLAY": display,
            "LANG": "C.UTF-8",
            "NO_AT_BRIDGE": "1",  # GTK: no accessibility bus to wait for
        }
        self.log = (home / "engine.log").open("wb")
        self.process = subprocess.Popen(
            command(home, url), env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.window = self._wait_for_title(title)

    def _tool(self, *args: str) -> str:
        result = subprocess.run(
            args, env=self.env, capture_output=True, text=True, timeout=STEP, check=False
        )
        return result.stdout.strip()

    def _wait_for_title(self, title: str | tuple[str, ...]) -> str:
        """The window once it shows a page of that title (or of one of those titles). Dillo
        cuts a long title short, so a title is known by its first TITLE_KNOWN characters."""
        titles = (title,) if isinstance(title, str) else title
        wanted = [self.window_name.format(title=one) for one in titles]
        known = {
            name if len(one) <= TITLE_KNOWN else None
            for name, one in zip(wanted, titles, strict=True)
        }
        prefixes = [
            self.window_name.format(title=one[:TITLE_KNOWN]).split("{")[0] for one in titles
        ]
        deadline = time.monotonic() + STEP
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the browser exited ({self.process.returncode})")
            for window in self._tool("xdotool", "search", "--name", ".").split():
                name = self._tool("xdotool", "getwindowname", window)
                if name in known or any(
                    len(one) > TITLE_KNOWN and self._shows(name, one) for one in titles
                ):
                    return window
            time.sleep(0.2)
        raise TimeoutError(f"no window named {wanted!r} within {STEP} s ({prefixes})")

    def _shows(self, name: str, title: str) -> bool:
        before, _, after = self.window_name.partition("{title}")
        return name.startswith(before + title[:TITLE_KNOWN]) and name.endswith(after)

    def go(self, url: str, title: str) -> None:
        """Type the address into the location bar, as a person would (Ctrl+L)."""
        self._tool("xdotool", "windowfocus", "--sync", self.window)
        self._tool("xdotool", "key", "--clearmodifiers", "ctrl+l")
        self._tool("xdotool", "type", "--delay", "2", url)
        self._tool("xdotool", "key", "Return")
        self.window = self._wait_for_title(title)

    def click(self, x: int, y: int, title: str | None = None) -> None:
        """Click at a point of the screen, as a person would with the mouse; with a title,
        wait for the page of that title."""
        self._tool("xdotool", "windowfocus", "--sync", self.window)
        self._tool("xdotool", "mousemove", "--sync", str(x), str(y), "click", "1")
        if title is not None:
            self.window = self._wait_for_title(title)

    def type(self, text: str) -> None:
        self._tool("xdotool", "windowfocus", "--sync", self.window)
        self._tool("xdotool", "type", "--delay", "20", text)

    def screenshot(self, path: Path) -> Path:
        """The screen once two captures a moment apart are the same (painting has settled)."""
        deadline = time.monotonic() + STEP
        previous = None
        while True:
            # A capture that failed (a busy machine) may leave half a file: never compared.
            capture = ["import", "-window", "root", str(path)]
            done = subprocess.run(capture, env=self.env, capture_output=True, timeout=STEP)
            taken = done.returncode == 0
            current = path.read_bytes() if taken else None
            if current is not None and current == previous:
                return path
            if time.monotonic() > deadline:
                if current is None:
                    raise RuntimeError(f"import could not capture the screen for {path.name}")
                return path
            previous = current
            time.sleep(SETTLE)

    def close(self) -> None:
        _stop(self.process)
        self.log.close()


def visit(engine: str, display: str, pages: list[tuple[str, str, str]], out: Path) -> dict:
    """Open each (name, url, title) in turn in one engine process, so the pages seen before
    are visited links on the next; a screenshot of each is saved as out/<engine>-<name>.png.
    Returns {name: path}."""
    shots = {}
    with tempfile.TemporaryDirectory(prefix=f"{engine}-home-") as home:
        (first_name, first_url, first_title), *rest = pages
        session = Session(engine, display, Path(home), first_url, first_title)
        try:
            shots[first_name] = session.screenshot(out / f"{engine}-{first_name}.png")
            for name, url, title in rest:
                session.go(url, title)
                shots[name] = session.screenshot(out / f"{engine}-{name}.png")
        finally:
            session.close()
    return shots
