"""What follows the map. Once the page has drawn a view (`VIEW_DRAWN`, set by assets/ties_pack.js), one request
answers the rest of the page: the counts and the "hidden by" line, the place matches, the network key, the
citation, the table's view and its download links. They were five requests, each with its own headers (about 550
bytes) and its own dispatch in Dash; each part stays a named function of its feature's module."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, callback

from dashboard import ids
from dashboard.callbacks.counts import update_counts
from dashboard.callbacks.filters import show_place_matches
from dashboard.callbacks.networks import update_network_key
from dashboard.callbacks.share import update_citation
from dashboard.callbacks.table import update_table


@callback(
    Output(ids.COUNTS, "children"),
    Output(ids.HIDDEN_LINE, "children"),
    Output(ids.PLACE_MATCHES, "children"),
    Output(ids.NETWORK_KEY, "children"),
    Output(ids.CITATION_TEXT, "children"),
    Output(ids.TABLE_VIEW, "data"),
    Output(ids.TABLE_NOTE, "children"),
    Output(ids.DOWNLOAD_CSV, "href"),
    Output(ids.DOWNLOAD_GEOJSON, "href"),
    Output(ids.DOWNLOAD_PACKAGE, "href"),
    Input(ids.VIEW_DRAWN, "data"),
    Input(ids.UPLOAD_TIES, "data"),  # the user's own ties, held by this page only
    Input(ids.UPLOAD_MODE, "value"),
    State(ids.LANG, "data"),
)
def update_after_draw(
    query: str | None, uploaded: Any = None, upload_mode: str | None = None, lang: str | None = None
) -> tuple:
    """Everything of a drawn view besides the map, in one answer."""
    return (
        *update_counts(query, uploaded, upload_mode, lang),
        show_place_matches(query, lang),
        update_network_key(query, lang),
        update_citation(query, lang),
        *update_table(query, uploaded, upload_mode, lang),
    )
