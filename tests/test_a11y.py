"""The accessibility pieces that run on the server: the city panel's one-line announcement, a place chosen in the
table by keyboard, the check of what the table sends, and the page's landmarks. On the mini dataset."""

from __future__ import annotations

import pytest
from dash import html, no_update

from dashboard import i18n, ids, payloads
from dashboard.callbacks import panel, selection

KYIV, WARSAW = "703448", "756135"
KYIV_WARSAW = "703448--756135"


def test_the_panel_announces_one_line_not_the_whole_panel(mini_env):
    line = panel.announce_panel(KYIV)
    assert line == "Kyiv: 1 tie, 1 partner place", line  # the fixture's Kyiv: one tie, words in its form
    assert "Lviv" in panel.announce_panel(selection.MISSING_PREFIX + "Lviv")
    assert panel.announce_panel(None) == "City panel closed"
    assert panel.announce_panel("no-such-place") == ""


def test_the_announcement_speaks_the_page_language(mini_env):
    line = panel.announce_panel(KYIV, "uk")
    assert line == "Київ: 1 зв’язок, 1 місце-партнер", line
    assert i18n.current_lang() == "en"  # the callback's language ends with it


@pytest.mark.parametrize(
    "event, expected",
    [
        ({"data": {"tie": KYIV_WARSAW, "end": "a"}}, (KYIV, KYIV_WARSAW)),
        ({"data": {"tie": KYIV_WARSAW, "end": "b"}}, (WARSAW, KYIV_WARSAW)),
        ({"data": {"tie": "no--such", "end": "a"}}, (no_update, no_update)),
        ({"data": {"tie": KYIV_WARSAW, "end": "c"}}, (no_update, no_update)),
        ({"data": None}, (no_update, no_update)),
        (None, (no_update, no_update)),
    ],
)
def test_a_place_chosen_in_the_table_opens_its_panel(mini_env, event, expected):
    assert selection.table_place(mini_env, event) == expected


def test_the_row_selection_arriving_after_the_place_still_opens_it():
    # Enter on a place cell selects its row and reports the place; whichever reaches Dash last is the answer kept.
    event = {"data": {"tie": KYIV_WARSAW, "end": "a"}}
    assert selection.event_names_selected_row(ids.TABLE, event, [{"partnership_id": KYIV_WARSAW}])
    # the map selecting that tie later (its row selected as {"ids": [...]}) does not open the place again
    assert not selection.event_names_selected_row(ids.TABLE, event, {"ids": [KYIV_WARSAW]})
    # Space on another row selects that tie, not the place of the cell reported before
    assert not selection.event_names_selected_row(ids.TABLE, event, [{"partnership_id": "other"}])
    assert not selection.event_names_selected_row(ids.MAP_CLICK, event, [{"partnership_id": KYIV_WARSAW}])
    assert not selection.event_names_selected_row(ids.TABLE, None, [{"partnership_id": KYIV_WARSAW}])


@pytest.mark.parametrize(
    "value, ok",
    [
        (None, True),
        ({"data": {"tie": KYIV_WARSAW, "end": "a"}, "timestamp": 1795313880231}, True),
        ({"data": {"tie": KYIV_WARSAW, "end": "a", "extra": 1}, "timestamp": 1}, False),
        ({"data": {"tie": "x" * 301, "end": "a"}}, False),
        ({"data": "Kyiv"}, False),
        ({"data": {"tie": KYIV_WARSAW, "end": "a"}, "timestamp": "now"}, False),
    ],
)
def test_the_table_event_is_checked_before_dash_sees_it(value, ok):
    assert payloads.VALUE_RULES[(ids.TABLE, "eventData")](value) is ok


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            yield from _walk(child)


def test_the_page_has_one_main_skip_links_and_a_polite_panel_line(mini_env):
    from dashboard.layout import page

    tree = list(_walk(page(mini_env, topojson_url="/assets/")))
    assert sum(isinstance(c, html.Main) for c in tree) == 1
    by_id = {c.id: c for c in tree if isinstance(getattr(c, "id", None), str)}
    skip = by_id[ids.SKIP_LINKS]
    assert [a.href for a in skip.children] == ["#" + ids.MAP_CARD, "#" + ids.TABLE_CARD]
    assert {ids.MAP_CARD, ids.TABLE_CARD, ids.PANEL_CARD} <= set(by_id)
    announce = by_id[ids.PANEL_ANNOUNCE]
    assert announce.role == "status" and "sr-only" in announce.className
    # The panel itself is not a live region: screen readers would read all of it on every change.
    assert "aria-live" not in by_id[ids.PANEL_CARD].to_plotly_json()["props"]
    grid = by_id[ids.TABLE]
    assert grid.dashGridOptions["tabToNextCell"] == {"function": "false"}
    assert set(grid.eventListeners) == {"cellKeyDown", "cellClicked"}
