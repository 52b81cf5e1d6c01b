"""A view's ties as a Frictionless Data Package: `/download/partnerships.zip?<view>`.

The zip holds `partnerships.csv` (the plain CSV of `data`), `partnerships.geojson`, `datapackage.json` (a Table
Schema for every column with its vocabulary, the licences by source with the rows each covers, the view's link
and the dataset version) and `README.txt` with the citation. The citation rides here, not in the CSV.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

import numpy as np

from dashboard import text
from dashboard.dataset import Atlas
from dashboard.export.data import cited_geojson, partnerships_csv, ties_in_view
from dashboard.export.view import Citation, cite_view, read_view
from geodata import vocab

DATE = r"(\d{4}(-\d{2}(-\d{2})?)?~?|\d{3}0s)"  # 2022, 2022-03, 2022-03-01, 1961~ (about), 1970s
COUNTRY = r"[A-Z]{2}"


def words_pattern(words: dict[str, str]) -> str:
    """A pattern for a `;`-separated list of vocabulary words."""
    word = "(" + "|".join(re.escape(w) for w in words) + ")"
    return f"{word}(;{word})*"


def _listed(name: str) -> str:
    return f"`;`-separated words of the `{name}` vocabulary: " + "; ".join(
        f"{word} = {label}" for word, label in vocab.VOCABULARIES[name].items()
    )


def _enum(name: str) -> dict[str, Any]:
    return {"enum": list(vocab.VOCABULARIES[name])}


# (column, Table Schema type, description, constraints): every column of the download, in its order.
FIELDS: tuple[tuple[str, str, str, dict[str, Any]], ...] = (
    ("city_a", "string", "One end of the tie: the place's name as its source writes it", {"required": True}),
    ("country_a", "string", "ISO 3166-1 alpha-2 code of city_a's country", {"required": True, "pattern": COUNTRY}),
    ("city_b", "string", "The other end of the tie", {"required": True}),
    ("country_b", "string", "ISO 3166-1 alpha-2 code of city_b's country", {"required": True, "pattern": COUNTRY}),
    ("relation", "string", "Kind of tie (`relation` vocabulary)", {"required": True, **_enum("relation")}),
    ("status", "string", "Status of the tie (`status` vocabulary)", {"required": True, **_enum("status")}),
    ("since", "string", "When the tie began: year, month or day; `~` marks an approximate date", {"pattern": DATE}),
    ("status_date", "string", "When the status took effect (e.g. the date of a suspension)", {"pattern": DATE}),
    ("aid_types", "string", "What flowed through the tie: " + _listed("aid_type"), {}),
    ("themes", "string", "Themes a source of the tie gives: " + _listed("theme"), {}),
    ("conflicts", "string", "Conflicts a source of the tie gives: " + _listed("conflict"), {}),
    ("themes_derived", "string", "Themes a rule of derived_tags.csv gives, apart from the cited ones", {}),
    ("conflicts_derived", "string", "Conflicts a rule of derived_tags.csv gives, apart from the cited ones", {}),
    ("certainty", "string", "How sure the record is (`certainty` vocabulary)", _enum("certainty")),
    ("note", "string", "What the sources say of the tie, in a sentence", {}),
    ("sources", "string", "The pages the tie is cited from, separated by ` | `", {}),
    ("tier", "string", "cited: curated with a source per tie; listed: from Wikipedia / Wikidata lists", _enum("tier")),
    ("distance_km", "number", "Great-circle distance between the two places, in km", {"minimum": 0}),
    ("partnership_id", "string", "Stable identifier of the tie in this dataset", {"required": True, "unique": True}),
    ("listed_in", "string", "The lists a listed tie comes from (wikipedia, wikidata): they set its licence", {}),
)
LIST_COLUMNS: dict[str, str] = {  # column -> the vocabulary of its words
    "aid_types": "aid_type",
    "themes": "theme",
    "conflicts": "conflict",
    "themes_derived": "theme",
    "conflicts_derived": "conflict",
}
LICENCES: dict[str, dict[str, str]] = {
    "geonames": {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "GeoNames"},
    "wikipedia": {
        "name": "CC-BY-SA-4.0",
        "path": "https://creativecommons.org/licenses/by-sa/4.0/",
        "title": "Wikipedia lists of twin towns",
    },
    "wikidata": {"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/", "title": "Wikidata"},
}


def table_schema(columns: list[str]) -> dict[str, Any]:
    """The Table Schema of the CSV's columns."""
    fields = []
    for name, kind, description, constraints in FIELDS:
        if name not in columns:
            continue
        constraints = dict(constraints)
        if name in LIST_COLUMNS:
            constraints["pattern"] = words_pattern(vocab.VOCABULARIES[LIST_COLUMNS[name]])
        field: dict[str, Any] = {"name": name, "type": kind, "description": description}
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "primaryKey": ["partnership_id"], "missingValues": [""]}


def rows_by_licence(listed_in: np.ndarray, tier: np.ndarray) -> dict[str, int]:
    """How many rows of the view each source's licence covers (a row from both lists counts for both)."""
    lists = [str(v or "") for v in listed_in]
    return {
        "wikipedia": sum("wikipedia" in v for v in lists),
        "wikidata": sum("wikidata" in v for v in lists),
        "cited": int((tier == "cited").sum()),
        "geonames": len(lists),  # every row's coordinates come from GeoNames
    }


def package_licences(counts: dict[str, int]) -> list[dict[str, str]]:
    """The licences that apply to the rows of this view."""
    return [licence for key, licence in LICENCES.items() if counts.get(key)]


def package_sources(counts: dict[str, int]) -> list[dict[str, str]]:
    """Where the rows come from, with how many rows each gives."""
    sources = []
    if counts["cited"]:
        sources.append({"title": f"Curated records ({counts['cited']:,} rows): each row's `sources` cites its pages"})
    for key, title, path in (
        (
            "wikipedia",
            "Wikipedia lists of twin towns and sister cities",
            "https://en.wikipedia.org/wiki/Lists_of_twin_towns_and_sister_cities",
        ),
        (
            "wikidata",
            "Wikidata, property P190 (twinned administrative body)",
            "https://www.wikidata.org/wiki/Property:P190",
        ),
        ("geonames", "GeoNames gazetteer (coordinates of every place)", "https://www.geonames.org/"),
    ):
        if counts[key]:
            sources.append({"title": f"{title} ({counts[key]:,} rows)", "path": path})
    return sources


def datapackage(citation: Citation, columns: list[str], counts: dict[str, int]) -> dict[str, Any]:
    """The datapackage.json descriptor of a view's files."""
    return {
        "name": "twinning-atlas-view",
        "title": text.APP_TITLE,
        "description": citation.full_text(),
        "version": citation.version,
        "created": f"{citation.accessed}T00:00:00Z",  # the day of the download (a datetime, as the spec asks)
        "homepage": citation.link,
        "licenses": package_licences(counts),
        "sources": package_sources(counts),
        "resources": [
            {
                "name": "partnerships",
                "path": "partnerships.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "header": True},
                "schema": table_schema(columns),
            },
            {
                "name": "partnerships-arcs",
                "path": "partnerships.geojson",
                "format": "geojson",
                "mediatype": "application/geo+json",
                "encoding": "utf-8",
                "description": "The same ties as great-circle arcs (lon, lat; EPSG:4326)",
            },
        ],
    }


def readme(citation: Citation, counts: dict[str, int]) -> str:
    """README.txt: what the files are, how to cite them, under which licences."""
    licences = "\n".join(
        f"- {licence['title']}: {licence['name']} ({licence['path']}), {counts[key]:,} rows"
        for key, licence in LICENCES.items()
        if counts.get(key)
    )
    return (
        f"{text.APP_TITLE}: the ties of one view\r\n\r\n"
        f"Cite as:\r\n{citation.full_text()}\r\n\r\n"
        "Files:\r\n- partnerships.csv: one row per tie (RFC 4180 CSV, UTF-8)\r\n"
        "- partnerships.geojson: the same ties as great-circle arcs\r\n"
        "- datapackage.json: the columns, their vocabularies, the licences and sources (Frictionless Data)\r\n\r\n"
        f"Licences:\r\n{licences}\r\n"
        + (
            f"- Curated records: facts with their cited sources (column `sources`), {counts['cited']:,} rows\r\n"
            if counts["cited"]
            else ""
        )
        + f"\r\nView: {citation.link}\r\nDataset version: {citation.version}\r\n"
    )


def view_package(atlas: Atlas, query: str | None, *, link: str) -> bytes:
    """The zip of a view's data package."""
    view = read_view(atlas, query)
    frame = ties_in_view(atlas, view.mask)
    citation = cite_view(atlas, view.mask, link)
    counts = rows_by_licence(frame["listed_in"].to_numpy(), frame["tier"].to_numpy())
    columns = [c for c in frame.columns if c != "geometry"]
    buffer = io.BytesIO()
    # level 1: the GeoJSON of all ties is 55 MB; level 6 would take seconds longer for a few percent
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("partnerships.csv", partnerships_csv(frame))
        archive.writestr("partnerships.geojson", cited_geojson(frame, citation))
        archive.writestr(
            "datapackage.json", json.dumps(datapackage(citation, columns, counts), indent=2, ensure_ascii=False)
        )
        archive.writestr("README.txt", readme(citation, counts))
    return buffer.getvalue()
