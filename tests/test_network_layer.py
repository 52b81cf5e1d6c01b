"""The networks layer: member places as rings, one trace per network (never one per member), no arcs; filtered
by network and by theme; off unless asked for. On tiny hand-built frames, then through the map callback."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from dashboard import figures, text
from dashboard.callbacks import networks as network_callback
from geodata.filters import ViewFilter
from tests.drawing import update_map_drawn
from tests.test_callbacks import _flatten

ON = ViewFilter(layers=("networks",))
PLACE_CODES = {"kyiv": 0, "lviv": 1, "la": 2, "nyc": 3}


@pytest.fixture
def networks() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "network_id": ["eurocities", "c40", "strong"],
            "name": ["Eurocities", "C40 Cities", "Strong Cities Network"],
            "themes": ["solidarity;reconstruction", "climate", "social_cohesion"],
        }
    )


@pytest.fixture
def members() -> gpd.GeoDataFrame:
    rows = [  # network, place, city, country, role, since, certainty, sources, (lon, lat)
        ("eurocities", "kyiv", "Kyiv", "UA", "member", "", "sourced", "https://a | https://b", (30.52, 50.45)),
        ("eurocities", "lviv", "Lviv", "UA", "member", "2009", "sourced", "https://a", (24.02, 49.84)),
        ("c40", "la", "Los Angeles", "US", "member", "", "uncertain", "https://c", (-118.24, 34.05)),
        ("c40", "kyiv", "Kyiv", "UA", "observer", "", "sourced", "https://d", (30.52, 50.45)),
        ("strong", "nyc", "New York City", "US", "steering committee", "", "sourced", "https://e", (-74.0, 40.7)),
    ]
    frame = pd.DataFrame(
        [r[:8] for r in rows],
        columns=["network_id", "place_id", "city", "country", "role", "since", "certainty", "sources"],
    )
    frame.insert(1, "network", frame["network_id"].map({"eurocities": "Eurocities", "c40": "C40 Cities",
                                                          "strong": "Strong Cities Network"}))  # fmt: skip
    # lat/lon order: shapely points are (x=lon, y=lat)
    return gpd.GeoDataFrame(frame, geometry=[Point(*r[8]) for r in rows], crs="EPSG:4326")


def test_the_layer_is_off_unless_asked_for(members, networks):
    assert figures.network_traces(members, networks, ViewFilter(), PLACE_CODES) == []
    assert figures.network_key(members, networks, ViewFilter()) == []


def test_one_ring_trace_per_network_not_per_member(members, networks):
    traces = figures.network_traces(members, networks, ON, PLACE_CODES)
    assert [t["meta"] for t in traces] == ["eurocities", "c40", "strong"]  # networks-table order
    assert all(t["mode"] == "markers" and t["marker"]["symbol"] == "circle-open" for t in traces)
    assert [len(t["customdata"]) for t in traces] == [2, 2, 1]
    assert {t["legendgroup"] for t in traces} == {figures.NETWORK_GROUP}
    assert [t["showlegend"] for t in traces] == [True, False, False]  # one legend entry for the layer
    assert traces[0]["name"] == text.NETWORK_LEGEND_TITLE
    assert len({t["marker"]["color"] for t in traces}) == 3


def test_a_place_in_several_networks_gets_nested_rings(members, networks):
    traces = figures.network_traces(members, networks, ON, PLACE_CODES)
    sizes = {
        (t["meta"], code): size
        for t in traces
        for (code, _), size in zip(t["customdata"], figures.decode_typed_array(t["marker"]["size"]))
    }
    assert sizes[("c40", PLACE_CODES["kyiv"])] > sizes[("eurocities", PLACE_CODES["kyiv"])]
    assert sizes[("c40", PLACE_CODES["la"])] == sizes[("eurocities", PLACE_CODES["kyiv"])]


def test_the_hover_gives_network_role_since_sources_and_certainty(members, networks):
    eurocities, c40, _ = figures.network_traces(members, networks, ON, PLACE_CODES)
    lviv = eurocities["hovertext"][1]
    assert "<b>Eurocities</b>" in lviv and "Lviv (UA)" in lviv and "member · since 2009" in lviv
    assert "sources: 2" in eurocities["hovertext"][0]
    assert "uncertain" in next(h for h in c40["hovertext"] if "Los Angeles" in h)


@pytest.mark.parametrize(
    "view, shown",
    [
        (ViewFilter(layers=("networks",), networks=("c40",)), ["c40"]),
        (ViewFilter(layers=("networks",), themes=("climate", "social_cohesion")), ["c40", "strong"]),
        (ViewFilter(layers=("networks",), networks=("c40",), themes=("solidarity",)), []),
        (ViewFilter(layers=("networks",), networks=("no-such-network",)), []),
    ],
)
def test_filter_by_network_and_by_theme(members, networks, view, shown):
    assert [t["meta"] for t in figures.network_traces(members, networks, view, PLACE_CODES)] == shown
    assert [k.network_id for k in figures.network_key(members, networks, view)] == shown


def test_a_click_on_a_ring_opens_the_member_place(members, networks):
    from geodata.filters import PartnershipIndex
    from tests.test_figures import synthetic_partnerships

    frame, places = synthetic_partnerships(10)
    index = PartnershipIndex(frame, places)
    codes = {"kyiv": index.place_code_of["p2"]}
    ring = figures.network_traces(members, networks, ON, codes)[0]
    assert figures.clicked_target({"points": [{"customdata": ring["customdata"][0]}]}, index) == ("place", "p2")


def test_the_map_callback_draws_the_layer_without_arcs(mini_env):
    plain, *_ = update_map_drawn("", "status", None, None)
    layered, *_ = update_map_drawn("?show=networks", "status", None, None)
    rings = [t for t in layered["data"] if t.get("legendgroup") == figures.NETWORK_GROUP]
    assert len(rings) == 1 and rings[0]["meta"] == "c40"  # the mini dataset: one network, one member
    assert [t for t in plain["data"] if t.get("legendgroup") == figures.NETWORK_GROUP] == []
    lines = lambda fig: [t["name"] for t in fig["data"] if t["mode"] == "lines"]  # noqa: E731
    assert lines(layered) == lines(plain)  # the layer adds no arcs
    key = _flatten(network_callback.update_network_key("?show=networks"))
    assert "C40 Cities" in key and network_callback.update_network_key("") == []
