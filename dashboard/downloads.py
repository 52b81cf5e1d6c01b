"""Flask routes that download the ties of a view: `/download/partnerships.csv` and `.geojson`.

They take the dashboard's query string; values that cannot be read are ignored (listed in the
`X-Twinning-Notices` header), so a bad link still returns 200 with the ties of what could be read.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from flask import Flask, Response, request

from dashboard.dataset import current_atlas
from dashboard.urlstate import parse_query

CSV_PATH = "/download/partnerships.csv"
GEOJSON_PATH = "/download/partnerships.geojson"
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
)


def partnerships_in_view(query: str) -> tuple[gpd.GeoDataFrame, tuple[str, ...]]:
    """The partnerships rows of a view (download columns and geometry), and the notices of its query."""
    parsed = parse_query(query)
    atlas = current_atlas()
    frame = atlas.layers.partnerships
    columns = [c for c in DOWNLOAD_COLUMNS if c in frame]
    return frame.loc[atlas.index.mask(parsed.view), [*columns, "geometry"]], parsed.notices


def partnerships_csv(frame: pd.DataFrame) -> str:
    """The rows as CSV text (no geometry; lists keep the dataset's `;` and ` | ` separators)."""
    return frame.drop(columns="geometry").to_csv(index=False)


def partnerships_geojson(frame: gpd.GeoDataFrame) -> str:
    """The rows as a GeoJSON FeatureCollection of great-circle arcs (lon, lat; EPSG:4326)."""
    return frame.to_json(na="null", show_bbox=False, drop_id=True, ensure_ascii=False)


def _response(body: str, mimetype: str, filename: str, notices: tuple[str, ...]) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    if notices:
        # Header values must be latin-1: keep notices readable but plain.
        response.headers["X-Twinning-Notices"] = "; ".join(notices).encode("ascii", "replace").decode()
    return response


def register_downloads(server: Flask) -> None:
    """Add the download routes to the app's Flask server."""

    @server.get(CSV_PATH)
    def download_csv() -> Response:
        frame, notices = partnerships_in_view(request.query_string.decode("utf-8", "replace"))
        return _response(partnerships_csv(frame), "text/csv", "partnerships.csv", notices)

    @server.get(GEOJSON_PATH)
    def download_geojson() -> Response:
        frame, notices = partnerships_in_view(request.query_string.decode("utf-8", "replace"))
        return _response(partnerships_geojson(frame), "application/geo+json", "partnerships.geojson", notices)
