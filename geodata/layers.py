"""Turn validated records into GeoDataFrames (EPSG:4326): places, partnership arcs, aid events, networks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import Point

from geodata.arcs import arc_geometry, great_circle_km
from geodata.dates import parse_partial_date
from geodata.derived import derive_tags
from geodata.gazetteer import load_gazetteer
from geodata.geocode import Place, pair_key
from geodata.listed import ListedImport, ListedTie
from geodata.names import ukrainian_names
from geodata.schema import LIST_SEPARATOR, QUANTITY_COLUMNS, SOURCE_SEPARATOR
from geodata.status_searches import find_search
from geodata.validate import ValidatedData
from geodata.vocab import CLOSED_STATUSES

CRS = "EPSG:4326"

PARTNERSHIP_COLUMNS: tuple[str, ...] = (
    "partnership_id",
    "tier",
    "place_a",
    "city_a",
    "city_a_uk",
    "country_a",
    "admin1_a",
    "place_b",
    "city_b",
    "city_b_uk",
    "country_b",
    "admin1_b",
    "lon_a",
    "lat_a",
    "lon_b",
    "lat_b",
    "relation",
    "status",
    "since",
    "status_date",
    "from_year",
    "to_year",
    "aid_types",
    "themes",
    "conflicts",
    "themes_derived",
    "conflicts_derived",
    "context",
    "disputed_dates",
    "certainty",
    "note",
    "sources",
    "n_sources",
    "n_aid_events",
    "distance_km",
    "source_row",
    "listed_in",
    "listed_by_a",
    "listed_by_b",
    "one_sided",
)


@dataclass
class Layers:
    """Every layer of the dataset, plus what the build found wrong and when it was built."""

    places: gpd.GeoDataFrame
    partnerships: gpd.GeoDataFrame
    aid_events: gpd.GeoDataFrame
    network_members: gpd.GeoDataFrame
    networks: pd.DataFrame
    problems: list[str] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)


def partnership_id(place_a: str, place_b: str) -> str:
    """A stable id for the unordered pair: A-B and B-A get the same id."""
    return "--".join(pair_key(place_a, place_b))


def _joined(items: Any, separator: str = LIST_SEPARATOR) -> str:
    return separator.join(items)


def _year(text: str) -> float:
    return parse_partial_date(text).year_value if text else np.nan


def _to_year(status: str, status_date: str) -> float:
    """The year a tie stopped being in force (suspension or end), NaN while it still is."""
    if status in CLOSED_STATUSES and status_date:
        return float(parse_partial_date(status_date).year)
    return np.nan


def build_layers(data: ValidatedData, listed: ListedImport | None = None, *, arcs: bool = True) -> Layers:
    """Assemble all layers from validated records, merged with the listed tier where given.

    `arcs=False` leaves the ties without arc geometry (the costly part), for rows drawn from their end points.
    """
    listed = listed or ListedImport()
    places = {**listed.places, **data.places}
    # Every place's name in Ukrainian (or its Latin name): the `*_uk` columns the interface shows in Ukrainian.
    names_uk = ukrainian_names(places.values(), data.names_uk, load_gazetteer())
    events = _aid_events_frame(data, places, names_uk)
    partnerships = _partnerships_frame(
        data.partnerships, places, events, listed, names_uk, arcs, data.status_searches
    )
    for column, words in derive_tags(partnerships, data.tag_rules).items():
        partnerships[column] = words
    if not events.empty:
        tie_ids = set(partnerships["partnership_id"])
        events["partnership_id"] = [pid if pid in tie_ids else "" for pid in events["partnership_id"]]
    members = _members_frame(data, places, names_uk)
    networks = pd.DataFrame(
        [
            {**n, "themes": _joined(n["themes"]), "sources": _joined(n["sources"], SOURCE_SEPARATOR)}
            for n in data.networks
        ],
        columns=["network_id", "name", "themes", "founded", "description", "sources"],
    )
    if not members.empty:
        names = dict(zip(networks["network_id"], networks["name"]))
        themes = dict(zip(networks["network_id"], networks["themes"]))
        members.insert(1, "network", members["network_id"].map(names))
        members["themes"] = members["network_id"].map(themes)
    return Layers(
        places=_places_frame(places, partnerships, names_uk),
        partnerships=partnerships,
        aid_events=events,
        network_members=members,
        networks=networks,
        problems=[str(p) for p in data.problems],
    )


def _listed_columns(tie: ListedTie | None, place_a: str, place_b: str) -> dict[str, Any]:
    """Which lists hold a tie and which of its ends list it (a tie listed by one side only is one-sided)."""
    if tie is None:
        return {"listed_in": "", "listed_by_a": False, "listed_by_b": False, "one_sided": False}
    lists = [name for name, present in (("wikipedia", tie.in_wikipedia), ("wikidata", tie.in_wikidata)) if present]
    by_a, by_b = place_a in tie.listed_by, place_b in tie.listed_by
    return {"listed_in": _joined(lists), "listed_by_a": by_a, "listed_by_b": by_b, "one_sided": by_a != by_b}


def _listed_record(tie: ListedTie, places: dict[str, Place], search: str = "") -> dict[str, Any]:
    """A tie known only from the lists: no date, no status, the list pages as sources."""
    listers = sorted(places[p].name for p in tie.listed_by)
    lists = " and ".join(
        n for n, present in (("Wikipedia", tie.in_wikipedia), ("Wikidata (2016)", tie.in_wikidata)) if present
    )
    note = f"listed in {lists}, on the entries of {', '.join(listers)}; no date or status in the lists"
    if tie.name_matched:
        note += "; placed from Wikidata labels by name among the listed places (no country in the crawl)"
    if tie.label_placed:
        note += "; one end placed from its label alone, as the only big place of that name in the world"
    if search:
        note += f"; {search}"
    return {
        "place_a": tie.place_a,
        "place_b": tie.place_b,
        "relation": "sister_city",
        "status": "unknown",
        "since": "",
        "status_date": "",
        "aid_types": (),
        "themes": (),
        "conflicts": (),
        "context": (),
        "disputed_dates": (),
        "certainty": "uncertain" if tie.name_matched else "sourced",
        "note": note,
        "sources": tuple(tie.sources),
        "source_row": 0,
        "tier": "listed",
    }


def _partnerships_frame(
    records: list[dict],
    places: dict[str, Place],
    events: gpd.GeoDataFrame,
    listed: ListedImport,
    names_uk: dict[str, str],
    arcs: bool = True,
    searches: dict[frozenset, str] | None = None,
) -> gpd.GeoDataFrame:
    searches = searches or {}
    event_types: dict[str, list[str]] = {}
    event_counts: dict[str, int] = {}
    for pid, types in zip(events.get("partnership_id", []), events.get("aid_types", [])):
        event_types.setdefault(pid, []).extend(t for t in types.split(LIST_SEPARATOR) if t)
        event_counts[pid] = event_counts.get(pid, 0) + 1
    cited_keys = {pair_key(r["place_a"], r["place_b"]) for r in records}
    # The curated, cited tie wins where both exist; the lists then only add their provenance to it.
    listed_only = [
        _listed_record(t, places, find_search(searches, places[t.place_a], places[t.place_b]))
        for key, t in listed.ties.items()
        if key not in cited_keys
    ]
    rows, geometries = [], []
    for record in [*records, *listed_only]:
        a, b = places[record["place_a"]], places[record["place_b"]]
        pid = partnership_id(a.place_id, b.place_id)
        aid_types = tuple(dict.fromkeys([*record["aid_types"], *event_types.get(pid, [])]))
        rows.append(
            {
                "partnership_id": pid,
                "tier": record.get("tier", "cited"),
                "place_a": a.place_id,
                "city_a": a.name,
                "city_a_uk": names_uk[a.place_id],
                "country_a": a.country,
                "admin1_a": a.admin1,
                "place_b": b.place_id,
                "city_b": b.name,
                "city_b_uk": names_uk[b.place_id],
                "country_b": b.country,
                "admin1_b": b.admin1,
                "lon_a": a.lon,
                "lat_a": a.lat,
                "lon_b": b.lon,
                "lat_b": b.lat,
                "relation": record["relation"],
                "status": record["status"],
                "since": record["since"],
                "status_date": record["status_date"],
                "from_year": _year(record["since"]),
                "to_year": _to_year(record["status"], record["status_date"]),
                "aid_types": _joined(aid_types),
                "themes": _joined(record["themes"]),
                "conflicts": _joined(record["conflicts"]),
                "context": _joined(record["context"]),
                "disputed_dates": _joined(record["disputed_dates"]),
                "certainty": record["certainty"],
                "note": record["note"],
                "sources": _joined(record["sources"], SOURCE_SEPARATOR),
                "n_sources": len(record["sources"]),
                "n_aid_events": event_counts.get(pid, 0),
                # lat/lon order: shapely and GeoJSON are (x=lon, y=lat)
                "distance_km": round(great_circle_km(a.lon, a.lat, b.lon, b.lat), 1),
                "source_row": record["source_row"],
                **_listed_columns(listed.ties.get(pair_key(a.place_id, b.place_id)), a.place_id, b.place_id),
            }
        )
        geometries.append(arc_geometry(a.lon, a.lat, b.lon, b.lat) if arcs else None)
    return gpd.GeoDataFrame(rows, columns=list(PARTNERSHIP_COLUMNS), geometry=geometries, crs=CRS)


def _aid_events_frame(data: ValidatedData, places: dict[str, Place], names_uk: dict[str, str]) -> gpd.GeoDataFrame:
    rows, geometries = [], []
    for number, record in enumerate(data.aid_events, start=1):
        donor, recipient = places[record["donor_id"]], places[record["recipient_id"]]
        start = record["date"].split("/")[0]
        rows.append(
            {
                "event_id": f"aid-{number}",
                "partnership_id": partnership_id(donor.place_id, recipient.place_id) if donor.has_location else "",
                "donor_id": donor.place_id,
                "donor": donor.name,
                "donor_uk": names_uk[donor.place_id],
                "donor_country": donor.country,
                "donor_kind": donor.kind,
                "recipient_id": recipient.place_id,
                "recipient": recipient.name,
                "recipient_uk": names_uk[recipient.place_id],
                "recipient_country": recipient.country,
                "date": record["date"],
                "year": _year(start),
                "aid_types": _joined(record["aid_types"]),
                "description": record["description"],
                **{q: np.nan if record[q] is None else record[q] for q in QUANTITY_COLUMNS},
                "certainty": record["certainty"],
                "note": record["note"],
                "sources": _joined(record["sources"], SOURCE_SEPARATOR),
                "source_row": record["source_row"],
            }
        )
        geometries.append(
            arc_geometry(donor.lon, donor.lat, recipient.lon, recipient.lat) if donor.has_location else None
        )
    return gpd.GeoDataFrame(rows, geometry=geometries, crs=CRS)


def _members_frame(data: ValidatedData, places: dict[str, Place], names_uk: dict[str, str]) -> gpd.GeoDataFrame:
    rows, geometries = [], []
    for record in data.network_members:
        place = places[record["place_id"]]
        rows.append(
            {
                "network_id": record["network_id"],
                "place_id": place.place_id,
                "city": place.name,
                "city_uk": names_uk[place.place_id],
                "country": place.country,
                "role": record["role"],
                "since": record["since"],
                "certainty": record["certainty"],
                "note": record["note"],
                "sources": _joined(record["sources"], SOURCE_SEPARATOR),
            }
        )
        geometries.append(Point(place.lon, place.lat) if place.has_location else None)
    return gpd.GeoDataFrame(rows, geometry=geometries, crs=CRS)


def _places_frame(
    places: dict[str, Place], partnerships: gpd.GeoDataFrame, names_uk: dict[str, str]
) -> gpd.GeoDataFrame:
    tie_counts = pd.concat([partnerships["place_a"], partnerships["place_b"]]).value_counts()
    rows, geometries = [], []
    for place in sorted(places.values(), key=lambda p: p.place_id):
        rows.append(
            {
                "place_id": place.place_id,
                "name": place.name,
                "name_uk": names_uk[place.place_id],
                "country": place.country,
                "admin1": place.admin1,
                "kind": place.kind,
                "population": place.population,
                "geonameid": place.geonameid if place.geonameid is not None else pd.NA,
                "alt_names": _joined(_useful_alt_names(place.alt_names)),
                "n_ties": int(tie_counts.get(place.place_id, 0)),
                "method": place.method,  # how the geocoder chose it (geodata.geocode, geodata.context)
            }
        )
        geometries.append(Point(place.lon, place.lat) if place.has_location else None)
    frame = gpd.GeoDataFrame(rows, geometry=geometries, crs=CRS)
    frame["geonameid"] = frame["geonameid"].astype("Int64")
    return frame


def _useful_alt_names(names: tuple[str, ...]) -> list[str]:
    """Alternate names worth searching by: Latin and Cyrillic spellings (Kiev, Lemberg, Київ), no codes."""
    keep = []
    for name in names:
        if len(name) < 3 or name.isupper() or ";" in name:
            continue
        if all(ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u0400" <= ch <= "\u04ff" for ch in name):
            keep.append(name)
    return keep
