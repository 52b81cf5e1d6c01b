"""The part of the world a view's ties live in: the smallest frame that holds most of their ends.

Fitting every end is not enough: the Russia-Ukraine war's ties span most of the world's longitudes because a few
reach the US or Japan, so a plain fit leaves Europe a knot. `core_extent` frames the core instead, the smallest
box holding `share` of the ends (85% by default), taking the short way across the antimeridian; centred on a
place when one is selected. Pure numpy, knows nothing of Plotly; `dashboard` turns the extent into a map view.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

CORE_SHARE = 0.85
PADDING = 0.12  # of the span, on each side, so ends do not sit on the frame
MIN_LON_SPAN = 10.0  # degrees: one tie, or ties within one city, still show their surroundings
MIN_LAT_SPAN = 6.0
MAX_LAT = 84.0  # the base map's last latitudes hold nothing to frame


@dataclass(frozen=True)
class Extent:
    """A frame: its centre and its width and height in degrees (lon_span up to 360, lat_span up to 180)."""

    lon: float
    lat: float
    lon_span: float
    lat_span: float

    @property
    def is_world(self) -> bool:
        return self.lon_span >= 360.0


WORLD = Extent(0.0, 0.0, 360.0, 180.0)


def wrap(lon: np.ndarray | float) -> np.ndarray | float:
    """Longitudes into [-180, 180)."""
    return (np.asarray(lon) + 180.0) % 360.0 - 180.0


def _smallest_circular_window(lon: np.ndarray, count: int) -> tuple[float, float]:
    """(start, width) of the shortest arc of longitude holding `count` of the points (may cross 180)."""
    ordered = np.sort(wrap(lon))
    n = len(ordered)
    doubled = np.concatenate([ordered, ordered + 360.0])
    widths = doubled[count - 1 : count - 1 + n] - doubled[:n]
    best = int(np.argmin(widths))
    return float(doubled[best]), float(widths[best])


def _smallest_window(values: np.ndarray, count: int) -> tuple[float, float]:
    """(start, width) of the shortest interval holding `count` of the values."""
    ordered = np.sort(values)
    widths = ordered[count - 1 :] - ordered[: len(ordered) - count + 1]
    best = int(np.argmin(widths))
    return float(ordered[best]), float(widths[best])


def core_extent(
    lon: np.ndarray,
    lat: np.ndarray,
    centre: tuple[float, float] | None = None,
    share: float = CORE_SHARE,
) -> Extent:
    """The frame of the core of some points (the ties' ends); WORLD for no points.

    With a `centre` (a selected place), the frame is centred there and reaches as far as `share` of the points.
    """
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    keep = ~(np.isnan(lon) | np.isnan(lat))
    lon, lat = lon[keep], lat[keep]
    if len(lon) == 0:
        return WORLD
    count = max(1, math.ceil(share * len(lon)))
    if centre is not None:
        c_lon, c_lat = float(wrap(centre[0])), float(centre[1])
        d_lon = np.sort(np.abs(wrap(lon - c_lon)))
        d_lat = np.sort(np.abs(lat - c_lat))
        return _padded(c_lon, c_lat, 2 * float(d_lon[count - 1]), 2 * float(d_lat[count - 1]))
    start, width = _smallest_circular_window(lon, count)
    lat_start, height = _smallest_window(lat, count)
    return _padded(float(wrap(start + width / 2.0)), lat_start + height / 2.0, width, height)


def _padded(lon: float, lat: float, lon_span: float, lat_span: float) -> Extent:
    """A frame with padding and minimum spans, kept within the world (latitude within +-MAX_LAT)."""
    lon_span = min(360.0, max(MIN_LON_SPAN, lon_span * (1 + 2 * PADDING)))
    lat_span = min(2 * MAX_LAT, max(MIN_LAT_SPAN, lat_span * (1 + 2 * PADDING)))
    # move the frame, not shrink it, so it stays inside the latitudes there are
    lat = min(max(lat, -MAX_LAT + lat_span / 2), MAX_LAT - lat_span / 2)
    if lon_span >= 300.0:
        return WORLD
    return Extent(round(float(wrap(lon)), 3), round(lat, 3), round(lon_span, 3), round(lat_span, 3))


def tie_ends(lon_a: np.ndarray, lat_a: np.ndarray, lon_b: np.ndarray, lat_b: np.ndarray) -> tuple[np.ndarray, ...]:
    """Both ends of every tie, as one array of longitudes and one of latitudes."""
    return np.concatenate([lon_a, lon_b]), np.concatenate([lat_a, lat_b])
