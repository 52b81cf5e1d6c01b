"""A shared link: the map view, place, colouring and presentation keys; parsed without ever raising."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.share import (
    MapView,
    ShareView,
    apply_map_view,
    embed_snippet,
    has_share_keys,
    map_view_after_relayout,
    map_view_from_store,
    parse_share,
    share_links,
    share_query,
)
from dashboard.urlstate import parse_query


@pytest.mark.parametrize(
    "query, share",
    [
        ("", ShareView()),
        ("?place=703448", ShareView(place="703448")),
        ("color=aid", ShareView(color="aid")),
        ("?lon=30.5&lat=50.45&zoom=3&rot=20", ShareView(map_view=MapView(lon=30.5, lat=50.45, zoom=3.0, rot=20.0))),
        ("?lon=-180&lat=90", ShareView(map_view=MapView(lon=-180.0, lat=90.0))),
        ("?title=Kyiv%20ties&legend=0&caption=1&size=a4", ShareView(title="Kyiv ties", legend=False, size="a4")),
        ("?status=active&place=us-bloomington-normal", ShareView(place="us-bloomington-normal")),
    ],
)
def test_parse_share(query, share):
    parsed = parse_share(query)
    assert parsed.share == share
    assert parsed.notices == ()


@pytest.mark.parametrize(
    "query, fragment",
    [
        ("?lon=abc", "lon: “abc” is not a number from -180 to 180"),
        ("?lat=91", "lat: “91” is not a number from -90 to 90"),
        ("?zoom=1e9", "zoom"),
        ("?zoom=nan", "zoom"),
        ("?rot=inf", "rot"),
        ("?place=%3Cscript%3E", "place: “<script>” is not a place id"),
        ("?color=rainbow", "color: unknown value “rainbow”"),
        ("?legend=yes", "legend: “yes” is not 1 or 0"),
        ("?size=huge", "size: unknown value “huge”"),
        ("?title=" + "x" * 300, "title: the title was cut to 120 characters"),
    ],
)
def test_a_bad_value_is_dropped_with_a_notice(query, fragment):
    parsed = parse_share(query)
    assert any(fragment in notice for notice in parsed.notices), parsed.notices


def test_the_app_url_reads_share_keys_as_known_and_reports_their_bad_values():
    assert parse_query("?status=active&place=703448&lon=30&lat=50&zoom=2&rot=30&color=aid").notices == ()
    notices = parse_query("?status=active&lon=east").notices
    assert len(notices) == 1 and "lon" in notices[0]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(("place", "color", "lon", "lat", "zoom", "rot", "title", "legend", "caption", "size")),
            st.one_of(st.text(max_size=40), st.sampled_from(("\u0000\r\nSet-Cookie: x", "\u202eevil", "1e999", "²"))),
        ),
        max_size=12,
    )
)
def test_hostile_share_keys_parse_to_plain_notices_and_values_in_range(items):
    query = "?" + "&".join(f"{k}={quote(v)}" for k, v in items)
    parsed = parse_share(query)
    for notice in parsed.notices + parse_query(query).notices:
        assert notice.isprintable() and len(notice) < 300
    view = parsed.share.map_view
    assert view.lon is None or -180 <= view.lon <= 180
    assert view.zoom is None or 0.1 <= view.zoom <= 100
    assert parsed.share.title.isprintable() and len(parsed.share.title) <= 120
    assert parse_share(share_query("", parsed.share, presentation=True)).share == parsed.share  # a link of its own


def test_anything_but_a_query_string_reads_as_nothing():
    assert parse_share({"lon": 3}).share == ShareView() and has_share_keys(["place"]) is False


def test_share_query_rounds_and_orders_and_round_trips():
    share = ShareView(place="703448", color="aid", map_view=MapView(lon=30.123456, lat=50.5, zoom=2.71828, rot=-10))
    query = share_query("?status=active", share)
    assert query == "?status=active&place=703448&color=aid&lon=30.1235&lat=50.5&zoom=2.718&rot=-10"
    assert parse_share(query).share == ShareView(
        place="703448", color="aid", map_view=MapView(lon=30.1235, lat=50.5, zoom=2.718, rot=-10)
    )
    assert share_query("", ShareView()) == ""


def test_presentation_options_join_the_query_only_when_asked():
    share = ShareView(title="Kyiv & partners", legend=False, caption=False, size="a4")
    assert share_query("", share) == ""
    assert share_query("", share, presentation=True) == "?title=Kyiv%20%26%20partners&legend=0&caption=0&size=a4"


@pytest.mark.parametrize(
    "relayout, previous, view",
    [
        (None, None, {}),
        ({"autosize": True}, {"zoom": 2.0}, {"zoom": 2.0}),
        (
            {"geo.center.lon": 90.9, "geo.center.lat": 47.0, "geo.projection.rotation.lon": 90.9},
            {"zoom": 2.0},
            {"lon": 90.9, "lat": 47.0, "rot": 90.9, "zoom": 2.0},
        ),  # a pan reports the centre and rotation; the zoom stays
        ({"geo.projection.scale": 4}, {"lon": 10.0}, {"lon": 10.0, "zoom": 4.0}),
        ({"geo.projection.scale": "big", "geo.center.lat": 200}, {}, {}),  # out of range or not a number
    ],
)
def test_map_view_accumulates_relayout_events(relayout, previous, view):
    assert map_view_after_relayout(relayout, previous) == view


def test_map_view_from_store_ignores_anything_unexpected():
    assert map_view_from_store({"lon": 10, "lat": 20, "zoom": 2, "evil": 1}) == MapView(lon=10, lat=20, zoom=2)
    assert map_view_from_store("not a dict") == MapView()
    assert map_view_from_store(None) == MapView()


def test_apply_map_view_sets_centre_scale_and_rotation():
    layout = {"geo": {"projection": {"type": "natural earth"}}}
    apply_map_view(layout, MapView(lon=30, lat=50, zoom=3, rot=30))
    assert layout["geo"]["center"] == {"lon": 30, "lat": 50}
    assert layout["geo"]["projection"] == {"type": "natural earth", "scale": 3, "rotation": {"lon": 30}}
    untouched = {"geo": {"projection": {"type": "natural earth"}}}
    assert apply_map_view(untouched, MapView()) == {"geo": {"projection": {"type": "natural earth"}}}


def test_share_links_from_the_page_address():
    share = ShareView(place="703448", map_view=MapView(zoom=2))
    links = share_links(
        "https://atlas.example.org/app/?status=active#top",
        "?status=active",
        share,
        embed=ShareView(title="Kyiv", caption=False),
        export_title="Slide",
    )
    assert links.link == "https://atlas.example.org/app/?status=active&place=703448&zoom=2"
    assert (
        links.embed_url == "https://atlas.example.org/app/embed?status=active&place=703448&zoom=2&title=Kyiv&caption=0"
    )
    assert links.snippet.startswith('<iframe src="https://atlas.example.org/app/embed?status=active&amp;place=')
    assert 'title="Kyiv"' in links.snippet
    assert links.csv == "download/partnerships.csv?status=active&place=703448&zoom=2&title=Slide"
    assert links.html.startswith("export/view.html?") and links.geojson.startswith("download/partnerships.geojson?")
    assert links.pptx == "export/view.pptx?status=active&place=703448&zoom=2&title=Slide"


def test_embed_snippet_escapes_and_sizes():
    snippet = embed_snippet('https://x.org/embed?title="a"', width=800, height=450)
    assert 'src="https://x.org/embed?title=&quot;a&quot;"' in snippet
    assert 'width="800" height="450"' in snippet and "</iframe>" in snippet


@pytest.mark.parametrize(
    "query, expected",
    [("", False), ("?status=active&city=Kyiv", False), ("?status=active&lon=3", True), ("place=1", True)],
)
def test_has_share_keys(query, expected):
    assert has_share_keys(query) is expected
