"""Cross-site request forgery, for an anonymous form on publicly cached pages.

The form has no session and no per-visitor token: its pages are the same bytes for everyone
(cached by nginx, frozen into the export), and the feedback a forged post could send is
what anyone may send anyway. What a forgery would add is feedback sent in a visitor's name
from another site; the browser tells us where a request comes from, so that is refused:

1. ``Sec-Fetch-Site`` (Fetch Metadata, sent by every browser since 2023): ``same-origin``
   and ``none`` (a person typing or following a bookmark) pass. Anything else,
   ``same-site`` included (a sibling subdomain is not this site), passes only when its
   ``Origin`` is one of the site's own origins: the static export's, posting across origins.
2. Without Fetch Metadata, ``Origin`` (every browser has sent it on a form POST since
   2020) must be one of the site's own origins; ``null`` never is.
3. Without either, ``Referer``, if present, must be on one of the site's own origins.
4. A request with none of the three comes from no browser an attacker can aim at us (Lynx
   and w3m send none; curl need not forge anything): it passes, to the honeypot and the
   rate limit. This is the OWASP CSRF cheat sheet's "verify origin with standard headers"
   with Fetch Metadata in front, as Go's ``http.CrossOriginProtection`` does.

The site's own origins: the request's own (its Host is one TRUSTED_HOSTS accepted), SITE_URL's
and EXPORT_URL's.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, request

PASSING_SITES = ("same-origin", "none")


def origin_of(url: str) -> str | None:
    """``scheme://host[:port]`` of an absolute http(s) URL, lower-cased, default ports
    dropped; None for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    suffix = f":{port}" if port and port != default else ""
    return f"{parts.scheme}://{parts.hostname}{suffix}"


def own_origins() -> set[str]:
    config = current_app.config
    found = {origin_of(request.host_url)}
    for key in ("SITE_URL", "EXPORT_URL"):
        if config.get(key):
            found.add(origin_of(config[key]))
    return {origin for origin in found if origin}


def refusal() -> str | None:
    """Why this request must be refused as cross-site, or None when it may pass."""
    headers = request.headers
    site = headers.get("Sec-Fetch-Site")
    origin = headers.get("Origin")
    if site is not None:
        if site.strip().lower() in PASSING_SITES:
            return None
        if origin is not None and origin_of(origin) in own_origins():
            return None
        return f"Sec-Fetch-Site {site!r} from origin {origin!r}"
    if origin is not None:
        return None if origin_of(origin) in own_origins() else f"Origin {origin!r}"
    referer = headers.get("Referer")
    if referer is not None:
        return None if origin_of(referer) in own_origins() else "Referer from another site"
    return None
