"""Context rules: which of a name's gazetteer candidates one list entry means, from what the entry itself gives.

A written name (Yichun, China) may mean several places; a tie's context can single one out where the population
rule cannot, or where it would take every tie of the name to the biggest place:
- `list_coordinates`: the list's point for this very entry lies within NEAR_KM of one candidate and more than
  FAR_KM from every other (a coordinate far from all of them says nothing);
- `partner_near`: the tie's partner lies within PARTNER_KM of one candidate and every other is at least
  PARTNER_RATIO times farther (cross-border ties: Yichun, Heilongjiang - Birobidzhan; Heringsdorf - Świnoujście).
A choice is a (candidate, method) pair, or None where the context does not single one out.
"""

from __future__ import annotations

from collections.abc import Callable

from geodata.arcs import great_circle_km
from geodata.gazetteer import GazetteerEntry

NEAR_KM = 25.0
FAR_KM = 100.0
PARTNER_KM = 400.0
PARTNER_RATIO = 3.0

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
    return entries[distances[0][1]], "partner_near"


def chooser(point: Point | None, partner: Point | None) -> Callable[[list[GazetteerEntry]], Choice | None] | None:
    """The context rules an entry allows, in order: its own point, then its partner."""
    if point is None and partner is None:
        return None

    def choose(entries: list[GazetteerEntry]) -> Choice | None:
        for rule, where in ((by_point, point), (by_partner, partner)):
            if where is not None:
                chosen = rule(entries, where)
                if chosen is not None:
                    return chosen
        return None

    return choose
