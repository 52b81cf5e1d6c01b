"""Exports of a view (figure, standalone HTML, CSV, GeoJSON), their citation, and the /export and /embed routes."""

from __future__ import annotations

import csv
import io
import json
import re

import flask
import numpy as np
import pandas as pd
import pytest

from dashboard.export import routes
from dashboard.export.data import view_csv, view_geojson
from dashboard.export.embed import EMBED_PATH, is_embed_path, register_embed
from dashboard.export.figure import presentation_figure
from dashboard.export.pages import standalone_html
from dashboard.export.view import cite_view, read_view, sources_in_view

KYIV = "703448"
LINK = "https://atlas.example.org/"


def test_read_view_keeps_the_filters_place_and_map_view(mini_env):
    view = read_view(mini_env, "?status=suspended&place=703448&lon=30&zoom=2&title=T&bogus=1")
    assert int(view.mask.sum()) == 2
    assert view.link_query == "?status=suspended&place=703448&lon=30&zoom=2"  # no presentation options
    assert view.share.title == "T" and view.notices == ("unknown parameter “bogus”",)


def test_a_place_the_dataset_lacks_is_dropped(mini_env):
    assert read_view(mini_env, "?place=999999").share.place is None


def test_citation_counts_ties_and_distinct_sources(mini_env):
    view = read_view(mini_env, "?status=suspended")
    citation = cite_view(mini_env, view.mask, LINK + view.link_query, today="2026-01-02")
    assert (citation.ties, citation.sources) == (2, 2)
    assert citation.version == mini_env.layers.manifest["dataset_version"]
    text = citation.full_text()
    assert citation.version in text and "2 ties from 2 sources" in text
    assert text.endswith("https://atlas.example.org/?status=suspended Accessed 2 Jan 2026.")


@pytest.mark.parametrize(
    "size, expected", [("1920x1080", (1920, 1080)), ("1280x720", (1280, 720)), ("a4", (1123, 794))]
)
def test_presentation_figure_bakes_in_title_legend_and_sources(mini_env, size, expected):
    figure = presentation_figure(mini_env, f"?status=suspended&title=Suspended&size={size}&lon=20&zoom=2", link=LINK)
    layout = figure["layout"]
    assert (layout["width"], layout["height"]) == expected and layout["showlegend"] is True
    notes = {a["name"]: a["text"] for a in layout["annotations"]}
    assert notes["title"] == "<b>Suspended</b>" and "2 ties · status: Suspended" in notes["subtitle"]
    caption = notes["citation"]
    assert "GeoNames" in caption and mini_env.layers.manifest["dataset_version"] in caption and LINK in caption
    assert layout["geo"]["center"] == {"lon": 20.0} and layout["geo"]["projection"]["scale"] == 2.0
    assert any(t.get("mode") == "lines" for t in figure["data"])


def test_an_export_is_framed_to_its_ties_unless_the_link_pins_a_view(mini_env):
    framed = presentation_figure(mini_env, "?city=Kiev", link=LINK)["layout"]["geo"]
    assert framed["projection"]["scale"] > 2 and 20 < framed["center"]["lon"] < 32  # Kyiv - Warsaw, not the world
    whole = presentation_figure(mini_env, "", link=LINK)["layout"]["geo"]
    assert whole["projection"]["scale"] == 1.0  # all ties: the world


def test_the_legend_has_a_column_of_its_own_right_of_the_map(mini_env):
    layout = presentation_figure(mini_env, "?size=1280x720", link=LINK)["layout"]
    assert layout["legend"]["orientation"] == "v" and layout["legend"]["x"] > 1  # in the right margin
    assert layout["margin"]["autoexpand"] is False and layout["margin"]["r"] > 100


def test_presentation_figure_highlights_the_place_and_hides_the_legend_when_asked(mini_env):
    figure = presentation_figure(mini_env, f"?place={KYIV}&legend=0", link=LINK)
    assert figure["layout"]["showlegend"] is False
    assert any(t.get("mode") == "markers+text" for t in figure["data"])  # the selected place's marker


def test_standalone_html_is_self_contained(mini_env):
    page = standalone_html(mini_env, "?status=suspended&title=Offline%20map", link=LINK)
    assert '<h1 class="atlas-title">Offline map</h1>' in page
    assert "window.PlotlyGeoAssets = {topojson: {world_110m: " in page
    assert len(page) > 4_000_000  # plotly.js inline
    assert not re.search(r"<(script|link)[^>]+(src|href)=", page), "no external script or stylesheet"
    assert page.index("PlotlyGeoAssets") < page.index("atlas-figure")
    data = json.loads(re.search(r'id="atlas-figure">(.*?)</script>', page, re.S).group(1))
    assert data["config"]["responsive"] is True and data["layout"]["autosize"] is True
    assert "Accessed" in page and "GeoNames" in page  # the citation and attribution


def test_csv_is_plain_rfc_4180_that_pandas_reads_with_no_options(mini_env):
    body = view_csv(mini_env, "?status=suspended")
    assert not any(line.startswith("#") for line in body.splitlines())  # the citation travels elsewhere
    assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")  # CRLF records, RFC 4180 §2.1
    frame = pd.read_csv(io.StringIO(body))
    assert set(zip(frame["city_a"], frame["city_b"])) == {("Chicago", "Moscow"), ("Anchorage", "Magadan")}
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 2 and rows[0]["sources"].startswith("http")


def test_geojson_carries_the_citation(mini_env):
    collection = json.loads(view_geojson(mini_env, "?status=suspended", link=LINK))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 2
    assert collection["citation"]["ties"] == 2 and collection["citation"]["link"] == LINK
    assert collection["features"][0]["geometry"]["type"] in {"LineString", "MultiLineString"}


@pytest.fixture
def client(mini_env):
    server = flask.Flask(__name__)
    routes.register_exports(server)
    register_embed(server)
    return server.test_client()


ROUTES = [
    (routes.FIGURE_PATH, "application/json"),
    (routes.HTML_PATH, "text/html"),
    (routes.CSV_PATH, "text/csv"),
    (routes.GEOJSON_PATH, "application/geo+json"),
]
HOSTILE = "?lon=abc&zoom=1e9&place=%3Cx%3E&size=huge&legend=2&status=foo"


@pytest.mark.parametrize("path, mimetype", [*ROUTES, (EMBED_PATH, "text/html")])
def test_routes_answer_a_good_query_with_the_view(client, path, mimetype):
    response = client.get(path + "?status=suspended&lon=20")
    assert response.status_code == 200 and response.mimetype == mimetype
    if path != routes.CSV_PATH:  # plain CSV carries no citation
        assert "http://localhost/" in response.get_data(as_text=True)  # the view's link


@pytest.mark.parametrize("path", [path for path, _ in ROUTES])
def test_a_download_with_bad_values_is_refused_with_each_problem_listed(client, path):
    response = client.get(path + HOSTILE)
    assert response.status_code == 400 and response.mimetype == "text/plain"
    body = response.get_data(as_text=True)
    for word in ("lon", "zoom", "size", "legend", "“foo”"):
        assert word in body
    assert "Kiev" not in body and "Chicago" not in body  # never the rows


def test_the_embed_page_still_draws_what_it_could_read(client):
    response = client.get(EMBED_PATH + HOSTILE)
    assert response.status_code == 200 and "http://localhost/" in response.get_data(as_text=True)


def test_figure_route_gives_the_image_figure_with_the_local_base_map(client):
    figure = client.get(routes.FIGURE_PATH + "?status=suspended&size=1280x720").get_json()
    assert (figure["layout"]["width"], figure["layout"]["height"]) == (1280, 720)
    assert figure["config"]["topojsonURL"] == "/assets/"
    assert "http://localhost/?status=suspended" in figure["layout"]["annotations"][-1]["text"]


def test_embed_page_is_the_map_alone_and_may_be_framed(client):
    response = client.get(EMBED_PATH + "?status=suspended&title=Ties%20under%20strain&caption=0")
    page = response.get_data(as_text=True)
    assert "Content-Security-Policy" not in response.headers  # dashboard.security sets it, without frame-ancestors
    assert "X-Frame-Options" not in response.headers
    assert '<h1 class="atlas-title">Ties under strain</h1>' in page and "atlas-caption" not in page
    assert 'src="/embed/plotly.min.js"' in page and 'href="/embed/embed.css"' in page
    assert "<script>" not in page  # no inline script: the figure is a JSON data block
    for absent in ("filter-status", "ties-table", "_dash-config"):
        assert absent not in page
    figure = json.loads(re.search(r'id="atlas-figure">(.*?)</script>', page, re.S).group(1))
    assert figure["config"]["topojsonURL"] == "/assets/" and figure["config"]["displayModeBar"] is False


def test_embed_files(client):
    assert client.get(EMBED_PATH + "/embed.js").status_code == 200
    assert client.get(EMBED_PATH + "/plotly.min.js").mimetype == "text/javascript"
    assert client.get(EMBED_PATH + "/secrets.txt").status_code == 404


@pytest.mark.parametrize(
    "path, framed", [("/embed", True), ("/embed/plotly.min.js", True), ("/", False), ("/embedded", False)]
)
def test_is_embed_path(path, framed):
    assert is_embed_path(path) is framed


def test_sources_in_view_of_nothing_is_zero(mini_env):
    assert sources_in_view(mini_env, np.zeros(mini_env.index.size, dtype=bool)) == 0
