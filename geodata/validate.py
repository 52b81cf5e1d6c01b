"""Validate the bundled CSV files (or a folder of the same layout) into clean records plus every problem.

A row with any problem is left out of the clean records and reported with its file, row and column; every other
row is kept. Nothing is coerced silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geodata import cells, schema, vocab
from geodata.citations import check_citations
from geodata.dates import DateFormatError, parse_date_span, parse_partial_date
from geodata.derived import TagRule, read_rules
from geodata.gazetteer import Gazetteer, load_gazetteer, normalise_name
from geodata.geocode import GeocodeError, Geocoder, Place, pair_key, place_from_entry
from geodata.names import read_name_overrides
from geodata.problems import Problem
from geodata.reading import Row, read_table
from geodata.schema import SOURCE_SEPARATOR
from geodata.status_searches import read_status_searches

Record = dict[str, Any]


@dataclass
class ValidatedData:
    """The clean records of a dataset folder, the places they refer to, and every problem found."""

    places: dict[str, Place] = field(default_factory=dict)
    partnerships: list[Record] = field(default_factory=list)
    aid_events: list[Record] = field(default_factory=list)
    networks: list[Record] = field(default_factory=list)
    network_members: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    overrides: list[Place] = field(default_factory=list)
    names_uk: dict[str, str] = field(default_factory=dict)  # reviewed Ukrainian names by place id
    tag_rules: list[TagRule] = field(default_factory=list)  # the rules of derived conflict and theme tags
    status_searches: dict[frozenset, str] = field(default_factory=dict)  # ends' names -> "no source found ..."


class _RowChecker:
    """Collects the problems of one row; each check returns the clean value or None."""

    def __init__(self, file: str, row: Row, problems: list[Problem]):
        self.file, self.row, self.problems = file, row, problems
        self.ok = True

    def fail(self, column: str, message: str) -> None:
        self.ok = False
        self.problems.append(Problem(self.file, self.row.number, column, message))

    def check(self, column: str, parse: Callable[[str], Any], *, required: bool = False, blank: Any = None) -> Any:
        value = self.row.get(column)
        if not value:
            if required:
                self.fail(column, f"missing value: {column} is required")
            return blank
        try:
            return parse(value)
        except (cells.CellError, DateFormatError) as error:
            self.fail(column, str(error))
            return blank

    def place(self, geocoder: Geocoder, name_col: str, country_col: str, admin1_col: str) -> Place | None:
        name, country = self.row.get(name_col), self.check(country_col, cells.country_code, required=True)
        if not name:
            self.fail(name_col, f"missing value: {name_col} is required")
            return None
        if country is None:
            return None
        try:
            return geocoder.resolve(name, country, self.row.get(admin1_col))
        except GeocodeError as error:
            self.fail(name_col, str(error))
            return None


def _year_span(text: str) -> str:
    return parse_partial_date(text).text


DISPUTABLE_FIELDS = ("since", "status_date")


def _disputed_dates(text: str) -> tuple[str, ...]:
    """`field=DATE` items, e.g. `since=1961;status_date=2022-03-02`: what other sources say."""
    items = []
    for item in (i.strip() for i in text.split(schema.LIST_SEPARATOR) if i.strip()):
        field_name, _, date = item.partition("=")
        if field_name.strip() not in DISPUTABLE_FIELDS or not date.strip():
            raise cells.CellError(f"disputed date {item!r} must be written since=DATE or status_date=DATE")
        items.append(f"{field_name.strip()}={parse_partial_date(date).text}")
    return tuple(items)


def _event_date(text: str) -> str:
    return parse_date_span(text).text


def _certainty(text: str) -> str:
    return cells.vocabulary_word(text, vocab.CERTAINTY, "certainty")


def validate_folder(folder: Path, gazetteer: Gazetteer | None = None) -> ValidatedData:
    """Read and check every file of a dataset folder; see the module docstring."""
    gazetteer = gazetteer or load_gazetteer()
    data = ValidatedData()
    data.overrides = overrides = _validate_places(folder, gazetteer, data.problems)
    data.names_uk = read_name_overrides(folder, gazetteer, overrides, data.problems)
    geocoder = Geocoder(gazetteer, overrides)
    _validate_partnerships(folder, geocoder, data)
    _validate_aid_events(folder, geocoder, data)
    network_ids = _validate_networks(folder, data)
    _validate_members(folder, geocoder, network_ids, data)
    _drop_uncited(folder, data)
    data.tag_rules = read_rules(folder, data.problems)
    data.status_searches = read_status_searches(folder, data.problems)
    data.problems.sort(key=lambda p: (p.file, p.row, p.column))
    return data


def _drop_uncited(folder: Path, data: ValidatedData) -> None:
    """Leave out every cited row whose citation fails the audit (a refused domain, an unread or wrong source)."""
    problems, failing = check_citations(folder)
    data.problems.extend(problems)
    for file_name, attribute in CITED_RECORDS:
        records = getattr(data, attribute)
        records[:] = [r for r in records if (file_name, r["source_row"]) not in failing]


CITED_RECORDS = (
    (schema.PARTNERSHIPS.file_name, "partnerships"),
    (schema.AID_EVENTS.file_name, "aid_events"),
    (schema.NETWORKS.file_name, "networks"),
    (schema.NETWORK_MEMBERS.file_name, "network_members"),
)


def _read(folder: Path, spec: schema.TableSpec, problems: list[Problem]) -> list[Row]:
    path = folder / spec.file_name
    if not path.exists():
        problems.append(Problem(spec.file_name, 0, "", "file is missing"))
        return []
    rows, read_problems = read_table(path, spec)
    problems.extend(read_problems)
    return rows


def _validate_places(folder: Path, gazetteer: Gazetteer, problems: list[Problem]) -> list[Place]:
    spec = schema.PLACES
    places: list[Place] = []
    seen_ids: set[str] = set()
    for row in _read(folder, spec, problems):
        c = _RowChecker(spec.file_name, row, problems)
        place_id = row.get("place_id")
        if not place_id:
            c.fail("place_id", "missing value: place_id is required")
        elif place_id in seen_ids:
            c.fail("place_id", f"duplicate place_id {place_id!r}")
        seen_ids.add(place_id)
        name = row.get("name") or c.fail("name", "missing value: name is required")
        country = c.check("country", cells.country_code, required=True)
        kind = c.check("kind", lambda v: cells.vocabulary_word(v, vocab.PLACE_KIND, "place kind"), required=True)
        c.check("sources", cells.sources, required=True)
        population = c.check("population", cells.quantity)
        alt_names = tuple(a.strip() for a in row.get("alt_names").split(schema.LIST_SEPARATOR) if a.strip())
        geonameid_text, lat_text, lon_text = row.get("geonameid"), row.get("lat"), row.get("lon")
        entry = None
        lat = lon = None
        if geonameid_text:
            if not geonameid_text.isdigit() or int(geonameid_text) not in gazetteer.by_id:
                c.fail("geonameid", f"GeoNames id {geonameid_text!r} is not in the gazetteer")
            else:
                entry = gazetteer.by_id[int(geonameid_text)]
                if country and entry.country != country:
                    c.fail(
                        "geonameid", f"GeoNames id {geonameid_text} ({entry.name}) is in {entry.country}, not {country}"
                    )
        if lat_text or lon_text:
            if entry is not None:
                c.fail("lat", "give either geonameid or lat/lon, not both")
            lat = c.check("lat", lambda v: cells.coordinate(v, 90, "latitude"), required=True)
            lon = c.check("lon", lambda v: cells.coordinate(v, 180, "longitude"), required=True)
        if kind == "group" and (entry is not None or lat is not None):
            c.fail("kind", "a group of places has no single location: leave geonameid, lat and lon blank")
        if kind and kind != "group" and entry is None and lat is None and c.ok:
            c.fail("geonameid", "a place needs a location: give a geonameid or lat/lon")
        if not c.ok:
            continue
        if entry is not None:
            base = place_from_entry(entry)
            # A pinned city keeps its GeoNames id; a county or port borrowing its seat's location gets its own id.
            pid = base.place_id if kind == "city" else place_id
            places.append(
                Place(
                    pid,
                    name,
                    country,
                    row.get("admin1") or entry.admin1,
                    kind,
                    entry.lat,
                    entry.lon,
                    int(population or entry.population),
                    alt_names,
                    entry.geonameid,
                )
            )
        else:
            places.append(
                Place(place_id, name, country, row.get("admin1"), kind, lat, lon, int(population or 0), alt_names, None)
            )
    return places


def _context_places(geocoder: Geocoder, text: str) -> list[Place]:
    places = []
    for item in (i.strip() for i in text.split(schema.LIST_SEPARATOR) if i.strip()):
        name, _, country = item.rpartition("/")
        if not name or len(country) != 2:
            raise cells.CellError(f"context item {item!r} must be written Name/CC, e.g. Odesa/UA")
        try:
            places.append(geocoder.resolve(name, country))
        except GeocodeError as error:
            raise cells.CellError(str(error)) from None
    return places


def _validate_partnerships(folder: Path, geocoder: Geocoder, data: ValidatedData) -> None:
    check_partnership_rows(
        _read(folder, schema.PARTNERSHIPS, data.problems), schema.PARTNERSHIPS.file_name, geocoder, data
    )


def override_places(folder: Path, gazetteer: Gazetteer) -> tuple[list[Place], list[Problem]]:
    """The reviewed override table (`places.csv`) of a dataset folder, and its problems."""
    problems: list[Problem] = []
    return _validate_places(folder, gazetteer, problems), problems


def check_partnership_rows(rows: list[Row], file_name: str, geocoder: Geocoder, data: ValidatedData) -> None:
    """Check partnership rows; add the clean ones (and their places) to `data`, every problem to its problems."""
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        c = _RowChecker(file_name, row, data.problems)
        a = c.place(geocoder, "city_a", "country_a", "admin1_a")
        b = c.place(geocoder, "city_b", "country_b", "admin1_b")
        record: Record = {
            "relation": c.check(
                "relation", lambda v: cells.vocabulary_word(v, vocab.RELATION, "relation"), required=True
            ),
            "status": c.check("status", lambda v: cells.vocabulary_word(v, vocab.STATUS, "status"), required=True),
            "since": c.check("since", _year_span, blank=""),
            "status_date": c.check("status_date", _year_span, blank=""),
            "aid_types": c.check("aid_types", lambda v: cells.vocabulary_list(v, vocab.AID_TYPE, "aid type"), blank=()),
            "themes": c.check("themes", lambda v: cells.vocabulary_list(v, vocab.THEME, "theme"), blank=()),
            "conflicts": c.check("conflicts", lambda v: cells.vocabulary_list(v, vocab.CONFLICT, "conflict"), blank=()),
            "context": c.check("context", lambda v: _context_places(geocoder, v), blank=[]),
            "disputed_dates": c.check("disputed_dates", _disputed_dates, blank=()),
            "certainty": c.check("certainty", _certainty, blank="sourced"),
            "note": row.get("note"),
            "sources": c.check("sources", cells.sources, required=True),
        }
        if a is not None and b is not None:
            if a.place_id == b.place_id:
                c.fail("city_b", f"a tie needs two different places; both ends are {a.name} ({a.country})")
            elif not (a.has_location and b.has_location):
                group = a if not a.has_location else b
                c.fail(
                    "city_a" if group is a else "city_b",
                    f"{group.name} is a group of places with no location: it can donate aid but not hold a tie",
                )
            else:
                key = pair_key(a.place_id, b.place_id)
                if key in seen:
                    c.fail(
                        "city_b",
                        f"duplicate tie {a.name} - {b.name}: same pair as row {seen[key]} "
                        "(A-B and B-A are the same tie)",
                    )
                else:
                    seen[key] = row.number
        if record["status_date"] and record["since"] and c.ok:
            if parse_partial_date(record["status_date"]).last_day < parse_partial_date(record["since"]).first_day:
                c.fail("status_date", f"status_date {record['status_date']} is before since {record['since']}")
        if not c.ok:
            continue
        for place in (a, b, *record["context"]):
            data.places[place.place_id] = place
        record.update(
            place_a=a.place_id,
            place_b=b.place_id,
            source_row=row.number,
            context=tuple(p.place_id for p in record["context"]),
        )
        data.partnerships.append(record)


def _validate_aid_events(folder: Path, geocoder: Geocoder, data: ValidatedData) -> None:
    spec = schema.AID_EVENTS
    for row in _read(folder, spec, data.problems):
        c = _RowChecker(spec.file_name, row, data.problems)
        donor = c.place(geocoder, "donor", "donor_country", "donor_admin1")
        recipient = c.place(geocoder, "recipient", "recipient_country", "recipient_admin1")
        record: Record = {
            "date": c.check("date", _event_date, blank=""),
            "aid_types": c.check(
                "aid_types", lambda v: cells.vocabulary_list(v, vocab.AID_TYPE, "aid type"), required=True, blank=()
            ),
            "description": c.check("description", str.strip, required=True),
            "certainty": c.check("certainty", _certainty, blank="sourced"),
            "note": row.get("note"),
            "sources": c.check("sources", cells.sources, required=True),
        }
        for column in schema.QUANTITY_COLUMNS:
            record[column] = c.check(column, cells.quantity)
        if recipient is not None and not recipient.has_location:
            c.fail("recipient", f"{recipient.name} is a group with no location: a recipient must be a place")
        if donor is not None and recipient is not None and donor.place_id == recipient.place_id:
            c.fail("recipient", "donor and recipient are the same place")
        if not c.ok:
            continue
        data.places[donor.place_id] = donor
        data.places[recipient.place_id] = recipient
        record.update(donor_id=donor.place_id, recipient_id=recipient.place_id, source_row=row.number)
        data.aid_events.append(record)


def _validate_networks(folder: Path, data: ValidatedData) -> set[str]:
    spec = schema.NETWORKS
    ids: set[str] = set()
    for row in _read(folder, spec, data.problems):
        c = _RowChecker(spec.file_name, row, data.problems)
        network_id = row.get("network_id")
        if not network_id or not network_id.replace("_", "").isalnum() or network_id != network_id.lower():
            c.fail("network_id", f"network_id {network_id!r} must be a lower-case slug such as c40")
        elif network_id in ids:
            c.fail("network_id", f"duplicate network_id {network_id!r}")
        record = {
            "network_id": network_id,
            "name": row.get("name") or c.fail("name", "missing value: name is required"),
            "themes": c.check("themes", lambda v: cells.vocabulary_list(v, vocab.THEME, "theme"), blank=()),
            "founded": c.check("founded", _year_span, blank=""),
            "description": row.get("description"),
            "sources": c.check("sources", cells.sources, required=True),
            "source_row": row.number,
        }
        if c.ok:
            ids.add(network_id)
            data.networks.append(record)
    return ids


def _validate_members(folder: Path, geocoder: Geocoder, network_ids: set[str], data: ValidatedData) -> None:
    spec = schema.NETWORK_MEMBERS
    seen: dict[tuple[str, str], int] = {}
    for row in _read(folder, spec, data.problems):
        c = _RowChecker(spec.file_name, row, data.problems)
        network_id = row.get("network_id")
        if network_id not in network_ids:
            c.fail("network_id", f"unknown network {network_id!r}: add it to networks.csv first")
        place = c.place(geocoder, "city", "country", "admin1")
        record = {
            "network_id": network_id,
            "role": row.get("role") or "member",
            "since": c.check("since", _year_span, blank=""),
            "certainty": c.check("certainty", _certainty, blank="sourced"),
            "note": row.get("note"),
            "sources": c.check("sources", cells.sources, required=True),
        }
        if place is not None:
            key = (network_id, place.place_id)
            if key in seen:
                c.fail("city", f"duplicate membership: {place.name} in {network_id} already on row {seen[key]}")
            seen[key] = row.number
        if not c.ok:
            continue
        data.places[place.place_id] = place
        record.update(place_id=place.place_id, source_row=row.number)
        data.network_members.append(record)


def join_sources(items: tuple[str, ...]) -> str:
    """Sources back to their one-cell form."""
    return SOURCE_SEPARATOR.join(items)


__all__ = [
    "ValidatedData",
    "validate_folder",
    "check_partnership_rows",
    "override_places",
    "join_sources",
    "normalise_name",
]
