"""The scripts a page loads: the inline support test (hashed for the CSP) and htmx."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache

from flask import current_app, url_for
from markupsafe import Markup

from ..config import ROOT

SUPPORT_SCRIPT = ROOT / "static" / "js" / "support.js"


@cache
def _support_script() -> tuple[str, str]:
    # The file's leading comment documents it; the page gets the code only.
    source = SUPPORT_SCRIPT.read_text(encoding="utf-8")
    source = re.sub(r"\A\s*/\*.*?\*/\s*", "", source, flags=re.S).strip()
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return source, "sha256-" + base64.b64encode(digest).decode("ascii")


def head_script() -> Markup:
    """The inline support test, exactly as hashed for the Content-Security-Policy."""
    return Markup(_support_script()[0])  # noqa: S704 - our own file, never user input


def head_script_hash() -> str:
    return _support_script()[1]


def htmx_src() -> str:
    config = current_app.config
    if config["HTMX_SOURCE"] == "local":
        return url_for("static", filename=config["HTMX_LOCAL_FILE"])
    return config["HTMX_CDN_URL"]

