"""Provenance everywhere: the tier filter and its URL key, the faint listed tier on the map, the tier in the hover,
the table, the counts and the city panel; on the mini dataset with its Wikipedia / Wikidata lists."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dashboard import figures, layout, summary, text
from dashboard import table as table_rows
from dashboard.city_panel import city_panel_data, render_city_panel
from dashboard.dataset import load_atlas
from dashboard.urlstate import control_values, parse_query, to_query, view_from_controls
from geodata.filters import ViewFilter
from tests.test_callbacks import _flatten

LISTED_FIXTURE = Path(__file__).parent / "fixtures" / "mini_listed"
KYIV = "703448"


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    """The mini dataset merged with its lists: 6 cited ties, 6 listed ones (Kyiv: Warsaw cited; Chisinau,
    Christchurch (listed by Christchurch only) and Helsinki (listed by Kyiv only, uncertain) listed)."""
    return load_atlas(LISTED_FIXTURE, tmp_path_factory.mktemp("provenance-build"))


def tie(atlas, a: str, b: str):
    ties = atlas.layers.partnerships
    hits = ties[ties.city_a.isin([a, b]) & ties.city_b.isin([a, b])]
    return hits.iloc[0]


# --- the URL and the controls -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query, view",
    [
        ("?tier=cited", ViewFilter(tiers=("cited",))),
        ("?tier=listed", ViewFilter(tiers=("listed",))),
        ("?show=networks", ViewFilter(layers=("networks",))),
        ("?network=eurocities,c40", ViewFilter(layers=("networks",), networks=("c40", "eurocities"))),  # shows it
        ("?theme=climate&show=networks", ViewFilter(themes=("climate",), layers=("networks",))),
    ],
)
def test_tier_and_network_keys_parse_and_round_trip(query, view):
    parsed = parse_query(query)
    assert parsed.view == view and parsed.notices == ()
    assert parse_query(to_query(view)).view == view


def test_the_canonical_link_orders_the_new_keys_last():
    view = ViewFilter(statuses=("active",), tiers=("cited",), layers=("networks",), networks=("c40", "eurocities"))
    assert to_query(view) == "?status=active&tier=cited&show=networks&network=c40,eurocities"


@pytest.mark.parametrize(
    "query, notice_word", [("?tier=curated", "curated"), ("?network=Not%20an%20id", "Not an id"), ("?show=x", "x")]
)
def test_bad_tier_and_network_values_become_notices(query, notice_word):
    parsed = parse_query(query)
    assert parsed.view.tiers == () and parsed.view.networks == ()
    assert any(notice_word in n for n in parsed.notices)


def test_the_ties_radio_shows_one_tier_or_all():
    assert control_values(ViewFilter(tiers=("listed",)))["tier"] == "listed"
    assert control_values(ViewFilter())["tier"] == ""
    assert control_values(ViewFilter(tiers=("cited", "listed")))["tier"] == ""  # both: the same as all
    assert view_from_controls({"tier": "cited"}).view == ViewFilter(tiers=("cited",))
    assert view_from_controls({"tier": ""}).view == ViewFilter()


def test_switching_the_network_layer_off_forgets_its_networks():
    on = view_from_controls({"show": ["networks"], "network": ["c40"]}).view
    assert on == ViewFilter(layers=("networks",), networks=("c40",))
    assert view_from_controls({"show": [], "network": ["c40"]}).view == ViewFilter()


# --- the tier filter, the counts and the hidden line ------------------------------------------------------
def test_cited_only_keeps_the_cited_ties_and_the_counts_say_so(atlas):
    index = atlas.index
    everything = index.mask(ViewFilter())
    cited = index.mask(ViewFilter(tiers=("cited",)))
    assert summary.tier_counts(index, everything) == {"cited": 6, "listed": 6}
    assert summary.tier_counts(index, cited) == {"cited": 6, "listed": 0}
    counts = index.counts(cited)
    line = summary.hidden_line(counts, index.hidden_by(ViewFilter(tiers=("cited",))))
    assert line == "Showing 6 of 12 ties; 6 hidden by: source tier (6)."
    strip = _flatten(summary.counts_strip(index.counts(everything), summary.tier_counts(index, everything)))
    assert "Cited 6" in strip and "Listed 6" in strip


# --- the map ----------------------------------------------------------------------------------------------
def _map(atlas, **kwargs) -> dict:
    """The map of every tie."""
    return figures.map_figure(
        atlas.index,
        atlas.index.mask(ViewFilter()),
        tie_hover=atlas.tie_hover,
        place_labels=atlas.place_labels,
        **kwargs,
    )


@pytest.mark.parametrize("color_by", ["status", "aid"])
def test_listed_ties_are_one_faint_thin_trace_under_the_cited_ones(atlas, color_by):
    figure = _map(atlas, color_by=color_by)
    lines = [t for t in figure["data"] if t["mode"] == "lines" and t["legendgroup"] != "selected"]
    drawn = [t for t in lines if isinstance(t["lon"], dict)]  # the legend key of the listed tier has no data
    listed = [t for t in drawn if t["legendgroup"] == figures.LISTED_KEY]
    cited = [t for t in drawn if t["legendgroup"] != figures.LISTED_KEY]
    assert len(listed) == 1 and drawn[0] is listed[0]  # first: drawn underneath
    assert len(figures.decode_typed_array(listed[0]["lon"])) == 3 * 6
    assert all(listed[0]["line"]["width"] < t["line"]["width"] for t in cited)
    assert all(listed[0]["opacity"] < t["opacity"] for t in cited)
    # Its legend entry is a darker key line that toggles the same group.
    key = [t for t in lines if t["legendgroup"] == figures.LISTED_KEY and t.get("showlegend", True)]
    assert len(key) == 1 and key[0]["name"] == text.LISTED_TRACE


def test_cited_places_are_prominent_and_listed_only_places_small_and_light(atlas):
    figure = _map(atlas)
    places = next(t for t in figure["data"] if t.get("legendgroup") == "places")
    codes = [c for c, _ in places["customdata"]]
    sizes = figures.decode_typed_array(places["marker"]["size"])
    cited_flag = figures.decode_typed_array(places["marker"]["color"])
    by_place = {str(atlas.place_labels[c]): (s, f) for c, s, f in zip(codes, sizes, cited_flag)}
    warsaw, christchurch = by_place["Warsaw (PL)"], by_place["Christchurch (GB)"]
    assert warsaw[1] == 1 and christchurch[1] == 0  # dark scale end vs light
    assert warsaw[0] > christchurch[0]
    assert list(cited_flag) == sorted(cited_flag)  # cited places drawn last, on top


def test_the_tie_hover_names_the_tier_the_lists_and_the_one_side(atlas):
    hover = {pid: h for pid, h in zip(atlas.index.partnership_ids, atlas.tie_hover)}
    assert "Cited · sources: 1 · also in Wikipedia, Wikidata" in hover[tie(atlas, "Kyiv", "Warsaw").partnership_id]
    christchurch = hover[tie(atlas, "Kyiv", "Christchurch").partnership_id]
    assert "Listed in Wikipedia · listed by Christchurch only" in christchurch
    assert "uncertain" in hover[tie(atlas, "Kyiv", "Helsinki").partnership_id]


def test_cited_ties_keep_their_hover_targets_when_the_listed_ones_are_too_many(atlas, monkeypatch):
    monkeypatch.setattr(figures, "MIDPOINT_LIMIT", 8)  # 12 ties in view, 6 of them cited
    markers = [t for t in _map(atlas)["data"] if t.get("uid", "").startswith("ties-")]
    tokens = [c for t in markers for c in t["customdata"]]
    assert len(tokens) == 6 and all(t.startswith(figures.TIE_TOKEN) for t in tokens)
    assert {t["legendgroup"] for t in markers}.isdisjoint({figures.LISTED_KEY})


# --- the table --------------------------------------------------------------------------------------------
def test_the_table_has_a_source_tier_an_uncertain_tag_and_the_lists(atlas):
    rows = {r["partnership_id"]: r for r in atlas.table_rows}
    warsaw = rows[tie(atlas, "Kyiv", "Warsaw").partnership_id]
    assert (warsaw["tier"], warsaw["certainty"], warsaw["provenance"]) == ("Cited", "", "Wikipedia, Wikidata")
    helsinki = rows[tie(atlas, "Kyiv", "Helsinki").partnership_id]
    assert (helsinki["tier"], helsinki["certainty"]) == ("Listed", "uncertain")
    assert helsinki["provenance"] == "Wikidata · listed by Kyiv only"
    headers = {c["field"]: c for c in table_rows.column_defs()}
    assert headers["tier"]["headerName"] == "Source tier"
    assert "cell-uncertain" in headers["certainty"]["cellClassRules"]


# --- the city panel ---------------------------------------------------------------------------------------
def test_the_panel_groups_cited_ties_by_status_then_the_listed_partners(atlas):
    panel = city_panel_data(atlas, KYIV)
    assert list(panel.partners) == ["active", figures.LISTED_KEY]
    warsaw = panel.partners["active"][0]
    assert (warsaw.partner, warsaw.since, warsaw.listed) == ("Warsaw", "1994", False)
    listed = {e.partner: e for e in panel.partners[figures.LISTED_KEY]}
    assert set(listed) == {"Chisinau", "Christchurch", "Helsinki"}
    assert listed["Christchurch"].listed_only_by == "Christchurch" and listed["Chisinau"].listed_only_by == ""
    assert listed["Helsinki"].uncertain and panel.n_listed == 3


def test_the_panel_shows_the_tier_of_every_tie(atlas):
    rendered = _flatten(render_city_panel(city_panel_data(atlas, KYIV)))
    assert text.PANEL_LISTED_GROUP in rendered
    assert "1 cited · 3 listed in Wikipedia/Wikidata" in rendered
    assert "listed in Wikipedia · listed by Christchurch only" in rendered
    assert "also in Wikipedia, Wikidata" in rendered  # the cited Kyiv–Warsaw tie is in the lists too
    assert rendered.count(text.PANEL_CITED) >= 1 and text.PANEL_UNCERTAIN in rendered


# --- data quality -----------------------------------------------------------------------------------------
def test_the_data_quality_section_gives_the_report_counts(atlas):
    assert atlas.quality is not None
    section = _flatten(layout.data_quality(atlas))
    assert f"{atlas.quality.one_sided:,} listed ties appear on one partner's list only" in section
    assert f"{atlas.quality.ukraine_russia_active:,} ties between Ukrainian and Russian places" in section
    assert f"{atlas.quality.unresolved:,} list entries could not be placed" in section
    assert np.all([getattr(atlas.quality, name) >= 0 for name, _ in text.QUALITY_ITEMS])
