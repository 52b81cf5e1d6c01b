"""What answers hover and click on a tie (a line trace has no per-tie hover), and what a click hit."""

from __future__ import annotations

from typing import Any

import numpy as np

from dashboard.figures.references import MIDPOINT, TIE_TOKEN, along_arrays, along_reference, reference, tie_arrays
from dashboard.figures.styles import Category
from geodata.filters import PartnershipIndex

MIDPOINT_LIMIT = 3000  # above this many ties in view, ties get no hover/click markers (payload and clutter)
# Up to this many ties in view, hovering anywhere along a tie shows it: invisible points along each arc, about
# ALONG_SPACING of the frame's width apart (plotly.js answers a hover within 20 px of a point), at most
# ALONG_POINTS in all. They hold no text: assets/map_targets.js shows the hover of the tie's midpoint marker.
ALONG_LIMIT = 2000
ALONG_SPACING = 1 / 60
ALONG_POINTS = 12_000


def midpoint_trace(
    index: PartnershipIndex, category: Category, tie_hover: np.ndarray, uid: str, by_reference: bool = False
) -> dict[str, Any]:
    """A marker at the middle of each tie of a category: its hover text and click target (the points, texts and
    ids named by reference, for the browser to fill in, when `by_reference`)."""
    style = {
        "type": "scattergeo",
        "uid": uid,
        "mode": "markers",
        "name": category.label,
        "legendgroup": category.key,
        "showlegend": False,
        "marker": {"size": 5, "color": category.color, "opacity": 0.7},
        "hovertemplate": "%{text}<extra></extra>",
    }
    if by_reference:
        return {**style, **reference(category.rows, index.size, MIDPOINT)}
    return {**style, **tie_arrays(MIDPOINT, index, category.rows, tie_hover)}


def along_trace(
    index: PartnershipIndex, category: Category, uid: str, frame_lon_span: float, by_reference: bool = False
) -> dict[str, Any]:
    """Invisible hover points along the ties of a category; each holds the position of its tie in the
    midpoint trace `uid` (assets/map_targets.js moves the hover there). Named by reference, with the spacing of
    the points, for the browser to compute, when `by_reference`."""
    rows = category.rows
    spacing = frame_lon_span * ALONG_SPACING
    total = float(np.nansum(index.distance_km[rows])) / 111.2  # degrees of arc in all
    if np.isfinite(total) and total / spacing > ALONG_POINTS:
        spacing = total / ALONG_POINTS
    style = {
        "type": "scattergeo",
        "mode": "markers",
        "name": category.label,
        "meta": uid,  # the midpoint trace these points stand for
        "legendgroup": category.key,
        "showlegend": False,
        "marker": {"size": 6, "color": category.color, "opacity": 0},
        "hoverinfo": "none",
    }
    if by_reference:
        return {**style, **along_reference(rows, index.size, spacing)}
    return {**style, **along_arrays(index, rows, spacing)}


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
