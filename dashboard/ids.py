"""Every component id of the dashboard, defined once. Ids of repeated widgets are built by functions."""

from __future__ import annotations

URL = "url"
VIEW_QUERY = "view-query"  # dcc.Store: the canonical query string of the filters in force
SELECTED_PLACE = "selected-place"  # dcc.Store: place id whose panel is open, or None
SELECTED_TIE = "selected-tie"  # dcc.Store: partnership id highlighted, or None
NOTICES = "notices"

FILTER_COUNTRY = "filter-country"
FILTER_STATUS = "filter-status"
FILTER_AID = "filter-aid"
FILTER_RELATION = "filter-relation"
FILTER_THEME = "filter-theme"
FILTER_CONFLICT = "filter-conflict"
FILTER_YEAR_FROM = "filter-year-from"
FILTER_YEAR_TO = "filter-year-to"
FILTER_CITY = "filter-city"
PLACE_MATCHES = "place-matches"
COLOR_BY = "color-by"
RESET = "reset"
FILTERS_SUMMARY = "filters-summary"
FILTERS = "filters"
FILTERS_TOGGLE = "filters-toggle"
FILTERS_BODY = "filters-body"

# Filter control name (as in urlstate.CONTROL_FIELDS) -> (component id, property)
FILTER_CONTROLS: dict[str, tuple[str, str]] = {
    "country": (FILTER_COUNTRY, "value"),
    "status": (FILTER_STATUS, "value"),
    "aid": (FILTER_AID, "value"),
    "relation": (FILTER_RELATION, "value"),
    "theme": (FILTER_THEME, "value"),
    "conflict": (FILTER_CONFLICT, "value"),
    "from": (FILTER_YEAR_FROM, "value"),
    "to": (FILTER_YEAR_TO, "value"),
    "city": (FILTER_CITY, "value"),
}

MAP_GRAPH = "map-graph"
STYLE_KEY = "style-key"
PANEL_CARD = "panel-card"
COUNTS = "counts"
HIDDEN_LINE = "hidden-line"
PANEL = "panel"
PANEL_CLOSE = "panel-close"
TABLE = "ties-table"
TABLE_SEARCH = "ties-table-search"
TABLE_NOTE = "ties-table-note"
DOWNLOAD_CSV = "download-csv"
DOWNLOAD_GEOJSON = "download-geojson"
ABOUT = "about"

FEATURED_CITY = "featured-city"


def featured_city_button(name: str) -> dict[str, str]:
    """The id of the one-click button of a featured city (pattern-matching callbacks match on `type`)."""
    return {"type": FEATURED_CITY, "name": name}
