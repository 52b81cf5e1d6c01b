"""The view in the URL: every view is a link, and a bad link is read as far as it can be, with notices."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.urlstate import control_values, parse_query, to_query, view_from_controls
from geodata.filters import ViewFilter


@pytest.mark.parametrize(
    "query, view",
    [
        ("", ViewFilter()),
        ("?status=suspended", ViewFilter(statuses=("suspended",))),
        ("status=ended,suspended", ViewFilter(statuses=("suspended", "ended"))),  # vocabulary order
        ("?country=ua,PL", ViewFilter(countries=("PL", "UA"))),
        (
            "?aid=energy,humanitarian_supplies&relation=sister_city",
            ViewFilter(aid_types=("humanitarian_supplies", "energy"), relations=("sister_city",)),
        ),
        (
            "?theme=climate&conflict=russia_ukraine_war",
            ViewFilter(themes=("climate",), conflicts=("russia_ukraine_war",)),
        ),
        ("?from=2014&to=2022", ViewFilter(year_from=2014, year_to=2022)),
        ("?from=2022&undated=1", ViewFilter(year_from=2022, include_undated=True)),
        ("?undated=0", ViewFilter()),
        ("?city=Kiev", ViewFilter(place_query="Kiev")),
        ("?city=San%20Francisco", ViewFilter(place_query="San Francisco")),
        ("?status=active&status=ended", ViewFilter(statuses=("active", "ended"))),  # repeated keys combine
    ],
)
def test_parse_query(query, view):
    parsed = parse_query(query)
    assert parsed.view == view
    assert parsed.notices == ()


@pytest.mark.parametrize(
    "query, kept, notice_words",
    [
        ("?status=bogus&from=abc", ViewFilter(), ["bogus", "abc"]),
        ("?status=active,bogus", ViewFilter(statuses=("active",)), ["bogus"]),
        ("?country=XX,Ukraine,UA", ViewFilter(countries=("UA",)), ["XX", "Ukraine"]),
        ("?from=99999&to=2020", ViewFilter(year_to=2020), ["99999"]),
        ("?colour=red", ViewFilter(), ["colour"]),
        ("?city=" + "x" * 200, ViewFilter(place_query="x" * 80), ["80"]),
        ("?%ff%fe=%00", ViewFilter(), ["unknown parameter"]),
        ("?undated=no", ViewFilter(), ["undated", "no"]),
    ],
)
def test_bad_values_are_dropped_with_a_notice(query, kept, notice_words):
    parsed = parse_query(query)
    assert parsed.view == kept
    text = " ".join(parsed.notices)
    for word in notice_words:
        assert word in text


@pytest.mark.parametrize(
    "view, query",
    [
        (ViewFilter(), ""),
        (ViewFilter(statuses=("suspended",)), "?status=suspended"),
        (
            ViewFilter(countries=("PL", "UA"), statuses=("active", "ended"), year_from=2014, place_query="Kiev"),
            "?country=PL,UA&status=active,ended&from=2014&city=Kiev",
        ),
        (ViewFilter(place_query="São Paulo"), "?city=S%C3%A3o%20Paulo"),
        (ViewFilter(year_from=2022, year_to=2023, include_undated=True), "?from=2022&to=2023&undated=1"),
    ],
)
def test_to_query_is_canonical_and_round_trips(view, query):
    assert to_query(view) == query
    assert parse_query(query).view == view


def test_controls_and_views_agree():
    view = ViewFilter(countries=("UA",), statuses=("active",), year_from=1990, place_query="Lviv")
    values = control_values(view)
    assert values["status"] == ["active"] and values["from"] == 1990 and values["to"] is None
    assert view_from_controls(values).view == view
    # a number input may hand back a float
    assert view_from_controls({"from": 2014.0}).view == ViewFilter(year_from=2014)
    assert view_from_controls({"to": 20145}).notices


def test_years_the_wrong_way_round_are_swapped_and_said_plainly_not_as_an_error():
    parsed = parse_query("?from=2023&to=2022")
    assert parsed.view == ViewFilter(year_from=2022, year_to=2023)
    assert parsed.notices == ()  # nothing was "not understood"
    assert parsed.adjustments and "2023–2022" in parsed.adjustments[0] and "2022–2023" in parsed.adjustments[0]


def test_the_undated_box_ticked_keeps_undated_ties_in_a_year_range_and_unticked_is_the_default():
    view = ViewFilter(year_from=2022, include_undated=True)
    assert control_values(view)["undated"] == ["1"]
    assert view_from_controls(control_values(view)).view == view
    assert view_from_controls({**control_values(view), "undated": []}).view == ViewFilter(year_from=2022)
    assert not view_from_controls({"from": 2022}).view.include_undated  # controls that do not say: the default
    assert ViewFilter(include_undated=True).active_facets() == ()  # no year range: the box changes nothing


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_query_string_parses_without_error(query):
    parsed = parse_query(query)
    assert isinstance(parsed.view, ViewFilter)
    assert parse_query(to_query(parsed.view)).view == parsed.view


def test_the_tags_key_chooses_cited_or_derived_tags_and_round_trips():
    parsed = parse_query("?conflict=russia_ukraine_war&tags=cited")
    assert parsed.view.tag_sources == ("cited",) and parsed.notices == ()
    assert to_query(parsed.view) == "?conflict=russia_ukraine_war&tags=cited"
    assert control_values(parsed.view)["tags"] == "cited"
    assert view_from_controls({**control_values(parsed.view), "tags": ""}).view.tag_sources == ()
    assert parse_query("?tags=guessed").notices  # an unknown word is dropped, with a notice
