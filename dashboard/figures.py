"""The map figure, assembled from the index's per-tie arrays: one trace per category, never one per tie.

Each tie is a 2-point segment (its two ends); segments are separated by NaN in float32 arrays, which plotly.js
draws along great circles. Arrays travel as plotly.js typed-array specs (base64 `bdata`), about 32 bytes per
tie. Figures are plain dicts: building a `go.Figure` would re-validate every array on every update.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard import i18n, text
from dashboard.text import short_label
from geodata.filters import PartnershipIndex, ViewFilter
from geodata.schema import LIST_SEPARATOR, SOURCE_SEPARATOR
from geodata.vocab import AID_TYPE, STATUS

COLOR_MODES: tuple[str, ...] = ("status", "aid")
MIDPOINT_LIMIT = 3000  # above this many ties in view, ties get no hover/click markers (payload and clutter)
# Above this many ties in view, the map draws this many (the index's drawing order) and says so: 100,000 arcs
# take seconds to draw and make every pan and zoom stall (README, "Performance").
ARC_LIMIT = 30_000
# At most this many place dots, the places with most ties in view: each dot is an SVG node plotly.js styles one
# by one, and 16,000 of them were three quarters of a redraw of every tie.
PLACE_LIMIT = 1_000
TIE_TOKEN = "tie:"  # customdata prefix of the tie markers; place markers carry [place code, ties in view]

# Line style per status. Each status has a dash pattern of its own (the legend draws it), so status is never
# told by colour alone; colours are Okabe & Ito's colour-blind-safe set ("Color Universal Design", 2008) plus a
# neutral grey. Least CIEDE2000 difference between two statuses, in Machado et al.'s (2009) simulations: 21.5
# normal vision, 12.2 protanopia, 12.5 deuteranopia, 10.9 tritanopia (the colours before: 12.2, 12.4, 9.6, 11.0;
# tests/test_colours.py).
STATUS_STYLE: dict[str, dict[str, Any]] = {
    "active": {"color": "#0072b2", "dash": "solid", "width": 2.0, "opacity": 0.85},  # blue
    "dormant": {"color": "#56b4e9", "dash": "12px,4px", "width": 1.5, "opacity": 0.8},  # sky blue; long dashes
    "suspended": {"color": "#d55e00", "dash": "dash", "width": 1.8, "opacity": 0.85},  # vermillion
    "ended": {"color": "#cc79a7", "dash": "dot", "width": 1.8, "opacity": 0.8},  # reddish purple
    "proposed": {"color": "#e69f00", "dash": "dashdot", "width": 1.7, "opacity": 0.9},  # orange
    # Cited ties of unknown status; the listed tier (also of unknown status) is drawn apart, as LISTED_STYLE.
    "unknown": {"color": "#6e6e6e", "dash": "longdashdot", "width": 1.2, "opacity": 0.7},  # grey
}
# The listed tier (Wikipedia / Wikidata lists): ~27,000 ties, drawn underneath as one thin, faint haze so the
# cited ties tell the story on top. Trace opacity fades the whole trace at once: crossings do not darken.
LISTED_KEY = "listed"
LISTED_STYLE: dict[str, Any] = {"color": "#9aa6b8", "dash": "solid", "width": 0.5, "opacity": 0.25}
# Colouring by aid type, each status group keeps its line style.
STATUS_GROUP: dict[str, str] = {
    "active": "in_force",
    "dormant": "in_force",
    "unknown": "in_force",
    "suspended": "closed",
    "ended": "closed",
    "proposed": "proposed",
}
GROUP_STYLE: dict[str, dict[str, Any]] = {
    "in_force": {"dash": "solid", "width": 1.6, "opacity": 0.8},
    "closed": {"dash": "dash", "width": 1.3, "opacity": 0.45},
    "proposed": {"dash": "dashdot", "width": 1.4, "opacity": 0.8},
}
# One colour per aid type, in vocabulary order, picked from Okabe & Ito's set and Paul Tol's colour-blind-safe
# schemes (bright, vibrant, muted, light) for the largest least difference: 14 colours cannot all stay apart for
# colour-blind readers (the legend names each; a double click on it shows one aid type alone), but the least
# CIEDE2000 difference of two of them, "no aid" and the highlight is 8.2 under protanopia and deuteranopia
# (before: 3.7). No black: the selected ties are drawn near-black (HIGHLIGHT_COLOR).
AID_PALETTE: tuple[str, ...] = (
    "#ee6677",  # humanitarian supplies: Tol red
    "#0077bb",  # evacuation and shelter: Tol blue
    "#228833",  # medical and rehabilitation: Tol green
    "#999933",  # reconstruction: Tol olive
    "#ccbb44",  # energy: Tol yellow
    "#88ccee",  # water and infrastructure: Tol cyan
    "#332288",  # transport and vehicles: Tol indigo
    "#44bb99",  # ports and logistics: Tol mint
    "#aa4499",  # education: Tol purple
    "#cc79a7",  # culture: Okabe-Ito reddish purple
    "#cc3311",  # economy and trade: Tol vibrant red
    "#009e73",  # climate: Okabe-Ito bluish green
    "#77aadd",  # governance expertise: Tol light blue
    "#882255",  # financial support: Tol wine
)
AID_COLORS: dict[str, str] = dict(zip(AID_TYPE, AID_PALETTE))
NO_AID_KEY, NO_AID_COLOR = "none", "#b0b7c3"
# Bottom to top: the many ties of unknown status must not bury the active and suspended ones.
STATUS_DRAW_ORDER: tuple[str, ...] = ("unknown", "ended", "dormant", "proposed", "suspended", "active")
HIGHLIGHT_COLOR, PLACE_COLOR, LISTED_PLACE_COLOR = "#0f172a", "#1e293b", "#8391a5"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


@dataclass(frozen=True)
class Category:
    """The ties of one trace: a legend entry (key, label) and how its lines look."""

    key: str
    label: str
    rows: np.ndarray
    color: str
    dash: str
    width: float
    opacity: float
    show_legend: bool = True
    legend_rank: int = 1000


# --- arrays -----------------------------------------------------------------------------------------------
_DTYPES: dict[str, Any] = {"f4": np.float32, "f8": np.float64, "i4": np.int32, "u1": np.uint8}


def typed_array(values: np.ndarray) -> dict[str, str]:
    """A numpy array as a plotly.js typed-array spec (`{"dtype": "f4", "bdata": base64}`, 2-D with `shape`)."""
    array = np.ascontiguousarray(values)
    dtype = next(code for code, kind in _DTYPES.items() if np.dtype(kind) == array.dtype)
    spec = {"dtype": dtype, "bdata": base64.b64encode(array.tobytes()).decode("ascii")}
    if array.ndim == 2:
        spec["shape"] = f"{array.shape[0]}, {array.shape[1]}"
    return spec


def decode_typed_array(spec: dict[str, str] | list) -> np.ndarray:
    """The numpy array behind a typed-array spec (or a plain list)."""
    if isinstance(spec, list):
        return np.asarray(spec, dtype=float)
    array = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=_DTYPES[spec["dtype"]])
    if "shape" in spec:
        array = array.reshape([int(n) for n in spec["shape"].split(",")])
    return array


def arc_segments(index: PartnershipIndex, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """lon and lat (float32) of the ties in `rows`: A, B, NaN per tie."""
    n = len(rows)
    lon = np.full(3 * n, np.nan, dtype=np.float32)
    lat = np.full(3 * n, np.nan, dtype=np.float32)
    lon[0::3], lon[1::3] = index.lon_a[rows], index.lon_b[rows]
    lat[0::3], lat[1::3] = index.lat_a[rows], index.lat_b[rows]
    return lon, lat


def arc_categories(index: PartnershipIndex, mask: np.ndarray, color_by: str) -> list[Category]:
    """The non-empty categories of the ties in view, in legend order.

    By status: one per status. By aid type: one per aid type (a tie with several is drawn in each, so hiding
    one in the legend keeps ties that have others) plus "no aid", each split by status group for line style.
    """
    categories: list[Category] = []
    listed = tier_mask(index, LISTED_KEY)
    if len(listed_rows := np.flatnonzero(mask & listed)):
        rank = len(STATUS) + len(AID_TYPE)  # after every status and aid type
        categories.append(
            Category(LISTED_KEY, text.LISTED_TRACE, listed_rows, **LISTED_STYLE, show_legend=False, legend_rank=rank)
        )
    mask = mask & ~listed  # the statuses and aid types below colour the cited ties only
    if color_by == "aid":
        groups = {
            g: np.isin(index.status_code, [index.statuses.index(s) for s, sg in STATUS_GROUP.items() if sg == g])
            for g in GROUP_STYLE
        }
        aid_masks = [(NO_AID_KEY, text.NO_AID, NO_AID_COLOR, index.aid_bits == 0, len(AID_TYPE))]
        aid_masks += [
            (key, label, AID_COLORS[key], (index.aid_bits >> np.uint64(i)) & np.uint64(1) == 1, i)
            for i, (key, label) in enumerate(text.labels("aid").items())
        ]
        for key, label, color, has_aid, rank in aid_masks:
            first = True
            for group, style in GROUP_STYLE.items():
                rows = np.flatnonzero(mask & has_aid & groups[group])
                if len(rows):
                    categories.append(
                        Category(
                            key,
                            label,
                            rows,
                            color,
                            style["dash"],
                            style["width"],
                            style["opacity"],
                            show_legend=first,
                            legend_rank=rank,
                        )
                    )
                    first = False
        return categories
    for status in STATUS_DRAW_ORDER:
        rows = np.flatnonzero(mask & (index.status_code == index.statuses.index(status)))
        if len(rows):
            style = STATUS_STYLE[status]
            categories.append(
                Category(
                    status,
                    short_label(text.label("status", status)),
                    rows,
                    style["color"],
                    style["dash"],
                    style["width"],
                    style["opacity"],
                    legend_rank=list(STATUS).index(status),
                )
            )
    return categories


def tier_mask(index: PartnershipIndex, tier: str) -> np.ndarray:
    """The ties of one provenance tier (none when the index has no such tier)."""
    if tier not in index.tiers:
        return np.zeros(index.size, dtype=bool)
    return index.tier_code == index.tiers.index(tier)


# --- texts (computed once per dataset) --------------------------------------------------------------------
def lists_label(listed_in: object) -> str:
    """The lists holding a tie, by name ("Wikipedia, Wikidata"), "" for none."""
    return ", ".join(text.LIST_NAMES.get(w, w) for w in str(listed_in or "").split(LIST_SEPARATOR) if w)


def listed_by_only(tie: Any) -> str:
    """The name of the one end whose list holds a one-sided tie, "" when both or neither list it."""
    if not bool(getattr(tie, "one_sided", False)):
        return ""
    return local_name(tie, "city_a" if bool(getattr(tie, "listed_by_a", False)) else "city_b")


def local_name(row: Any, column: str) -> str:
    """A place-name field of a row in the active language ("city_a" reads "city_a_uk" in Ukrainian), else Latin."""
    key = i18n.name_key(column)
    return str((getattr(row, key, None) if key else None) or getattr(row, column))


def provenance_text(tie: Any) -> str:
    """Where a tie comes from, in one line: "Cited · 3 sources · also in Wikipedia" or
    "Listed in Wikipedia, Wikidata · listed by Kyiv only", then " · uncertain" when it is."""
    lists = lists_label(getattr(tie, "listed_in", ""))
    if getattr(tie, "tier", "cited") == "listed":
        line = text.fmt(text.LISTED_IN, lists=lists or text.TIER_SHORT["listed"])
        parts = [line[:1].upper() + line[1:]]
        if lister := listed_by_only(tie):
            parts.append(text.fmt(text.LISTED_BY_ONLY, name=lister))
    else:
        n_sources = getattr(tie, "n_sources", None)
        if n_sources is None or (isinstance(n_sources, float) and math.isnan(n_sources)):
            n_sources = len([s for s in str(getattr(tie, "sources", "") or "").split(SOURCE_SEPARATOR) if s.strip()])
        parts = [text.fmt(text.TIE_HOVER_CITED, n=int(n_sources))]
        if lists:
            parts.append(text.fmt(text.ALSO_LISTED, lists=lists))
    if getattr(tie, "certainty", "") == "uncertain":
        parts.append(text.PANEL_UNCERTAIN)
    return " · ".join(parts)


def tie_tags_label(tie: Any) -> str:
    """A tie's conflict and theme tags, cited and derived (marked), as one short line; '' when it has none."""
    return text.tags_label(
        getattr(tie, "conflicts", ""),
        getattr(tie, "conflicts_derived", ""),
        getattr(tie, "themes", ""),
        getattr(tie, "themes_derived", ""),
    )


def tie_hover_texts(partnerships: pd.DataFrame) -> np.ndarray:
    """Per tie: who, what, since when and its status, as plotly hover HTML."""
    texts = []
    name_a = partnerships[i18n.name_column("city_a", partnerships.columns)].tolist()
    name_b = partnerships[i18n.name_column("city_b", partnerships.columns)].tolist()
    for tie, city_a, city_b in zip(partnerships.itertuples(index=False), name_a, name_b):
        status = text.label("status", tie.status)
        lines = [
            f"<b>{city_a} ({tie.country_a}) – {city_b} ({tie.country_b})</b>",
            f"{text.label('relation', tie.relation)} · {status}",
        ]
        dates = []
        if tie.since:
            dates.append(text.fmt(text.TIE_HOVER_SINCE, since=i18n.date_text(tie.since)))
        if tie.status_date:
            dates.append(text.fmt(text.TIE_HOVER_STATUS_DATE, status=status, date=i18n.date_text(tie.status_date)))
        if dates:
            lines.append(" · ".join(dates))
        if tie.aid_types:
            lines.append(text.fmt(text.TIE_HOVER_AID, aid=text.list_label("aid", tie.aid_types)))
        if tags := tie_tags_label(tie):
            lines.append(text.fmt(text.TIE_HOVER_TAGS, tags=tags))
        lines.append(f"<i>{provenance_text(tie)}</i>")
        texts.append("<br>".join(lines))
    return np.array(texts, dtype=object)


def place_labels(places: pd.DataFrame, place_ids: list[str]) -> np.ndarray:
    """Per place code of the index: "Name (CC)"."""
    column = places[i18n.name_column("name", places.columns)]
    names = {str(pid): f"{name} ({cc})" for pid, name, cc in zip(places["place_id"], column, places["country"])}
    return np.array([names.get(pid, pid) for pid in place_ids], dtype=object)


# --- traces -----------------------------------------------------------------------------------------------
def _arc_trace(index: PartnershipIndex, category: Category, name: str | None = None) -> dict[str, Any]:
    lon, lat = arc_segments(index, category.rows)
    return {
        "type": "scattergeo",
        "mode": "lines",
        "name": name or category.label,
        "legendgroup": category.key,
        "showlegend": category.show_legend,
        "legendrank": category.legend_rank,
        "lon": typed_array(lon),
        "lat": typed_array(lat),
        "line": {"color": category.color, "width": category.width, "dash": category.dash},
        "opacity": category.opacity,
        "hoverinfo": "skip",
        "connectgaps": False,
    }


def _listed_legend_key() -> dict[str, Any]:
    """A legend entry for the listed tier drawn darker than its faint lines (which would be invisible there); it
    has no data, and shares the listed trace's legend group, so a click on it hides or shows the listed ties."""
    return {
        "type": "scattergeo",
        "mode": "lines",
        "name": text.LISTED_TRACE,
        "legendgroup": LISTED_KEY,
        "legendrank": len(STATUS) + len(AID_TYPE),
        "lon": [None],
        "lat": [None],
        "line": {"color": LISTED_STYLE["color"], "width": 1.5},
        "hoverinfo": "skip",
    }


def _midpoint_trace(index: PartnershipIndex, category: Category, tie_hover: np.ndarray) -> dict[str, Any]:
    rows = category.rows
    return {
        "type": "scattergeo",
        "mode": "markers",
        "name": category.label,
        "legendgroup": category.key,
        "showlegend": False,
        "lon": typed_array(index.mid_lon[rows]),
        "lat": typed_array(index.mid_lat[rows]),
        "marker": {"size": 5, "color": category.color, "opacity": 0.7},
        "text": tie_hover[rows].tolist(),
        "hovertemplate": "%{text}<extra></extra>",
        "customdata": [TIE_TOKEN + pid for pid in index.partnership_ids[rows]],
    }


def _places_trace(index: PartnershipIndex, mask: np.ndarray, place_labels: np.ndarray) -> dict[str, Any]:
    counts = index.tie_counts(mask)
    cited = index.tie_counts(mask & ~tier_mask(index, LISTED_KEY))
    codes = np.flatnonzero(counts > 0)
    codes = codes[~np.isnan(index.place_lon[codes])]
    if len(codes) > PLACE_LIMIT:
        # Places with a cited tie first, then the busiest: the story's places always get their dot.
        rank = counts[codes] + (cited[codes] > 0) * (counts.max() + 1)
        codes = codes[np.argpartition(-rank, PLACE_LIMIT - 1)[:PLACE_LIMIT]]
    # Listed-only places first and cited places last, so these are drawn on top.
    codes = codes[np.lexsort((codes, cited[codes] > 0))]
    n, n_cited = counts[codes], cited[codes]
    is_cited = n_cited > 0
    # Cited places prominent (dark, sized by their cited ties: the story's hubs stand out, not the cities that
    # merely list many twins); listed-only places small, light dots.
    sizes = np.where(is_cited, np.minimum(5.0 + 2.5 * np.sqrt(n_cited), 24.0), np.minimum(2.5 + 0.4 * np.sqrt(n), 5.5))
    hover = [
        f"<b>{label}</b><br>"
        + (text.fmt(text.CITED_PLACE_HOVER, n=k, cited=c) if c else text.fmt(text.PLACE_HOVER, n=k))
        for label, k, c in zip(place_labels[codes], n.tolist(), n_cited.tolist())
    ]
    # customdata per place: [place code, ties in view] (the click and hover read it). Plain lists: plotly.js
    # leaves a 2-D typed array out of click events.
    custom = np.column_stack([codes, n]).tolist()
    return {
        "type": "scattergeo",
        "mode": "markers",
        "name": text.PLACES_TRACE,
        "legendgroup": "places",
        "legendrank": 2000,
        "lon": typed_array(index.place_lon[codes]),
        "lat": typed_array(index.place_lat[codes]),
        "marker": {
            "size": typed_array(sizes.astype(np.float32)),
            # 1 = a place with a cited tie in view, 0 = listed-only, through a two-colour scale.
            "color": typed_array(is_cited.astype(np.uint8)),
            "colorscale": [[0, LISTED_PLACE_COLOR], [1, PLACE_COLOR]],
            "cmin": 0,
            "cmax": 1,
            "showscale": False,
            "opacity": typed_array(np.where(is_cited, 0.9, 0.8).astype(np.float32)),
            "line": {"color": "#ffffff", "width": typed_array(np.where(is_cited, 0.8, 0.0).astype(np.float32))},
        },
        "text": place_labels[codes].tolist(),
        "hovertext": hover,
        "customdata": custom,
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def _selected_place_trace(index: PartnershipIndex, place_id: str, place_labels: np.ndarray) -> dict[str, Any] | None:
    code = index.place_code_of.get(place_id)
    if code is None or math.isnan(index.place_lon[code]):
        return None
    return {
        "type": "scattergeo",
        "mode": "markers+text",
        "name": str(place_labels[code]),
        "showlegend": False,
        "lon": [float(index.place_lon[code])],
        "lat": [float(index.place_lat[code])],
        "marker": {"size": 24, "symbol": "circle-open", "color": HIGHLIGHT_COLOR, "line": {"width": 3}},
        "text": [str(place_labels[code]).rsplit(" (", 1)[0]],
        "textposition": "top center",
        "textfont": {"size": 13, "color": HIGHLIGHT_COLOR},
        "hoverinfo": "skip",
    }


def highlighted_rows(
    index: PartnershipIndex, mask: np.ndarray, place_id: str | None, partnership_id: str | None
) -> np.ndarray:
    """Rows to draw highlighted: the selected place's ties in view, and the selected tie."""
    wanted = np.zeros(index.size, dtype=bool)
    if place_id:
        wanted |= index.touches([place_id]) & mask
    if partnership_id and (row := index.row_of(partnership_id)) is not None:
        wanted[row] = True
    return np.flatnonzero(wanted)


def map_layout(color_by: str) -> dict[str, Any]:
    """The map's layout: offline base map, no re-fitting, and a uirevision that keeps the user's pan and zoom."""
    return {
        "geo": {
            "projection": {"type": "natural earth"},
            "resolution": 110,
            "scope": "world",
            "showland": True,
            "landcolor": "#eef1f5",
            "showocean": True,
            "oceancolor": "#f8fbfe",
            "showcountries": True,
            "countrycolor": "#c3ccd6",
            "countrywidth": 0.6,
            "coastlinecolor": "#c3ccd6",
            "coastlinewidth": 0.6,
            "showlakes": False,
            "showframe": False,
            "lataxis": {"range": [-58, 90]},
            "bgcolor": "rgba(0,0,0,0)",
            # plotly 7 re-fits the view on every update unless fitbounds is off: that would undo the user's zoom.
            "fitbounds": False,
            "uirevision": "atlas-geo",
        },
        "uirevision": "atlas",
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": "#ffffff",
        "hovermode": "closest",
        "clickmode": "event",
        "dragmode": "pan",
        "font": {"family": FONT, "size": 12, "color": "#1f2937"},
        "hoverlabel": {"bgcolor": "#ffffff", "bordercolor": "#cbd5e1", "font": {"family": FONT, "size": 12}},
        "legend": {
            # The title on a row of its own ("top"; "left" and "top left" indent every row by the title's width
            # yet wrap the items as if it took no room): the last item of a row would run off a phone's screen.
            "title": {"text": text.LEGEND_TITLE[color_by], "side": "top"},
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -0.01,
            "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0.9)",
            "itemclick": "toggle",
            "itemdoubleclick": "toggleothers",
            "font": {"size": 12},
        },
        "showlegend": True,
    }


def map_figure(
    index: PartnershipIndex,
    mask: np.ndarray,
    *,
    color_by: str = "status",
    tie_hover: np.ndarray,
    place_labels: np.ndarray,
    selected_place: str | None = None,
    selected_tie: str | None = None,
    network_layer: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The world map of the ties in `mask`, coloured by status or aid type, with the selection highlighted
    and, when given, the network layer's traces (`network_traces`)."""
    color_by = color_by if color_by in COLOR_MODES else "status"
    categories = arc_categories(index, index.capped(mask, ARC_LIMIT), color_by)
    traces = [_arc_trace(index, c) for c in categories]
    if any(c.key == LISTED_KEY for c in categories):
        traces = [_listed_legend_key(), *traces]
    highlight = highlighted_rows(index, mask, selected_place, selected_tie)
    if len(highlight):
        traces.append(
            _arc_trace(index, Category("selected", text.SELECTED_TIES, highlight, HIGHLIGHT_COLOR, "solid", 2.4, 0.95))
        )
    # Hover and click targets for ties: a marker at each arc's middle (a line trace has no per-tie hover). The
    # cited ties get them whenever they are few, the listed ones only when the whole view is.
    n_cited = int((mask & ~tier_mask(index, LISTED_KEY)).sum())
    traces.extend(
        _midpoint_trace(index, c, tie_hover)
        for c in categories
        if (mask.sum() if c.key == LISTED_KEY else n_cited) <= MIDPOINT_LIMIT
    )
    traces.append(_places_trace(index, mask, place_labels))  # places on top: clicking one opens its panel
    traces.extend(network_layer or [])  # network rings over the dots they circle; no arcs
    if selected_place and (marker := _selected_place_trace(index, selected_place, place_labels)) is not None:
        traces.append(marker)
    layout = map_layout(color_by)
    if notices := capped_notices(index, mask):
        layout.setdefault("annotations", []).append(_notice_annotation("<br>".join(notices)))
    return {"data": traces, "layout": layout}


# --- the networks layer -----------------------------------------------------------------------------------
NETWORK_GROUP = "networks"  # the legend group of every network trace: one legend entry shows or hides the layer
# Ring colours, one per network (cycled, in networks.csv order), away from the status colours (blue, slate,
# red, stone, amber).
NETWORK_PALETTE: tuple[str, ...] = (
    "#0d9488", "#9333ea", "#db2777", "#65a30d", "#0891b2", "#c2410c", "#4f46e5", "#a16207", "#be123c",
)  # fmt: skip
NETWORK_RING = 10.0  # px, the innermost ring; a place in several networks shown gets nested rings
NETWORK_RING_STEP = 5.0


@dataclass(frozen=True)
class NetworkKey:
    """One network shown on the map, for the key under it: its name, ring colour and member places shown."""

    network_id: str
    name: str
    color: str
    members: int


def network_colors(networks: pd.DataFrame) -> dict[str, str]:
    """Each network's ring colour, fixed by its place in the networks table (the same whatever is shown)."""
    return {nid: NETWORK_PALETTE[i % len(NETWORK_PALETTE)] for i, nid in enumerate(networks["network_id"])}


def network_members_in_view(members: pd.DataFrame, networks: pd.DataFrame, view: ViewFilter) -> pd.DataFrame:
    """The member places the networks layer shows, in networks-table order: none unless `show=networks`; then
    the chosen networks (all when none is chosen) whose themes meet the view's (any theme when none is chosen)."""
    if "networks" not in view.layers or members.empty:
        return members.iloc[0:0]
    wanted = networks
    if view.networks:
        wanted = wanted[wanted["network_id"].isin(view.networks)]
    if view.themes:
        themes = wanted["themes"].fillna("").str.split(LIST_SEPARATOR)
        wanted = wanted[[bool(set(t) & set(view.themes)) for t in themes]]
    shown = members[members["network_id"].isin(wanted["network_id"]) & members.geometry.notna()]
    shown = shown[~shown.geometry.is_empty]
    order = {nid: i for i, nid in enumerate(networks["network_id"])}
    return shown.iloc[np.lexsort((shown["place_id"].astype(str), shown["network_id"].map(order)))]


def network_key(members: pd.DataFrame, networks: pd.DataFrame, view: ViewFilter) -> list[NetworkKey]:
    """The networks the layer shows in a view, with their ring colour, for the key under the map."""
    shown = network_members_in_view(members, networks, view)
    colors, names = network_colors(networks), dict(zip(networks["network_id"], networks["name"]))
    counts = shown["network_id"].value_counts()
    return [
        NetworkKey(str(nid), str(names.get(nid) or nid), colors[nid], int(counts[nid]))
        for nid in networks["network_id"]
        if nid in counts
    ]


def _network_hover(name: str, member: Any) -> str:
    since = text.fmt(text.NETWORK_HOVER_SINCE, since=i18n.date_text(member.since)) if member.since else ""
    details = [x for x in (member.role, since) if x]
    n_sources = len([x for x in str(member.sources or "").split(SOURCE_SEPARATOR) if x.strip()])
    extra = [text.fmt(text.NETWORK_HOVER_SOURCES, n=n_sources)]
    if member.certainty == "uncertain":
        extra.append(text.PANEL_UNCERTAIN)
    lines = [
        f"<b>{name}</b>",
        f"{local_name(member, 'city')} ({member.country})",
        " · ".join(details),
        " · ".join(extra),
    ]
    return "<br>".join(line for line in lines if line)


def network_traces(
    members: pd.DataFrame, networks: pd.DataFrame, view: ViewFilter, place_code_of: dict[str, int]
) -> list[dict[str, Any]]:
    """The networks layer: one trace of hollow rings per network (no arcs), all in the legend group "Networks"
    with one legend entry (the key under the map names the networks by colour).

    A click on a ring opens the member place's panel (customdata [place code, 0], as on a place dot).
    """
    shown = network_members_in_view(members, networks, view)
    if shown.empty:
        return []
    # Nested rings: the k-th network shown at a place draws the k-th ring out.
    shown = shown.assign(_size=NETWORK_RING + NETWORK_RING_STEP * shown.groupby("place_id").cumcount().to_numpy())
    colors = network_colors(networks)
    traces = []
    for key in network_key(members, networks, view):
        group = shown[shown["network_id"] == key.network_id]
        first = not traces
        traces.append(
            {
                "type": "scattergeo",
                "mode": "markers",
                "name": text.NETWORK_LEGEND_TITLE if first else key.name,
                "meta": key.network_id,
                "legendgroup": NETWORK_GROUP,
                "showlegend": first,
                "legendrank": 3000,  # after the ties and the places
                "lon": typed_array(group.geometry.x.to_numpy(dtype=np.float32)),  # x = longitude
                "lat": typed_array(group.geometry.y.to_numpy(dtype=np.float32)),
                "marker": {
                    "symbol": "circle-open",
                    "size": typed_array(group["_size"].to_numpy(dtype=np.float32)),
                    "color": colors[key.network_id],
                    "line": {"width": 2.2, "color": colors[key.network_id]},
                    "opacity": 0.95,
                },
                "hovertext": [_network_hover(key.name, m) for m in group.itertuples(index=False)],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "customdata": [[place_code_of.get(pid, -1), 0] for pid in group["place_id"]],
            }
        )
    return traces


def capped_notices(index: PartnershipIndex, mask: np.ndarray) -> list[str]:
    """What the map leaves out of a view (ties beyond ARC_LIMIT, place dots beyond PLACE_LIMIT), as sentences."""
    notices = []
    if (in_view := int(mask.sum())) > ARC_LIMIT:
        notices.append(text.fmt(text.MAP_TIES_CAPPED, drawn=ARC_LIMIT, total=in_view))
    places = int(np.count_nonzero((index.tie_counts(mask) > 0) & ~np.isnan(index.place_lon)))
    if places > PLACE_LIMIT:
        notices.append(text.fmt(text.MAP_PLACES_CAPPED, shown=PLACE_LIMIT, total=places))
    return notices


def _notice_annotation(notice: str) -> dict[str, Any]:
    return {
        "text": notice,
        "name": "capped-notice",
        "xref": "paper",
        "yref": "paper",
        # Bottom left: clear of the mode bar (top right) and of most ties (the map's south is mostly sea).
        "x": 0.005,
        "y": 0.005,
        "xanchor": "left",
        "yanchor": "bottom",
        "align": "left",
        "showarrow": False,
        "bgcolor": "rgba(255,255,255,0.88)",
        "bordercolor": "#cbd5e1",
        "borderwidth": 1,
        "borderpad": 4,
        "font": {"size": 11, "color": "#334155"},
    }


def clicked_target(click_data: dict | None, index: PartnershipIndex) -> tuple[str, str] | None:
    """What a click on the map hit: ("place", place id) or ("tie", partnership id), or None."""
    for point in (click_data or {}).get("points", []):
        token = point.get("customdata")
        if isinstance(token, str) and token.startswith(TIE_TOKEN):
            return "tie", token[len(TIE_TOKEN) :]
        if isinstance(token, (list, tuple)) and len(token) == 2 and isinstance(token[0], (int, float)):
            code = int(token[0])  # a place: [place code, ties in view]
            if 0 <= code < len(index.place_ids):
                return "place", index.place_ids[code]
    return None


def graph_config(topojson_url: str) -> dict[str, Any]:
    """The dcc.Graph config: base map from our own assets (no CDN), a lean mode bar in the active language."""
    return {
        "topojsonURL": topojson_url,
        "locale": i18n.current_lang(),  # plotly.js's own words (mode bar); assets/plotly-locale-uk.js holds uk
        "displaylogo": False,
        "scrollZoom": False,
        "responsive": True,
        # Nothing that would upload the chart to Plotly's cloud: the atlas works offline and shares its own links.
        "showLink": False,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "sendDataToCloud"],
    }
