"""The map: redrawn from the index when the view, the colouring or the selection changes."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, callback

from dashboard import figures, i18n, ids, text
from dashboard.dataset import Atlas, current_atlas
from dashboard.figures.map_layout import take_notices
from dashboard.framing import place_view, view_frame
from dashboard.share import MapView, map_view_from_store
from dashboard.upload import with_uploaded_ties
from dashboard.urlstate import parse_query


def map_for_view(
    atlas: Atlas,
    query: str | None,
    color_by: str | None,
    place_id: str | None,
    partnership_id: str | None,
    pinned: MapView | None = None,
) -> tuple[dict[str, Any], str]:
    """The map figure of a view, and the line-style key shown under it (when colours do not say the status)."""
    view = parse_query(query).view
    mask = atlas.index.mask(view)
    layers = atlas.layers
    frame = view_frame(atlas.index, mask, place_id)
    figure = figures.map_figure(
        atlas.index,
        mask,
        color_by=color_by or "status",
        tie_hover=atlas.tie_hover,
        place_labels=atlas.place_labels,
        selected_place=place_id,
        selected_tie=partnership_id,
        network_layer=figures.network_traces(layers.network_members, layers.networks, view, atlas.index.place_code_of),
        frame_lon_span=frame.lon_span,
    )
    place_view(figure, atlas.index, mask, place_id, pinned or MapView(), frame)
    return figure, text.STYLE_KEY if color_by == "aid" else ""


@callback(
    Output(ids.MAP_GRAPH, "figure"),
    Output(ids.STYLE_KEY, "children"),
    Output(ids.MAP_NOTES, "children"),
    Input(ids.VIEW_QUERY, "data"),
    Input(ids.COLOR_BY, "value"),
    Input(ids.SELECTED_PLACE, "data"),
    Input(ids.SELECTED_TIE, "data"),
    Input(ids.MAP_VIEW, "data"),  # the map view a shared link asked for (set once, at page load)
    Input(ids.UPLOAD_TIES, "data"),  # the user's own ties, held by this page only
    Input(ids.UPLOAD_MODE, "value"),
    State(ids.LANG, "data"),
)
def update_map(
    query: str | None,
    color_by: str | None,
    place_id: str | None,
    tie_id: str | None,
    map_view: dict | None = None,
    uploaded: dict | None = None,
    upload_mode: str | None = None,
    lang: str | None = None,
) -> tuple:
    with i18n.language(lang):
        pinned = map_view_from_store(map_view)
        figure, style_key = map_for_view(current_atlas(), query, color_by, place_id, tie_id, pinned)
        figure = with_uploaded_ties(figure, uploaded, upload_mode, parse_query(query).view, color_by or "status")
    return figure, style_key, " ".join(take_notices(figure))
