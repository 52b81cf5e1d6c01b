"""The Wikipedia lists' own coordinates: reading them, and flagging the places drawn far from them, each with the
reason it was reviewed or none.

The bundled coordinates give one point per written name and country (the list's own geocoding of the name, the
same for every entry), so a place far from its list's point is not always misplaced. A far place counts as
reviewed where a rule or the reviewed table (`far_reviewed.csv`) says why the point, not the place, is wrong:
- `override`: a reviewed homonym (`homonyms.csv`) or `places.csv` row places it;
- `outside_country`: the list's point lies outside the place's country (Christchurch, England put in New Zealand;
  Rabat, Malta put in Morocco);
- `region_point`: the list gives that very point to other names too, or a whole-degree point: a region's centre;
- `partner`: the tie's partner singles out this place of the name, where the list has one point for all;
- `qualifier_point`: the list's point is the qualifier's (Vyborg (Saint Petersburg) put in Saint Petersburg);
- `reviewed`: a row of `far_reviewed.csv`, with its reason.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.arcs import great_circle_km
from geodata.borders import country_at, inside_country
from geodata.context import QUALIFIER_KM
from geodata.geocode import Place

if TYPE_CHECKING:
    from geodata.listed import ListedImport

FAR_KM = 100.0
FAR_REVIEWED = "far_reviewed.csv"
LonLat = tuple[float, float]


def read_source_coords(path: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """The list's (lat, lng) per written (name, country): the first entry's."""
    coords: dict[tuple[str, str], tuple[float, float]] = {}
    for row in _coordinate_rows(path):
        for side in ("1", "2"):
            point = _row_point(row, side)
            if point is not None:
                coords.setdefault((row[f"city{side}"], row[f"country{side}"]), (point[1], point[0]))
    return coords


def read_row_points(path: Path) -> dict[tuple[str, str, str, str], tuple[LonLat | None, LonLat | None]]:
    """The list's points for each pair's two ends, as (lon, lat), keyed by the pair as written."""
    return {
        (row["city1"], row["country1"], row["city2"], row["country2"]): (_row_point(row, "1"), _row_point(row, "2"))
        for row in _coordinate_rows(path)
    }


def region_points(path: Path) -> set[LonLat]:
    """Points the list gives to two or more different written names of one country: not any one town's."""
    names: dict[tuple[str, LonLat], set[str]] = defaultdict(set)
    for row in _coordinate_rows(path):
        for side in ("1", "2"):
            point = _row_point(row, side)
            if point is not None:
                names[(row[f"country{side}"], point)].add(row[f"city{side}"].split("(")[0].strip())
    return {point for (_, point), written in names.items() if len(written) > 1}


def read_far_reviewed(path: Path) -> dict[tuple[str, str, str], str]:
    """The reviewed table of places far from their list's point: (name, country, place_id) -> reason."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {(r["name"], r["country"], r["place_id"]): r["reason"] for r in csv.DictReader(handle)}


def _coordinate_rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _row_point(row: dict[str, str], side: str) -> LonLat | None:
    try:
        return float(row[f"lng{side}"]), float(row[f"lat{side}"])
    except (TypeError, ValueError):
        return None


def far_review(
    place: Place, written: tuple[str, str], point: LonLat, result: ListedImport, qualifier: Place | None = None
) -> tuple[str, str]:
    """Why a place far from its list's point is where it is: (rule, reason), or ("", "") if nobody said."""
    reviewed = result.far_reviewed.get((*written, place.place_id))
    if reviewed:
        return "reviewed", reviewed
    if "override" in place.method.split(";"):
        return "override", "a reviewed homonym or places.csv row places it"
    lon, lat = point
    inside = inside_country(lon, lat, place.country)
    elsewhere = country_at(lon, lat) if inside is None else None  # a small country the map does not draw
    if inside is False or (elsewhere is not None and elsewhere != place.country):
        return "outside_country", f"the list's point lies outside {place.country}: it geocoded the name elsewhere"
    if point in result.region_points or (lon == int(lon) and lat == int(lat)):
        return "region_point", "the list gives this point to other names too, or a whole degree: a region's centre"
    if qualifier is not None and great_circle_km(lon, lat, qualifier.lon, qualifier.lat) <= QUALIFIER_KM:
        return "qualifier_point", f"the list's point is {qualifier.name}'s, which the name names, not the place's"
    if "partner_near" in place.method.split(";"):
        return "partner", "the tie's partner singles out this place of the name; the list has one point for all"
    return "", ""


def flag_far(
    place: Place, written: tuple[str, str], point: LonLat | None, result: ListedImport, qualifier: Place | None = None
) -> None:
    """Record a place drawn more than FAR_KM from its entry's point (once per place and point)."""
    if point is None or not place.has_location:
        return
    lon, lat = point
    distance = great_circle_km(place.lon, place.lat, lon, lat)
    if distance <= FAR_KM:
        return
    key = (place.place_id, lon, lat)
    if key in result.far_keys:
        return
    result.far_keys.add(key)
    rule, reason = far_review(place, written, point, result, qualifier)
    result.far_from_source.append(
        {
            "name": written[0],
            "country": written[1],
            "place_id": place.place_id,
            "resolved_as": f"{place.name}, {place.admin1}, {place.country}",
            "method": place.method,
            "resolved_lat": round(place.lat, 4),
            "resolved_lon": round(place.lon, 4),
            "source_lat": lat,
            "source_lon": lon,
            "source_in_country": inside_country(lon, lat, place.country),
            "km": round(distance),
            "review": rule,
            "review_reason": reason,
        }
    )
