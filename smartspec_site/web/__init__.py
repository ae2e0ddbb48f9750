"""The web layer: the request's language (``language``), URLs (``urls``), the pages'
blueprint (``views``), the scripts a page loads (``scripts``), and every template global,
registered here. It imports the content model, never a wing: what it needs of one (the page
cache) comes through a hook that create_app wires."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask, Response
from werkzeug.local import LocalProxy

from ..content.sitemap import locales, site_map
from ..content.statement import facts
from . import language, scripts, views
from .urls import page_url

__all__ = ["init_app"]


def init_app(
    app: Flask, *, respond: Callable[..., Response], template_globals: Mapping[str, Any]
) -> None:
    """``respond(key, render, updated, **options)`` answers with a rendered page (the serve
    wing's page cache); ``template_globals``: the wings' own, beside the site's."""
    if app.config["HTMX_SOURCE"] not in {"cdn", "local"}:
        raise ValueError('HTMX_SOURCE must be "cdn" or "local"')
    language.init_app(app)
    views.init_app(app, respond)
    app.jinja_env.globals.update(
        # The site map of this moment: the development server reloads it when a content
        # file changes, so templates (and macros, which see only globals) look it up.
        site_map=LocalProxy(site_map),
        page_url=page_url,
        locales=locales,
        locale_name=language.locale_name,
        current_locale=language.current_locale,
        head_script=scripts.head_script,
        htmx_src=scripts.htmx_src,
        statement=facts,
        **template_globals,
    )
