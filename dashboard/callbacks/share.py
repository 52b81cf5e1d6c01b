"""Sharing: a link restores its place, colouring and map view; the bar keeps the link, the embed snippet, the
export links and the citation of the current view; the dialogs open and close; images are drawn in the browser.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, no_update

from dashboard import i18n, ids
from dashboard.callbacks.selection import MISSING_PREFIX
from dashboard.dataset import Atlas, current_atlas
from dashboard.export.view import cite_view
from dashboard.share import (
    SHARE_KEYS,
    ShareView,
    has_share_keys,
    map_view_after_relayout,
    map_view_from_store,
    parse_share,
    share_links,
)
from dashboard.urlstate import parse_query

JS = "atlasShare"  # the namespace of assets/sharing.js


def view_from_link(atlas: Atlas, search: str | None) -> tuple[Any, Any, Any]:
    """What a link restores: (map view, selected place, colouring), or no_update for a query of filters alone.

    The filters rewrite the URL with their keys alone, so a query with share keys is a link being opened.
    """
    if not has_share_keys(search):
        return no_update, no_update, no_update
    share = parse_share(search).share
    place: Any = no_update
    if share.place:
        # A place id the dataset does not know opens a panel that says so, rather than nothing at all.
        place = share.place if share.place in atlas.index.place_code_of else MISSING_PREFIX + share.place
    return share.map_view.as_dict(), place, share.color


# Filter changes rewrite the URL with filter keys alone; only a query with share keys (a link being opened, at
# page load or by back/forward) goes on to the server, so a filter change costs no extra round trip.
clientside_callback(
    """
    function(search) {
        const params = new URLSearchParams(String(search || "").replace(/^\\?/, ""));
        for (const key of params.keys()) {
            if (SHARE_KEYS.indexOf(key.trim().toLowerCase()) >= 0) { return search; }
        }
        return window.dash_clientside.no_update;
    }
    """.replace("SHARE_KEYS", json.dumps(list(SHARE_KEYS))),
    Output(ids.LINK_QUERY, "data"),
    Input(ids.URL, "search"),
)


@callback(
    Output(ids.MAP_VIEW, "data"),
    Output(ids.SELECTED_PLACE, "data", allow_duplicate=True),
    Output(ids.COLOR_BY, "value"),
    Input(ids.LINK_QUERY, "data"),
    prevent_initial_call=True,
)
def restore_from_link(search: str | None) -> tuple:
    return view_from_link(current_atlas(), search)


@callback(
    Output(ids.MAP_VIEW_EDITS, "data"),
    Input(ids.MAP_GRAPH, "relayoutData"),
    State(ids.MAP_VIEW_EDITS, "data"),
    prevent_initial_call=True,
)
def track_map_view(relayout: dict | None, edits: dict | None) -> dict:
    return map_view_after_relayout(relayout, edits)


def share_outputs(
    href: str | None,
    view_query: str | None,
    place: str | None,
    color: str | None,
    map_view: dict | None,
    edits: dict | None,
    embed_title: str | None,
    embed_options: list | None,
    export_title: str | None,
) -> tuple:
    """(share query, link, embed snippet, HTML, CSV, GeoJSON and PPTX hrefs, citation link) of the current view."""
    view = map_view_from_store({**(map_view or {}), **(edits or {})})
    selected = place if place and not place.startswith(MISSING_PREFIX) else None
    share = ShareView(place=selected, color=color if color in ("status", "aid") else "status", map_view=view)
    options = embed_options or []
    embed = replace(share, title=(embed_title or "").strip(), legend="legend" in options, caption="caption" in options)
    links = share_links(href, view_query, share, embed=embed, export_title=(export_title or "").strip())
    files = (links.html, links.csv, links.geojson, links.package, links.pptx)
    return links.query, links.link, links.snippet, *files, links.link, links.link


@callback(
    Output(ids.SHARE_QUERY, "data"),
    Output(ids.SHARE_LINK, "value"),
    Output(ids.EMBED_SNIPPET, "value"),
    Output(ids.EXPORT_HTML, "href"),
    Output(ids.EXPORT_CSV, "href"),
    Output(ids.EXPORT_GEOJSON, "href"),
    Output(ids.EXPORT_PACKAGE, "href"),
    Output(ids.EXPORT_PPTX, "href"),
    Output(ids.CITATION_LINK, "href"),
    Output(ids.CITATION_LINK, "children"),
    Input(ids.URL, "href"),
    Input(ids.VIEW_QUERY, "data"),
    Input(ids.SELECTED_PLACE, "data"),
    Input(ids.COLOR_BY, "value"),
    Input(ids.MAP_VIEW, "data"),
    Input(ids.MAP_VIEW_EDITS, "data"),
    Input(ids.EMBED_TITLE, "value"),
    Input(ids.EMBED_OPTIONS, "value"),
    Input(ids.EXPORT_TITLE, "value"),
    State(ids.LANG, "data"),
)
def update_share(*values: Any) -> tuple:
    *inputs, lang = values
    with i18n.language(lang):
        return share_outputs(*inputs)


def citation_text(atlas: Atlas, query: str | None) -> str:
    """The citation of a view without its link (the link follows it on the page)."""
    return cite_view(atlas, atlas.index.mask(parse_query(query).view), link="").summary()


def update_citation(query: str | None, lang: str | None = None) -> str:
    with i18n.language(lang):
        return citation_text(current_atlas(), query)


# Browser side (assets/sharing.js): dialogs, copying, and images drawn by plotly.js from /export/figure.json.
for _open, _close, _dialog in (
    (ids.EMBED_OPEN, ids.EMBED_CLOSE, ids.EMBED_DIALOG),
    (ids.EXPORT_OPEN, ids.EXPORT_CLOSE, ids.EXPORT_DIALOG),
):
    clientside_callback(
        ClientsideFunction(JS, "toggleDialog"),
        Output(_dialog, "open"),
        Input(_open, "n_clicks"),
        Input(_close, "n_clicks"),
        prevent_initial_call=True,
    )

for _button, _source in (
    (ids.COPY_LINK, ids.SHARE_LINK),
    (ids.COPY_SNIPPET, ids.EMBED_SNIPPET),
    (ids.COPY_CITATION, ids.CITATION),
):
    clientside_callback(
        ClientsideFunction(JS, "copyText"),
        Output(_button, "data-state"),
        Input(_button, "n_clicks"),
        State(_source, "id"),
        prevent_initial_call=True,
    )

clientside_callback(
    ClientsideFunction(JS, "downloadImage"),
    Output(ids.EXPORT_STATUS, "children"),
    Input(ids.EXPORT_PNG, "n_clicks"),
    Input(ids.EXPORT_SVG, "n_clicks"),
    State(ids.SHARE_QUERY, "data"),
    State(ids.EXPORT_TITLE, "value"),
    State(ids.EXPORT_SIZE, "value"),
    State(ids.EXPORT_HIDPI, "value"),
    State(ids.EXPORT_STATUS, "id"),
    State(ids.EXPORT_SVG, "id"),
    prevent_initial_call=True,
)
