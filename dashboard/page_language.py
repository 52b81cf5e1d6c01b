"""The language of each request to the server, and the page shell (`<html lang>`, description) in it.

Pages, the embed and the export routes carry `lang` in their query. The layout of a visit is fetched by Dash's
renderer from `/_dash-layout`, whose own URL has no query: it takes the language of the page that asked, from
the Referer (the server sends `Referrer-Policy: same-origin`, so same-origin requests keep the full URL), or,
where a browser strips the Referer, from a cookie the page itself set a moment before (LANG_COOKIE: the
language only, no identifier). Callbacks do not rely on either: they read the page's language from its store.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from dash import Dash
from flask import Response, g, request

from dashboard import i18n, text

LANG_COOKIE = "atlas_lang"


def request_lang(layout_request: bool) -> str:
    """The language a request asks for: its own `lang`, else English; for Dash's layout request, which has no
    query of its own, the language of the page that asked (Referer), else of the last page this browser loaded
    (LANG_COOKIE). A page never takes its Referer's language: the switch to English links from a Ukrainian page."""
    if i18n.LANG_KEY in request.args:
        return i18n.lang_or_default(request.args.get(i18n.LANG_KEY))
    if not layout_request:
        return i18n.DEFAULT_LANG
    referrer = request.referrer or ""
    if referrer and urlsplit(referrer).netloc == request.host:
        return i18n.lang_from_url(referrer)
    return i18n.lang_or_default(request.cookies.get(LANG_COOKIE))


def register_page_language(app: Dash) -> None:
    """Make each request's language active while Flask handles it; Dash's own routes say which request is its
    page and which the page's layout request."""
    prefix = app.config.routes_pathname_prefix
    page_endpoints = {prefix, prefix + "<path:path>"}  # Dash's index and its catch-all
    layout_endpoint = prefix + "_dash-layout"
    server = app.server

    @server.before_request
    def _enter_language() -> None:
        g.language = i18n.language(request_lang(request.endpoint == layout_endpoint))
        g.language.__enter__()

    @server.after_request
    def _remember_page_language(response: Response) -> Response:
        if request.endpoint not in page_endpoints or request.method != "GET":
            return response
        # Only pages in another language than the default set it, so an English visit never gets a cookie.
        if i18n.current_lang() != i18n.DEFAULT_LANG:
            response.set_cookie(LANG_COOKIE, i18n.current_lang(), samesite="Strict", httponly=True, max_age=3600)
        elif LANG_COOKIE in request.cookies:
            response.delete_cookie(LANG_COOKIE, samesite="Strict", httponly=True)
        return response

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
