"""The map figure: one trace per category, NaN-separated float32 segments, a legend, an offline base map."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from dash._utils import to_json

from dashboard import figures
from dashboard.figures import hover_texts
from geodata.filters import PartnershipIndex, ViewFilter
from geodata.vocab import AID_TYPE

STATUSES = ["active", "suspended", "ended", "proposed", "unknown"]


def synthetic_partnerships(n: int, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """n ties between n // 2 random places, statuses and aid types cycling."""
    rng = np.random.default_rng(seed)
    n_places = max(2, n // 2)
    places = pd.DataFrame(
        {
            "place_id": [f"p{i}" for i in range(n_places)],
            "name": [f"Place {i}" for i in range(n_places)],
            "country": rng.choice(["UA", "PL", "US", "DE"], n_places),
            "alt_names": "",
            "n_ties": 1,
        }
    )
    lon, lat = rng.uniform(-180, 180, n_places), rng.uniform(-60, 75, n_places)
    a = rng.integers(0, n_places, n)
    b = (a + 1 + rng.integers(0, n_places - 1, n)) % n_places
    aid_words = list(AID_TYPE)
    frame = pd.DataFrame(
        {
            "partnership_id": [f"t{i}" for i in range(n)],
            "tier": "cited",
            "place_a": places["place_id"].to_numpy()[a],
            "place_b": places["place_id"].to_numpy()[b],
            "city_a": places["name"].to_numpy()[a],
            "city_b": places["name"].to_numpy()[b],
            "country_a": places["country"].to_numpy()[a],
            "country_b": places["country"].to_numpy()[b],
            "lon_a": lon[a],
            "lat_a": lat[a],
            "lon_b": lon[b],
            "lat_b": lat[b],
            "relation": "sister_city",
            "status": [STATUSES[i % len(STATUSES)] for i in range(n)],
            "since": "1990",
            "status_date": "",
            "from_year": 1990.0,
            "to_year": np.nan,
            "aid_types": [aid_words[i % 3] if i % 4 else "" for i in range(n)],
            "themes": "",
            "conflicts": "",
            "context": "",
        }
    )
    return frame, places


def make_figure(n: int, color_by: str = "status", **kwargs) -> tuple[dict, PartnershipIndex]:
    frame, places = synthetic_partnerships(n)
    index = PartnershipIndex(frame, places)
    figure = figures.map_figure(
        index,
        index.mask(ViewFilter()),
        color_by=color_by,
        tie_hover=hover_texts.tie_hover_texts(frame),
        place_labels=hover_texts.place_labels(places, index.place_ids),
        **kwargs,
    )
    return figure, index


def line_traces(figure: dict) -> list[dict]:
    return [t for t in figure["data"] if t["mode"] == "lines"]


@pytest.mark.parametrize("n", [50, 5000])
def test_one_trace_per_status_not_per_tie(n):
    figure, _ = make_figure(n)
    assert [t["name"] for t in line_traces(figure)] == ["Status unknown", "Ended", "Proposed", "Suspended", "Active"]
    # per status: its lines, and its midpoint markers and hover points when few; plus the places
    assert len(figure["data"]) <= 3 * len(STATUSES) + 1


def test_segments_are_nan_separated_float32_pairs():
    figure, index = make_figure(40)
    active = next(t for t in line_traces(figure) if t["legendgroup"] == "active")
    lon, lat = figures.decode_typed_array(active["lon"]), figures.decode_typed_array(active["lat"])
    assert lon.dtype == np.float32 and lat.dtype == np.float32
    assert len(lon) == 3 * 8  # 40 ties, every fifth active: A, B, NaN each
    assert np.isnan(lon[2::3]).all() and not np.isnan(lon[0::3]).any() and not np.isnan(lon[1::3]).any()
    rows = np.flatnonzero(index.status_code == index.statuses.index("active"))
    np.testing.assert_array_equal(lon[0::3], index.lon_a[rows])
    np.testing.assert_array_equal(lat[1::3], index.lat_b[rows])


def test_arc_segments_helper():
    frame, places = synthetic_partnerships(6)
    index = PartnershipIndex(frame, places)
    lon, lat = figures.arc_segments(index, np.array([0, 3]))
    assert lon.dtype == np.float32 and len(lon) == 6 and np.isnan(lon[[2, 5]]).all()


def test_line_styles_set_closed_and_proposed_ties_apart():
    figure, _ = make_figure(50)
    style = {t["legendgroup"]: t["line"]["dash"] for t in line_traces(figure)}
    assert style["active"] == "solid"
    assert style["suspended"] != "solid" and style["ended"] != "solid" and style["proposed"] != "solid"
    assert len({style["suspended"], style["ended"], style["proposed"]}) == 3


def test_colour_by_aid_type_has_one_legend_entry_per_aid_type():
    figure, _ = make_figure(200, color_by="aid")
    shown = [t["name"] for t in line_traces(figure) if t["showlegend"]]
    assert shown == ["No aid recorded", *[AID_TYPE[w] for w in list(AID_TYPE)[:3]]]
    assert figure["layout"]["legend"]["title"]["text"] == "Aid type"
    # Closed ties keep a dashed line within their aid type's legend group.
    groups = {(t["legendgroup"], t["line"]["dash"]) for t in line_traces(figure)}
    assert (list(AID_TYPE)[0], "dash") in groups and (list(AID_TYPE)[0], "solid") in groups


def test_tie_hover_markers_only_when_few_ties_are_in_view():
    few, _ = make_figure(100)
    many, _ = make_figure(figures.MIDPOINT_LIMIT + 10)
    midpoints = [t for t in few["data"] if t["mode"] == "markers" and t.get("uid", "").startswith("ties-")]
    assert sum(len(t["customdata"]) for t in midpoints) == 100
    assert all(c.startswith(figures.TIE_TOKEN) for t in midpoints for c in t["customdata"])
    assert not [t for t in many["data"] if t["mode"] == "markers" and t.get("legendgroup") != "places"]


def test_hovering_along_a_tie_finds_it_when_few_ties_are_in_view():
    few, index = make_figure(100)
    midpoints = {t["uid"]: t for t in few["data"] if t.get("uid", "").startswith("ties-")}
    along = [t for t in few["data"] if t.get("hoverinfo") == "none" and t.get("meta") in midpoints]
    assert {t["meta"] for t in along} == set(midpoints)  # every category's ties answer along their length
    for trace in along:
        positions = figures.decode_typed_array(trace["customdata"])
        tokens = midpoints[trace["meta"]]["customdata"]
        assert set(positions.tolist()) == set(range(len(tokens)))  # each point stands for a tie, every tie has one
        assert trace["marker"]["opacity"] == 0 and "text" not in trace  # invisible, and no text sent twice
    many, _ = make_figure(figures.ALONG_LIMIT + 10)
    assert not [t for t in many["data"] if t.get("hoverinfo") == "none"]


def test_place_markers_are_sized_by_ties_in_view():
    figure, index = make_figure(300)
    places = next(t for t in figure["data"] if t.get("legendgroup") == "places")
    sizes = figures.decode_typed_array(places["marker"]["size"])
    custom = np.asarray(places["customdata"])
    assert custom.shape == (len(sizes), 2)
    counts = custom[:, 1]
    assert (np.diff(sizes[np.argsort(counts)]) >= 0).all()  # more ties, bigger marker
    assert counts.sum() == 2 * 300


def test_selection_is_highlighted_on_top():
    figure, index = make_figure(100, selected_place="p3", selected_tie="t7")
    highlight = next(t for t in figure["data"] if t.get("legendgroup") == "selected")
    rows = figures.highlighted_rows(index, np.ones(index.size, bool), "p3", "t7")
    assert len(figures.decode_typed_array(highlight["lon"])) == 3 * len(rows)
    assert index.row_of("t7") in rows
    assert figure["data"][-1]["mode"] == "markers+text"  # the selected place's ring and name


def test_layout_keeps_pan_and_zoom_and_has_a_legend():
    figure, _ = make_figure(10)
    layout = figure["layout"]
    assert layout["geo"]["fitbounds"] is False
    assert layout["uirevision"] and layout["geo"]["uirevision"]
    assert layout["showlegend"] and layout["legend"]["title"]["text"] == "Status"


def test_graph_config_points_plotly_at_the_local_base_map():
    config = figures.graph_config("/assets/")
    assert config["topojsonURL"] == "/assets/"


@pytest.mark.parametrize(
    "click, expected",
    [
        ({"points": [{"customdata": [3, 12]}]}, ("place", "p3")),
        ({"points": [{"customdata": ["x", 1]}]}, None),
        ({"points": [{"customdata": "tie:t9"}]}, ("tie", "t9")),
        ({"points": [{"lon": 1}]}, None),
        (None, None),
        ({"points": [{"customdata": [10**6, 1]}]}, None),
    ],
)
def test_clicked_target(click, expected):
    _, index = make_figure(10)
    assert figures.clicked_target(click, index) == expected


def test_payload_at_25k_ties_is_under_100_bytes_per_arc():
    figure, _ = make_figure(25_000)
    payload = to_json(figure)
    assert len(payload) / 25_000 <= 100
    assert len(json.loads(payload)["data"]) < 12


def test_figure_assembly_is_fast_at_25k_ties():
    import time

    frame, places = synthetic_partnerships(25_000)
    index = PartnershipIndex(frame, places)
    hover, labels = hover_texts.tie_hover_texts(frame), hover_texts.place_labels(places, index.place_ids)
    view = ViewFilter(statuses=("active", "suspended", "ended"))
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        figures.map_figure(index, index.mask(view), tie_hover=hover, place_labels=labels)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.05
