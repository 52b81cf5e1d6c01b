"""`/embed?<view query>`: the map of a view alone, for an <iframe> on another site.

A plain Flask page (no Dash, no table, no filters): plotly.js, one small script and stylesheet under /embed/,
the figure as a JSON data block, the base map from the app's assets. Framing is allowed here and only here: the
app's security headers recognise the page by its path (`is_embed_path`).
"""

from __future__ import annotations

from flask import Flask, Response, request, send_file

from dashboard.dataset import current_atlas
from dashboard.export.pages import PLOTLY_JS, STATIC_DIR, map_page
from dashboard.export.view import link_for

EMBED_PATH = "/embed"
EMBED_FILES: dict[str, str] = {
    "plotly.min.js": "text/javascript",
    "embed.js": "text/javascript",
    "embed.css": "text/css",
}
ASSET_MAX_AGE = 24 * 3600


def is_embed_path(path: str) -> bool:
    """Whether a request path is the embed page or one of its files (which other sites may frame)."""
    return path == EMBED_PATH or path.startswith(EMBED_PATH + "/")


def embed_page(query: str, app_url: str, app_path: str) -> str:
    """The embed page of a view; `app_url` is the app's address (for the link), `app_path` its path prefix."""
    base = app_path.rstrip("/")
    scripts = (
        f'<script src="{base}{EMBED_PATH}/plotly.min.js"></script>\n<script src="{base}{EMBED_PATH}/embed.js"></script>'
    )
    styles = f'<link rel="stylesheet" href="{base}{EMBED_PATH}/embed.css">'
    config = {
        "displaylogo": False,
        "displayModeBar": False,
        "responsive": True,
        "scrollZoom": False,
        "topojsonURL": f"{base}/assets/",
    }
    return map_page(
        current_atlas(),
        query,
        link=link_for(query, app_url),
        scripts=scripts,
        styles=styles,
        config=config,
        compact=True,
    )


def register_embed(server: Flask) -> None:
    """Add the embed page and its files to the app's server."""

    @server.get(EMBED_PATH)
    def embed() -> Response:
        query = request.query_string.decode("utf-8", "replace")
        # Any page may frame this one, `file://` included: dashboard.security leaves out frame-ancestors here.
        return Response(embed_page(query, request.url_root, request.script_root), mimetype="text/html")

    @server.get(EMBED_PATH + "/<name>")
    def embed_file(name: str) -> Response:
        if name not in EMBED_FILES:
            return Response("not found", status=404, mimetype="text/plain")
        path = PLOTLY_JS if name == "plotly.min.js" else STATIC_DIR / name
        return send_file(path, mimetype=EMBED_FILES[name], max_age=ASSET_MAX_AGE)
