"""What is selected: a place (its panel opens, its ties are highlighted) and a tie (its arc is highlighted).

A featured-city button, a click on the map, a row of the table and the panel's close button all set it. A place
in the table (a click, or Enter on its cell: `atlasTableEvent` in assets/a11y.js) opens that place's panel.
"""

from __future__ import annotations

from typing import Any

from dash import ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, no_update

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


def selected_row_id(selected_rows: Any) -> str | None:
    """The id of the table's selected row: from its rows, or from {"ids": [...]} as the map's selection sets it."""
    if isinstance(selected_rows, dict):
        chosen = selected_rows.get("ids") or [None]
        return chosen[0] if isinstance(chosen[0], str) else None
    row = (selected_rows or [None])[0]
    return row.get(table.ROW_ID) if isinstance(row, dict) else None


def selection_after(
    trigger: Any, atlas: Atlas, click_data: dict | None, selected_rows: list[dict] | None, current_tie: Any = None
) -> tuple[Any, Any]:
    """The (place, tie) selection after an event; no_update for what the event does not change (a table row
    selected because the tie was chosen on the map changes nothing)."""
    if isinstance(trigger, dict) and trigger.get("type") == ids.FEATURED_CITY:
        name = trigger["name"]
        return atlas.featured.get(name) or MISSING_PREFIX + name, None
    if trigger == ids.MAP_CLICK:
        target = clicked_target(click_data, atlas.index)
        if target is None:
            return no_update, no_update
        kind, target_id = target
        return (target_id, None) if kind == "place" else (no_update, target_id)
    if trigger == ids.TABLE:
        tie_id = selected_row_id(selected_rows)
        return no_update, no_update if tie_id == current_tie else tie_id
    if trigger == ids.PANEL_CLOSE:
        return None, no_update
    return no_update, no_update


# A click on the map, as the user aimed it: a place dot under the pointer wins over a tie's hover target, and a
# point along a tie stands for that tie (assets/map_targets.js).
clientside_callback(
    ClientsideFunction(namespace="atlas", function_name="resolveMapClick"),
    Output(ids.MAP_CLICK, "data"),
    Input(ids.MAP_GRAPH, "clickData"),
    prevent_initial_call=True,
)


@callback(
    Output(ids.SELECTED_PLACE, "data"),
    Output(ids.SELECTED_TIE, "data"),
    Input(ids.featured_city_button(ALL), "n_clicks"),
    Input(ids.MAP_CLICK, "data"),
    Input(ids.TABLE, "selectedRows"),
    Input(ids.PANEL_CLOSE, "n_clicks"),
    Input(ids.TABLE, "eventData"),
    State(ids.SELECTED_TIE, "data"),
    prevent_initial_call=True,
)
def select(
    _buttons: list,
    click_data: dict | None,
    selected_rows: list | None,
    _close: int,
    table_event: dict | None = None,
    current_tie: Any = None,
) -> tuple:
    if TABLE_EVENT in ctx.triggered_prop_ids or event_names_selected_row(ctx.triggered_id, table_event, selected_rows):
        return table_place(current_atlas(), table_event)
    return selection_after(ctx.triggered_id, current_atlas(), click_data, selected_rows, current_tie)


def event_names_selected_row(trigger: Any, table_event: Any, selected_rows: Any) -> bool:
    """Whether the table's row selection is the one a place cell's click or Enter just made. Both reach Dash, and
    Dash keeps the answer to the later call only: assets/a11y.js reports the place 50 ms after the selection, but
    on a busy machine the selection can come second, and it must still open the place. Only a selection made in
    the grid (a list of rows) counts: the map's selection of a tie ({"ids": [...]}) never opens a place."""
    data = table_event.get("data") if isinstance(table_event, dict) else None
    tie = data.get("tie") if isinstance(data, dict) else None
    made_in_grid = isinstance(selected_rows, list)
    return trigger == ids.TABLE and made_in_grid and tie is not None and tie == selected_row_id(selected_rows)


# The selected tie's row is selected in the table and scrolled into its view (a click on the map shows the row),
# in the browser: the rows are already there. Nothing is sent when the table already has it selected.
clientside_callback(
    """
    function (tieId, selected) {
        const no = window.dash_clientside.no_update;
        const current = Array.isArray(selected) && selected.length ? selected[0].partnership_id
            : (selected && selected.ids ? selected.ids[0] : null);
        if ((tieId || null) === current) { return [no, no]; }
        if (!tieId) { return [[], no]; }
        return [{ids: [tieId]}, {rowId: tieId, rowPosition: "middle"}];
    }
    """,
    Output(ids.TABLE, "selectedRows"),
    Output(ids.TABLE, "scrollTo"),
    Input(ids.SELECTED_TIE, "data"),
    State(ids.TABLE, "selectedRows"),
    prevent_initial_call=True,
)
