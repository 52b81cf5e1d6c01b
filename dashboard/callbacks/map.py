"""The map: redrawn from the index when the view, the colouring or the selection changes."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, callback

from dashboard import figures, ids, text
from dashboard.dataset import Atlas, current_atlas
from dashboard.urlstate import parse_query


def map_for_view(
    atlas: Atlas, query: str | None, color_by: str | None, place_id: str | None, partnership_id: str | None
) -> tuple[dict[str, Any], str]:
    """The map figure of a view, and the line-style key shown under it (when colours do not say the status)."""
    mask = atlas.index.mask(parse_query(query).view)
    figure = figures.map_figure(
        atlas.index,
        mask,
        color_by=color_by or "status",
        tie_hover=atlas.tie_hover,
        place_labels=atlas.place_labels,
        selected_place=place_id,
        selected_tie=partnership_id,
    )
    return figure, text.STYLE_KEY if color_by == "aid" else ""


@callback(
    Output(ids.MAP_GRAPH, "figure"),
    Output(ids.STYLE_KEY, "children"),
    Input(ids.VIEW_QUERY, "data"),
    Input(ids.COLOR_BY, "value"),
    Input(ids.SELECTED_PLACE, "data"),
    Input(ids.SELECTED_TIE, "data"),
)
def update_map(query: str | None, color_by: str | None, place_id: str | None, tie_id: str | None) -> tuple:
    return map_for_view(current_atlas(), query, color_by, place_id, tie_id)
