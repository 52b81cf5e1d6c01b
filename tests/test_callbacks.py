"""Callbacks called as plain functions, on the mini dataset (tests/fixtures/mini)."""

from __future__ import annotations

import pytest
from dash import no_update

from dashboard import ids
from dashboard import table as table_rows
from dashboard.callbacks import counts, filters, panel, selection, table
from dashboard.figures import decode_typed_array
from dashboard.figures.references import rows_of
from dashboard.urlstate import CONTROL_FIELDS
from geodata.filters import ViewFilter
from tests.drawing import update_map_drawn

KYIV, WARSAW, MOSCOW, ODESA = "703448", "756135", "524901", "698740"
NO_CONTROLS = {name: None for name in CONTROL_FIELDS}


def _flatten(component) -> str:
    """All text inside a Dash component tree."""
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return " ".join(_flatten(c) for c in component)
    return _flatten(getattr(component, "children", None))


def _sync(trigger, search="", controls=None):
    out = filters.sync_view(trigger, search, controls or NO_CONTROLS)
    n = len(CONTROL_FIELDS)
    return dict(zip(CONTROL_FIELDS, out[:n])), *out[n:]


# --- filters and URL --------------------------------------------------------------------------------------
def test_page_load_sets_the_controls_from_the_url(mini_env):
    controls, search, query, notices, summary = _sync(None, "?status=suspended&from=2020")
    assert controls["status"] == ["suspended"] and controls["from"] == 2020
    assert search is no_update  # the address bar keeps what the user opened
    assert query == "?status=suspended&from=2020"
    assert notices == [] and summary == " · 2"


def test_a_network_the_dataset_lacks_gets_a_notice(mini_env):
    controls, _, query, notices, _ = _sync(None, "?network=c40,no-such-network")
    assert "no-such-network" in _flatten(notices) and "c40" not in _flatten(notices)
    assert controls["network"] == ["c40", "no-such-network"]  # the map ignores it; the link is left as it was


def test_a_malformed_url_gives_a_notice_not_an_error(mini_env):
    controls, _, query, notices, _ = _sync(ids.URL, "?status=bogus&from=abc")
    assert query == ""
    text = _flatten(notices)
    assert "bogus" in text and "abc" in text


def test_changing_a_control_writes_the_url(mini_env):
    _, search, query, notices, _ = _sync(ids.FILTER_STATUS, "", {**NO_CONTROLS, "status": ["ended", "active"]})
    assert search == query == "?status=active,ended"
    assert notices == []


def test_reset_clears_everything(mini_env):
    controls, search, query, notices, summary = _sync(
        ids.RESET, "?status=active", {**NO_CONTROLS, "status": ["active"], "city": "Kyiv"}
    )
    assert controls["status"] == [] and controls["city"] == ""
    assert search == "" and query == "" and notices == [] and summary == ""


def test_place_search_feedback_uses_alternate_names(mini_env):
    assert "Kyiv (UA)" in filters.place_matches_text("?city=Kiev")
    assert "No place matches" in filters.place_matches_text("?city=Atlantis")
    assert filters.show_place_matches("") == ""


# --- map, counts, table -----------------------------------------------------------------------------------
def test_a_filter_changes_the_arcs_and_the_counts(mini_env):
    everything, *_ = update_map_drawn("", "status", None, None)
    suspended, *_ = update_map_drawn("?status=suspended", "status", None, None)
    lines = lambda fig: [t for t in fig["data"] if t["mode"] == "lines"]  # noqa: E731
    assert [t["name"] for t in lines(suspended)] == ["Suspended"]
    assert len(decode_typed_array(lines(suspended)[0]["lon"])) == 3 * 2
    assert len(lines(everything)) > 1

    strip, line = counts.update_counts("?status=suspended")
    assert "2" in _flatten(strip)
    assert line == "Showing 2 of 6 ties; 4 hidden by: status (4)."
    assert counts.update_counts("")[1] == "Showing all 6 ties."


def test_colour_by_aid_type_shows_the_line_style_key(mini_env):
    figure, key, _ = update_map_drawn("", "aid", None, None)
    assert figure["layout"]["legend"]["title"]["text"] == "Aid type"
    assert "dashed" in key


def test_table_rows_follow_the_view(mini_env):
    shown, note, csv_href, geojson_href, package_href = table.update_table("?country=RU")
    rows = [mini_env.table_rows[i] for i in rows_of(shown["rows"])]  # what the page shows of its rows pack
    assert {r["city_b"] for r in rows} == {"Moscow", "Magadan", "Vladimir", "Dikson"}
    assert note == ""
    assert csv_href == "download/partnerships.csv?country=RU"
    assert geojson_href == "download/partnerships.geojson?country=RU"
    assert package_href == "download/partnerships.zip?country=RU"
    assert rows[0]["status"] in {"Active", "Suspended", "Ended"}  # labels, not words


def test_table_is_capped_with_a_note(mini_env):
    everything = mini_env.index.mask(ViewFilter())
    rows = table_rows.rows_in_view(mini_env.table_rows, mini_env.table_order, everything, limit=2)
    assert [r["city_a"] for r in rows] == ["Anchorage", "Bloomington-Normal"]  # cited first, then by place
    assert "2 of the 6" in table_rows.table_note(6, limit=2)
    assert table_rows.table_note(6) == ""


# --- selection and panels ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "trigger, click, rows, expected",
    [
        ({"type": ids.FEATURED_CITY, "name": "Kyiv"}, None, None, (KYIV, None)),
        ({"type": ids.FEATURED_CITY, "name": "Lviv"}, None, None, (selection.MISSING_PREFIX + "Lviv", None)),
        (ids.TABLE, None, [{"partnership_id": "4887398--524901"}], (no_update, "4887398--524901")),
        (ids.TABLE, None, [], (no_update, no_update)),  # nothing was selected: nothing changes
        (ids.MAP_CLICK, {"points": [{"customdata": "tie:703448--756135"}]}, None, (no_update, "703448--756135")),
        (ids.MAP_CLICK, {"points": [{"lon": 3}]}, None, (no_update, no_update)),
        (ids.PANEL_CLOSE, None, None, (None, no_update)),
    ],
)
def test_selection_after_an_event(mini_env, trigger, click, rows, expected):
    assert selection.selection_after(trigger, mini_env, click, rows) == expected


@pytest.mark.parametrize(
    "rows, current, expected",
    [
        ([], "4887398--524901", None),  # the row deselected: so is the tie
        ({"ids": ["4887398--524901"]}, "4887398--524901", no_update),  # the map chose it: no second update
        ([{"partnership_id": "4887398--524901"}], "4887398--524901", no_update),
        ({"ids": ["703448--756135"]}, "4887398--524901", "703448--756135"),
    ],
)
def test_a_row_selected_because_the_map_chose_its_tie_changes_nothing(mini_env, rows, current, expected):
    assert selection.selection_after(ids.TABLE, mini_env, None, rows, current) == (no_update, expected)


def test_clicking_a_place_on_the_map_selects_it(mini_env):
    code = mini_env.index.place_code_of[WARSAW]
    click = {"points": [{"customdata": [code, 1]}]}
    assert selection.selection_after(ids.MAP_CLICK, mini_env, click, None) == (WARSAW, None)


def test_kyiv_panel_lists_warsaw_with_humanitarian_aid_and_quantities(mini_env):
    content, close_hidden = panel.show_panel(KYIV)
    text = _flatten(content)
    assert not close_hidden
    assert "Warsaw" in text and "Humanitarian supplies" in text
    assert "3,500 tonnes" in text
    assert "https://example.org/kyiv-warsaw" not in text  # sources are links, shown by site and path
    assert "example.org/kyiv-warsaw" in text


def test_panel_timeline_networks_and_context(mini_env):
    from dashboard.city_panel import city_panel_data

    chicago = city_panel_data(mini_env, "4887398")
    assert [(s.date, s.kind) for s in chicago.timeline] == [("1997", "formed"), ("2022-03-01", "suspended")]
    assert list(chicago.partners) == ["suspended"]
    odesa = city_panel_data(mini_env, ODESA)  # not an end of the port memorandum, but named as its context
    assert odesa.n_ties == 1 and odesa.partners["active"][0].context_of
    los_angeles = city_panel_data(mini_env, "5368361")
    assert [n.network for n in los_angeles.networks] == ["C40 Cities"]
    kharkiv = city_panel_data(mini_env, "706483")
    assert kharkiv.aid[0].quantities == ("6 units",) and kharkiv.aid[0].uncertain


def test_panel_states_without_a_place(mini_env):
    assert panel.show_panel(None)[1] is True
    assert "Lviv has no ties" in _flatten(panel.show_panel(selection.MISSING_PREFIX + "Lviv")[0])
    assert panel.show_panel("no-such-place")[1] is True


def test_map_highlights_the_selected_place(mini_env):
    figure, *_ = update_map_drawn("", "status", KYIV, None)
    selected = [t for t in figure["data"] if t.get("legendgroup") == "selected"]
    assert len(decode_typed_array(selected[0]["lon"])) == 3  # Kyiv has one tie in the mini data
    assert figure["data"][-1]["text"] == ["Kyiv"]


def test_a_dataset_too_big_to_pack_sends_its_tables_rows_per_view(mini_env, monkeypatch):
    """Beyond PACKED_ROWS_LIMIT ties the page is not asked to hold every row: the first rows in view come with the
    view, and the note says how many are left out."""
    monkeypatch.setattr(table_rows, "PACKED_ROWS_LIMIT", 3)
    monkeypatch.setattr(table_rows, "TABLE_LIMIT", 2)
    shown, note = table.table_view(mini_env, "")
    assert shown["pack"] is None and shown["rows"] is None
    assert [r["city_a"] for r in shown["yours"]] == ["Anchorage", "Bloomington-Normal"]  # cited first, then by place
    assert "2 of the 6" in note
