"""The sharing callbacks called as plain functions, on the mini dataset."""

from __future__ import annotations

from dash import no_update

from dashboard.callbacks import share
from dashboard.callbacks.selection import MISSING_PREFIX
from tests.drawing import update_map_drawn

KYIV = "703448"


def test_opening_a_link_restores_the_place_colouring_and_map_view(mini_env):
    map_view, place, color = share.view_from_link(mini_env, f"?status=active&place={KYIV}&color=aid&lon=30&zoom=2.5")
    assert map_view == {"lon": 30.0, "zoom": 2.5} and place == KYIV and color == "aid"


def test_a_url_of_filters_alone_leaves_the_view_as_it_is(mini_env):
    assert share.view_from_link(mini_env, "?status=active") == (no_update, no_update, no_update)


def test_a_place_the_data_lacks_opens_a_panel_that_says_so(mini_env):
    _, place, _ = share.view_from_link(mini_env, "?place=123")
    assert place == MISSING_PREFIX + "123"


def test_share_outputs_follow_the_view_and_the_user_s_pan(mini_env):
    query, link, snippet, html, csv, geojson, package, pptx, cite_href, cite_text = share.share_outputs(
        "http://127.0.0.1:8050/?status=active",
        "?status=active",
        KYIV,
        "status",
        {"lon": 30.0, "zoom": 2.0},
        {"lon": 12.5, "rot": 12.5},  # the user panned after opening the link
        "Kyiv",
        ["legend"],
        "Slide title",
    )
    assert query == f"?status=active&place={KYIV}&lon=12.5&zoom=2&rot=12.5"
    assert link == cite_href == cite_text == "http://127.0.0.1:8050/" + query
    assert f'src="http://127.0.0.1:8050/embed{query.replace("&", "&amp;")}&amp;title=Kyiv&amp;caption=0"' in snippet
    assert html.startswith("export/view.html?") and csv.endswith("&title=Slide%20title") and "geojson" in geojson
    assert package.startswith("download/partnerships.zip?status=active")
    assert pptx == "export/view.pptx" + query + "&title=Slide%20title"


def test_a_missing_place_is_left_out_of_the_link(mini_env):
    query = share.share_outputs("http://h/", "", MISSING_PREFIX + "Kharkiv", "aid", None, None, "", [], "")[0]
    assert query == "?color=aid"


def test_citation_text_counts_the_view(mini_env):
    assert "2 ties from 2 sources" in share.citation_text(mini_env, "?status=suspended")


def test_the_map_opens_where_the_link_says(mini_env):
    figure, *_ = update_map_drawn("?status=active", "status", None, None, {"lon": 30, "lat": 50, "zoom": 3})
    geo = figure["layout"]["geo"]
    assert geo["center"] == {"lon": 30.0, "lat": 50.0} and geo["projection"]["scale"] == 3.0
    assert geo["uirevision"].startswith("pinned:")  # not re-framed: the link's view wins
    figure, *_ = update_map_drawn("?status=active", "status", None, None, {"zoom": "huge"})
    # an unreadable view is ignored: the map frames the view's ties instead
    assert not figure["layout"]["geo"]["uirevision"].startswith("pinned:")
