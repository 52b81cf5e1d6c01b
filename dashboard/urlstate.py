"""The view in the URL: query string <-> ViewFilter, and ViewFilter <-> the filter controls' values.

Query keys: country, status, aid, relation, theme, conflict, from, to, undated (`undated=1`: a year range keeps
ties with no known start year too; default 0), city, tier, tags (`tags=cited`: the theme
and conflict filters read cited tags only; `derived`: derived only), the map layers: show
(`show=networks`) and network (network ids; naming one turns the layer on), and lang (`lang=uk`: the interface
language, kept in every link the page makes); lists are comma-separated; countries
are ISO 3166-1 alpha-2 codes; words are those of `geodata.vocab`. Anything unknown
or malformed is dropped and described in a notice: parsing never raises.
The keys of a shared link beyond the filters (place, colouring, map view, presentation) are read by
`dashboard.share`; their bad values join the notices here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote

from dashboard import i18n, text
from dashboard.share import SHARE_KEYS, parse_share_values
from geodata.filters import ViewFilter
from geodata.gazetteer import country_names
from geodata.vocab import AID_TYPE, CONFLICT, RELATION, STATUS, TAG_SOURCE, THEME, TIER

MAX_QUERY_TEXT = 80
YEAR_RANGE = (1000, 2999)
# Hostile links: a query longer than this is cut before parsing, and at most MAX_NOTICES notices are kept.
MAX_QUERY_LENGTH = 4096
MAX_NOTICES = 20

# URL key -> (ViewFilter field, vocabulary) for the lists of vocabulary words.
WORD_KEYS: dict[str, tuple[str, dict[str, str]]] = {
    "status": ("statuses", STATUS),
    "aid": ("aid_types", AID_TYPE),
    "relation": ("relations", RELATION),
    "theme": ("themes", THEME),
    "conflict": ("conflicts", CONFLICT),
    "tier": ("tiers", TIER),
    "tags": ("tag_sources", TAG_SOURCE),
    "show": ("layers", text.MAP_LAYERS),
}
KEYS: tuple[str, ...] = (
    "country", "status", "aid", "relation", "theme", "conflict", "from", "to", "undated", "city", "tier", "tags",
    "show", "network", i18n.LANG_KEY,
)  # fmt: skip
# Network ids are the dataset's (networks.csv), unknown here: a link keeps any id of this shape, at most
# MAX_NETWORKS of them, and the map ignores ids the dataset lacks.
NETWORK_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")
MAX_NETWORKS = 50


@dataclass(frozen=True)
class ParsedView:
    """A view filter read from a URL, with a notice for every part that was ignored."""

    view: ViewFilter
    notices: tuple[str, ...] = ()
    lang: str = i18n.DEFAULT_LANG
    # What was understood but changed to make sense (years the wrong way round): said, but not as an error.
    adjustments: tuple[str, ...] = ()


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _shown(value: str, limit: int) -> str:
    """A value fit to echo in a notice (and a header): no control or format characters, at most `limit` long."""
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in value[:limit])


def _year(key: str, value: str, notices: list[str]) -> int | None:
    value = value.strip()
    if not value:
        return None
    # isdigit() alone lets '²' through, which int() refuses: ASCII digits only
    if value.isascii() and value.isdigit() and YEAR_RANGE[0] <= int(value) <= YEAR_RANGE[1]:
        return int(value)
    notices.append(text.fmt(text.NOTICE_BAD_YEAR, key=key, value=_shown(value, 20)))
    return None


def parse_query(query: str | None) -> ParsedView:
    """Read a query string (with or without its leading `?`) into a ViewFilter and notices."""
    notices: list[str] = []
    query = query if isinstance(query, str) else ""  # callback inputs come from the browser: any JSON value
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notices.append(text.fmt(text.NOTICE_LONG_QUERY, n=MAX_QUERY_LENGTH))
    values: dict[str, list[str]] = {}
    for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=True):
        values.setdefault(key.strip().lower(), []).append(value)
    fields: dict[str, object] = {}
    for key in values:
        if key not in KEYS and key not in SHARE_KEYS:  # share keys (map view, place...): dashboard.share
            notices.append(text.fmt(text.NOTICE_UNKNOWN_KEY, key=_shown(key, 30)))
    countries = []
    for value in (v for raw in values.get("country", []) for v in _split(raw)):
        if value.upper() in country_names() and len(value) == 2:
            countries.append(value.upper())
        else:
            notices.append(text.fmt(text.NOTICE_UNKNOWN_COUNTRY, value=_shown(value, 20)))
    fields["countries"] = tuple(sorted(set(countries)))
    for key, (field_name, vocabulary) in WORD_KEYS.items():
        words = [v for raw in values.get(key, []) for v in _split(raw)]
        for word in words:
            if word not in vocabulary:
                notices.append(text.fmt(text.NOTICE_UNKNOWN_WORD, what=key, value=_shown(word, 30)))
        fields[field_name] = tuple(w for w in vocabulary if w in words)  # vocabulary order: one URL per view
    year_from = _year("from", (values.get("from") or [""])[-1], notices)
    year_to = _year("to", (values.get("to") or [""])[-1], notices)
    adjustments: list[str] = []
    if year_from is not None and year_to is not None and year_from > year_to:
        adjustments.append(
            text.fmt(text.NOTICE_SWAPPED_YEARS, typed=f"{year_from}–{year_to}", shown=f"{year_to}–{year_from}")
        )
        year_from, year_to = year_to, year_from
    include_undated = False
    for value in values.get("undated", []):
        if value.strip() in ("0", "1"):
            include_undated = value.strip() == "1"
        else:
            notices.append(text.fmt(text.NOTICE_UNKNOWN_WORD, what="undated", value=_shown(value, 20)))
    place_query = " ".join((values.get("city") or [""])[-1].split())
    if len(place_query) > MAX_QUERY_TEXT:
        place_query = place_query[:MAX_QUERY_TEXT]
        notices.append(text.fmt(text.NOTICE_LONG_TEXT, n=MAX_QUERY_TEXT))
    networks: list[str] = []
    for value in (v for raw in values.get("network", []) for v in _split(raw)):
        if NETWORK_ID.match(value):
            networks.append(value)
        else:
            notices.append(text.fmt(text.NOTICE_BAD_NETWORK, value=_shown(value, 30)))
    fields["networks"] = tuple(sorted(set(networks)))[:MAX_NETWORKS]
    lang = i18n.DEFAULT_LANG
    for value in values.get(i18n.LANG_KEY, []):
        if i18n.parse_lang(value):
            lang = i18n.lang_or_default(value)
        else:
            known = ", ".join(i18n.LANGS)
            notices.append(text.fmt(text.NOTICE_BAD_LANG, value=_shown(value, 20), known=known))
    if fields["networks"] and "networks" not in fields["layers"]:  # type: ignore[operator]
        fields["layers"] = ("networks",)  # naming a network shows the layer (the only layer there is)
    view = ViewFilter(
        **fields,  # type: ignore[arg-type]
        year_from=year_from,
        year_to=year_to,
        include_undated=include_undated,
        place_query=place_query,
    )
    notices.extend(parse_share_values(values).notices)
    if len(notices) > MAX_NOTICES:
        notices[MAX_NOTICES - 1 :] = [text.fmt(text.NOTICE_MORE, n=len(notices) - MAX_NOTICES + 1)]
    return ParsedView(view, tuple(notices), lang, tuple(adjustments))


def to_query(view: ViewFilter, lang: str | None = None) -> str:
    """The canonical query string of a view (`?status=active,suspended&from=2014&lang=uk`), '' for no filter in
    the default language."""
    parts: list[tuple[str, str]] = []
    if view.countries:
        parts.append(("country", ",".join(sorted(view.countries))))
    for key, (field_name, vocabulary) in WORD_KEYS.items():
        words = getattr(view, field_name)
        if words:
            parts.append((key, ",".join(w for w in vocabulary if w in words)))
    if view.year_from is not None:
        parts.append(("from", str(view.year_from)))
    if view.year_to is not None:
        parts.append(("to", str(view.year_to)))
    if view.include_undated:
        parts.append(("undated", "1"))
    if view.place_query.strip():
        parts.append(("city", view.place_query.strip()))
    if view.networks:
        parts.append(("network", ",".join(sorted(view.networks))))
    if i18n.lang_or_default(lang) != i18n.DEFAULT_LANG:
        parts.append((i18n.LANG_KEY, i18n.lang_or_default(lang)))
    ordered = sorted(parts, key=lambda kv: KEYS.index(kv[0]))
    return "?" + "&".join(f"{k}={quote(v, safe=',')}" for k, v in ordered) if ordered else ""


# --- the filter controls ----------------------------------------------------------------------------------
# Control name -> ViewFilter field; the controls hold lists, numbers or None, and text.
CONTROL_FIELDS: dict[str, str] = {
    "country": "countries",
    "status": "statuses",
    "aid": "aid_types",
    "relation": "relations",
    "theme": "themes",
    "conflict": "conflicts",
    "from": "year_from",
    "to": "year_to",
    "undated": "include_undated",  # a one-box checklist: ["1"] (ticked) or [] (the default)
    "city": "place_query",
    "tier": "tiers",  # a radio: "" (all), "cited" or "listed"
    "tags": "tag_sources",  # a radio: "" (cited and derived tags), "cited" or "derived"
    "show": "layers",
    "network": "networks",
}


def control_values(view: ViewFilter) -> dict[str, object]:
    """What each filter control shows for a view."""
    values: dict[str, object] = {}
    for control, field_name in CONTROL_FIELDS.items():
        value = getattr(view, field_name)
        values[control] = list(value) if isinstance(value, tuple) else value
    values["undated"] = ["1"] if view.include_undated else []
    values["tier"] = view.tiers[0] if len(view.tiers) == 1 else ""  # both tiers, or none: "All"
    values["tags"] = view.tag_sources[0] if len(view.tag_sources) == 1 else ""  # both, or none: cited and derived
    return values


def view_from_controls(values: dict[str, object]) -> ParsedView:
    """The view the filter controls describe, checked like a URL (a typed year may be out of range)."""
    if "networks" not in (values.get("show") or []):
        values = {**values, "network": None}  # the layer switched off forgets its networks
    parts = []
    for control in CONTROL_FIELDS:
        value = values.get(control)
        if control == "undated":
            value = "1" if value else None  # only a ticked box says something
        elif isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        if value not in (None, ""):
            parts.append(f"{control}={quote(str(value), safe=',')}")
    return parse_query("&".join(parts))
