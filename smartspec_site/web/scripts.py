"""The scripts a page loads: the inline support test (hashed for the CSP) and htmx."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

from flask import current_app, has_app_context, url_for
from markupsafe import Markup

from ..config import Defaults

SUPPORT_SCRIPT = "js/support.js"  # in static/


@cache
def _read_support_script(static_folder: str) -> tuple[str, str]:
    # The file's leading comment documents it; the page gets the code only.
    source = (Path(static_folder) / SUPPORT_SCRIPT).read_text(encoding="utf-8")
    source = re.sub(r"\A\s*/\*.*?\*/\s*", "", source, flags=re.S).strip()
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return source, "sha256-" + base64.b64encode(digest).decode("ascii")


def _support_script(static_folder: str | None = None) -> tuple[str, str]:
    """From ``static_folder``, else the app's, else (outside an app) the default one."""
    if not static_folder:
        static_folder = current_app.static_folder if has_app_context() else Defaults.STATIC_DIR
    return _read_support_script(static_folder)


def head_script() -> Markup:
    """The inline support test, exactly as hashed for the Content-Security-Policy."""
    return Markup(_support_script()[0])  # noqa: S704 - our own file, never user input


def head_script_hash(static_folder: str | None = None) -> str:
    return _support_script(static_folder)[1]


def htmx_src() -> str:
    config = current_app.config
    if config["HTMX_SOURCE"] == "local":
        return url_for("static", filename=config["HTMX_LOCAL_FILE"])
    return config["HTMX_CDN_URL"]
