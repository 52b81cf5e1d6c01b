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
from flask import Flask, Response, g, request

from dashboard import i18n, text

LANG_COOKIE = "atlas_lang"


def request_lang() -> str:
    """The language a request asks for: its own `lang`, else English; for Dash's layout request, which has no
    query of its own, the language of the page that asked (Referer), else of the last page this browser loaded
    (LANG_COOKIE). A page never takes its Referer's language: the switch to English links from a Ukrainian page."""
    if i18n.LANG_KEY in request.args:
        return i18n.lang_or_default(request.args.get(i18n.LANG_KEY))
    if not request.path.endswith("_dash-layout"):
        return i18n.DEFAULT_LANG
    referrer = request.referrer or ""
    if referrer and urlsplit(referrer).netloc == request.host:
        return i18n.lang_from_url(referrer)
    return i18n.lang_or_default(request.cookies.get(LANG_COOKIE))


def _is_app_page(response: Response) -> bool:
    """Whether a response is the app's own page (Dash's index), whose layout request follows."""
    path = request.path
    return (
        request.method == "GET"
        and response.mimetype == "text/html"
        and not path.startswith(("/_dash", "/embed", "/export", "/download", "/assets"))
    )


def register_page_language(server: Flask) -> None:
    """Make each request's language active while Flask handles it."""

    @server.before_request
    def _enter_language() -> None:
        g.language = i18n.language(request_lang())
        g.language.__enter__()

    @server.after_request
    def _remember_page_language(response: Response) -> Response:
        if not _is_app_page(response):
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
