"""`flask content readability`: how hard each page's text is to read, for editors
(EDITING.md says what the numbers mean and what to aim for).

Each page is rendered in each language through the test client, as a visitor gets it, and
the text a reader reads in ``<main>`` (block by block, without the sources' titles or
anything hidden) is measured by a kept library: Swedish by LIX (``textstat.lix``, which needs
no data), English by the Flesch reading ease (the ``readability`` package: syllables by
rule, offline, where textstat's English downloads a dictionary). Each gets the input it
documents: textstat a full stop after every block, readability syntok's tokens, as its
README does. They are the ``editing`` extra: the site itself never imports them."""

from __future__ import annotations

import contextvars
import re
import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from .sitemap import locales, site_map

content = AppGroup("content", help="The site's texts as editors see them.")

# Elements that start a block of text of their own (HTML's block-level content).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip
# Not read as the page's text: the sources' titles, and what is not shown.
SKIP = ".sources, [hidden], script, style, template, noscript"
SENTENCE_END = re.compile(r"[.!?]$")


@dataclass(frozen=True)
class Scale:
    """A readability index: its name, whether a higher value is harder, and its bands as
    (lowest value, label), from the lowest value up."""

    name: str
    higher_is_harder: bool
    bands: tuple[tuple[float, str], ...]

    def band(self, value: float) -> str:
        return [label for lowest, label in self.bands if value >= lowest][-1]

    def hardness(self, value: float) -> float:
        return value if self.higher_is_harder else -value


# LIX bands as EDITING.md gives them: under 25 very easy, 25–30 easy, 30–40 normal, 40–50
# hard, over 50 very hard.
LIX = Scale(
    "LIX",
    True,
    (
        (float("-inf"), "very easy"),
        (25, "easy"),
        (30, "normal"),
        (40, "hard"),
        (50, "very hard"),
    ),
)
# Flesch's own bands (Flesch 1948): a higher value is easier.
FLESCH = Scale(
    "Flesch reading ease",
    False,
    (
        (float("-inf"), "very difficult"),
        (30, "difficult"),
        (50, "fairly difficult"),
        (60, "standard"),
        (70, "fairly easy"),
        (80, "easy"),
        (90, "very easy"),
    ),
)


@dataclass(frozen=True)
class Measure:
    locale: str
    path: str
    scale: Scale
    value: float
    words: int
    sentences: int

    @property
    def band(self) -> str:
        return self.scale.band(self.value)


def blocks(html: str) -> list[str]:
    """The text of a page's ``<main>``, one string per block, whitespace folded."""
    from bs4 import BeautifulSoup  # the editing extra; the site never imports it
    from bs4.element import PreformattedString

    main = BeautifulSoup(html, "html.parser").find("main")
    if main is None:
        return []
    for skipped in main.select(SKIP):
        skipped.decompose()
    found: list[tuple[int, list[str]]] = []
    for text in main.find_all(string=True):
        if isinstance(text, PreformattedString):  # a comment, CDATA: not shown
            continue
        block = next(p for p in text.parents if p.name in BLOCK_TAGS)
        if found and found[-1][0] == id(block):
            found[-1][1].append(text)
        else:
            found.append((id(block), [text]))
    texts = (" ".join("".join(parts).split()) for _, parts in found)
    return [text for text in texts if text]


def lix(texts: list[str]) -> tuple[float, int, int]:
    """LIX of a Swedish page's blocks, with its words and sentences as textstat counts them."""
    import textstat

    text = "\n".join(t if SENTENCE_END.search(t) else f"{t}." for t in texts)
    return textstat.lix(text), textstat.lexicon_count(text), textstat.sentence_count(text)


def kept(token: str) -> bool:
    """A token ``readability`` should see: a word (with a letter or digit in it) or ASCII
    punctuation, which it leaves out of its counts itself. Typographic quotes and dashes
    (‘ ’ – …) it would count as words of no syllables, making a page look easier."""
    return any(char.isalnum() for char in token) or all(c in string.punctuation for c in token)


def tokenised(texts: list[str]) -> str:
    """The blocks as ``readability`` wants them, tokenised by syntok: tokens separated by
    spaces, one sentence per line, an empty line between paragraphs (one per block)."""
    from syntok import segmenter

    paragraphs = []
    for block in texts:
        for paragraph in segmenter.analyze(block):
            lines = (" ".join(t.value for t in sentence if kept(t.value)) for sentence in paragraph)
            if sentences := [line for line in lines if line]:
                paragraphs.append("\n".join(sentences))
    return "\n\n".join(paragraphs)


def flesch(texts: list[str]) -> tuple[float, int, int]:
    """Flesch reading ease of an English page's blocks, with its words and sentences."""
    import readability

    results = readability.getmeasures(tokenised(texts), lang="en")
    info = results["sentence info"]
    return results["readability grades"]["FleschReadingEase"], info["words"], info["sentences"]


# The index for each language; a language without one is reported, not measured.
INDEXES: dict[str, tuple[Scale, Callable[[list[str]], tuple[float, int, int]]]] = {
    "sv": (LIX, lix),
    "en": (FLESCH, flesch),
}


def measure(locale: str, path: str, html: str) -> Measure | None:
    if locale not in INDEXES:
        return None
    texts = blocks(html)
    if not texts:
        return None
    scale, formula = INDEXES[locale]
    value, words, sentences = formula(texts)
    return Measure(locale, path, scale, value, words, sentences)


def rendered_pages(app: Flask, locales: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    """(locale, path, HTML) of every page of the site map in each language, as served."""
    client = app.test_client()
    for locale in locales:
        for page in site_map(app):
            path = f"/{locale}/{page.path(locale)}"
            # Each request in a context of its own, as in a server: Flask's CLI has pushed an
            # app context, which a request would reuse, sharing ``g`` (and Flask-Babel's
            # cached locale) with every page before it (serve/freeze.py does the same).
            response = contextvars.Context().run(client.get, path)
            if response.status_code != 200:
                raise click.ClickException(f"{path} answered {response.status_code}")
            yield locale, path, response.get_data(as_text=True)


def measure_site(app: Flask, locales: Iterable[str]) -> dict[str, list[Measure]]:
    """Every page's measure, by language, hardest first."""
    found: dict[str, list[Measure]] = {locale: [] for locale in locales}
    for locale, path, html in rendered_pages(app, found):
        if (result := measure(locale, path, html)) is not None:
            found[locale].append(result)
    for measures in found.values():
        measures.sort(key=lambda m: (-m.scale.hardness(m.value), m.path))
    return found


def report(measures: dict[str, list[Measure]]) -> Iterator[str]:
    for locale, rows in measures.items():
        if locale not in INDEXES:
            yield f"{locale}: no readability index for this language; not measured."
            yield ""
            continue
        scale = INDEXES[locale][0]
        yield f"{locale}: {scale.name}, hardest first ({len(rows)} pages)"
        yield f"{'value':>7}  {'band':<16} {'words':>6} {'sentences':>9}  page"
        for m in rows:
            yield f"{m.value:7.1f}  {m.band:<16} {m.words:6d} {m.sentences:9d}  {m.path}"
        yield ""


@content.command("readability")
@click.option(
    "--locale",
    "chosen",
    multiple=True,
    help="Measure only this language (repeatable); every language by default.",
)
def readability_command(chosen: tuple[str, ...]) -> None:
    """LIX of every Swedish page and Flesch reading ease of every English page, from the
    text of each page's <main> as it renders; hardest first. EDITING.md explains the
    numbers."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    known = locales(app)
    unknown = [code for code in chosen if code not in known]
    if unknown:
        raise click.BadParameter(
            f"{unknown[0]!r}; the site has: {', '.join(known)}", param_hint="--locale"
        )
    try:
        measures = measure_site(app, chosen or known)
    except ImportError as exc:
        raise click.ClickException(
            f"{exc.name} is missing: install the editing extra, pip install -e '.[editing]' "
            "(make run does)"
        ) from exc
    for line in report(measures):
        click.echo(line)
