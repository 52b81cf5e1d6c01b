"""Per-tie arrays as plotly.js typed arrays (base64 `bdata`): about 32 bytes per tie, never one trace per tie.

Each tie is a 2-point segment (its two ends); segments are separated by NaN in float32 arrays, which plotly.js
draws along great circles.
"""

from __future__ import annotations

import base64
from typing import Any

import numpy as np

from geodata.filters import PartnershipIndex

_DTYPES: dict[str, Any] = {
    "f4": np.float32,
    "f8": np.float64,
    "i4": np.int32,
    "u1": np.uint8,
    "u2": np.uint16,
    "u4": np.uint32,
}


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
