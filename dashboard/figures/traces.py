"""The drawn traces: arcs per category, the legend key of the listed tier, place dots and the selection."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from dashboard import text
from dashboard.figures.references import ARC, place_arrays, place_reference, reference, tie_arrays
from dashboard.figures.styles import (
    HIGHLIGHT_COLOR,
    LISTED_KEY,
    LISTED_STYLE,
    Category,
    tier_mask,
)
from geodata.filters import PartnershipIndex
from geodata.vocab import AID_TYPE, STATUS

# Above this many ties in view, the map draws this many (the index's drawing order) and says so: 100,000 arcs
# take seconds to draw and make every pan and zoom stall (README, "Performance").
ARC_LIMIT = 30_000
# At most this many place dots, the places with most ties in view: each dot is an SVG node plotly.js styles one
# by one, and 16,000 of them were three quarters of a redraw of every tie.
PLACE_LIMIT = 1_000


def arc_trace(
    index: PartnershipIndex, category: Category, name: str | None = None, by_reference: bool = False
) -> dict[str, Any]:
    """The lines of a category's ties (named by reference, for the browser to fill in, when `by_reference`)."""
    if by_reference:
        named = reference(category.rows, index.size, ARC)
    else:
        named = tie_arrays(ARC, index, category.rows)
    return {
        "type": "scattergeo",
        "mode": "lines",
        "name": name or category.label,
        "legendgroup": category.key,
        "showlegend": category.show_legend,
        "legendrank": category.legend_rank,
        **named,
        "line": {"color": category.color, "width": category.width, "dash": category.dash},
        "opacity": category.opacity,
        "hoverinfo": "skip",
        "connectgaps": False,
    }


def listed_legend_key() -> dict[str, Any]:
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


def place_dots(index: PartnershipIndex, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The places drawn as dots, in drawing order, with their ties in view and their cited ties in view."""
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
    return codes, counts[codes], cited[codes]


def places_trace(
    index: PartnershipIndex, mask: np.ndarray, place_labels: np.ndarray, by_reference: bool = False
) -> dict[str, Any]:
    """The place dots of the ties in view (named by code, for the browser to fill in, when `by_reference`)."""
    codes, n, n_cited = place_dots(index, mask)
    style = {
        "type": "scattergeo",
        "mode": "markers",
        "name": text.PLACES_TRACE,
        "legendgroup": "places",
        "legendrank": 2000,
        "hovertemplate": "%{hovertext}<extra></extra>",
    }
    if by_reference:
        return {**style, **place_reference(codes, n, n_cited)}
    return {**style, **place_arrays(index, codes, n, n_cited, place_labels)}


def selected_place_trace(index: PartnershipIndex, place_id: str, place_labels: np.ndarray) -> dict[str, Any] | None:
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
