"""The city panel of the selected place."""

from __future__ import annotations

from dash import Input, Output, State, callback, clientside_callback

from dashboard import city_panel, i18n, ids, text
from dashboard.callbacks.selection import MISSING_PREFIX
from dashboard.dataset import Atlas, current_atlas


def panel_for(atlas: Atlas, place_id: str | None) -> tuple[list, bool]:
    """The panel's content for a selection, and whether the close button is hidden."""
    if not place_id:
        return city_panel.render_empty_panel(), True
    if place_id.startswith(MISSING_PREFIX):
        return city_panel.render_missing_place(place_id[len(MISSING_PREFIX) :]), False
    data = city_panel.city_panel_data(atlas, place_id)
    if data is None:
        return city_panel.render_empty_panel(), True
    return city_panel.render_city_panel(data), False


@callback(
    Output(ids.PANEL, "children"),
    Output(ids.PANEL_CLOSE, "hidden"),
    Input(ids.SELECTED_PLACE, "data"),
    State(ids.LANG, "data"),
)
def show_panel(place_id: str | None, lang: str | None = None) -> tuple:
    with i18n.language(lang):
        return panel_for(current_atlas(), place_id)


def announcement_for(atlas: Atlas, place_id: str | None) -> str:
    """One line for screen readers when the panel changes ("Kyiv: 62 ties, 45 partner places"), not the panel."""
    if not place_id:
        return text.PANEL_CLOSED
    if place_id.startswith(MISSING_PREFIX):
        return text.fmt(text.PANEL_NOT_IN_DATA, name=place_id[len(MISSING_PREFIX) :])
    data = city_panel.city_panel_data(atlas, place_id)
    if data is None:
        return ""
    return city_panel.panel_announcement(data)


@callback(
    Output(ids.PANEL_ANNOUNCE, "children"),
    Input(ids.SELECTED_PLACE, "data"),
    State(ids.LANG, "data"),
    prevent_initial_call=True,
)
def announce_panel(place_id: str | None, lang: str | None = None) -> str:
    with i18n.language(lang):
        return announcement_for(current_atlas(), place_id)


# On a narrow screen the panel sits below the map: bring it into view when a place is chosen.
clientside_callback(
    """
    function(placeId) {
        if (placeId && window.innerWidth < 1100) {
            const card = document.getElementById("PANEL_CARD");
            if (card) { setTimeout(() => card.scrollIntoView({behavior: "smooth", block: "start"}), 50); }
        }
        return window.dash_clientside.no_update;
    }
    """.replace("PANEL_CARD", ids.PANEL_CARD),
    Output(ids.PANEL_CARD, "data-scrolled"),
    Input(ids.SELECTED_PLACE, "data"),
    prevent_initial_call=True,
)
