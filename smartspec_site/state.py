"""What the app keeps for its whole life, in one typed object: ``app.extensions["smartspec"]``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from flask import Flask, current_app

if TYPE_CHECKING:
    from .content.reloading import Edited
    from .content.sitemap import SiteMap

KEY = "smartspec"


@dataclass
class SiteState:
    site: SiteMap
    # The default locale first, then every locale with a catalog.
    locales: tuple[str, ...] = ()
    # The newest source of the pages (Last-Modified is never older): serve/caching.py.
    released: datetime | None = None
    # Rendered pages and fragments by key, with their compressed bodies (serve/caching.py),
    # when the page cache is on.
    pages: Any = None
    # Plain static file name -> its content-hashed name (serve/static_files.py).
    static_manifest: dict[str, str] = field(default_factory=dict)
    # The security headers every answer carries (serve/security.py), and whether the app
    # sends them (else nginx does, from NGINX_HEADERS_FILE).
    security_headers: list[tuple[str, str]] = field(default_factory=list)
    headers_by_app: bool = True
    # True while `flask freeze` writes the static export (serve/freeze.py): forms then post
    # to FEEDBACK_URL without htmx, or are left out (feedback/).
    freezing: bool = False
    # Development server only: files that are reloaded when edited (content/reloading.py).
    edited: dict[str, Edited] = field(default_factory=dict)


def state(app: Flask | None = None) -> SiteState:
    return (app or current_app).extensions[KEY]
