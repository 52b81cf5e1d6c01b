"""The map drawn the way most Plotly users draw flight paths: one scattergeo trace per arc.

This is the pattern of Plotly's own "Lines on Maps" example (a loop of `fig.add_trace(go.Scattergeo(lon=[a, b],
lat=[a, b], mode="lines"))`), styled like the project's map and with its place dots, so that only the way the
arcs are packed differs.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dashboard.figures import STATUS_STYLE, map_layout
from geodata.filters import PartnershipIndex


def one_trace_per_arc(index: PartnershipIndex, mask: np.ndarray, project_figure: dict[str, Any]) -> dict[str, Any]:
    """The project's figure of the ties in `mask` with its arcs redrawn one trace each (in the same styles):
    the same map, so the render times differ only by how the arcs are packed."""
    traces = []
    for row in np.flatnonzero(mask):
        status = index.statuses[index.status_code[row]] if index.status_code[row] >= 0 else "unknown"
        style = STATUS_STYLE.get(status, STATUS_STYLE["unknown"])
        traces.append(
            {
                "type": "scattergeo",
                "mode": "lines",
                "lon": [float(index.lon_a[row]), float(index.lon_b[row])],
                "lat": [float(index.lat_a[row]), float(index.lat_b[row])],
                "line": {"width": style["width"], "color": style["color"], "dash": style["dash"]},
                "opacity": style["opacity"],
                "hoverinfo": "skip",
            }
        )
    # Everything that is not an arc (the place dots) as the project draws it.
    traces += [t for t in project_figure["data"] if "lines" not in str(t.get("mode", ""))]
    layout = map_layout("status")
    layout["showlegend"] = False  # ten thousand legend entries would be the naive figure's, not the point here
    return {"data": traces, "layout": layout}
