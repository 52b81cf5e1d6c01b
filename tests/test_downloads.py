"""/download/partnerships.csv and .geojson: the ties of the view in the query string; never a server error."""

from __future__ import annotations

import csv
import io
import json

import flask
import pytest

from dashboard.downloads import CSV_PATH, GEOJSON_PATH, register_downloads

REQUIRED = [
    "city_a",
    "country_a",
    "city_b",
    "country_b",
    "relation",
    "status",
    "since",
    "status_date",
    "aid_types",
    "sources",
]


@pytest.fixture
def client(mini_env):
    server = flask.Flask(__name__)
    register_downloads(server)
    return server.test_client()


def _csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_csv_has_the_columns_and_every_tie(client):
    response = client.get(CSV_PATH)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = _csv_rows(response)
    assert len(rows) == 6
    assert set(REQUIRED) <= set(rows[0])
    assert "attachment" in response.headers["Content-Disposition"]


def test_csv_takes_the_dashboard_query_string(client):
    rows = _csv_rows(client.get(CSV_PATH + "?status=suspended&country=US"))
    assert {(r["city_a"], r["city_b"]) for r in rows} == {("Chicago", "Moscow"), ("Anchorage", "Magadan")}
    assert {r["status_date"] for r in rows} == {"2022-03-01", "2023-04-07"}


def test_geojson_is_a_feature_collection_of_arcs(client):
    response = client.get(GEOJSON_PATH + "?city=Kiev")
    assert response.status_code == 200
    collection = json.loads(response.get_data(as_text=True))
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert set(REQUIRED) <= set(feature["properties"])
    assert feature["properties"]["city_b"] == "Warsaw"
    assert feature["geometry"]["type"] == "LineString"
    lon, lat = feature["geometry"]["coordinates"][0]
    assert lon == pytest.approx(30.52, abs=0.01) and lat == pytest.approx(50.45, abs=0.01)  # (lon, lat)


@pytest.mark.parametrize(
    "query, n_rows",
    [
        ("?status=bogus&from=abc", 6),  # nothing usable: every tie
        ("?status=suspended,bogus", 2),  # the usable part is applied
        ("?%ff=%fe%00&country=ZZZ", 6),
        ("?from=3000000000000", 6),
        ("?city=" + "%E2%82%AC" * 500, 0),
    ],
)
def test_a_bad_query_still_gives_a_valid_subset(client, query, n_rows):
    for path in (CSV_PATH, GEOJSON_PATH):
        response = client.get(path + query)
        assert response.status_code == 200
    assert len(_csv_rows(client.get(CSV_PATH + query))) == n_rows


def test_ignored_values_are_named_in_a_header(client):
    response = client.get(CSV_PATH + "?status=bogus")
    assert "bogus" in response.headers["X-Twinning-Notices"]
