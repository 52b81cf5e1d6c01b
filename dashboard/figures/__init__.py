"""The map figure, assembled from the index's per-tie arrays: one trace per category, never one per tie.

Figures are plain dicts: building a `go.Figure` would re-validate every array on every update. The parts live in
modules of their own: `styles` (how ties look), `arrays` (typed arrays), `hover_texts`, `traces`, `hover_targets`,
`map_layout` (base map, legend, notices) and `networks` (the networks layer); this module puts them together.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dashboard import text
from dashboard.figures import traces
from dashboard.figures.arrays import arc_segments, decode_typed_array
from dashboard.figures.hover_targets import (
    ALONG_LIMIT,
    MIDPOINT_LIMIT,
    TIE_TOKEN,
    along_trace,
    clicked_target,
    midpoint_trace,
)
from dashboard.figures.map_layout import capped_notices, graph_config, map_layout, notice_annotation
from dashboard.figures.networks import NETWORK_GROUP, network_key, network_traces
from dashboard.figures.styles import (
    AID_COLORS,
    AID_PALETTE,
    COLOR_MODES,
    HIGHLIGHT_COLOR,
    LISTED_KEY,
    NO_AID_COLOR,
    STATUS_STYLE,
    Category,
    arc_categories,
    tier_mask,
)
from dashboard.figures.traces import (
    ARC_LIMIT,
    PLACE_LIMIT,
    arc_trace,
    highlighted_rows,
    listed_legend_key,
    places_trace,
    selected_place_trace,
)
from geodata.filters import PartnershipIndex

# What the rest of the dashboard uses from the map's modules, under one name.
__all__ = [
    "AID_COLORS",
    "AID_PALETTE",
    "ALONG_LIMIT",
    "ARC_LIMIT",
    "COLOR_MODES",
    "HIGHLIGHT_COLOR",
    "LISTED_KEY",
    "MIDPOINT_LIMIT",
    "NETWORK_GROUP",
    "NO_AID_COLOR",
    "PLACE_LIMIT",
    "STATUS_STYLE",
    "TIE_TOKEN",
    "arc_segments",
    "clicked_target",
    "decode_typed_array",
    "graph_config",
    "highlighted_rows",
    "map_figure",
    "network_key",
    "network_traces",
]


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
    frame_lon_span: float = 360.0,
    by_reference: bool = False,
) -> dict[str, Any]:
    """The world map of the ties in `mask`, coloured by status or aid type, with the selection highlighted
    and, when given, the network layer's traces (`network_traces`). With `by_reference`, the traces of ties name
    their rows instead of carrying them (`references`: the browser fills them in from the ties pack)."""
    color_by = color_by if color_by in COLOR_MODES else "status"
    categories = arc_categories(index, index.capped(mask, traces.ARC_LIMIT), color_by)
    drawn = [arc_trace(index, c, by_reference=by_reference) for c in categories]
    if any(c.key == LISTED_KEY for c in categories):
        drawn = [listed_legend_key(), *drawn]
    highlight = highlighted_rows(index, mask, selected_place, selected_tie)
    if len(highlight):
        drawn.append(
            arc_trace(
                index,
                Category("selected", text.SELECTED_TIES, highlight, HIGHLIGHT_COLOR, "solid", 2.4, 0.95),
                by_reference=by_reference,
            )
        )
    drawn.extend(tie_targets(index, mask, categories, tie_hover, frame_lon_span, by_reference))
    drawn.append(places_trace(index, mask, place_labels, by_reference))  # places on top: clicking one opens its panel
    drawn.extend(network_layer or [])  # network rings over the dots they circle; no arcs
    if selected_place and (marker := selected_place_trace(index, selected_place, place_labels)) is not None:
        drawn.append(marker)
    layout = map_layout(color_by)
    if notices := capped_notices(index, mask):
        layout.setdefault("annotations", []).append(notice_annotation("<br>".join(notices)))
    return {"data": drawn, "layout": layout}


def tie_targets(
    index: PartnershipIndex,
    mask: np.ndarray,
    categories: list[Category],
    tie_hover: np.ndarray,
    frame_lon_span: float,
    by_reference: bool = False,
) -> list[dict[str, Any]]:
    """Hover and click targets for ties (a line trace has no per-tie hover): a marker at each arc's middle, and
    points along the arcs when the view is small. The cited ties get them whenever they are few, the listed
    ones only when the whole view is."""
    n_cited = int((mask & ~tier_mask(index, LISTED_KEY)).sum())
    targets = []
    for number, category in enumerate(categories):
        in_view = int(mask.sum()) if category.key == LISTED_KEY else n_cited
        if in_view > MIDPOINT_LIMIT:
            continue
        uid = f"ties-{number}"
        targets.append(midpoint_trace(index, category, tie_hover, uid, by_reference))
        if in_view <= ALONG_LIMIT:
            targets.append(along_trace(index, category, uid, frame_lon_span, by_reference))
    return targets
