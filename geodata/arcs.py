"""Great-circle arcs between places, as Shapely lines split at the antimeridian."""

from __future__ import annotations

import numpy as np
from shapely.geometry import LineString, MultiLineString

ARC_POINTS = 32


def great_circle_points(lon_a: float, lat_a: float, lon_b: float, lat_b: float, n: int = ARC_POINTS) -> np.ndarray:
    """`n` points (lon, lat) along the shorter great circle from A to B, ends included."""
    a, b = _unit_vector(lon_a, lat_a), _unit_vector(lon_b, lat_b)
    omega = np.arccos(np.clip(np.dot(a, b), -1.0, 1.0))
    t = np.linspace(0.0, 1.0, n)[:, None]
    if omega < 1e-9:
        vectors = np.repeat(a[None, :], n, axis=0)
    else:
        # Spherical linear interpolation; antipodal points have no unique great circle, any is fine.
        sin_omega = np.sin(omega) or 1e-12
        vectors = (np.sin((1 - t) * omega) * a + np.sin(t * omega) * b) / sin_omega
    lon = np.degrees(np.arctan2(vectors[:, 1], vectors[:, 0]))
    lat = np.degrees(np.arcsin(np.clip(vectors[:, 2], -1.0, 1.0)))
    return np.column_stack([lon, lat])


def _unit_vector(lon: float | np.ndarray, lat: float | np.ndarray) -> np.ndarray:
    """The unit vector (x, y, z) of a point, or a 3 x n array of them for arrays of points."""
    lam, phi = np.radians(lon), np.radians(lat)
    return np.array([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def split_at_antimeridian(points: np.ndarray) -> list[np.ndarray]:
    """Cut a (lon, lat) polyline wherever it crosses +-180 deg, adding the crossing point to both sides."""
    parts: list[list[tuple[float, float]]] = [[tuple(points[0])]]
    for (lon0, lat0), (lon1, lat1) in zip(points[:-1], points[1:]):
        if abs(lon1 - lon0) > 180.0:
            # Shift the far point by 360 deg so the segment is continuous, then find where it meets +-180.
            edge = 180.0 if lon0 > 0 else -180.0
            lon1_shifted = lon1 + (360.0 if lon0 > 0 else -360.0)
            frac = (edge - lon0) / (lon1_shifted - lon0)
            lat_cross = lat0 + frac * (lat1 - lat0)
            parts[-1].append((edge, lat_cross))
            parts.append([(-edge, lat_cross)])
        parts[-1].append((lon1, lat1))
    return [np.array(part) for part in parts if len(part) >= 2]


def arc_geometry(lon_a: float, lat_a: float, lon_b: float, lat_b: float) -> LineString | MultiLineString:
    """The great-circle arc from A to B as a LineString, or a MultiLineString if it crosses the antimeridian."""
    parts = split_at_antimeridian(great_circle_points(lon_a, lat_a, lon_b, lat_b))
    if len(parts) == 1:
        return LineString(parts[0])
    return MultiLineString([LineString(p) for p in parts])


def great_circle_km(lon_a: float, lat_a: float, lon_b: float, lat_b: float) -> float:
    """Distance along the great circle, in km (mean Earth radius)."""
    a, b = _unit_vector(lon_a, lat_a), _unit_vector(lon_b, lat_b)
    return float(6371.0088 * np.arccos(np.clip(np.dot(a, b), -1.0, 1.0)))


def points_along(
    lon_a: np.ndarray, lat_a: np.ndarray, lon_b: np.ndarray, lat_b: np.ndarray, spacing: float, most: int = 48
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points strictly between the ends of many great-circle arcs, about `spacing` degrees apart (at least one,
    at most `most` per arc): (lon, lat, arc) with `arc` the position of each point's arc in the inputs.

    The ends are left out, so that a place at the end of an arc is never covered by a point of its arc."""
    a = _unit_vector(np.asarray(lon_a, dtype=np.float64), np.asarray(lat_a, dtype=np.float64)).T  # one row per arc
    b = _unit_vector(np.asarray(lon_b, dtype=np.float64), np.asarray(lat_b, dtype=np.float64)).T
    omega = np.arccos(np.clip(np.einsum("ij,ij->i", a, b), -1.0, 1.0))
    counts = np.clip(np.nan_to_num(np.degrees(omega) / max(spacing, 1e-6)).astype(int), 1, most)
    counts[np.isnan(omega)] = 0
    arc = np.repeat(np.arange(len(omega)), counts)
    # the k-th of n points of an arc sits at (k + 1) / (n + 1) of the way
    start = np.cumsum(counts) - counts
    k = np.arange(len(arc)) - np.repeat(start, counts)
    t = ((k + 1) / (counts[arc] + 1))[:, None]
    w = omega[arc][:, None]
    sin_w = np.where(np.sin(w) < 1e-12, 1.0, np.sin(w))
    vectors = np.where(w < 1e-9, a[arc], (np.sin((1 - t) * w) * a[arc] + np.sin(t * w) * b[arc]) / sin_w)
    lon = np.degrees(np.arctan2(vectors[:, 1], vectors[:, 0]))
    lat = np.degrees(np.arcsin(np.clip(vectors[:, 2], -1.0, 1.0)))
    return lon.astype(np.float32), lat.astype(np.float32), arc
