"""``flask feedback``: the feedback for the people who read it, and its retention.

    flask feedback export [--since 2026-01-01] [--format csv|json]   > feedback.csv
    flask feedback purge [--older-than 365]

Export writes to stdout, oldest first. CSV is what a spreadsheet opens, and a spreadsheet may
split it on ``,``, ``;`` (Excel under Swedish regional settings) or a tab, and may ignore
the quotes around a cell that holds a line break. So wherever a cell could begin, in any of
those readings (the start of a value, after any of those separators or after any line
break), a ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading apostrophe
(OWASP's CSV injection guidance): a visitor's text is never a formula. The csv module
quotes the rest. JSON is the rows as they are, for programs.

Purge deletes what is older than the retention period: FEEDBACK_RETENTION_DAYS (365) unless
``--older-than`` says otherwise. No timer runs it: an operator runs it
(deploy/smartspec-purge.service) to carry out the region's disposal decision (gallring).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import click
from flask import current_app
from flask.cli import with_appcontext

from . import store
from .models import FIELDS, Feedback

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Where a spreadsheet may begin a cell inside a value: after a separator it may split on,
# or after a line break of any kind (str.splitlines' set), quoted or not.
CELL_BREAKS = frozenset(",;\t\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# What may stand before the formula character in a cell that still runs it.
LEADING = frozenset(' "')


def neutralise(value: object) -> object:
    """A value no spreadsheet will run, however it splits the file: every formula character
    that could begin a cell gets an apostrophe before it (shown by spreadsheets as text, and
    visible in the file)."""
    if not isinstance(value, str):
        return value
    out = []
    cell_start = True
    for char in value:
        if cell_start and char in FORMULA_STARTS:
            out.append("'")
        out.append(char)
        if char in CELL_BREAKS:
            cell_start = True
        elif char not in LEADING:
            cell_start = False
    return "".join(out)


def write_csv(rows: Iterable[Feedback], out) -> int:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIELDS)
    count = 0
    for row in rows:
        record = row.as_dict()
        writer.writerow([neutralise(record[name]) for name in FIELDS])
        count += 1
    return count


def write_json(rows: Iterable[Feedback], out) -> int:
    records = [row.as_dict() for row in rows]
    json.dump(records, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(records)


def start_of(day: datetime) -> datetime:
    """The start of a calendar day in the site's time zone, as an aware time."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return day.replace(tzinfo=zone)


@click.group("feedback")
def feedback_command() -> None:
    """Read the feedback, and delete what is past its retention."""


@feedback_command.command("export")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only feedback from this day on (YYYY-MM-DD, Swedish time).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True
)
@with_appcontext
def export_command(since: datetime | None, fmt: str) -> None:
    """Write the feedback to stdout, oldest first."""
    rows = store.select_since(start_of(since) if since else None)
    out = sys.stdout
    count = (write_csv if fmt == "csv" else write_json)(rows, out)
    out.flush()
    click.echo(f"{count} rows exported", err=True)


@feedback_command.command("purge")
@click.option(
    "--older-than",
    "days",
    type=click.IntRange(min=0),
    default=None,
    help="Delete feedback older than this many days (default: FEEDBACK_RETENTION_DAYS, 365).",
)
@with_appcontext
def purge_command(days: int | None) -> None:
    """Delete feedback older than the retention period."""
    if days is None:
        days = int(current_app.config["FEEDBACK_RETENTION_DAYS"])
    moment = datetime.now(UTC) - timedelta(days=days)
    deleted = store.purge_before(moment)
    click.echo(f"{deleted} rows older than {days} days deleted; {store.count()} kept")
