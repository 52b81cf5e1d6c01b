"""Offline geocoding: a name + country (+ admin1) becomes one place, or a clear error. Never a guess.

Rules, in order:
1. The reviewed override table (`places.csv`) wins: homonyms pinned to a GeoNames id, and places that are not
   cities (a state, a county, a port authority, a group of donors).
2. Otherwise the GeoNames gazetteer: places in that country whose main name matches, or whose main name is the
   written name with more words (a current short form: Querétaro for Santiago de Querétaro, Lake Worth for Lake
   Worth Beach), or, only if none does, those whose alternate name matches (Kiev, Lemberg, Odessa, Київ). An
   alternate name that is the main name of a bigger place elsewhere is a historic one (Dartmouth for Jefferson,
   NH) and names nothing. admin1, when given, must match too.
3. Several matches: context chooses where the caller has some (`resolve_in_context`: the list's coordinate, the
   partner; geodata.context); else the place is taken only if it is dominant (at least DOMINANCE times the
   population of the next one, e.g. Moscow over villages called Moskva); otherwise the name is ambiguous and the
   error lists the candidates so an editor can add admin1 or a places.csv row.
Every Place says how it was chosen (`method`: override, admin1, unique, population, list_coordinates, ...).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from geodata.arcs import great_circle_km
from geodata.context import NEAR_KM, by_point
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
    method: str = ""  # how it was chosen: override, admin1, unique, population, list_coordinates, ...

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
        self._contenders: dict[tuple[str, str, str], tuple[list[Place], list[GazetteerEntry]]] = {}

    def resolve(self, name: str, country: str, admin1: str = "") -> Place:
        """Resolve one reference; raise GeocodeError saying why it cannot be."""
        key = (name.strip(), country.strip().upper(), admin1.strip())
        if key not in self._cache:
            self._cache[key] = self._resolve(*key)
        return self._cache[key]

    def resolve_in_context(
        self, name: str, country: str, admin1: str = "", choose: Callable[[list[GazetteerEntry]], tuple] | None = None
    ) -> Place:
        """Resolve like `resolve`, but let `choose` (candidates -> (entry, method) or None) settle several
        candidates before the population rule does: context first, population only where context says nothing."""
        key = (name.strip(), country.strip().upper(), admin1.strip())
        if choose is None:
            return self.resolve(*key)
        overrides, entries = self.contenders(*key)
        if overrides or len(entries) < 2:
            return self.resolve(*key)
        chosen = choose(entries)
        if chosen is None:
            return self.resolve(*key)
        entry, method = chosen
        return place_from_entry(entry, method=method)

    def alternate_near(self, name: str, country: str, admin1: str, point: tuple[float, float]) -> Place | None:
        """The place whose current alternate name is `name` where the list's point lies near it and far from every
        place of that main name (Naruto: GeoNames calls the Tokushima city Narutochō-mitsuishi; the only main-name
        Naruto is a former town in Chiba, 580 km away)."""
        overrides, entries = self.contenders(name, country, admin1)
        if overrides:
            return None
        wanted_admin1 = canonical_admin1(country, admin1)
        known = {e.geonameid for e in entries}
        _, alternate = self.gazetteer.candidates(name, country)
        current = [
            e
            for e in alternate
            if e.geonameid not in known
            and (not wanted_admin1 or e.admin1 == wanted_admin1)
            and not self._historic_alternate(name, e)
        ]
        current += [e for e in self._spellings_near(name, country, point) if e.geonameid not in known]
        if not current:
            return None
        pool = _distinct_places(sorted([*entries, *current], key=lambda e: (-e.population, e.geonameid)))
        chosen = by_point(pool, point)
        if chosen is None or chosen[0].geonameid in known:
            return None
        return place_from_entry(chosen[0], method="list_coordinates")

    def _spellings_near(self, name: str, country: str, point: tuple[float, float]) -> list[GazetteerEntry]:
        """Places near the list's point whose name is the written one spelt another way (Guryevsk, Gur'yevsk;
        Svetly, Svetlyy): the same letters once apostrophes, spaces and doubled letters are dropped."""
        wanted = spelling_key(name)
        return [
            e
            for e in self.gazetteer.near(point[0], point[1], NEAR_KM, country)
            if any(spelling_key(n) == wanted for n in (e.name, *e.alt_names))
        ]

    def contenders(self, name: str, country: str, admin1: str = "") -> tuple[list[Place], list[GazetteerEntry]]:
        """The places.csv rows, and else the distinct gazetteer places, that a reference may mean."""
        key = (name.strip(), country.strip().upper(), admin1.strip())
        if key not in self._contenders:
            self._contenders[key] = self._find_contenders(*key)
        return self._contenders[key]

    def _find_contenders(self, name: str, country: str, admin1: str) -> tuple[list[Place], list[GazetteerEntry]]:
        wanted_admin1 = canonical_admin1(country, admin1)
        overrides = [
            p
            for p in self._override_index.get((country, normalise_name(name)), [])
            if not wanted_admin1 or p.admin1 == wanted_admin1
        ]
        if overrides:
            return overrides, []
        primary, alternate = self.gazetteer.candidates(name, country)
        if wanted_admin1:
            primary = [e for e in primary if e.admin1 == wanted_admin1]
            alternate = [e for e in alternate if e.admin1 == wanted_admin1]
        short = [e for e in alternate if is_short_form(name, e.name)]
        if primary or short:
            return [], _distinct_places(sorted(primary + short, key=lambda e: (-e.population, e.geonameid)))
        # Alternate names are a fallback only: GeoNames lists "Milan" among Syracuse's, and a bare US "Milan"
        # must stay ambiguous between the Milans, not become Syracuse.
        current = [e for e in alternate if not self._historic_alternate(name, e)]
        return [], _distinct_places(sorted(current, key=lambda e: (-e.population, e.geonameid)))

    def _by_name_alone(self, name: str, country: str, entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
        """The candidates a name alone may choose among: a short form (Clichy for Clichy-sous-Bois) competes with
        the places whose main name it is only where it dwarfs them all (Santiago de Querétaro over a hamlet)."""
        main = [e for e in entries if normalise_name(e.name) == normalise_name(name) or not is_short_form(name, e.name)]
        if not main or len(main) == len(entries):
            return entries
        biggest_short = max(e.population for e in entries if e not in main)
        return entries if biggest_short >= DOMINANCE * max(max(e.population for e in main), 1) else main

    def _historic_alternate(self, name: str, entry: GazetteerEntry) -> bool:
        """Whether `name`, an alternate name of `entry`, is the main name of a place elsewhere DOMINANCE times
        bigger (Dartmouth, NS for Jefferson, NH); a renamed town keeps its old name (Novomoskovsk for Samar)."""
        return is_historic_name(name, entry.geonameid, entry.population, self.gazetteer)

    def _resolve(self, name: str, country: str, admin1: str) -> Place:
        if not name:
            raise GeocodeError("empty place name")
        overrides, entries = self.contenders(name, country, admin1)
        if len(overrides) == 1:
            return replace(overrides[0], method="override")
        if len(overrides) > 1:
            ids = ", ".join(p.place_id for p in overrides)
            raise GeocodeError(f"{name!r} ({country}) matches several places.csv rows: {ids}; give admin1")
        entries = self._by_name_alone(name, country, entries)
        if len(entries) == 1:
            return place_from_entry(entries[0], method="admin1" if admin1 else "unique")
        chosen = _pick(entries)
        if chosen is not None:
            return place_from_entry(chosen, method="population")
        where = f"{country}" + (f", admin1 {admin1}" if admin1 else "")
        if entries:
            listed = "; ".join(
                f"{e.name} ({e.admin1 or '?'}, pop. {e.population:,}, GeoNames {e.geonameid})" for e in entries[:6]
            )
            raise GeocodeError(
                f"ambiguous place {name!r} in {where}: {len(entries)} candidates ({listed}); "
                "give admin1 or pin it in places.csv",
                tuple(entries),
            )
        hint = difflib.get_close_matches(name, self.gazetteer.names_in(country), n=3) if self.suggest else []
        suggestion = f" (did you mean {', '.join(repr(h) for h in hint)}?)" if hint else ""
        raise GeocodeError(f"unknown place {name!r} in {where}: not in the gazetteer nor places.csv{suggestion}")


def is_historic_name(name: str, geonameid: int | None, population: int, gazetteer: Gazetteer) -> bool:
    """Whether `name`, an alternate name of a place, is the main name of one DOMINANCE times bigger elsewhere."""
    key = normalise_name(name)
    return any(
        normalise_name(other.name) == key and other.population >= DOMINANCE * max(population, 1)
        for other in gazetteer.anywhere(name)
        if other.geonameid != geonameid
    )


def spelling_key(name: str) -> str:
    """A name's letters with apostrophes, spaces and doubled letters dropped: transliterations' variants."""
    return re.sub(r"(.)\1+", r"\1", normalise_name(name).replace(" ", ""))


def is_short_form(written: str, main_name: str) -> bool:
    """Whether a main name is the written name with words added (Santiago de Querétaro for Querétaro)."""
    short, full = normalise_name(written).split(), normalise_name(main_name).split()
    if not short or len(full) <= len(short):
        return False
    return full[: len(short)] == short or full[-len(short) :] == short


def _pick(ranked: list[GazetteerEntry]) -> GazetteerEntry | None:
    """The single entry, or the dominant one by population, or None (`ranked`: distinct, biggest first)."""
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


def place_from_entry(entry: GazetteerEntry, kind: str = "city", method: str = "") -> Place:
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
        method=method,
    )
