"""Traces that name their ties instead of carrying them: the browser fills them in from the ties pack.

The page fetches the ties' coordinates, hover texts and ids once (`dashboard/ties_pack.py`); after that a filter
change sends, per trace, only which tie rows it draws: a bitset of all rows or a list of row numbers, whichever is
smaller (a few kilobytes where the filled trace took up to 850 kB). `assets/ties_pack.js` fills them in before
Plotly draws; `filled` here does the same in Python, for tests and for any caller that wants the whole figure.
"""

from __future__ import annotations

import base64
from typing import Any

import numpy as np

from dashboard.figures.arrays import arc_segments, typed_array
from geodata.filters import PartnershipIndex

REFERENCE_KEY = "_ties"  # a trace key plotly.js does not know: the browser replaces it before drawing
ARC, MIDPOINT = "arc", "midpoint"  # what a reference fills: an arc's lon/lat, or a midpoint marker's points
TIE_TOKEN = "tie:"  # customdata prefix of the tie markers; place markers carry [place code, ties in view]


def rows_spec(rows: np.ndarray, size: int) -> dict[str, Any]:
    """Tie rows (ascending) as {"n", "bits"} (one bit per tie of the index, little-endian) or {"n", "rows"}
    (uint32 row numbers), whichever is smaller."""
    rows = np.asarray(rows, dtype=np.uint32)
    if len(rows) * 32 < size:  # row numbers: 4 bytes each; the bitset: 1 bit per tie of the whole index
        return {"n": len(rows), "rows": base64.b64encode(rows.tobytes()).decode("ascii")}
    bits = np.zeros(size, dtype=bool)
    bits[rows] = True
    packed = np.packbits(bits, bitorder="little")
    return {"n": len(rows), "bits": base64.b64encode(packed.tobytes()).decode("ascii")}


def rows_of(spec: dict[str, Any]) -> np.ndarray:
    """The tie rows of a `rows_spec`, ascending."""
    if "rows" in spec:
        return np.frombuffer(base64.b64decode(spec["rows"]), dtype=np.uint32).astype(np.int64)
    bits = np.unpackbits(np.frombuffer(base64.b64decode(spec["bits"]), dtype=np.uint8), bitorder="little")
    return np.flatnonzero(bits)


def reference(rows: np.ndarray, size: int, part: str) -> dict[str, Any]:
    """The reference a trace carries in place of its arrays."""
    return {REFERENCE_KEY: {"part": part, "rows": rows_spec(rows, size)}}


def tie_arrays(part: str, index: PartnershipIndex, rows: np.ndarray, tie_hover: np.ndarray) -> dict[str, Any]:
    """The arrays a reference names: an arc trace's lon/lat (A, B, gap per tie), or a midpoint trace's points,
    hover texts and click ids."""
    if part == ARC:
        lon, lat = arc_segments(index, rows)
        return {"lon": typed_array(lon), "lat": typed_array(lat)}
    return {
        "lon": typed_array(index.mid_lon[rows]),
        "lat": typed_array(index.mid_lat[rows]),
        "text": tie_hover[rows].tolist(),
        "customdata": [TIE_TOKEN + pid for pid in index.partnership_ids[rows]],
    }


def filled(figure: dict[str, Any], index: PartnershipIndex, tie_hover: np.ndarray) -> dict[str, Any]:
    """The figure with every reference replaced by the arrays it names (what the browser draws)."""
    data = []
    for trace in figure.get("data", []):
        if ref := trace.get(REFERENCE_KEY):
            trace = {key: value for key, value in trace.items() if key != REFERENCE_KEY}
            trace.update(tie_arrays(ref["part"], index, rows_of(ref["rows"]), tie_hover))
        data.append(trace)
    return {**figure, "data": data}
