"""Pages as the text browsers print them (`lynx -dump`, `w3m -dump`), with their links.

Both number the links in the text ("[12]Life science") and list where each number leads
under "References", so a dump says both what a reader sees and where each link goes. Each
run gets a fresh, empty HOME (no ~/.lynxrc, ~/.w3m), a UTF-8 locale and a time limit."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

WIDTH = 200  # columns: few lines wrap, so a link's label stays on its line
TIMEOUT = 30  # seconds for one page

COMMANDS = {
    "lynx": [
        "lynx", "-dump", f"-width={WIDTH}", "-display_charset=utf-8",
        "-assume_charset=utf-8", "-noreferer", "-useragent=lynx-dump-test",
    ],
    "w3m": ["w3m", "-dump", "-cols", str(WIDTH), "-O", "UTF-8", "-o", "display_link_number=1"],
}  # fmt: skip
# lynx: "References\n\n   1. http://…"; w3m: "References:\n\n[1] http://…"
REFERENCES = re.compile(r"^References:?\s*$", re.M)
REFERENCE = re.compile(r"^\s*\[?(\d+)[.\]]\s+(\S+)\s*$", re.M)
MARKER = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Dump:
    body: str  # the page as printed, link numbers included
    references: dict[int, str]  # link number -> URL

    @property
    def text(self) -> str:
        """The body as a reader would search it: no link numbers, whitespace folded."""
        return fold(MARKER.sub("", self.body))

    def targets(self, label: str) -> set[str]:
        """Where the links whose printed label starts with ``label`` lead."""
        found = set()
        for match in MARKER.finditer(self.body):
            after = fold(self.body[match.end() : match.end() + len(label) + 40])
            if after.startswith(label):
                found.add(self.references.get(int(match.group(1)), "(no reference)"))
        return found


def fold(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u00ad", "").split())


def parse(output: str) -> Dump:
    split = REFERENCES.search(output)
    if not split:
        return Dump(output, {})
    references = {int(n): url for n, url in REFERENCE.findall(output[split.end() :])}
    return Dump(output[: split.start()], references)


def dump(browser: str, url: str) -> Dump:
    with tempfile.TemporaryDirectory(prefix=f"{browser}-home-") as home:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home}
        env |= {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb"}
        result = subprocess.run(
            [*COMMANDS[browser], url],
            capture_output=True,
            env=env,
            timeout=TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    # Lynx exits 1 after printing an error page (the 404 page is one of the pages dumped).
    assert result.returncode in (0, 1) and result.stdout, (browser, url, result.stderr)
    return parse(result.stdout.decode("utf-8"))


def dump_all(browser: str, urls: list[str]) -> dict[str, Dump]:
    """Every URL dumped, four at a time (each run mostly waits on the server)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(urls, pool.map(lambda url: dump(browser, url), urls), strict=True))
