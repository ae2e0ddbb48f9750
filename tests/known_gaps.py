"""The accessibility statement's known gaps (the front matter of
content/pages/accessibility.md), for the tests.

Every test that skips, allows or knows something the statement must list names its gap
with ``known_gap("id")``: the reason it gives is the statement's own text, and an id the
statement lacks fails at once. tests/test_statement.py checks the other way: every gap in the
statement is held by a test that names it, and no accessibility test skips or allows
anything without naming a gap."""

from __future__ import annotations

from pathlib import Path

from smartspec_site.config import Defaults
from smartspec_site.content.statement import gaps_of

STATEMENT_FILE = f"{Defaults.CONTENT_DIR}/pages/accessibility.md"
ASSESSED, GAPS = gaps_of(Path(STATEMENT_FILE))
BY_ID = {gap.id: gap for gap in GAPS}


def known_gap(gap_id: str) -> str:
    """A skip's or an allowance's reason: the statement's text of the gap ``gap_id``."""
    if gap_id not in BY_ID:
        raise KeyError(f"the accessibility statement lists no gap {gap_id!r}")
    return f"known gap {gap_id} (accessibility statement): {BY_ID[gap_id].text.msgid}"


def allowed(reason: str) -> str:
    """Marks an allowance in a test (something the test lets pass that the statement lists
    as not accessible); returns the reason, for a comment or a message."""
    return reason
