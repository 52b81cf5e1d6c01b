"""Every user-visible string of the dashboard, in one place (English; a translation swaps this module's tables).

Vocabulary labels (statuses, aid types, ...) come from `geodata.vocab`; this module holds the rest.
"""

from __future__ import annotations

from geodata.vocab import AID_TYPE, CONFLICT, RELATION, STATUS, THEME, TIER

APP_TITLE = "Twinning Atlas"
TAGLINE = "Municipal diplomacy on a map: sister cities, partner cities and what flows between them."

# Featured cities: (label on the button, name as in the data, ISO2 country).
FEATURED_CITIES: tuple[tuple[str, str, str], ...] = (
    ("Kyiv", "Kyiv", "UA"),
    ("Lviv", "Lviv", "UA"),
    ("Kharkiv", "Kharkiv", "UA"),
    ("Odesa", "Odesa", "UA"),
)
FEATURED_HEADING = "City panels"

# Filters
FILTERS_HEADING = "Filters"
FILTER_LABELS: dict[str, str] = {
    "city": "Place",
    "country": "Country (either end)",
    "status": "Relationship status",
    "aid": "Aid type (any of)",
    "relation": "Relation type",
    "theme": "Theme",
    "conflict": "Conflict",
    "years": "In force during",
    "tier": "Tier",
    "color": "Colour arcs by",
}
FACET_NAMES: dict[str, str] = {  # as they appear in "hidden by: ..."
    "country": "country",
    "status": "status",
    "aid": "aid type",
    "relation": "relation type",
    "theme": "theme",
    "conflict": "conflict",
    "years": "years",
    "city": "place search",
    "tier": "tier",
}
PLACE_SEARCH_PLACEHOLDER = "Search a place: Kyiv, Kiev, Lemberg…"
ANY_PLACEHOLDER = "Any"
YEAR_FROM_PLACEHOLDER = "from"
YEAR_TO_PLACEHOLDER = "to"
YEAR_FROM_LABEL = "From year"
YEAR_TO_LABEL = "To year"
RESET = "Reset filters"
COLOR_BY: dict[str, str] = {"status": "Status", "aid": "Aid type"}
PLACE_MATCHES = "Matches: {names}"
PLACE_NO_MATCH = "No place matches “{query}”."
VOCAB_LABELS: dict[str, dict[str, str]] = {
    "status": STATUS,
    "aid": AID_TYPE,
    "relation": RELATION,
    "theme": THEME,
    "conflict": CONFLICT,
    "tier": TIER,
}

# Map
NO_AID = "No aid recorded"
SELECTED_TIES = "Selected"
PLACES_TRACE = "Places"
LEGEND_TITLE: dict[str, str] = {"status": "Status", "aid": "Aid type"}
STYLE_KEY = "Line style: solid = in force · dashed = suspended or ended · dotted = proposed"
TIE_HOVER_SINCE = "since {since}"
TIE_HOVER_STATUS_DATE = "{status} {date}"
TIE_HOVER_AID = "Aid: {aid}"
PLACE_HOVER = "{n} ties in view"
MAP_LABEL = "World map of partnership ties"

# Counts strip and the hidden-ties line
COUNT_TIES = "ties"
COUNT_PLACES = "places"
COUNT_COUNTRIES = "countries"
SHOWING_ALL = "Showing all {total:,} ties."
SHOWING_SOME = "Showing {shown:,} of {total:,} ties; {hidden:,} hidden by: {facets}."
HIDDEN_FACET = "{facet} ({n:,})"

# Notices (bad URL values)
NOTICE_HEADING = "Some parts of this link were not understood and are ignored:"
NOTICE_UNKNOWN_KEY = "unknown parameter “{key}”"
NOTICE_UNKNOWN_WORD = "{what}: unknown value “{value}”"
NOTICE_UNKNOWN_COUNTRY = "country: “{value}” is not an ISO 3166 two-letter code"
NOTICE_BAD_YEAR = "{key}: “{value}” is not a year"
NOTICE_SWAPPED_YEARS = "from/to: the years were in the wrong order and have been swapped"
NOTICE_LONG_TEXT = "city: the search text was cut to {n} characters"
NOTICE_REPEATED_KEY = "{key}: given more than once; the values were combined"

# Panel
PANEL_EMPTY_TITLE = "City panel"
PANEL_EMPTY_TEXT = (
    "Pick Kyiv, Lviv, Kharkiv or Odesa above, or click a place on the map, to see its partners, "
    "what flowed through each tie, its timeline and its sources."
)
PANEL_CLOSE = "Close panel"
PANEL_NOT_IN_DATA = "{name} has no ties in the dataset yet."
PANEL_SUMMARY = "{ties} ties · {partners} partner places · {countries} countries"
PANEL_ALL_TIES_NOTE = "All of this place's ties, whatever the filters."
PANEL_PARTNERS = "Partners"
PANEL_AID = "What flowed"
PANEL_TIMELINE = "Timeline"
PANEL_NETWORKS = "Network memberships"
PANEL_SOURCES = "Sources"
PANEL_NO_AID = "No aid recorded for this place."
PANEL_NO_NETWORKS = "No network memberships recorded."
PANEL_CONTEXT_NOTE = "concerns {name}"
PANEL_UNCERTAIN = "uncertain"
PANEL_LISTED = "listed only"
PANEL_LISTED_TITLE = "From Wikipedia / Wikidata lists: no dates, status or aid recorded"
TIMELINE_FORMED = "{relation} with {partner}"
TIMELINE_CLOSED = "{status} tie with {partner}"
TIMELINE_STATUS_VERB: dict[str, str] = {"suspended": "Suspended", "ended": "Ended"}
AID_FLOW = "{donor} → {recipient}"
QUANTITY_UNITS: dict[str, str] = {  # a format per quantity column of aid_events
    "tonnes": "{value} tonnes",
    "people": "{value} people",
    "euros": "€{value}",
    "usd": "US${value}",
    "units": "{value} units",
    "vehicles": "{value} vehicles",
}
SINCE = "since {date}"
UNDATED = "undated"
SOURCE_COUNT = "{n} sources"

# Table
TABLE_HEADING = "Ties in view"
TABLE_SEARCH_PLACEHOLDER = "Search the table…"
TABLE_COLUMNS: dict[str, str] = {
    "city_a": "Place A",
    "country_a": "Country",
    "city_b": "Place B",
    "country_b": "Country",
    "relation": "Relation",
    "status": "Status",
    "since": "Since",
    "status_date": "Status date",
    "aid_types": "Aid types",
    "distance_km": "km",
    "n_sources": "Sources",
}
TABLE_CAPPED = (
    "The table lists the first {shown:,} of the {total:,} ties in view (cited ties first); "
    "narrow the filters to see the others, or download them all."
)
DOWNLOAD_CSV = "Download CSV"
DOWNLOAD_GEOJSON = "Download GeoJSON"
DOWNLOADS_NOTE = "Downloads hold the ties in view."

# Data & sources
ABOUT_HEADING = "Data & sources"
ABOUT_PARAGRAPHS: tuple[str, ...] = (
    "Cited ties are curated records: two places, the kind of relation, its status and dates, what flowed "
    "through it, and at least one source per row. Ties, aid events and network memberships were compiled from "
    "the cited news articles, city pages and reports named on each row.",
    "Listed ties (faint grey on the map, status unknown) come from Wikipedia's lists of twin towns and sister "
    "cities and from Wikidata: they say only that two places are twinned, with no dates, status or aid.",
    "Places are geocoded offline against the GeoNames gazetteer; homonyms and places that are not cities are "
    "pinned by hand. Arcs follow great circles. Dates are given at the precision the sources give; "
    "“uncertain” marks values inferred or disputed between sources.",
)
ABOUT_STATS = (
    "{ties:,} ties ({cited:,} cited, {listed:,} listed), {events:,} aid events, {members:,} network "
    "memberships, {sources:,} distinct sources."
)
ABOUT_VERSION = "Dataset version {version}."
ABOUT_PROBLEMS = "{n} rows of the source files were left out because they failed validation."
LICENCES_HEADING = "Licences"
LICENCES: tuple[tuple[str, str, str], ...] = (  # (what, licence, link)
    ("Gazetteer: GeoNames", "CC BY 4.0", "https://www.geonames.org/"),
    (
        "Wikipedia lists of twin towns",
        "CC BY-SA 4.0",
        "https://en.wikipedia.org/wiki/Lists_of_twin_towns_and_sister_cities",
    ),
    ("Wikidata (twinned administrative body, P190)", "CC0", "https://www.wikidata.org/wiki/Property:P190"),
    ("Base map: Natural Earth 1:110m", "public domain", "https://www.naturalearthdata.com/"),
    ("Curated records", "facts with their cited sources", ""),
)
FOOTER = "Twinning Atlas: open-source. Every tie links to its sources."
