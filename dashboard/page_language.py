"""The language of each request to the server, and the page shell (`<html lang>`, description) in it.

Pages, the embed and the export routes carry `lang` in their query. The layout of a visit is fetched by Dash's
renderer from `/_dash-layout`, whose own URL has no query: it takes the language of the page that asked, from
the Referer (the server sends `Referrer-Policy: same-origin`, so same-origin requests keep the full URL).
Callbacks do not rely on this: they read the page's language from its `lang` store.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from dash import Dash
from flask import Flask, g, request

from dashboard import i18n, text


def request_lang() -> str:
    """The language a request asks for: its own `lang`, else its same-origin page's, else English."""
    if i18n.LANG_KEY in request.args:
        return i18n.lang_or_default(request.args.get(i18n.LANG_KEY))
    referrer = request.referrer or ""
    if referrer and urlsplit(referrer).netloc == request.host:
        return i18n.lang_from_url(referrer)
    return i18n.DEFAULT_LANG


def register_page_language(server: Flask) -> None:
    """Make each request's language active while Flask handles it."""

    @server.before_request
    def _enter_language() -> None:
        g.language = i18n.language(request_lang())
        g.language.__enter__()

    @server.teardown_request
    def _leave_language(_error: BaseException | None = None) -> None:
        manager = g.pop("language", None)
        if manager is not None:
            manager.__exit__(None, None, None)


class AtlasDash(Dash):
    """Dash whose index page declares its language (screen readers pick their voice from it)."""

    def interpolate_index(self, **kwargs: str) -> str:
        english = escape(i18n.catalogue("en").TAGLINE)
        kwargs["metas"] = kwargs.get("metas", "").replace(english, escape(text.TAGLINE))
        page = super().interpolate_index(**kwargs)
        return page.replace("<html>", f'<html lang="{i18n.current_lang()}">', 1)
