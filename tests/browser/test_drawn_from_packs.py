"""The page fills the map's ties in from the ties pack (assets/ties_pack.js): what it draws is what the server's
full figure holds, and the pack is fetched once however often the filters change."""

from __future__ import annotations

import math

import pytest
from interact import click
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from test_dashboard import WAIT, counts_text, open_page

from dashboard.callbacks.map import map_for_view
from dashboard.dataset import current_atlas
from dashboard.figures.arrays import decode_typed_array

pytestmark = pytest.mark.browser

# JS: per drawn trace of ties (lines and tie markers, not places), its name, mode and lon/lat/customdata as lists.
TIES_DRAWN = """
const gd = document.querySelector('#map-graph .js-plotly-plot');
return gd.data.filter(t => t.legendgroup !== 'places' && !(t.meta) && t.lon && t.lon.length > 1).map(t => ({
  name: t.name, mode: t.mode, lon: Array.from(t.lon), lat: Array.from(t.lat),
  ids: Array.isArray(t.customdata) ? t.customdata : null, text: Array.isArray(t.text) ? t.text : null}));
"""
PACK_REQUESTS = """
return performance.getEntriesByType('resource').filter(e => e.name.includes('/data/ties.json')).length;
"""


def _same(a: list, b) -> bool:
    """Two coordinate lists equal, gaps (NaN, null in JSON) included, to float32 precision."""
    return len(a) == len(b) and all(
        (x is None and math.isnan(y)) or (x is not None and abs(x - float(y)) < 1e-4) for x, y in zip(a, b)
    )


@pytest.mark.parametrize("query", ["?country=DE", "?status=suspended,ended"])
def test_the_drawn_ties_are_the_servers_full_figure(browser, live_server, query):
    open_page(browser, live_server, query)
    drawn = browser.execute_script(TIES_DRAWN)
    full, _ = map_for_view(current_atlas(), query, "status", None, None)
    expected = [t for t in full["data"] if t.get("legendgroup") != "places" and "meta" not in t]
    expected = [t for t in expected if isinstance(t.get("lon"), dict) and len(decode_typed_array(t["lon"])) > 1]
    assert [(t["name"], t["mode"]) for t in drawn] == [(t["name"], t["mode"]) for t in expected]
    for page, server in zip(drawn, expected):
        assert _same(page["lon"], decode_typed_array(server["lon"]))
        assert _same(page["lat"], decode_typed_array(server["lat"]))
        if server["mode"] == "markers":
            assert page["ids"] == server["customdata"] and page["text"] == server["text"]


def test_the_pack_is_fetched_once_across_filter_changes(browser, live_server):
    open_page(browser, live_server)
    for status in ("suspended", "ended"):
        before = counts_text(browser)
        click(browser, By.CSS_SELECTOR, f"#filter-status input[value='{status}']")
        WebDriverWait(browser, WAIT).until(lambda d, before=before: counts_text(d) != before)
    assert browser.execute_script(PACK_REQUESTS) == 1


# JS: the ids of the rows the table shows, in the order it shows them.
TABLE_SHOWN = """
const api = dash_ag_grid.getApi('ties-table');
const ids = [];
api.forEachNodeAfterFilterAndSort(node => ids.push(node.data.partnership_id));
return ids;
"""


@pytest.mark.parametrize("query", ["?country=DE", "?status=suspended,ended", "?tier=cited&from=2022"])
def test_the_table_shows_the_views_rows_in_the_servers_order(browser, live_server, query):
    from dashboard.callbacks.table import rows_for_view

    open_page(browser, live_server, query)
    expected = [row["partnership_id"] for row in rows_for_view(current_atlas(), query)[0]]
    WebDriverWait(browser, WAIT).until(lambda d: len(d.execute_script(TABLE_SHOWN)) == len(expected))
    assert browser.execute_script(TABLE_SHOWN) == expected


# JS: the place dots as drawn: labels, hover texts, [code, ties] and sizes.
PLACES_DRAWN = """
const gd = document.querySelector('#map-graph .js-plotly-plot');
const t = gd.data.find(t => t.legendgroup === 'places');
return {text: t.text, hovertext: t.hovertext, customdata: t.customdata, size: Array.from(t.marker.size),
        lon: Array.from(t.lon)};
"""


@pytest.mark.parametrize("query", ["?country=DE", "?lang=uk&status=active"])
def test_the_drawn_place_dots_are_the_servers(browser, live_server, query):
    from dashboard import i18n

    open_page(browser, live_server, query)
    drawn = browser.execute_script(PLACES_DRAWN)
    with i18n.language(i18n.lang_from_query(query)):
        full, _ = map_for_view(current_atlas(), query, "status", None, None)
    server = next(t for t in full["data"] if t.get("legendgroup") == "places")
    assert drawn["text"] == server["text"] and drawn["hovertext"] == server["hovertext"]
    assert drawn["customdata"] == server["customdata"]
    assert _same(drawn["size"], decode_typed_array(server["marker"]["size"]))
    assert _same(drawn["lon"], decode_typed_array(server["lon"]))


# JS: the hover points along the ties, as drawn: per trace, the midpoint trace it stands for, points and positions.
ALONG_DRAWN = """
const gd = document.querySelector('#map-graph .js-plotly-plot');
return gd.data.filter(t => typeof t.meta === 'string' && t.meta.startsWith('ties-')).map(t => ({
  meta: t.meta, lon: Array.from(t.lon), lat: Array.from(t.lat), position: Array.from(t.customdata)}));
"""


def test_the_points_along_the_ties_are_the_servers(browser, live_server):
    query = "?country=UA&tier=cited"
    open_page(browser, live_server, query)
    drawn = browser.execute_script(ALONG_DRAWN)
    full, _ = map_for_view(current_atlas(), query, "status", None, None)
    server = [t for t in full["data"] if isinstance(t.get("meta"), str) and t["meta"].startswith("ties-")]
    assert drawn and [t["meta"] for t in drawn] == [t["meta"] for t in server]
    for page, expected in zip(drawn, server):
        assert page["position"] == decode_typed_array(expected["customdata"]).tolist()
        assert _same(page["lon"], decode_typed_array(expected["lon"]))
        assert _same(page["lat"], decode_typed_array(expected["lat"]))


# JS, run before the page's own: every text the table's overlay shows, in order (the grid mounts long before its
# rows land from the rows pack).
RECORD_OVERLAYS = """
window.atlasOverlays = [];
new MutationObserver(() => {
  const overlay = document.querySelector('#ties-table .ag-overlay-wrapper');
  const seen = overlay ? overlay.textContent.trim() : '';
  if (seen && window.atlasOverlays[window.atlasOverlays.length - 1] !== seen) window.atlasOverlays.push(seen);
}).observe(document, {childList: true, subtree: true, characterData: true});
"""
OVERLAY_NOW = """
const overlay = document.querySelector('#ties-table .ag-overlay-wrapper');
return overlay ? overlay.textContent.trim() : '';
"""


def test_the_table_says_it_is_loading_until_its_rows_land_never_that_no_ties_are_in_view(browser, live_server):
    script = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_OVERLAYS})
    try:
        open_page(browser, live_server, "?country=DE")
        WebDriverWait(browser, WAIT).until(lambda d: len(d.execute_script(TABLE_SHOWN)) > 0)
        WebDriverWait(browser, WAIT).until(lambda d: d.execute_script(OVERLAY_NOW) == "")
        assert browser.execute_script("return window.atlasOverlays") == ["Loading…"]
        search = browser.find_element(By.ID, "ties-table-search")
        search.send_keys("zzzz-no-such-tie")
        WebDriverWait(browser, WAIT).until(lambda d: d.execute_script(OVERLAY_NOW) == "No ties in view")
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
