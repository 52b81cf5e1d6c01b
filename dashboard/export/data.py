"""The ties of a view as data files: CSV (plain RFC 4180) and GeoJSON (with the view's citation).

The table's "Download CSV" and the Export dialog's CSV are this one file. The citation does not ride in the
CSV (comment lines break `pandas.read_csv` and spreadsheets); it travels in the GeoJSON's `citation` member
and in the data package (`dashboard.export.package`).
"""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.dataset import Atlas
from dashboard.export.view import Citation, cite_view, read_view

DOWNLOAD_COLUMNS: tuple[str, ...] = (
    "city_a",
    "country_a",
    "city_b",
    "country_b",
    "relation",
    "status",
    "since",
    "status_date",
    "aid_types",
    "themes",
    "conflicts",
    "themes_derived",  # tags a rule of derived_tags.csv gives, apart from the cited ones
    "conflicts_derived",
    "certainty",
    "note",
    "sources",
    "tier",
    "distance_km",
    "partnership_id",
    "listed_in",  # wikipedia, wikidata: which licence a listed row is under
)


def ties_in_view(atlas: Atlas, mask: np.ndarray) -> gpd.GeoDataFrame:
    """The partnerships rows of a view: the download columns and geometry."""
    frame = atlas.layers.partnerships
    return frame.loc[mask, [c for c in DOWNLOAD_COLUMNS if c in frame] + ["geometry"]]


def partnerships_csv(frame: pd.DataFrame) -> str:
    """The rows as RFC 4180 CSV (CRLF, quotes doubled; no geometry; lists keep the dataset's `;` and ` | `)."""
    return frame.drop(columns="geometry").to_csv(index=False, lineterminator="\r\n")


def partnerships_geojson(frame: gpd.GeoDataFrame) -> str:
    """The rows as a GeoJSON FeatureCollection of great-circle arcs (lon, lat; EPSG:4326)."""
    return frame.to_json(na="null", show_bbox=False, drop_id=True, ensure_ascii=False)


def view_csv(atlas: Atlas, query: str | None) -> str:
    """The ties of a view as plain CSV."""
    return partnerships_csv(ties_in_view(atlas, read_view(atlas, query).mask))


def cited_geojson(frame: gpd.GeoDataFrame, citation: Citation) -> str:
    """The rows as a GeoJSON FeatureCollection with a top-level `citation` member (RFC 7946 §6.1)."""
    # spliced in as text: parsing and writing again the collection of all ties (55 MB) takes seconds
    collection = partnerships_geojson(frame)
    return '{"citation": ' + json.dumps(citation.as_dict(), ensure_ascii=False) + ", " + collection.lstrip()[1:]


def view_geojson(atlas: Atlas, query: str | None, *, link: str) -> str:
    """The ties of a view as GeoJSON, with the view's citation."""
    view = read_view(atlas, query)
    return cited_geojson(ties_in_view(atlas, view.mask), cite_view(atlas, view.mask, link))
