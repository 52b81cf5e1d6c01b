"""What answers hover and click on a tie (a line trace has no per-tie hover), and what a click hit."""

from __future__ import annotations

from typing import Any

import numpy as np

from dashboard.figures.arrays import typed_array
from dashboard.figures.styles import Category
from geodata.filters import PartnershipIndex

MIDPOINT_LIMIT = 3000  # above this many ties in view, ties get no hover/click markers (payload and clutter)
TIE_TOKEN = "tie:"  # customdata prefix of the tie markers; place markers carry [place code, ties in view]


def midpoint_trace(index: PartnershipIndex, category: Category, tie_hover: np.ndarray) -> dict[str, Any]:
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
