"""Offline geocoding: a name + country (+ admin1) becomes one place, or a clear error. Never a guess.

Rules, in order:
1. The reviewed override table (`places.csv`) wins: homonyms pinned to a GeoNames id, and places that are not
   cities (a state, a county, a port authority, a group of donors).
2. Otherwise the GeoNames gazetteer: places in that country whose main name matches, or, only if none does,
   those whose alternate name matches (Kiev, Lemberg, Odessa, Київ). admin1, when given, must match too.
3. Several matches: the place is taken only if it is dominant (at least DOMINANCE times the population of the
   next one, e.g. Moscow over villages called Moskva); otherwise the name is ambiguous and the error lists the
   candidates so an editor can add admin1 or a places.csv row.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from geodata.arcs import great_circle_km
from geodata.gazetteer import Gazetteer, GazetteerEntry, normalise_name, us_state_codes

DOMINANCE = 5.0
SAME_PLACE_KM = 10.0


@dataclass(frozen=True)
class Place:
    """A resolved place: a point with a stable id."""

    place_id: str
    name: str
    country: str
    admin1: str
    kind: str
    lat: float | None
    lon: float | None
    population: int
    alt_names: tuple[str, ...] = ()
    geonameid: int | None = None

    @property
    def has_location(self) -> bool:
        return self.lat is not None and self.lon is not None


class GeocodeError(ValueError):
    """A name that does not resolve to exactly one place; `candidates` holds the gazetteer's near misses."""

    def __init__(self, message: str, candidates: tuple[GazetteerEntry, ...] = ()):
        super().__init__(message)
        self.candidates = candidates


@dataclass
class Geocoder:
    """Resolves place references against the override table, then the gazetteer."""

    gazetteer: Gazetteer
    overrides: list[Place] = field(default_factory=list)
    suggest: bool = True  # "did you mean" hints cost a fuzzy search: worth it for editors, not for bulk imports

    def __post_init__(self) -> None:
        self._override_index: dict[tuple[str, str], list[Place]] = {}
        for place in self.overrides:
            for key in {normalise_name(name) for name in (place.name, *place.alt_names)}:
                self._override_index.setdefault((place.country, key), []).append(place)
        self._cache: dict[tuple[str, str, str], Place] = {}

    def resolve(self, name: str, country: str, admin1: str = "") -> Place:
        """Resolve one reference; raise GeocodeError saying why it cannot be."""
        key = (name.strip(), country.strip().upper(), admin1.strip())
        if key not in self._cache:
            self._cache[key] = self._resolve(*key)
        return self._cache[key]

    def resolve_near(self, name: str, country: str, admin1: str, lon: float, lat: float, max_km: float = 30.0) -> Place:
        """Resolve like `resolve`, but settle an ambiguous name by the one candidate within `max_km` of a
        location the source gave (a scraped coordinate is a hint here, never the answer by itself)."""
        try:
            return self.resolve(name, country, admin1)
        except GeocodeError as error:
            close = [e for e in error.candidates if great_circle_km(e.lon, e.lat, lon, lat) <= max_km]
            if len(close) != 1:
                raise
            return place_from_entry(close[0])

    def _resolve(self, name: str, country: str, admin1: str) -> Place:
        if not name:
            raise GeocodeError("empty place name")
        wanted_admin1 = canonical_admin1(country, admin1)
        overrides = [
            p
            for p in self._override_index.get((country, normalise_name(name)), [])
            if not wanted_admin1 or p.admin1 == wanted_admin1
        ]
        if len(overrides) == 1:
            return overrides[0]
        if len(overrides) > 1:
            ids = ", ".join(p.place_id for p in overrides)
            raise GeocodeError(f"{name!r} ({country}) matches several places.csv rows: {ids}; give admin1")
        primary, alternate = self.gazetteer.candidates(name, country)
        if wanted_admin1:
            primary = [e for e in primary if e.admin1 == wanted_admin1]
            alternate = [e for e in alternate if e.admin1 == wanted_admin1]
        # Alternate names are a fallback only: GeoNames lists "Milan" among Syracuse's, and a bare US "Milan"
        # must stay ambiguous between the Milans, not become Syracuse.
        chosen = _pick(primary) if primary else _pick(alternate)
        if chosen is not None:
            return place_from_entry(chosen)
        candidates = primary or alternate
        where = f"{country}" + (f", admin1 {admin1}" if admin1 else "")
        if candidates:
            listed = "; ".join(
                f"{e.name} ({e.admin1 or '?'}, pop. {e.population:,}, GeoNames {e.geonameid})"
                for e in sorted(candidates, key=lambda e: -e.population)[:6]
            )
            raise GeocodeError(
                f"ambiguous place {name!r} in {where}: {len(candidates)} candidates ({listed}); "
                "give admin1 or pin it in places.csv",
                tuple(candidates),
            )
        hint = difflib.get_close_matches(name, self.gazetteer.names_in(country), n=3) if self.suggest else []
        suggestion = f" (did you mean {', '.join(repr(h) for h in hint)}?)" if hint else ""
        raise GeocodeError(f"unknown place {name!r} in {where}: not in the gazetteer nor places.csv{suggestion}")


def _pick(entries: list[GazetteerEntry]) -> GazetteerEntry | None:
    """The single entry, or the dominant one by population, or None."""
    ranked = _distinct_places(sorted(entries, key=lambda e: (-e.population, e.geonameid)))
    if len(ranked) == 1:
        return ranked[0]
    if not ranked:
        return None
    if ranked[0].population >= DOMINANCE * max(ranked[1].population, 1):
        return ranked[0]
    return None


def _distinct_places(ranked: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Drop entries within SAME_PLACE_KM of a bigger one in the same admin1: GeoNames sometimes records one town
    twice (a town and its seat, Komárno), which is not a real ambiguity."""
    kept: list[GazetteerEntry] = []
    for entry in ranked:
        if not any(
            k.admin1 == entry.admin1 and great_circle_km(k.lon, k.lat, entry.lon, entry.lat) <= SAME_PLACE_KM
            for k in kept
        ):
            kept.append(entry)
    return kept


def pair_key(place_a: str, place_b: str) -> tuple[str, str]:
    """The key of an unordered pair of places: A-B and B-A are the same tie."""
    first, second = sorted((place_a, place_b))
    return first, second


def canonical_admin1(country: str, admin1: str) -> str:
    """GeoNames' admin1 code for what an editor wrote: US states may be spelt out (Illinois -> IL)."""
    admin1 = admin1.strip()
    if country == "US" and len(admin1) > 2:
        return us_state_codes().get(normalise_name(admin1), admin1)
    return admin1.upper() if country == "US" else admin1


def place_from_entry(entry: GazetteerEntry, kind: str = "city") -> Place:
    """A Place for a gazetteer entry; its id is the GeoNames id."""
    return Place(
        place_id=str(entry.geonameid),
        name=entry.name,
        country=entry.country,
        admin1=entry.admin1,
        kind=kind,
        lat=entry.lat,
        lon=entry.lon,
        population=entry.population,
        alt_names=entry.alt_names,
        geonameid=entry.geonameid,
    )
