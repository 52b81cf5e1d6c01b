"""The Flask routes that serve a view's files: downloads (CSV, GeoJSON, data package) and exports (the figure
for in-browser images, the standalone HTML page, the slide deck).

Every route takes the dashboard's query string. One that holds an unknown or malformed value is refused with
400 and a plain-text list of the problems: a download never falls back to more ties than the link asked for.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from flask import Flask, Response, request

from dashboard import text
from dashboard.dataset import Atlas, current_atlas
from dashboard.export.data import view_csv, view_geojson
from dashboard.export.figure import figure_json, presentation_figure
from dashboard.export.package import view_package
from dashboard.export.pages import standalone_html
from dashboard.export.view import link_for, read_view

CSV_PATH = "/download/partnerships.csv"
GEOJSON_PATH = "/download/partnerships.geojson"
PACKAGE_PATH = "/download/partnerships.zip"
FIGURE_PATH = "/export/figure.json"
HTML_PATH = "/export/view.html"
PPTX_PATH = "/export/view.pptx"
PPTX_MIMETYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def request_query() -> str:
    """The request's query string, as text."""
    return request.query_string.decode("utf-8", "replace")


def refusal(notices: tuple[str, ...]) -> Response:
    """400 with one problem per line, in plain text (the notices of the query)."""
    body = text.DOWNLOAD_REFUSED + "\n" + "".join(f"- {notice}\n" for notice in notices)
    return Response(body, status=400, mimetype="text/plain")


def query_problems(query: str) -> tuple[str, ...]:
    """What in a query string could not be read (empty when every value is understood)."""
    return read_view(current_atlas(), query).notices


def attachment(body: str | bytes, mimetype: str, filename: str) -> Response:
    """A response the browser saves as `filename`."""
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def view_route(handler: Callable[[Atlas, str, str], Response]) -> Callable[[], Response]:
    """A route over the request's view: refused (400) when its query holds a value that cannot be read, else
    `handler(atlas, query, link)` with the view's absolute link."""

    @functools.wraps(handler)
    def route() -> Response:
        query = request_query()
        if problems := query_problems(query):
            return refusal(problems)
        return handler(current_atlas(), query, link_for(query, request.url_root))

    return route


def register_exports(server: Flask) -> None:
    """Add the download and export routes to the app's server."""

    @server.get(CSV_PATH)
    @view_route
    def download_csv(atlas: Atlas, query: str, _link: str) -> Response:
        return attachment(view_csv(atlas, query), "text/csv", "partnerships.csv")

    @server.get(GEOJSON_PATH)
    @view_route
    def download_geojson(atlas: Atlas, query: str, link: str) -> Response:
        return attachment(view_geojson(atlas, query, link=link), "application/geo+json", "partnerships.geojson")

    @server.get(PACKAGE_PATH)
    @view_route
    def download_package(atlas: Atlas, query: str, link: str) -> Response:
        return attachment(view_package(atlas, query, link=link), "application/zip", "partnerships.zip")

    @server.get(FIGURE_PATH)
    @view_route
    def export_figure(atlas: Atlas, query: str, link: str) -> Response:
        figure = presentation_figure(atlas, query, link=link)
        figure["config"] = {"topojsonURL": request.script_root + "/assets/"}
        return Response(figure_json(figure), mimetype="application/json")

    @server.get(HTML_PATH)
    @view_route
    def export_html(atlas: Atlas, query: str, link: str) -> Response:
        return attachment(standalone_html(atlas, query, link=link), "text/html", f"{text.EXPORT_FILENAME}.html")

    @server.get(PPTX_PATH)
    @view_route
    def export_pptx(atlas: Atlas, query: str, link: str) -> Response:
        from dashboard.export.slides import view_slides  # python-pptx: 50 ms of start-up, for this route alone

        try:  # the map is drawn by kaleido in Chromium: seconds, and a server without it cannot
            body = view_slides(atlas, query, link=link)
        except RuntimeError as error:
            return Response(f"{error}\n", status=503, mimetype="text/plain")
        return attachment(body, PPTX_MIMETYPE, f"{text.EXPORT_FILENAME}.pptx")
