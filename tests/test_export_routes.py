"""/download/partnerships.csv and .geojson: the ties of the view in the query string; bad values refused (400)."""

from __future__ import annotations

import csv
import io
import json

import flask
import pytest

from dashboard.export.routes import CSV_PATH, GEOJSON_PATH, register_exports

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
    register_exports(server)
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
    "query",
    ["?status=bogus&from=abc", "?status=suspended,bogus", "?%ff=%fe%00&country=ZZZ", "?from=3000000000000"],
)
def test_a_bad_query_is_refused_never_answered_with_more_ties(client, query):
    for path in (CSV_PATH, GEOJSON_PATH):
        response = client.get(path + query)
        assert response.status_code == 400 and response.mimetype == "text/plain"
        assert "city_a" not in response.get_data(as_text=True)


def test_the_refusal_names_each_value_with_its_quotes_intact(client):
    body = client.get(CSV_PATH + "?status=bogus&country=ZZZ").get_data(as_text=True)
    lines = body.splitlines()
    assert any("“bogus”" in line for line in lines) and any("ZZZ" in line for line in lines)
    assert len([line for line in lines if line.startswith("- ")]) == 2


def test_a_search_that_matches_nothing_is_an_empty_file_not_an_error(client):
    response = client.get(CSV_PATH + "?city=" + "%E2%82%AC" * 50)
    assert response.status_code == 200 and len(_csv_rows(response)) == 0
