"""What is selected: a place (its panel opens, its ties are highlighted) and a tie (its arc is highlighted).

A featured-city button, a click on the map, a row of the table and the panel's close button all set it. A place
in the table (a click, or Enter on its cell: `atlasTableEvent` in assets/a11y.js) opens that place's panel.
"""

from __future__ import annotations

from typing import Any

from dash import ALL, Input, Output, callback, ctx, no_update

from dashboard import ids, table
from dashboard.dataset import Atlas, current_atlas
from dashboard.figures import clicked_target

MISSING_PREFIX = "missing:"  # a featured city that is not in the data: its panel says so
TABLE_EVENT = ids.TABLE + ".eventData"  # the table's place cells, as assets/a11y.js reports them: {tie, end}


def table_place(atlas: Atlas, event: Any) -> tuple[Any, Any]:
    """The (place, tie) selection of a place chosen in the table: {"data": {"tie": id, "end": "a" | "b"}}."""
    data = event.get("data") if isinstance(event, dict) else None
    if not isinstance(data, dict) or data.get("end") not in ("a", "b") or not isinstance(data.get("tie"), str):
        return no_update, no_update
    row = atlas.index.row_of(data["tie"])
    if row is None:
        return no_update, no_update
    code = (atlas.index.place_a if data["end"] == "a" else atlas.index.place_b)[row]
    return str(atlas.index.place_ids[code]), data["tie"]


def selection_after(
    trigger: Any, atlas: Atlas, click_data: dict | None, selected_rows: list[dict] | None
) -> tuple[Any, Any]:
    """The (place, tie) selection after an event; no_update for what the event does not change."""
    if isinstance(trigger, dict) and trigger.get("type") == ids.FEATURED_CITY:
        name = trigger["name"]
        return atlas.featured.get(name) or MISSING_PREFIX + name, None
    if trigger == ids.MAP_GRAPH:
        target = clicked_target(click_data, atlas.index)
        if target is None:
            return no_update, no_update
        kind, target_id = target
        return (target_id, None) if kind == "place" else (no_update, target_id)
    if trigger == ids.TABLE:
        row = (selected_rows or [None])[0]
        return no_update, row.get(table.ROW_ID) if row else None
    if trigger == ids.PANEL_CLOSE:
        return None, no_update
    return no_update, no_update


@callback(
    Output(ids.SELECTED_PLACE, "data"),
    Output(ids.SELECTED_TIE, "data"),
    Input(ids.featured_city_button(ALL), "n_clicks"),
    Input(ids.MAP_GRAPH, "clickData"),
    Input(ids.TABLE, "selectedRows"),
    Input(ids.PANEL_CLOSE, "n_clicks"),
    Input(ids.TABLE, "eventData"),
    prevent_initial_call=True,
)
def select(
    _buttons: list, click_data: dict | None, selected_rows: list | None, _close: int, table_event: dict | None = None
) -> tuple:
    if TABLE_EVENT in ctx.triggered_prop_ids:  # also when the row's selection came in the same request
        return table_place(current_atlas(), table_event)
    return selection_after(ctx.triggered_id, current_atlas(), click_data, selected_rows)
