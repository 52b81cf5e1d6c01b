"""The columns of each bundled CSV file: which exist, and which must be filled."""

from __future__ import annotations

from dataclasses import dataclass

LIST_SEPARATOR = ";"
SOURCE_SEPARATOR = " | "


@dataclass(frozen=True)
class TableSpec:
    """The expected header of one CSV file."""

    file_name: str
    columns: tuple[str, ...]
    required: frozenset[str]


PARTNERSHIPS = TableSpec(
    "partnerships.csv",
    (
        "city_a",
        "country_a",
        "admin1_a",
        "city_b",
        "country_b",
        "admin1_b",
        "relation",
        "status",
        "since",
        "status_date",
        "aid_types",
        "themes",
        "conflicts",
        "context",
        "disputed_dates",
        "certainty",
        "note",
        "sources",
    ),
    frozenset({"city_a", "country_a", "city_b", "country_b", "relation", "status", "sources"}),
)

AID_EVENTS = TableSpec(
    "aid_events.csv",
    (
        "donor",
        "donor_country",
        "donor_admin1",
        "recipient",
        "recipient_country",
        "recipient_admin1",
        "date",
        "aid_types",
        "description",
        "tonnes",
        "people",
        "euros",
        "usd",
        "units",
        "vehicles",
        "certainty",
        "note",
        "sources",
    ),
    frozenset({"donor", "donor_country", "recipient", "recipient_country", "aid_types", "description", "sources"}),
)

NETWORKS = TableSpec(
    "networks.csv",
    ("network_id", "name", "themes", "founded", "description", "sources"),
    frozenset({"network_id", "name", "sources"}),
)

NETWORK_MEMBERS = TableSpec(
    "network_members.csv",
    ("network_id", "city", "country", "admin1", "role", "since", "certainty", "note", "sources"),
    frozenset({"network_id", "city", "country", "sources"}),
)

PLACES = TableSpec(
    "places.csv",
    (
        "place_id",
        "name",
        "country",
        "admin1",
        "kind",
        "geonameid",
        "lat",
        "lon",
        "population",
        "alt_names",
        "note",
        "sources",
    ),
    frozenset({"place_id", "name", "country", "kind", "sources"}),
)

# Optional: the reviewed Ukrainian names (geodata/names.py); a place is a GeoNames id or a places.csv place_id.
PLACE_NAMES_UK = TableSpec(
    "place_names_uk.csv",
    ("geonameid", "place_id", "name", "name_uk", "source"),
    frozenset({"name", "name_uk", "source"}),
)

CITATION_AUDIT = TableSpec(
    "citation_audit.csv",
    ("file", "row", "source", "states", "checked", "verdict"),
    frozenset({"file", "row", "source", "states", "checked", "verdict"}),
)

REFUSED_DOMAINS = TableSpec(
    "refused_domains.csv",
    ("domain", "reason", "note"),
    frozenset({"domain", "reason"}),
)

# The rules that derive conflict and theme tags from what a tie is (geodata/derived.py).
DERIVED_TAGS = TableSpec(
    "derived_tags.csv",
    (
        "rule",
        "kind",
        "tag",
        "countries",
        "partner_countries",
        "relations",
        "aid_types",
        "in_force_from",
        "ended_from",
        "ended_to",
        "note",
    ),
    frozenset({"rule", "kind", "tag", "note"}),
)

# Ties whose status was searched for and not found (geodata/status_searches.py).
STATUS_SEARCHES = TableSpec(
    "status_searches.csv",
    ("city_a", "country_a", "city_b", "country_b", "searched", "checked"),
    frozenset({"city_a", "country_a", "city_b", "country_b", "searched", "checked"}),
)

ALL_TABLES: tuple[TableSpec, ...] = (PLACES, PARTNERSHIPS, AID_EVENTS, NETWORKS, NETWORK_MEMBERS, PLACE_NAMES_UK)

QUANTITY_COLUMNS: tuple[str, ...] = ("tonnes", "people", "euros", "usd", "units", "vehicles")
