"""Every component id of the dashboard, defined once. Ids of repeated widgets are built by functions."""

from __future__ import annotations

URL = "url"
VIEW_QUERY = "view-query"  # dcc.Store: the canonical query string of the filters in force
LANG = "page-lang"  # dcc.Store: the page's interface language ("en", "uk"), fixed for the visit
LANG_SWITCH = "lang-switch"  # the header link to this view in the other language
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
FILTER_UNDATED = "filter-undated"
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
    "undated": (FILTER_UNDATED, "value"),
    "city": (FILTER_CITY, "value"),
}

MAP_GRAPH = "map-graph"
MAP_DRAWING = "map-drawing"  # dcc.Store: the map figure as the server sends it (ties by reference) and its pack
VIEW_DRAWN = "view-drawn"  # dcc.Store: the view query of the map last filled in (the counts, table ... follow it)
UPLOAD_OPTIONS = "upload-options"  # the "show" choice and "Remove your data": shown only when there is data
MAP_CLICK = "map-click"  # dcc.Store: a click on the map as the user aimed it (assets/map_targets.js)
STYLE_KEY = "style-key"
MAP_NOTES = "map-notes"  # what the map leaves out, in words under it (wraps on a phone, never over the legend)
PANEL_CARD = "panel-card"
COUNTS = "counts"
HIDDEN_LINE = "hidden-line"
PANEL = "panel"
PANEL_CLOSE = "panel-close"
TABLE = "ties-table"
TABLE_VIEW = "ties-table-view"  # dcc.Store: which rows of the rows pack are in view, and your rows in view
TABLE_SEARCH = "ties-table-search"
TABLE_NOTE = "ties-table-note"
DOWNLOAD_CSV = "download-csv"
DOWNLOAD_GEOJSON = "download-geojson"
DOWNLOAD_PACKAGE = "download-package"
ABOUT = "about"

FEATURED_CITY = "featured-city"


def featured_city_button(name: str) -> dict[str, str]:
    """The id of the one-click button of a featured city (pattern-matching callbacks match on `type`)."""
    return {"type": FEATURED_CITY, "name": name}


# --- Sharing, embedding and exports (issue 5) ---------------------------------------------------------------
MAP_VIEW = "map-view"  # dcc.Store: the map view a link asked for ({lon, lat, zoom, rot}); set once per page load
MAP_VIEW_EDITS = "map-view-edits"  # dcc.Store: the map view as the user has moved it since
LINK_QUERY = "link-query"  # dcc.Store: the URL's query when it holds share keys (a link being opened), else unset
SHARE_QUERY = "share-query"  # dcc.Store: the link's query (filters, place, colouring, map view)
SHARE_BAR = "share-bar"
COPY_LINK = "copy-link"
SHARE_LINK = "share-link"  # readonly input holding the absolute link
EMBED_OPEN = "embed-open"
EMBED_DIALOG = "embed-dialog"
EMBED_CLOSE = "embed-close"
EMBED_TITLE = "embed-title"
EMBED_OPTIONS = "embed-options"
EMBED_SNIPPET = "embed-snippet"
COPY_SNIPPET = "copy-snippet"
EXPORT_OPEN = "export-open"
EXPORT_DIALOG = "export-dialog"
EXPORT_CLOSE = "export-close"
EXPORT_TITLE = "export-title"
EXPORT_SIZE = "export-size"
EXPORT_HIDPI = "export-hidpi"
EXPORT_PNG = "export-png"
EXPORT_SVG = "export-svg"
EXPORT_STATUS = "export-status"
EXPORT_HTML = "export-html"
EXPORT_CSV = "export-csv"
EXPORT_GEOJSON = "export-geojson"
EXPORT_PACKAGE = "export-package"
EXPORT_PPTX = "export-pptx"
CITATION = "citation"
CITATION_TEXT = "citation-text"
CITATION_LINK = "citation-link"
COPY_CITATION = "copy-citation"


# --- Your own data (issue 7: reliability and security) -----------------------------------------------------
YOUR_DATA = "your-data"  # the card holding the upload, its options and its report
UPLOAD = "upload"  # dcc.Upload
UPLOAD_REQUEST = "upload-request"  # dcc.Store: the file as the browser read it, or only its size when too big
UPLOAD_TIES = "upload-ties"  # dcc.Store (memory): the valid uploaded ties, columnar; never on the server
UPLOAD_PROBLEMS = "upload-problems"  # dcc.Store (memory): every problem of the upload, for the report download
UPLOAD_MODE = "upload-mode"  # show the uploaded ties beside the bundled ones, or alone
UPLOAD_CLEAR = "upload-clear"
UPLOAD_STATUS = "upload-status"
UPLOAD_REPORT = "upload-report"
UPLOAD_REPORT_BUTTON = "upload-report-button"
UPLOAD_REPORT_DOWNLOAD = "upload-report-download"  # dcc.Download
UPLOAD_TIES_BUTTON = "upload-ties-button"  # download your own valid ties: the server never kept them
UPLOAD_TIES_DOWNLOAD = "upload-ties-download"  # dcc.Download
UPLOAD_EXPORT_NOTE = "upload-export-note"  # in the Export dialog: your uploaded ties are not in its files
UPLOAD_DOWNLOADS_NOTE = "upload-downloads-note"  # by the table's Download links: the same


# --- Provenance tiers, networks layer and data quality (issue 4: global breadth) ------------------------------
FILTER_TIER = "filter-tier"  # radio: all ties, cited only, listed only
FILTER_SHOW = "filter-show"  # checklist of extra map layers: "networks"
FILTER_NETWORK = "filter-network"  # which networks the layer shows
DATA_QUALITY = "data-quality"
NETWORK_KEY = "network-key"  # under the map: the networks shown, by ring colour
# The filter controls of this issue, beside those above (control name as in urlstate.CONTROL_FIELDS).
FILTER_CONTROLS.update(
    {"tier": (FILTER_TIER, "value"), "show": (FILTER_SHOW, "value"), "network": (FILTER_NETWORK, "value")}
)


# --- Accessibility (issue 8: keyboard, screen readers, colour) ------------------------------------------------
SKIP_LINKS = "skip-links"  # "Skip to map", "Skip to table": the first things Tab reaches
MAP_CARD = "map-card"  # the map's section (a skip link's target)
MAP_HINT = "map-hint"  # visually hidden: the table is the keyboard alternative to the map
TABLE_CARD = "table-card"  # the table's section (a skip link's target)
TABLE_HEADING = "table-heading"  # names the table's section and its grid
TABLE_HINT = "table-hint"  # how to use the table with the keyboard

PANEL_ANNOUNCE = "panel-announce"  # polite live region: one line when the city panel changes ("Kyiv: 62 ties, ...")

# --- Data truth: derived conflict and theme tags (issue 12) ----------------------------------------------------
FILTER_TAGS = "filter-tags"  # radio: the theme and conflict filters read cited and derived tags, or one kind
FILTER_CONTROLS["tags"] = (FILTER_TAGS, "value")
