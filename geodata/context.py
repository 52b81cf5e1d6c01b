"""Context rules: which of a name's gazetteer candidates one list entry means, from what the entry itself gives.

A written name (Yichun, China) may mean several places; a tie's context can single one out where the population
rule cannot, or where it would take every tie of the name to the biggest place:
- `list_coordinates`: the list's point for this very entry lies within NEAR_KM of one candidate and more than
  FAR_KM from every other (a coordinate far from all of them says nothing);
- `partner_near`: the tie's partner lies within PARTNER_KM of one candidate and every other is at least
  PARTNER_RATIO times farther (cross-border ties: Yichun, Heilongjiang - Birobidzhan; Heringsdorf - Świnoujście),
  unless another candidate is OVERRULE_RATIO times bigger (a town of 15,000 near Huntington Park is not the
  Puebla of 1.7 million).
- `qualifier`: a name written with the place it lies in ("Kōtō (Tokyo)", "Perovo (Moscow)") means a candidate
  within QUALIFIER_KM of that place, or in its admin1 and within QUALIFIER_ADMIN1_KM (Wulong, Chongqing).
The partner is tried first: the bundled list coordinates are one point per written name and country (the list's
own geocoding of the name, the same for every entry), while the partner belongs to this very tie.
A choice is a (candidate, method) pair, or None where the context does not single one out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from geodata.arcs import great_circle_km
from geodata.gazetteer import GazetteerEntry

NEAR_KM = 25.0
FAR_KM = 100.0
PARTNER_KM = 400.0
PARTNER_RATIO = 3.0
OVERRULE_RATIO = 25.0
QUALIFIER_KM = 60.0
QUALIFIER_ADMIN1_KM = 200.0
QUALIFIER_REGION_KM = 300.0  # a place this near its qualifier is kept even outside it: the qualifier is a region

Point = tuple[float, float]  # (lon, lat)
Choice = tuple[GazetteerEntry, str]


def by_point(entries: list[GazetteerEntry], point: Point) -> Choice | None:
    """The one candidate the list's point lies near, far from every other one."""
    lon, lat = point
    distances = sorted((great_circle_km(e.lon, e.lat, lon, lat), i) for i, e in enumerate(entries))
    if distances[0][0] > NEAR_KM or (len(distances) > 1 and distances[1][0] <= FAR_KM):
        return None
    return entries[distances[0][1]], "list_coordinates"


def by_partner(entries: list[GazetteerEntry], partner: Point) -> Choice | None:
    """The one candidate near the tie's partner when every other one is much farther."""
    lon, lat = partner
    distances = sorted((great_circle_km(e.lon, e.lat, lon, lat), i) for i, e in enumerate(entries))
    nearest = distances[0][0]
    if nearest > PARTNER_KM or (len(distances) > 1 and distances[1][0] < PARTNER_RATIO * max(nearest, 1.0)):
        return None
    chosen = entries[distances[0][1]]
    if any(e.population >= OVERRULE_RATIO * max(chosen.population, 1) for e in entries):
        return None
    return chosen, "partner_near"


def chooser(point: Point | None, partner: Point | None) -> Callable[[list[GazetteerEntry]], Choice | None] | None:
    """The context rules an entry allows, in order: its partner, then the list's point for its name."""
    if point is None and partner is None:
        return None

    def choose(entries: list[GazetteerEntry]) -> Choice | None:
        for rule, where in ((by_partner, partner), (by_point, point)):
            if where is not None:
                chosen = rule(entries, where)
                if chosen is not None:
                    return chosen
        return None

    return choose


class Located(Protocol):
    """Anything with a point and an admin1: a Place."""

    lon: float
    lat: float
    admin1: str


def qualifier_of(written: str) -> str:
    """The place a written name's trailing parentheses name: "Kōtō (Tokyo)" -> "Tokyo"; else ""."""
    found = re.search(r"\(([^()]+)\)\s*$", written)
    return found.group(1).strip() if found else ""


def in_qualifier(point: Point, qualifier: Located, admin1: str = "") -> bool:
    """Whether a point lies in or near the place that qualifies its name (its city, or its admin1 nearby)."""
    distance = great_circle_km(point[0], point[1], qualifier.lon, qualifier.lat)
    return distance <= QUALIFIER_KM or (bool(admin1) and admin1 == qualifier.admin1 and distance <= QUALIFIER_ADMIN1_KM)
