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

from dashboard import text
from dashboard.figures.arrays import arc_segments, decode_typed_array, typed_array
from dashboard.figures.styles import LISTED_PLACE_COLOR, PLACE_COLOR
from geodata.arcs import points_along
from geodata.filters import PartnershipIndex

REFERENCE_KEY = "_ties"  # a trace key plotly.js does not know: the browser replaces it before drawing
PLACES_KEY = "_places"  # the same for the place dots: their codes and ties in view
# What a reference fills: an arc's lon/lat, a midpoint marker's points, or hover points along the ties.
ARC, MIDPOINT, ALONG = "arc", "midpoint", "along"
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


def tie_arrays(
    part: str, index: PartnershipIndex, rows: np.ndarray, tie_hover: np.ndarray | None = None
) -> dict[str, Any]:
    """The arrays a reference names: an arc trace's lon/lat (A, B, gap per tie), or a midpoint trace's points,
    hover texts (`tie_hover`, which an arc does not need) and click ids."""
    if part == ARC:
        lon, lat = arc_segments(index, rows)
        return {"lon": typed_array(lon), "lat": typed_array(lat)}
    return {
        "lon": typed_array(index.mid_lon[rows]),
        "lat": typed_array(index.mid_lat[rows]),
        "text": tie_hover[rows].tolist(),
        "customdata": [TIE_TOKEN + pid for pid in index.partnership_ids[rows]],
    }


def along_reference(rows: np.ndarray, size: int, spacing: float) -> dict[str, Any]:
    """The reference a trace of hover points along ties carries: the ties, and how far apart the points are."""
    return {REFERENCE_KEY: {"part": ALONG, "rows": rows_spec(rows, size), "spacing": spacing}}


def along_arrays(index: PartnershipIndex, rows: np.ndarray, spacing: float) -> dict[str, Any]:
    """Points along the ties of `rows`, about `spacing` degrees apart, each with its tie's position in `rows`
    (assets/ties_pack.js computes the same from an `along_reference`)."""
    ends = (index.lon_a[rows], index.lat_a[rows], index.lon_b[rows], index.lat_b[rows])
    lon, lat, position = points_along(*ends, spacing=spacing)
    return {"lon": typed_array(lon), "lat": typed_array(lat), "customdata": typed_array(position.astype(np.int32))}


def small_ints(values: np.ndarray) -> dict[str, str]:
    """Non-negative integers as the narrowest typed array that holds them: uint16, else uint32."""
    values = np.asarray(values)
    return typed_array(values.astype(np.uint16 if values.size == 0 or values.max() < 2**16 else np.uint32))


def place_reference(codes: np.ndarray, n: np.ndarray, n_cited: np.ndarray) -> dict[str, Any]:
    """The reference a places trace carries: the dots' place codes, ties in view and cited ties in view. The codes
    come as two ascending runs (listed-only places, then from `split` the cited ones), each sent as differences
    from the code before it: small numbers, sent as uint16 (the dots' part of the map's answer: 4.1 -> 2.4 kB
    compressed for all ties)."""
    codes = np.asarray(codes, dtype=np.int64)
    split = int((np.asarray(n_cited) == 0).sum())
    steps = np.diff(codes, prepend=0)
    if split < len(codes):
        steps[split] = codes[split]
    if (steps < 0).any():
        raise ValueError("place dots must come as traces.place_dots orders them: listed-only, then cited, ascending")
    return {PLACES_KEY: {"codes": small_ints(steps), "n": small_ints(n), "cited": small_ints(n_cited), "split": split}}


def place_codes(ref: dict[str, Any]) -> np.ndarray:
    """The place codes a `place_reference` names (assets/ties_pack.js `placeCodesOf` does the same)."""
    steps = decode_typed_array(ref["codes"]).astype(np.int64)
    split = int(ref["split"])
    return np.concatenate([np.cumsum(steps[:split]), np.cumsum(steps[split:])]).astype(np.int64)


def place_arrays(
    index: PartnershipIndex, codes: np.ndarray, n: np.ndarray, n_cited: np.ndarray, place_labels: np.ndarray
) -> dict[str, Any]:
    """The arrays of the place dots (assets/ties_pack.js makes the same from a `place_reference`)."""
    is_cited = n_cited > 0
    # Cited places prominent (dark, sized by their cited ties: the story's hubs stand out, not the cities that
    # merely list many twins); listed-only places small, light dots.
    sizes = np.where(is_cited, np.minimum(5.0 + 2.5 * np.sqrt(n_cited), 24.0), np.minimum(2.5 + 0.4 * np.sqrt(n), 5.5))
    hover = [
        f"<b>{label}</b><br>"
        + (text.fmt(text.CITED_PLACE_HOVER, n=k, cited=c) if c else text.fmt(text.PLACE_HOVER, n=k))
        for label, k, c in zip(place_labels[codes], n.tolist(), n_cited.tolist())
    ]
    return {
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
        # customdata per place: [place code, ties in view] (the click and hover read it). Plain lists: plotly.js
        # leaves a 2-D typed array out of click events.
        "customdata": np.column_stack([codes, n]).tolist(),
    }


def filled(
    figure: dict[str, Any], index: PartnershipIndex, tie_hover: np.ndarray, place_labels: np.ndarray
) -> dict[str, Any]:
    """The figure with every reference replaced by the arrays it names (what the browser draws)."""
    data = []
    for trace in figure.get("data", []):
        if ref := trace.get(REFERENCE_KEY):
            trace = {key: value for key, value in trace.items() if key != REFERENCE_KEY}
            if ref["part"] == ALONG:
                trace.update(along_arrays(index, rows_of(ref["rows"]), ref["spacing"]))
            else:
                trace.update(tie_arrays(ref["part"], index, rows_of(ref["rows"]), tie_hover))
        elif ref := trace.get(PLACES_KEY):
            trace = {key: value for key, value in trace.items() if key != PLACES_KEY}
            codes = place_codes(ref)
            n, n_cited = (decode_typed_array(ref[k]).astype(np.int64) for k in ("n", "cited"))
            trace.update(place_arrays(index, codes, n, n_cited, place_labels))
        data.append(trace)
    return {**figure, "data": data}
