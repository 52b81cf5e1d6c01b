"""Every view frames its ties: the map's centre, rotation and zoom for the core of the ties in view.

The extent comes from `geodata.extent.core_extent` (pure, unit-tested); this module turns it into the geo layout
of the Plotly figure and gives the figure a `uirevision` per set of ties, so that Plotly applies the new frame when
the ties change and keeps the user's own pan and zoom while they do not. A link that pins a view (`lon`, `lat`,
`zoom`) wins: `place_view` shows it instead.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import numpy as np

from dashboard.share import MapView, apply_map_view
from geodata.extent import WORLD, Extent, core_extent, tie_ends
from geodata.filters import PartnershipIndex

# At projection scale s the map card shows about 400/s degrees of longitude and 188/s of latitude (measured on
# screenshots at 1920 x 1080: the natural-earth map fits its latitude range, so less than the world's 360 shows
# across). The spans below give the core a margin of about 60% around it, so it reads as a region, not a crop.
WORLD_LON_SPAN = 250.0
WORLD_LAT_SPAN = 118.0
MAX_SCALE = 24.0


def framed_ties(index: PartnershipIndex, mask: np.ndarray, place_id: str | None = None) -> np.ndarray:
    """The ties a view frames: the selected place's ties in view when it has any, else all ties in view."""
    if place_id:
        mine = mask & index.touches([place_id])
        if mine.any():
            return mine
    return mask


def view_extent(index: PartnershipIndex, mask: np.ndarray, place_id: str | None = None) -> Extent:
    """The frame of the ties in `mask`: WORLD for all ties or none, else their core (centred on the place)."""
    if not mask.any() or mask.all():
        return WORLD
    lon, lat = tie_ends(index.lon_a[mask], index.lat_a[mask], index.lon_b[mask], index.lat_b[mask])
    centre = None
    if place_id and (code := index.place_code_of.get(place_id)) is not None:
        if not np.isnan(index.place_lon[code]):
            centre = (float(index.place_lon[code]), float(index.place_lat[code]))
    return core_extent(lon, lat, centre)


def view_frame(index: PartnershipIndex, mask: np.ndarray, place_id: str | None = None) -> Extent:
    """The frame a view shows: the core of the selected place's ties in view when it has any, else of all."""
    return view_extent(index, framed_ties(index, mask, place_id), place_id)


def extent_geo(extent: Extent) -> dict[str, Any]:
    """The geo layout keys that show an extent: rotation and centre at its middle, a scale that fits it."""
    if extent.is_world:
        return {"center": {"lon": 0.0, "lat": 0.0}, "projection": {"scale": 1.0, "rotation": {"lon": 0.0}}}
    scale = min(WORLD_LON_SPAN / extent.lon_span, WORLD_LAT_SPAN / extent.lat_span, MAX_SCALE)
    return {
        "center": {"lon": extent.lon, "lat": extent.lat},
        # rotating the projection to the frame's middle takes the short way across the antimeridian
        "projection": {"scale": round(max(1.0, scale), 3), "rotation": {"lon": extent.lon}},
    }


def ties_revision(index: PartnershipIndex, mask: np.ndarray, place_id: str | None = None) -> str:
    """A short key of the ties in view (and the selected place): it changes exactly when the frame should."""
    digest = hashlib.blake2s(np.packbits(mask).tobytes(), digest_size=8)
    digest.update(str(place_id or "").encode())
    return digest.hexdigest()


def frame_figure(
    figure: dict[str, Any], index: PartnershipIndex, mask: np.ndarray, place_id: str | None, frame: Extent
) -> dict[str, Any]:
    """Show `frame` on a map figure (in place), with the revision of the framed ties in `mask`; return it."""
    geo = figure["layout"].setdefault("geo", {})
    framed = extent_geo(frame)
    geo.setdefault("center", {}).update(framed["center"])
    projection = geo.setdefault("projection", {})
    projection["scale"] = framed["projection"]["scale"]
    projection.setdefault("rotation", {}).update(framed["projection"]["rotation"])
    geo["uirevision"] = ties_revision(index, mask, place_id)
    return figure


def place_view(
    figure: dict[str, Any],
    index: PartnershipIndex,
    mask: np.ndarray,
    place_id: str | None,
    pinned: MapView,
    frame: Extent,
) -> dict[str, Any]:
    """Show a view's map where it belongs (in place): the view a link pinned, else `frame` (its `view_frame`,
    which the caller has computed already, for the figure's hover targets)."""
    if not pinned.as_dict():
        return frame_figure(figure, index, framed_ties(index, mask, place_id), place_id, frame)
    apply_map_view(figure["layout"], pinned)
    # a revision of its own, so Plotly shows the pinned view even over a frame drawn before the link was read
    figure["layout"]["geo"]["uirevision"] = "pinned:" + json.dumps(pinned.as_dict(), sort_keys=True)
    return figure
