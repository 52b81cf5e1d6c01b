"""The map: redrawn from the index when the view, the colouring or the selection changes."""

from __future__ import annotations

from typing import Any

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback

from dashboard import figures, i18n, ids, text
from dashboard.dataset import Atlas, current_atlas
from dashboard.figures.map_layout import take_notices
from dashboard.framing import place_view, view_frame
from dashboard.share import MapView, map_view_from_store
from dashboard.ties_pack import pack_url
from dashboard.upload import with_uploaded_ties
from dashboard.urlstate import parse_query


def map_for_view(
    atlas: Atlas,
    query: str | None,
    color_by: str | None,
    place_id: str | None,
    partnership_id: str | None,
    pinned: MapView | None = None,
    by_reference: bool = False,
) -> tuple[dict[str, Any], str]:
    """The map figure of a view, and the line-style key shown under it (when colours do not say the status).
    With `by_reference`, the ties' traces name their rows of the ties pack (the page fills them in)."""
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
        by_reference=by_reference,
    )
    place_view(figure, atlas.index, mask, place_id, pinned or MapView(), frame)
    return figure, text.STYLE_KEY if color_by == "aid" else ""


def map_drawing(figure: dict[str, Any], atlas: Atlas, lang: str | None, query: str | None) -> dict[str, Any]:
    """What the page's map is drawn from: the figure and the URL of the ties pack its references name, and the
    view's query (the table waits for the map of the same view before it filters: the map is drawn first)."""
    url = pack_url(atlas, "ties", i18n.lang_or_default(lang))
    return {"pack": url, "figure": figure, "failed": text.MAP_PACK_FAILED, "query": query or ""}


@callback(
    Output(ids.MAP_DRAWING, "data"),
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
    atlas = current_atlas()
    with i18n.language(lang):
        pinned = map_view_from_store(map_view)
        figure, style_key = map_for_view(atlas, query, color_by, place_id, tie_id, pinned, by_reference=True)
        figure = with_uploaded_ties(figure, uploaded, upload_mode, parse_query(query).view, color_by or "status")
        notes = " ".join(take_notices(figure))
        return map_drawing(figure, atlas, lang, query), style_key, notes


# The browser fills in the ties' traces from the pack (fetched once) and draws: no tie's coordinates cross the
# network on a filter change. Then it says which view it drew (VIEW_DRAWN, when the view changed): the counts,
# table and the rest follow the map, so that their requests do not hold up the map's.
clientside_callback(
    ClientsideFunction(namespace="ties", function_name="draw"),
    Output(ids.MAP_GRAPH, "figure"),
    Output(ids.VIEW_DRAWN, "data"),
    Input(ids.MAP_DRAWING, "data"),
    State(ids.VIEW_DRAWN, "data"),
)
