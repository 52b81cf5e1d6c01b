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

from dashboard import text
from geodata.filters import PartnershipIndex
from geodata.schema import LIST_SEPARATOR
from geodata.vocab import AID_TYPE, RELATION, STATUS

COLOR_MODES: tuple[str, ...] = ("status", "aid")
MIDPOINT_LIMIT = 3000  # above this many ties in view, ties get no hover/click markers (payload and clutter)
TIE_TOKEN = "tie:"  # customdata prefix of the tie markers; place markers carry [place code, ties in view]

# Line style per status: suspended and ended are dashed or dotted and muted, proposed dash-dotted.
STATUS_STYLE: dict[str, dict[str, Any]] = {
    "active": {"color": "#2563eb", "dash": "solid", "width": 1.6, "opacity": 0.8},
    "dormant": {"color": "#7c93b8", "dash": "solid", "width": 1.2, "opacity": 0.7},
    "suspended": {"color": "#dc2626", "dash": "dash", "width": 1.4, "opacity": 0.75},
    "ended": {"color": "#78716c", "dash": "dot", "width": 1.2, "opacity": 0.6},
    "proposed": {"color": "#d97706", "dash": "dashdot", "width": 1.4, "opacity": 0.85},
    # Mostly the listed tier (Wikipedia / Wikidata lists): thousands of ties, drawn faint and underneath.
    "unknown": {"color": "#8d96a3", "dash": "solid", "width": 0.6, "opacity": 0.28},
}
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
AID_PALETTE: tuple[str, ...] = (
    "#e6194b",
    "#3cb44b",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#42d4f4",
    "#f032e6",
    "#469990",
    "#9a6324",
    "#800000",
    "#808000",
    "#000075",
    "#bfef45",
    "#dcbeff",
)
AID_COLORS: dict[str, str] = dict(zip(AID_TYPE, AID_PALETTE))
NO_AID_KEY, NO_AID_COLOR = "none", "#b0b7c3"
# Bottom to top: the many ties of unknown status must not bury the active and suspended ones.
STATUS_DRAW_ORDER: tuple[str, ...] = ("unknown", "ended", "dormant", "proposed", "suspended", "active")
HIGHLIGHT_COLOR, PLACE_COLOR = "#0f172a", "#334155"
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
    if color_by == "aid":
        groups = {
            g: np.isin(index.status_code, [index.statuses.index(s) for s, sg in STATUS_GROUP.items() if sg == g])
            for g in GROUP_STYLE
        }
        aid_masks = [(NO_AID_KEY, text.NO_AID, NO_AID_COLOR, index.aid_bits == 0, len(AID_TYPE))]
        aid_masks += [
            (key, label, AID_COLORS[key], (index.aid_bits >> np.uint64(i)) & np.uint64(1) == 1, i)
            for i, (key, label) in enumerate(AID_TYPE.items())
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
                    short_label(STATUS[status]),
                    rows,
                    style["color"],
                    style["dash"],
                    style["width"],
                    style["opacity"],
                    legend_rank=list(STATUS).index(status),
                )
            )
    return categories


# --- texts (computed once per dataset) --------------------------------------------------------------------
def short_label(label: str) -> str:
    """A vocabulary label without its parenthesis, for the legend ("Ended (terminated or retired)" -> "Ended")."""
    return label.split(" (")[0]


def _labels(words: str, vocabulary: dict[str, str]) -> str:
    return ", ".join(vocabulary.get(w, w) for w in str(words or "").split(LIST_SEPARATOR) if w)


def tie_hover_texts(partnerships: pd.DataFrame) -> np.ndarray:
    """Per tie: who, what, since when and its status, as plotly hover HTML."""
    texts = []
    for tie in partnerships.itertuples(index=False):
        lines = [
            f"<b>{tie.city_a} ({tie.country_a}) – {tie.city_b} ({tie.country_b})</b>",
            f"{RELATION.get(tie.relation, tie.relation)} · {STATUS.get(tie.status, tie.status)}",
        ]
        dates = []
        if tie.since:
            dates.append(text.TIE_HOVER_SINCE.format(since=tie.since))
        if tie.status_date:
            dates.append(
                text.TIE_HOVER_STATUS_DATE.format(status=STATUS.get(tie.status, tie.status), date=tie.status_date)
            )
        if dates:
            lines.append(" · ".join(dates))
        if tie.aid_types:
            lines.append(text.TIE_HOVER_AID.format(aid=_labels(tie.aid_types, AID_TYPE)))
        texts.append("<br>".join(lines))
    return np.array(texts, dtype=object)


def place_labels(places: pd.DataFrame, place_ids: list[str]) -> np.ndarray:
    """Per place code of the index: "Name (CC)"."""
    names = {str(pid): f"{name} ({cc})" for pid, name, cc in zip(places["place_id"], places["name"], places["country"])}
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
    codes = np.flatnonzero(counts > 0)
    codes = codes[~np.isnan(index.place_lon[codes])]
    n = counts[codes]
    sizes = np.minimum(3.0 + 2.0 * np.sqrt(n), 24.0).astype(np.float32)
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
            "size": typed_array(sizes),
            "color": PLACE_COLOR,
            "opacity": 0.75,
            "line": {"color": "#ffffff", "width": 0.6},
        },
        "text": place_labels[codes].tolist(),
        "customdata": custom,
        "hovertemplate": "<b>%{text}</b><br>" + text.PLACE_HOVER.format(n="%{customdata[1]}") + "<extra></extra>",
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
            "title": {"text": text.LEGEND_TITLE[color_by]},
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
) -> dict[str, Any]:
    """The world map of the ties in `mask`, coloured by status or aid type, with the selection highlighted."""
    color_by = color_by if color_by in COLOR_MODES else "status"
    categories = arc_categories(index, mask, color_by)
    traces = [_arc_trace(index, c) for c in categories]
    highlight = highlighted_rows(index, mask, selected_place, selected_tie)
    if len(highlight):
        traces.append(
            _arc_trace(index, Category("selected", text.SELECTED_TIES, highlight, HIGHLIGHT_COLOR, "solid", 2.4, 0.95))
        )
    if mask.sum() <= MIDPOINT_LIMIT:
        # Hover and click targets for ties: a marker at each arc's middle (a line trace has no per-tie hover).
        traces.extend(_midpoint_trace(index, c, tie_hover) for c in categories)
    traces.append(_places_trace(index, mask, place_labels))  # places on top: clicking one opens its panel
    if selected_place and (marker := _selected_place_trace(index, selected_place, place_labels)) is not None:
        traces.append(marker)
    return {"data": traces, "layout": map_layout(color_by)}


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
    """The dcc.Graph config: base map from our own assets (no CDN), a lean mode bar."""
    return {
        "topojsonURL": topojson_url,
        "displaylogo": False,
        "scrollZoom": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    }
