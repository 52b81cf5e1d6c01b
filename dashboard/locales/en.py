"""The English catalogue: every user-visible string of the dashboard.

`dashboard/locales/uk.py` holds the same names in Ukrainian (tests/test_locales.py checks that both have every
key, the same dict keys and the same `{placeholders}`). Code reads the active language's catalogue through
`dashboard.text`. Vocabulary labels (statuses, aid types, ...) are `geodata.vocab`'s English ones.
"""

from __future__ import annotations

from geodata.vocab import AID_TYPE, CERTAINTY, CONFLICT, PLACE_KIND, RELATION, STATUS, THEME, TIER

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
    "tier": "source tier",
}
PLACE_SEARCH_PLACEHOLDER = "Search a place: Kyiv, Kiev, Lemberg…"
ANY_PLACEHOLDER = "Any"
YEAR_FROM_PLACEHOLDER = "from"
YEAR_TO_PLACEHOLDER = "to"
INCLUDE_UNDATED = "Also show ties with no known start year"
UNDATED_HIDDEN = "ties with no known start year left out"
UNDATED_INCLUDED = "ties with no known start year included"
COUNT_UNDATED = "{n:,} of them with no known start year"
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
    "kind": PLACE_KIND,
    "certainty": CERTAINTY,
}

# Map
NO_AID = "No aid recorded"
SELECTED_TIES = "Selected"
PLACES_TRACE = "Places"
LEGEND_TITLE: dict[str, str] = {"status": "Status", "aid": "Aid type"}
STYLE_KEY = "Line style: solid = in force · dashed = suspended or ended · dash-dotted = proposed"
TIE_HOVER_SINCE = "since {since}"
TIE_HOVER_STATUS_DATE = "{status} {date}"
TIE_HOVER_AID = "Aid: {aid}"
PLACE_HOVER = "{n} ties in view"
MAP_LABEL = "World map of partnership ties"
# Shown on the map when a view holds more than it draws (figures.ARC_LIMIT, figures.PLACE_LIMIT); plotly does not
# wrap annotations, hence the <br>.
MAP_TIES_CAPPED = (
    "Drawing {drawn:,} of the {total:,} ties in view: cited ties and known statuses first,<br>"
    "then a fixed sample. Filter to draw every one."
)
MAP_PLACES_CAPPED = "Dots for the {shown:,} places with most ties in view, of {total:,};<br>the place search finds any."

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
DOWNLOAD_REFUSED = "This download was refused: its link holds values the atlas cannot read. Fix or remove them:"
IMAGE_BUSY = "Every image renderer is busy. Try again in a few seconds."
UPLOAD_BUSY = "{name}: the server is checking other files just now. Choose the file again in a few seconds."
IMAGE_UNAVAILABLE = "This server cannot draw images: it has no Chromium. The interactive embed (/embed) still works."
NOTICE_UNKNOWN_COUNTRY = "country: “{value}” is not an ISO 3166 two-letter code"
NOTICE_BAD_YEAR = "{key}: “{value}” is not a year"
NOTICE_SWAPPED_YEARS = "Years {typed} were the wrong way round: showing ties in force {shown}."
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
PANEL_SUMMARY = "{ties} {ties_word} · {partners} {partners_word} · {countries} {countries_word}"
# Word forms for a count (one, few, many: i18n.plural); English needs two, Ukrainian three.
TIE_WORDS = ("tie", "ties", "ties")
PARTNER_PLACE_WORDS = ("partner place", "partner places", "partner places")
COUNTRY_WORDS = ("country", "countries", "countries")
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
    "tier": "Source tier",
    "certainty": "Certainty",
    "since": "Since",
    "status_date": "Status date",
    "aid_types": "Aid types",
    "tags": "Conflict · theme",
    "provenance": "Lists",
    "distance_km": "km",
    "n_sources": "Sources",
}
TABLE_CAPPED = (
    "The table lists the first {shown:,} of the {total:,} ties in view (cited ties first); "
    "narrow the filters to see the others, or download them all."
)
DOWNLOAD_CSV = "Download CSV"
DOWNLOAD_GEOJSON = "Download GeoJSON"
DOWNLOAD_PACKAGE = "Data package (ZIP)"
DOWNLOAD_PACKAGE_NOTE = "CSV and GeoJSON of the ties in view, with their schema, licences, sources and citation"
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

# --- Sharing, embedding and exports (issue 5) ---------------------------------------------------------------
NOTICE_BAD_NUMBER = "{key}: “{value}” is not a number from {low} to {high}"
NOTICE_BAD_PLACE = "place: “{value}” is not a place id"
NOTICE_BAD_FLAG = "{key}: “{value}” is not 1 or 0"
NOTICE_LONG_TITLE = "title: the title was cut to {n} characters"
SHARE_BAR_LABEL = "Present this view"
COPY_LINK = "Copy link"
LINK_COPIED = "Link copied"
EMBED = "Embed"
EXPORT = "Export"
CLOSE = "Close"
SHARE_LINK_LABEL = "Link to this view (filters, selected place, map position)"
EMBED_HEADING = "Embed this map"
EMBED_HELP = (
    "Paste this into a web page, slide tool or CMS that accepts HTML. The frame shows the map of this view alone, "
    "without controls; visitors can hover, pan and follow the link to the full atlas."
)
EMBED_TITLE_LABEL = "Title (optional)"
EMBED_OPTIONS_LABEL = "Show"
EMBED_OPTIONS: dict[str, str] = {"legend": "Legend", "caption": "Caption with sources"}
EMBED_SNIPPET_LABEL = "HTML to paste"
COPY_SNIPPET = "Copy HTML"
EMBED_FRAME_TITLE = "Twinning Atlas: map of municipal partnerships"
EXPORT_HEADING = "Export this view"
EXPORT_TITLE_LABEL = "Title on the image and page"
EXPORT_SIZE_LABEL = "Image size"
EXPORT_SIZES: dict[str, str] = {"1920x1080": "1920×1080 (slide)", "1280x720": "1280×720", "a4": "A4 landscape"}
EXPORT_HIDPI = "×2 for high-density screens"
EXPORT_IMAGES = "Images (title, legend and sources baked in)"
EXPORT_PNG = "Download PNG"
EXPORT_SVG = "Download SVG"
EXPORT_FILES = "Files"
EXPORT_HTML = "Standalone HTML (works offline)"
EXPORT_CSV = "CSV"
EXPORT_GEOJSON = "GeoJSON"
EXPORT_PACKAGE = "Data package (ZIP: CSV, GeoJSON, schema, licences, citation)"
EXPORT_WORKING = "Drawing the image…"
EXPORT_DONE = "Saved {name}."
EXPORT_FAILED = "The image could not be drawn: {error}"
CITE_HEADING = "Cite this view"
COPY_CITATION = "Copy citation"
CITATION = "{app}, dataset version {version} ({date}). View of {ties:,} ties from {sources:,} sources."
CITATION_ACCESSED = "Accessed {date}."
ATTRIBUTION = (
    "Data: Twinning Atlas, a source cited per tie · Wikipedia lists of twin towns (CC BY-SA 4.0) · Wikidata (CC0) · "
    "GeoNames (CC BY 4.0) · base map Natural Earth"
)
CAPTION_SHORT = (
    "dataset {version} · {ties:,} ties, {sources:,} sources · GeoNames (CC BY 4.0), Wikipedia (CC BY-SA 4.0), "
    "Wikidata (CC0), Natural Earth"
)
VIEW_SUBTITLE = "{ties:,} ties · {filters}"
VIEW_ALL_TIES = "all ties"
VIEW_PLACE = "selected: {place}"
EXPORT_FILENAME = "twinning-atlas"

# --- Your own data and hostile links (issue 7: reliability and security) -----------------------------------
NOTICE_LONG_QUERY = "the link was cut to its first {n} characters"
NOTICE_MORE = "… and {n} more"
YOUR_DATA_HEADING = "Your data"
YOUR_DATA_INTRO = (
    "Add your own ties: a CSV file in the format of partnerships.csv (columns city_a, country_a, city_b, "
    "country_b, relation, status, sources, and the optional ones). Rows are checked with the same rules as the "
    "bundled data; valid rows appear on the map, problems are listed below by row and column. The file stays in "
    "this browser tab: it is not stored on the server and nobody else sees it."
)
UPLOAD_PROMPT = "Drop a CSV file here, or click to choose one"
UPLOAD_LIMITS = "At most {mb:g} MB and {rows:,} rows."
UPLOAD_MODE_LABEL = "Show"
UPLOAD_MODES: dict[str, str] = {"beside": "Your ties beside the bundled ones", "alone": "Your ties alone"}
UPLOAD_CLEAR = "Remove your data"
UPLOAD_WORKING = "Checking {name}…"
UPLOAD_SUMMARY = "{name}: {ties:,} ties on the map; {bad:,} rows left out ({problems:,} problems)."
UPLOAD_SUMMARY_CLEAN = "{name}: all {ties:,} ties are on the map."
UPLOAD_REFUSED = "{name} was not read: {reason}"
UPLOAD_TOO_BIG = "the file is {mb:.1f} MB; the limit is {limit:g} MB: split it into smaller files"
UPLOAD_NOT_A_FILE = "the upload could not be decoded as a file"
UPLOAD_REPORT_COLUMNS: tuple[str, str, str] = ("Row", "Column", "Problem")
UPLOAD_REPORT_CAPPED = "The first {shown:,} of {total:,} problems are listed; download them all below."
UPLOAD_REPORT_BUTTON = "Download the report (CSV)"
UPLOAD_REPORT_FILE = "upload-problems.csv"
UPLOAD_LEGEND = "Your data"
UPLOAD_HOVER_TAG = "your data, row {row}"
UPLOAD_READ_AS = "Read as {encoding}, separator {separator}."
UPLOAD_ENCODING_NAMES: dict[str, str] = {"UTF-8 with BOM": "UTF-8 with BOM"}  # the others are names as they are
UPLOAD_SEPARATOR_NAMES: dict[str, str] = {",": "','", ";": "';'", "\t": "tab"}
UPLOAD_OPTIONAL_ABSENT = "Optional columns absent (read as blank, not problems): {columns}."
UPLOAD_TIES_BUTTON = "Download your ties (CSV)"
UPLOAD_TIES_FILE = "your-ties.csv"
UPLOAD_NOT_IN_FILES = (
    "Your uploaded ties are not in these files: they stay in this tab. Download them with "
    "“Download your ties (CSV)” under Your data."
)
UPLOAD_NOT_IN_EXPORTS = (
    "Your uploaded ties are not in these images and files: they stay in this tab. Download them with "
    "“Download your ties (CSV)” under Your data."
)
COUNT_YOUR_TIES = "of your ties"
SHOWING_ALL_YOURS = "Showing all {total:,} of your ties."
SHOWING_SOME_YOURS = "Showing {shown:,} of your {total:,} ties; {hidden:,} hidden by: {facets}."
YOURS_BESIDE = "Also on the map: {shown:,} of your {total:,} ties."
TABLE_CAPPED_YOURS = (
    "The table lists the first {shown:,} of your {total:,} ties in view; narrow the filters to see the others, "
    "or download them all with “Download your ties (CSV)”."
)

# --- Provenance tiers, networks layer and data quality (issue 4: global breadth) ------------------------------
TIER_SHORT: dict[str, str] = {"cited": "Cited", "listed": "Listed"}
TIER_OPTIONS: dict[str, str] = {"": "All", "cited": "Cited only", "listed": "Listed only"}  # the "Ties" radio
FILTER_TIER = "Ties"
FILTER_TIER_HINT = "Cited: curated, a source per tie. Listed: Wikipedia / Wikidata lists, status unknown."
LIST_NAMES: dict[str, str] = {"wikipedia": "Wikipedia", "wikidata": "Wikidata"}
LISTED_IN = "listed in {lists}"
ALSO_LISTED = "also in {lists}"
LISTED_BY_ONLY = "listed by {name} only"
UNCERTAIN_TITLE = "Inferred, approximate, or the sources disagree"
TIE_HOVER_CITED = "Cited · sources: {n}"
LISTED_TRACE = "Listed (status unknown)"
CITED_PLACE_HOVER = "{n} ties in view ({cited} cited)"
COUNT_TIER = "{label} {n:,}"
# The networks layer: `show=networks` in the URL turns it on; MAP_LAYERS are the words of that key.
MAP_LAYERS: dict[str, str] = {"networks": "Show city networks"}
FILTER_NETWORKS = "City networks"
FILTER_NETWORK = "Networks shown"
NETWORK_PLACEHOLDER = "Every network of the chosen themes"
NETWORK_HINT = "Member places as rings; the Theme filter also picks networks."
NETWORK_LEGEND_TITLE = "Networks"
NETWORK_KEY_HEADING = "Network rings:"
NETWORK_KEY_MEMBERS = "{n} shown"
NETWORK_HOVER_SOURCES = "sources: {n}"
NETWORK_HOVER_SINCE = "since {since}"
NOTICE_BAD_NETWORK = "network: “{value}” is not a network id"
NOTICE_UNKNOWN_NETWORK = "network: this dataset has no network “{value}”"
PANEL_LISTED_GROUP = "Listed in Wikipedia/Wikidata (status unknown)"
PANEL_CITED = "cited"
PANEL_CITED_TITLE = "Curated tie with a source; status and dates from the cited sources"
PANEL_TIERS = "{cited} cited · {listed} listed in Wikipedia/Wikidata"
QUALITY_HEADING = "Data quality"
QUALITY_INTRO = (
    "Checks no other map of twin towns makes, counted over the whole dataset. The command "
    "“python -m geodata report” lists them tie by tie, in geodata/build/report.md."
)
QUALITY_ITEMS: tuple[tuple[str, str], ...] = (  # (QualitySummary field, sentence)
    ("one_sided", "{n:,} listed ties appear on one partner's list only (the other side does not list them)."),
    (
        "ukraine_russia_active",
        "{n:,} ties between Ukrainian and Russian places are still shown as active or without a status; most "
        "such ties ended between 2014 and 2022.",
    ),
    ("date_conflicts", "{n:,} cited ties have dates the sources disagree on (the note says which is used)."),
    (
        "far_from_source",
        "{n:,} places lie over 100 km from the point the Wikipedia list gave them: its own geocoding put a name on "
        "a namesake; the report says, place by place, why the list's point is wrong.",
    ),
    ("far_unreviewed", "{n:,} of those far places are not yet reviewed."),
    ("unresolved", "{n:,} list entries could not be placed on the map, each kept with its reason."),
)

# --- Languages (issue 8) ---------------------------------------------------------------------------------------
LANGUAGE_NAV = "Language"
# The other language is offered in its own name (i18n.LANGUAGE_NAMES); this title says what the link does.
LANGUAGE_SWITCH_TITLE = "Show the atlas in Ukrainian"  # the switch offers the other language
NOTICE_BAD_LANG = "lang: “{value}” is not a language of this atlas ({known})"
# dash-ag-grid's own words (its localeText option): the ones the ties table shows.
GRID_LOCALE: dict[str, str] = {
    "noRowsToShow": "No ties in view",
    "noMatchingRows": "No ties in view",  # AG Grid 33+: no row passes the filters (ours or the search)
    "loadingOoo": "Loading…",
    "page": "Page",
    "of": "of",
    "to": "to",
    "more": "more",
    "firstPage": "First page",
    "lastPage": "Last page",
    "nextPage": "Next page",
    "previousPage": "Previous page",
    "pageSizeSelectorLabel": "Page size:",
    "ariaRowSelect": "Press Space to select this row",
    "ariaSearch": "Search",
    "sortAscending": "Sort ascending",
    "sortDescending": "Sort descending",
}

# --- Accessibility (issue 8) ------------------------------------------------------------------------------------
SKIP_LINKS_LABEL = "Skip links"
SKIP_TO_MAP = "Skip to the map"
SKIP_TO_TABLE = "Skip to the table of ties"
# Read after the map's name by screen readers: the map itself cannot be used with the keyboard beyond its buttons.
MAP_KEYBOARD_HINT = "The table of ties below the map lists the same ties and can be used with the keyboard."
TABLE_KEYBOARD_HINT = (
    "Keyboard: Tab moves into the table and on past it; the arrow keys move between cells; Space or Enter on a "
    "row shows that tie on the map; Enter on a place opens its city panel."
)
# Said once by screen readers when a city panel opens (a polite live region), instead of the whole panel.
PANEL_ANNOUNCE = "{name}: {ties} {ties_word}, {partners} {partners_word}"
PANEL_CLOSED = "City panel closed"
# Dash's dropdowns' own words (their `labels` prop); {num_selected} is filled in by the dropdown.
DROPDOWN_LABELS: dict[str, str] = {
    "select_all": "Select all",
    "deselect_all": "Deselect all",
    "selected_count": "{num_selected} selected",
    "search": "Search",
    "clear_search": "Clear search",
    "clear_selection": "Clear selection",
    "no_options_found": "No options found",
}
# Partial dates of the data (dashboard.i18n.date_text): a decade ("1970s"), an approximate date ("1992~").
DATE_DECADE = "{decade}s"
DATE_APPROXIMATE = "c. {date}"

# --- Data truth: derived conflict and theme tags (issue 12) ----------------------------------------------------
FILTER_TAGS = "Conflict and theme tags"
TAGS_OPTIONS: dict[str, str] = {"": "Cited and derived", "cited": "Cited only", "derived": "Derived only"}
FILTER_TAGS_HINT = (
    "Cited: a source of the tie gives the tag. Derived: a documented rule gives it (for example, a tie of a "
    "Ukrainian or Russian place in force since 2022 belongs to the war; medical aid means health)."
)
TAG_DERIVED = "{tag} (derived)"  # a derived tag in the hover, the table and the panel
TIE_HOVER_TAGS = "Tags: {tags}"
WARTIME_HEADING = "Since the full-scale invasion (2022)"
WARTIME_SUMMARY = "{formed} ties formed · {closed} suspended or ended · {aid} aid deliveries recorded"
WARTIME_TOTALS = "Counted in the deliveries: {totals}"
WARTIME_FORMED = "Formed"
WARTIME_CLOSED = "Suspended or ended"
MAP_LOADING = "Loading ties…"
MAP_PACK_FAILED = "The ties could not be loaded from the server. Change a filter or reload the page to try again."
LOADING = "Loading…"

# --- Slide deck of a view (issue 15) ----------------------------------------------------------------------------
EXPORT_PPTX = "Slides (PPTX)"
SLIDES_EXPORTED = "Exported {date}"
SLIDES_DATASET = "Dataset version {version} ({date})"
SLIDES_TIES_RANGE = "ties {first:,}–{last:,} of {total:,}"
SLIDES_TABLE_CAPPED = (
    "The slides list the first {shown:,} of the {total:,} ties in view (cited ties first); the CSV download has "
    "them all."
)
SLIDES_NO_TIES = "No ties in this view."
SLIDES_SOURCES_RANGE = "sources {first:,}–{last:,} of {total:,}"
SLIDES_SOURCES_NOTE = "Every source cited by the ties on these slides."
SLIDES_SOURCES_NOTE_PLACE = "Every source cited by the ties and the place on these slides."
SLIDES_NO_SOURCES = "The ties on these slides cite no sources."
SLIDES_VIEW_LINK = "This view in the atlas: {link}"
