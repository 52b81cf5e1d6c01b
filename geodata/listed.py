"""The "listed" tier: twin-town pairs from Wikipedia's lists and Wikidata's P190 edges, re-geocoded offline.

The scraped coordinates that came with the Wikipedia pairs are wrong for homonyms (Milan, US placed in Italy), so
every place is geocoded again with the project's geocoder. A scraped coordinate is used only as a hint to settle an
ambiguous name (the one candidate within 30 km), and to flag places that resolve far from where the source put them.
Wikidata's 2016 crawl gives item labels without countries: an edge is placed only where both labels name places of
the Wikipedia lists (the tie then carries both sources), or name exactly one such place each (marked uncertain).
Nothing is dropped silently: every pair or edge that cannot be placed is kept in `unresolved` with the reason.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from tqdm import tqdm

from geodata.arcs import great_circle_km
from geodata.borders import inside_country
from geodata.gazetteer import country_names, normalise_name, us_state_codes
from geodata.geocode import GeocodeError, Geocoder, Place, pair_key, place_from_entry

LISTED_DIR = "listed"
WIKIPEDIA_PAIRS = "wikipedia_twin_towns.csv"
WIKIPEDIA_COORDS = "wikipedia_twin_towns_source_coords.csv"
WIKIDATA_EDGES = "wikidata_p190_2016_edges.tsv"
WIKIDATA_LABELS = "wikidata_p190_2016_labels.tsv"
COUNTRY_ALIASES = "country_aliases.csv"
HOMONYMS = "homonyms.csv"
HINT_KM = 30.0
# A Wikidata label with no country is placed by name alone only if it names a big place that dwarfs every
# other place of that name in the world (Helsinki, Wien): the tie is then marked uncertain.
GLOBAL_MIN_POPULATION = 100_000
GLOBAL_DOMINANCE = 20.0
FAR_KM = 100.0


@dataclass
class ListedTie:
    """One unordered pair as the lists give it: who lists it, and where."""

    place_a: str
    place_b: str
    listed_by: set[str] = field(default_factory=set)
    sources: dict[str, None] = field(default_factory=dict)  # an ordered set
    in_wikipedia: bool = False
    in_wikidata: bool = False
    name_matched: bool = False  # placed from Wikidata labels among the listed places
    label_placed: bool = False  # one end placed from its label alone, by global dominance

    @property
    def key(self) -> tuple[str, str]:
        return pair_key(self.place_a, self.place_b)


@dataclass
class ListedImport:
    """What the lists gave: ties, the places they need, and what could not be placed and why."""

    ties: dict[tuple[str, str], ListedTie] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    unresolved: list[dict[str, str]] = field(default_factory=list)
    far_from_source: list[dict[str, object]] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)


def read_homonyms(path: Path) -> dict[tuple[str, str, str, str], tuple[str, str, str]]:
    """The reviewed homonym table: (name, country, partner, partner country) as the lists write them ->
    the (name, ISO2, admin1) the project's geocoder should resolve instead."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            (row["name"], row["country"], row["partner"], row["partner_country"]): (
                row["resolve_as"],
                row["resolve_as_country"],
                row["resolve_as_admin1"],
            )
            for row in csv.DictReader(handle)
        }


def read_country_aliases(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Country names as the lists write them -> the (ISO2, admin1) targets to try, in order."""
    aliases: dict[str, list[tuple[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            aliases[row["written"]] = [(code, row["admin1"]) for code in row["countries"].split(";")]
    return aliases


class ListedPlaceResolver:
    """Turns a (name, country) as the lists write them into a Place, trying the documented variants."""

    def __init__(
        self,
        geocoder: Geocoder,
        aliases: dict[str, list[tuple[str, str]]],
        source_coords: dict[tuple[str, str], tuple[float, float]],
        homonyms: dict[tuple[str, str, str, str], tuple[str, str, str]] | None = None,
    ):
        self.geocoder = geocoder
        self.homonyms = homonyms or {}
        self.aliases = aliases
        self.source_coords = source_coords
        self._by_country_name = {normalise_name(name): code for code, name in country_names().items()}
        self._cache: dict[tuple[str, str], Place | GeocodeError] = {}

    def countries(self, written_country: str, written_name: str) -> list[tuple[str, str]]:
        """Which (ISO2, admin1) a written country means; a blank one may hide in the name ("Varna, Bulgaria")."""
        if written_country in self.aliases:
            return self.aliases[written_country]
        code = self._by_country_name.get(normalise_name(written_country))
        if code:
            return [(code, "")]
        if not written_country and "," in written_name:
            return self.countries(written_name.rsplit(",", 1)[1].strip(), "")
        return []

    def resolve_in_pair(self, written_name: str, written_country: str, partner: str, partner_country: str) -> Place:
        """Resolve one end of a pair: the reviewed homonym table, keyed by the partner, comes first."""
        pinned = self.homonyms.get((written_name, written_country, partner, partner_country))
        if pinned is not None:
            return self.geocoder.resolve(*pinned)
        return self.resolve(written_name, written_country)

    def resolve(self, written_name: str, written_country: str) -> Place:
        key = (written_name, written_country)
        if key not in self._cache:
            try:
                self._cache[key] = self._resolve(written_name, written_country)
            except GeocodeError as error:
                self._cache[key] = error
        result = self._cache[key]
        if isinstance(result, GeocodeError):
            raise result
        return result

    def _resolve(self, written_name: str, written_country: str) -> Place:
        targets = self.countries(written_country, written_name)
        if not targets:
            raise GeocodeError(f"unknown country {written_country!r}")
        hint = self.source_coords.get((written_name, written_country))
        # The scraped coordinate was looked up from the written name: it can settle "Suzhou, Jiangsu" but is only a
        # guess for a bare "Bloomington" (it put Bloomington, Illinois in Indiana), so bare names get no hint.
        qualified = any(mark in written_name for mark in (",", "(", " – "))
        first_error: GeocodeError | None = None
        for code, admin1 in targets:
            for name, name_admin1 in name_variants(written_name, code):
                try:
                    if hint is not None and qualified:
                        # source coordinates are (lat, lng); the geocoder takes lon first
                        return self.geocoder.resolve_near(name, code, name_admin1 or admin1, hint[1], hint[0], HINT_KM)
                    return self.geocoder.resolve(name, code, name_admin1 or admin1)
                except GeocodeError as error:
                    first_error = first_error or error
        assert first_error is not None
        if hint is not None and not first_error.candidates:
            return self._area_from_source(written_name, targets[0][0], hint, first_error)
        raise first_error

    def _area_from_source(
        self, written_name: str, country: str, hint: tuple[float, float], error: GeocodeError
    ) -> Place:
        """A place the gazetteer does not hold (a municipality, a district, a county), located by the list's own
        coordinate, but only where that coordinate lies in the stated country (so Milan, US in Italy is refused)."""
        lat, lon = hint
        inside = inside_country(lon, lat, country)
        if not inside:
            why = "lies outside" if inside is False else "cannot be checked against"
            raise GeocodeError(f"{error}; the list's coordinate ({lat:.4f}, {lon:.4f}) {why} {country}")
        slug = "-".join(normalise_name(written_name).split())
        return Place(f"area:{country}:{slug}", written_name, country, "", "area", lat, lon, 0, (), None)


def name_variants(written: str, country: str) -> list[tuple[str, str]]:
    """The names to try for a listed place, with an admin1 where the name carries a US state.

    "Córdoba, Bolívar" -> itself, then "Córdoba"; "Setagaya (Tokyo)" -> itself, then "Setagaya";
    "Arrasate/Mondragón" -> each part; "Springfield, Illinois" -> "Springfield" in IL.
    """
    variants: list[tuple[str, str]] = [(written.strip(), "")]
    base = written.split("(")[0].strip()
    if base and base != written:
        variants.append((base, ""))
    if "," in base:
        head, tail = (part.strip() for part in base.split(",", 1))
        state = us_state_codes().get(normalise_name(tail), "") if country == "US" else ""
        variants.append((head, state))
    if "/" in base:
        variants += [(part.strip(), "") for part in base.split("/") if part.strip()]
    return list(dict.fromkeys(variants))


def _wikipedia_source(written_country: str) -> str:
    page_country = written_country.split(",")[0].strip() or "the world"
    return "https://en.wikipedia.org/wiki/" + quote(
        f"List_of_twin_towns_and_sister_cities_in_{page_country}".replace(" ", "_")
    )


def _read_source_coords(path: Path) -> dict[tuple[str, str], tuple[float, float]]:
    coords: dict[tuple[str, str], tuple[float, float]] = {}
    if not path.exists():
        return coords
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for side in ("1", "2"):
                try:
                    point = (float(row[f"lat{side}"]), float(row[f"lng{side}"]))
                except (TypeError, ValueError):
                    continue
                coords.setdefault((row[f"city{side}"], row[f"country{side}"]), point)
    return coords


def import_listed(folder: Path, geocoder: Geocoder, progress: bool = True) -> ListedImport:
    """Import the Wikipedia pairs, then the Wikidata edges, from a dataset's `listed/` folder."""
    result = ListedImport()
    source_coords = _read_source_coords(folder / WIKIPEDIA_COORDS)
    resolver = ListedPlaceResolver(
        geocoder, read_country_aliases(folder / COUNTRY_ALIASES), source_coords, read_homonyms(folder / HOMONYMS)
    )
    _import_wikipedia(folder / WIKIPEDIA_PAIRS, resolver, result, progress)
    _flag_far_from_source(resolver, source_coords, result)
    if (folder / WIKIDATA_EDGES).exists():
        _import_wikidata(folder / WIKIDATA_EDGES, folder / WIKIDATA_LABELS, resolver, result, progress)
    return result


def _import_wikipedia(path: Path, resolver: ListedPlaceResolver, result: ListedImport, progress: bool) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    resolved = 0
    for number, row in enumerate(
        tqdm(
            rows, desc="geocoding Wikipedia pairs", unit="pair", file=sys.stderr, disable=not progress, mininterval=0.5
        ),
        start=2,
    ):
        ends = []
        for side, other in (("1", "2"), ("2", "1")):
            name, country = row[f"city{side}"].strip(), row[f"country{side}"].strip()
            try:
                ends.append(
                    resolver.resolve_in_pair(name, country, row[f"city{other}"].strip(), row[f"country{other}"].strip())
                )
            except GeocodeError as error:
                result.unresolved.append(
                    {
                        "source": path.name,
                        "row": str(number),
                        "side": side,
                        "name": name,
                        "country": country,
                        "reason": str(error),
                    }
                )
        if len(ends) != 2:
            continue
        page, partner = ends
        if page.place_id == partner.place_id:
            result.unresolved.append(
                {
                    "source": path.name,
                    "row": str(number),
                    "side": "",
                    "name": page.name,
                    "country": page.country,
                    "reason": "both ends resolve to the same place",
                }
            )
            continue
        resolved += 1
        tie = result.ties.setdefault(
            pair_key(page.place_id, partner.place_id), ListedTie(page.place_id, partner.place_id)
        )
        tie.in_wikipedia = True
        tie.listed_by.add(page.place_id)  # the pair sits on the page (or list section) of its first city
        tie.sources[_wikipedia_source(row["country1"])] = None
        result.places[page.place_id] = page
        result.places[partner.place_id] = partner
    result.stats.update(wikipedia_pairs=len(rows), wikipedia_resolved=resolved)


def _flag_far_from_source(resolver: ListedPlaceResolver, source_coords: dict, result: ListedImport) -> None:
    for (name, country), (lat, lng) in source_coords.items():
        try:
            place = resolver.resolve(name, country)
        except GeocodeError:
            continue
        if not place.has_location:
            continue
        distance = great_circle_km(place.lon, place.lat, lng, lat)
        if distance > FAR_KM:
            result.far_from_source.append(
                {
                    "name": name,
                    "country": country,
                    "resolved_as": f"{place.name}, {place.admin1}, {place.country}",
                    "resolved_lat": round(place.lat, 4),
                    "resolved_lon": round(place.lon, 4),
                    "source_lat": lat,
                    "source_lon": lng,
                    "km": round(distance),
                }
            )
    result.far_from_source.sort(key=lambda r: -r["km"])


def _import_wikidata(
    edges_path: Path, labels_path: Path, resolver: ListedPlaceResolver, result: ListedImport, progress: bool
) -> None:
    labels: dict[str, str] = {}
    with labels_path.open(encoding="utf-8") as handle:
        for line in handle:
            qid, _, label = line.rstrip("\n").partition("\t")
            labels[qid] = label
    by_name: dict[str, set[str]] = defaultdict(set)
    for place in result.places.values():
        for name in (place.name, *place.alt_names):
            by_name[normalise_name(name)].add(place.place_id)
    for (written, _country), place in _resolved_written_names(resolver):
        if place.place_id in result.places:
            by_name[normalise_name(written)].add(place.place_id)
    with edges_path.open(encoding="utf-8") as handle:
        edges = [line.split() for line in handle if line.strip()]
    placed = 0
    label_placed: set[str] = set()
    for number, edge in enumerate(
        tqdm(
            edges, desc="matching Wikidata edges", unit="edge", file=sys.stderr, disable=not progress, mininterval=0.5
        ),
        start=1,
    ):
        source_id, target_id = edge[0], edge[1]
        names = (labels.get(source_id, ""), labels.get(target_id, ""))
        candidates = [by_name.get(normalise_name(n), set()) if n else set() for n in names]
        for side, name in enumerate(names):
            if name and not candidates[side]:
                place = _globally_dominant(resolver.geocoder, name)
                if place is not None:
                    result.places.setdefault(place.place_id, place)
                    candidates[side] = {place.place_id}
                    label_placed.add(place.place_id)
        tie = _match_edge(candidates, result, label_placed)
        if tie is None:
            reason = _edge_reason(names, candidates)
            result.unresolved.append(
                {
                    "source": edges_path.name,
                    "row": str(number),
                    "side": "",
                    "name": f"{names[0] or source_id} -> {names[1] or target_id}",
                    "country": "",
                    "reason": reason,
                }
            )
            continue
        placed += 1
        tie.in_wikidata = True
        source_place = tie.place_a if tie.place_a in candidates[0] else tie.place_b
        tie.listed_by.add(source_place)
        tie.sources[f"https://www.wikidata.org/wiki/{source_id}"] = None
    result.stats.update(wikidata_edges=len(edges), wikidata_resolved=placed)


def _resolved_written_names(resolver: ListedPlaceResolver):
    return [(key, value) for key, value in resolver._cache.items() if isinstance(value, Place)]


def _globally_dominant(geocoder: Geocoder, label: str) -> Place | None:
    """The one big place a country-less label can mean, or None (see GLOBAL_DOMINANCE)."""
    entries = sorted(geocoder.gazetteer.anywhere(label), key=lambda e: -e.population)
    if not entries or entries[0].population < GLOBAL_MIN_POPULATION:
        return None
    if len(entries) > 1 and entries[0].population < GLOBAL_DOMINANCE * max(entries[1].population, 1):
        return None
    return place_from_entry(entries[0])


def _match_edge(candidates: list[set[str]], result: ListedImport, label_placed: set[str]) -> ListedTie | None:
    """The Wikipedia tie both labels name, else a new tie if each label names exactly one listed place."""
    first, second = candidates
    existing = [result.ties[pair_key(a, b)] for a in first for b in second if a != b and pair_key(a, b) in result.ties]
    if len(existing) == 1:
        return existing[0]
    if len(first) == 1 and len(second) == 1 and first != second and not existing:
        (a,), (b,) = first, second
        tie = result.ties.setdefault(pair_key(a, b), ListedTie(a, b))
        tie.name_matched = not tie.in_wikipedia
        tie.label_placed = bool({a, b} & label_placed)
        return tie
    return None


def _edge_reason(names: tuple[str, str], candidates: list[set[str]]) -> str:
    for name, found in zip(names, candidates):
        if not name:
            return "Wikidata item has no label in the 2016 crawl"
        if not found:
            return (
                f"label {name!r} names no place of the Wikipedia lists; the 2016 crawl gives no country, so it "
                "is not geocoded by name alone"
            )
        if len(found) > 1:
            return f"label {name!r} names {len(found)} places of the Wikipedia lists: ambiguous without a country"
    return "the labels match several Wikipedia ties"
