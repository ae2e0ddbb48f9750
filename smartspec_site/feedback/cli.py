"""``flask feedback``: the feedback for the people who read it, and its retention.

    flask feedback export [--since 2026-01-01] [--format csv|json]   > feedback.csv
    flask feedback purge [--older-than 365]

Export writes to stdout, oldest first. CSV is what a spreadsheet opens, so every cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is neutralised with a
leading apostrophe (OWASP's CSV injection guidance): a visitor's text is never a formula.
The csv module quotes the rest. JSON is the rows as they are, for programs.

Purge deletes what is older than the retention period: FEEDBACK_RETENTION_DAYS (365) unless
``--older-than`` says otherwise. deploy/smartspec-purge.timer runs it daily.
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


def neutralise(value: object) -> object:
    """A cell a spreadsheet will not run: text starting with a formula character gets a
    leading apostrophe (shown by spreadsheets as text, and visible in the file)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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
