"""The "listed" tier: twin-town pairs from Wikipedia's lists and Wikidata's P190 edges, re-geocoded offline.

The scraped coordinates that came with the Wikipedia pairs are one point per written name and country (the
list's own geocoding of the name: every Bloomington in Indiana, Milan, US in Italy), so every place is geocoded
again with the project's geocoder, end by end in the pair's context (geodata.context): the reviewed homonym table
(keyed by the partner) first; a qualifier in the name ("Kōtō (Tokyo)") keeps it in that city or region; the
partner settles it where one candidate lies near the partner and the others far (cross-border ties); the list's
point where it lies near one candidate and far from the others (so Milan, US, put in Italy, stays ambiguous). The
population rule decides only where the context does not; each place keeps the methods that chose it. Places drawn
far from their entry's point are flagged with the rule that explains them, if any (geodata.listed_points).
Wikidata's 2016 crawl gives item labels without countries: its items are matched to the places of the Wikipedia
lists (geodata.listed_wikidata). Nothing is dropped silently: every pair or edge that cannot be placed is kept in
`unresolved` with the reason.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

from tqdm import tqdm

from geodata.arcs import great_circle_km
from geodata.borders import inside_country
from geodata.context import QUALIFIER_REGION_KM, chooser, in_qualifier, qualifier_of
from geodata.gazetteer import country_names, normalise_name, us_state_codes
from geodata.geocode import GeocodeError, Geocoder, Place, pair_key, place_from_entry
from geodata.listed_points import (
    FAR_KM,
    FAR_REVIEWED,
    flag_far,
    read_far_reviewed,
    read_row_points,
    read_source_coords,
    region_points,
)

LISTED_DIR = "listed"
WIKIPEDIA_PAIRS = "wikipedia_twin_towns.csv"
WIKIPEDIA_COORDS = "wikipedia_twin_towns_source_coords.csv"
WIKIDATA_EDGES = "wikidata_p190_2016_edges.tsv"
WIKIDATA_LABELS = "wikidata_p190_2016_labels.tsv"
COUNTRY_ALIASES = "country_aliases.csv"
HOMONYMS = "homonyms.csv"
# Methods the tie's partner may overrule: the biggest place of that name, or the list's point for that name.
CONTEXT_OPEN = frozenset({"population", "list_coordinates"})
LonLat = tuple[float, float]


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
    written: dict[str, set[str]] = field(default_factory=dict)  # a written name (normalised) -> the places it meant
    far_keys: set[tuple[str, float, float]] = field(default_factory=set)
    far_reviewed: dict[tuple[str, str, str], str] = field(default_factory=dict)  # far_reviewed.csv
    region_points: set[LonLat] = field(default_factory=set)  # points the list gives to several names

    def add_place(self, place: Place) -> None:
        """Keep a place, adding the method that chose it this time to those that chose it before."""
        known = self.places.get(place.place_id)
        if known is None:
            self.places[place.place_id] = place
        elif place.method and place.method not in known.method.split(";"):
            self.places[place.place_id] = replace(known, method=f"{known.method};{place.method}".strip(";"))


def read_homonyms(path: Path) -> dict[tuple[str, str, str, str], tuple[str, str, str, str]]:
    """The reviewed homonym table: (name, country, partner, partner country) as the lists write them ->
    the (name, ISO2, admin1) the project's geocoder should resolve instead, and the note. A blank `resolve_as`
    leaves that end unplaced: the review found that the place the tie means is not in the gazetteer."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            (row["name"], row["country"], row["partner"], row["partner_country"]): (
                row["resolve_as"],
                row["resolve_as_country"],
                row["resolve_as_admin1"],
                row["note"],
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
        homonyms: dict[tuple[str, str, str, str], tuple[str, str, str, str]] | None = None,
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

    def resolve_in_pair(
        self,
        written_name: str,
        written_country: str,
        partner: tuple[str, str],
        point: LonLat | None = None,
        partner_at: LonLat | None = None,
    ) -> Place:
        """Resolve one end of a pair: the reviewed homonym table, keyed by the partner, comes first; then the
        partner's place (`partner_at`) and the list's point for the name choose among the candidates."""
        pinned = self.homonyms.get((written_name, written_country, *partner))
        if pinned is not None:
            name, country, admin1, note = pinned
            if not name:
                raise GeocodeError(f"left unplaced by review (homonyms.csv): {note}")
            return replace(self.geocoder.resolve(name, country, admin1), method="override")
        return self.resolve(written_name, written_country, point, partner_at)

    def resolve(
        self, written_name: str, written_country: str, point: LonLat | None = None, partner_at: LonLat | None = None
    ) -> Place:
        """Resolve a written (name, country) in the context given (the name by itself is cached); a reviewed
        override is never reopened by context."""
        key = (written_name, written_country)
        if key not in self._cache:
            try:
                self._cache[key] = self._resolve(written_name, written_country, None, None)
            except GeocodeError as error:
                self._cache[key] = error
        result = self._cache[key]
        if (point is not None or partner_at is not None) and not (
            isinstance(result, Place) and result.method == "override"
        ):
            return self._resolve(written_name, written_country, point, partner_at)
        if isinstance(result, GeocodeError):
            raise result
        return result

    def _resolve(
        self, written_name: str, written_country: str, point: LonLat | None, partner_at: LonLat | None
    ) -> Place:
        targets = self.countries(written_country, written_name)
        if not targets:
            raise GeocodeError(f"unknown country {written_country!r}")
        choose = chooser(point, partner_at)
        first_error: GeocodeError | None = None
        for code, admin1 in targets:
            for name, name_admin1 in name_variants(written_name, code):
                try:
                    place = self.geocoder.resolve_in_context(name, code, name_admin1 or admin1, choose)
                except GeocodeError as error:
                    first_error = first_error or error
                    continue
                place = self._nearer_alternate(place, name, code, name_admin1 or admin1, point)
                qualifier = self.qualifier(written_name, code)
                if qualifier is not None and name != written_name.strip():
                    kept = self._in_qualifier(place, name, code, name_admin1 or admin1, qualifier)
                    if kept is None:
                        first_error = GeocodeError(f"no place {name!r} in or near {qualifier.name} ({code})")
                        continue
                    place = kept
                return place
        assert first_error is not None
        hint = point or self._name_point(written_name, written_country)
        qualifier = self.qualifier(written_name, targets[0][0])
        if hint is not None and qualifier is not None and not in_qualifier(hint, qualifier):
            raise GeocodeError(f"{first_error}; the list's point is not in or near {qualifier.name}")
        if hint is not None and not first_error.candidates:
            return self._area_from_source(written_name, targets[0][0], hint, first_error)
        raise first_error

    def qualifier(self, written_name: str, country: str) -> Place | None:
        """The place a written name's parentheses name ("Kōtō (Tokyo)", "Perovo (Moscow)"), if it is one."""
        named = qualifier_of(written_name)
        if not named:
            return None
        try:
            place = self.geocoder.resolve(named, country)
        except GeocodeError:
            return None  # "(Samtgemeinde)", "(Gmina Nowy Targ)": not a place the gazetteer knows
        return place if place.has_location else None

    def _in_qualifier(self, place: Place, name: str, country: str, admin1: str, qualifier: Place) -> Place | None:
        """The place if it lies in or near its qualifier, else the one candidate of the name that does, else the
        place if it is within QUALIFIER_REGION_KM (the qualifier names a region: Vyborg (Saint Petersburg)), else
        None (Perovo (Moscow) is not Partizanskoye, Krasnoyarsk Krai, once called Perovo)."""
        if in_qualifier((place.lon, place.lat), qualifier, place.admin1):
            return place
        _, entries = self.geocoder.contenders(name, country, admin1)
        fitting = [e for e in entries if in_qualifier((e.lon, e.lat), qualifier, e.admin1)]
        if len(fitting) == 1:
            return place_from_entry(fitting[0], method="qualifier")
        near = great_circle_km(place.lon, place.lat, qualifier.lon, qualifier.lat) <= QUALIFIER_REGION_KM
        return place if near else None

    def _nearer_alternate(self, place: Place, name: str, country: str, admin1: str, point: LonLat | None) -> Place:
        """The place, unless the list's point lies far from it and near a place of that alternate name (Naruto)."""
        if point is None or not place.has_location or place.method == "override":
            return place
        if great_circle_km(place.lon, place.lat, *point) <= FAR_KM:
            return place
        return self.geocoder.alternate_near(name, country, admin1, point) or place

    def _name_point(self, written_name: str, written_country: str) -> LonLat | None:
        """The list's point for a written name, as (lon, lat), from any of its entries."""
        found = self.source_coords.get((written_name, written_country))
        return (found[1], found[0]) if found is not None else None

    def _area_from_source(self, written_name: str, country: str, hint: LonLat, error: GeocodeError) -> Place:
        """A place the gazetteer does not hold (a municipality, a district, a county), located by the list's own
        coordinate, but only where that coordinate lies in the stated country (so Milan, US in Italy is refused)."""
        lon, lat = hint
        inside = inside_country(lon, lat, country)
        if not inside:
            why = "lies outside" if inside is False else "cannot be checked against"
            raise GeocodeError(f"{error}; the list's coordinate ({lat:.4f}, {lon:.4f}) {why} {country}")
        slug = "-".join(normalise_name(written_name).split())
        return Place(f"area:{country}:{slug}", written_name, country, "", "area", lat, lon, 0, (), None, "area")


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


def import_listed(folder: Path, geocoder: Geocoder, progress: bool = True) -> ListedImport:
    """Import the Wikipedia pairs, then the Wikidata edges, from a dataset's `listed/` folder."""
    from geodata.listed_wikidata import import_wikidata  # it builds on this module's ListedImport

    result = ListedImport(
        far_reviewed=read_far_reviewed(folder / FAR_REVIEWED), region_points=region_points(folder / WIKIPEDIA_COORDS)
    )
    source_coords = read_source_coords(folder / WIKIPEDIA_COORDS)
    resolver = ListedPlaceResolver(
        geocoder, read_country_aliases(folder / COUNTRY_ALIASES), source_coords, read_homonyms(folder / HOMONYMS)
    )
    _import_wikipedia(folder / WIKIPEDIA_PAIRS, read_row_points(folder / WIKIPEDIA_COORDS), resolver, result, progress)
    result.far_from_source.sort(key=lambda r: (-int(r["km"]), str(r["name"])))
    if (folder / WIKIDATA_EDGES).exists():
        import_wikidata(folder / WIKIDATA_EDGES, folder / WIKIDATA_LABELS, resolver, result, progress)
    return result


def _resolve_ends(
    row: dict[str, str], points: tuple[LonLat | None, LonLat | None], resolver: ListedPlaceResolver
) -> tuple[list[Place | GeocodeError], list[tuple[str, str]]]:
    """Both ends of a pair: each by its name and its list point first; an end not settled for sure, again with
    its partner's place (geodata.context: a small Puebla near Huntington Park is still not Puebla)."""
    written = [(row["city1"].strip(), row["country1"].strip()), (row["city2"].strip(), row["country2"].strip())]
    ends: list[Place | GeocodeError] = []
    for side in (0, 1):
        try:
            ends.append(resolver.resolve_in_pair(*written[side], written[1 - side], points[side]))
        except GeocodeError as error:
            ends.append(error)
    for side in (0, 1):
        end, other = ends[side], ends[1 - side]
        if isinstance(other, Place) and other.has_location and _context_may_change(end):
            try:
                ends[side] = resolver.resolve_in_pair(
                    *written[side], written[1 - side], points[side], (other.lon, other.lat)
                )
            except GeocodeError as error:
                ends[side] = error
    return ends, written


def _context_may_change(end: Place | GeocodeError) -> bool:
    """Whether the partner may still settle an end: unplaced, or placed by the name or by the list's point for
    the name (the same for every entry of that name), never a reviewed override or a one-candidate name."""
    return isinstance(end, GeocodeError) or end.method in CONTEXT_OPEN


def _import_wikipedia(
    path: Path, row_points: dict, resolver: ListedPlaceResolver, result: ListedImport, progress: bool
) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    resolved = 0
    for number, row in enumerate(
        tqdm(
            rows, desc="geocoding Wikipedia pairs", unit="pair", file=sys.stderr, disable=not progress, mininterval=0.5
        ),
        start=2,
    ):
        key = (row["city1"], row["country1"], row["city2"], row["country2"])
        points = row_points.get(key, (None, None))
        ends, written = _resolve_ends(row, points, resolver)
        for side, end in enumerate(ends):
            if isinstance(end, GeocodeError):
                result.unresolved.append(_unresolved(path, number, str(side + 1), *written[side], str(end)))
        page, partner = ends
        if not isinstance(page, Place) or not isinstance(partner, Place):
            continue
        if page.place_id == partner.place_id:
            result.unresolved.append(
                _unresolved(path, number, "", page.name, page.country, "both ends resolve to the same place")
            )
            continue
        resolved += 1
        tie = result.ties.setdefault(
            pair_key(page.place_id, partner.place_id), ListedTie(page.place_id, partner.place_id)
        )
        tie.in_wikipedia = True
        tie.listed_by.add(page.place_id)  # the pair sits on the page (or list section) of its first city
        tie.sources[_wikipedia_source(row["country1"])] = None
        for side, place in enumerate(ends):
            result.add_place(place)
            result.written.setdefault(normalise_name(written[side][0]), set()).add(place.place_id)
            method_key = f"wikipedia_ends_by_{place.method or 'unknown'}"
            result.stats[method_key] = result.stats.get(method_key, 0) + 1
            flag_far(place, written[side], points[side], result, resolver.qualifier(written[side][0], place.country))
    result.stats.update(wikipedia_pairs=len(rows), wikipedia_resolved=resolved)


def _unresolved(path: Path, number: int, side: str, name: str, country: str, reason: str) -> dict[str, str]:
    return {"source": path.name, "row": str(number), "side": side, "name": name, "country": country, "reason": reason}
