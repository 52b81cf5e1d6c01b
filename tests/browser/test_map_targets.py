"""Hover and click on the map land where the user aimed (assets/map_targets.js), at world zoom and zoomed in."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from test_dashboard import WAIT, open_page

pytestmark = pytest.mark.browser

# JS: the centre of a place's dot in the viewport, found by its label ("Kyiv (UA)"), or null.
DOT_OF = """
const gd = document.querySelector('#map-graph .js-plotly-plot');
for (const group of gd.querySelectorAll('g.trace.scattergeo')) {
  const trace = group.__data__ && group.__data__[0] && group.__data__[0].trace;
  if (!trace || trace.legendgroup !== 'places') continue;
  for (const path of group.querySelectorAll('path.point')) {
    const i = path.__data__ && path.__data__.i;
    if (trace.text[i] !== arguments[0]) continue;
    const box = path.getBoundingClientRect();
    return {x: box.left + box.width / 2, y: box.top + box.height / 2};
  }
}
return null;
"""

# JS: the viewport point three quarters of the way along the great circle between two places' dots, by their labels;
# the projection's pixels are placed on the page by the first place's dot.
ALONG_TIE = (
    DOT_OF.replace("return null;", "")
    .replace("return {x:", "dot = {x:")
    .replace("for (const group", "let dot = null;\nfor (const group")
    + """
const geo = gd._fullLayout.geo._subplot;
const places = gd._fullData.find(t => t.legendgroup === 'places');
const at = label => { const i = places.text.indexOf(label); return [places.lon[i], places.lat[i]]; };
const [pa, pb] = [at(arguments[0]), at(arguments[1])];
const rad = Math.PI / 180, t = 0.75;
const vec = ([lon, lat]) => [Math.cos(lat * rad) * Math.cos(lon * rad), Math.cos(lat * rad) * Math.sin(lon * rad),
                             Math.sin(lat * rad)];
const va = vec(pa), vb = vec(pb);
const w = Math.acos(va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]);
const v = va.map((x, k) => (Math.sin((1 - t) * w) * x + Math.sin(t * w) * vb[k]) / Math.sin(w));
const xy = geo.projection([Math.atan2(v[1], v[0]) / rad, Math.asin(v[2]) / rad]);
const origin = geo.projection(pa);
return {x: dot.x + xy[0] - origin[0], y: dot.y + xy[1] - origin[1]};
"""
)

HOVER_TEXT = "const h = document.querySelector('#map-graph .hoverlayer .hovertext'); return h ? h.textContent : '';"


def point_at(browser, x: float, y: float) -> None:
    """Move the pointer to (x, y) in the viewport, as a mouse would, from a little way off."""
    actions = ActionBuilder(browser, duration=40)
    actions.pointer_action.move_to_location(int(x) - 12, int(y) - 9)
    actions.pointer_action.move_to_location(int(x), int(y))
    actions.perform()


def hover_shows(browser, words: str) -> str:
    WebDriverWait(browser, WAIT).until(lambda d: words in d.execute_script(HOVER_TEXT))
    return browser.execute_script(HOVER_TEXT)


def panel_title(browser) -> str:
    """The open panel's title, read in one script call: the panel re-renders while it loads, so a found element
    can go stale before its text is read."""
    return browser.execute_script(
        "const t = document.querySelector('#panel .panel-title'); return t ? t.textContent.trim() : '';"
    )


def open_at_dot(browser, label: str) -> None:
    """Point at a place's dot, check its hover, click, and wait for its panel."""
    browser.execute_script("window.scrollTo(0, 0)")
    dot = browser.execute_script(DOT_OF, label)
    assert dot, f"no dot for {label}"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", browser.find_element(By.ID, "map-graph"))
    dot = browser.execute_script(DOT_OF, label)
    point_at(browser, dot["x"], dot["y"])
    assert hover_shows(browser, label).startswith(label)
    ActionChains(browser).click().perform()
    name = label.rsplit(" (", 1)[0]
    WebDriverWait(browser, WAIT).until(lambda d: panel_title(d) == name)


def test_at_world_zoom_a_click_on_kyiv_opens_kyiv_not_a_tie_nearby(browser, live_server):
    open_page(browser, live_server, "?tier=cited")
    open_at_dot(browser, "Kyiv (UA)")


def test_zoomed_in_a_click_on_kyiv_opens_kyiv_not_the_authority_seated_there(browser, live_server):
    open_page(browser, live_server, "?country=UA&tier=cited")
    WebDriverWait(browser, WAIT).until(
        lambda d: (
            d.execute_script(
                "return document.querySelector('#map-graph .js-plotly-plot')._fullLayout.geo.projection.scale"
            )
            > 2
        )
    )
    open_at_dot(browser, "Kyiv (UA)")
    assert "Ukrainian Sea Ports Authority" not in panel_title(browser)


def test_hovering_along_a_tie_shows_it_and_a_click_selects_its_row(browser, live_server):
    open_page(browser, live_server, "?city=Kyiv&tier=cited")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", browser.find_element(By.ID, "map-graph"))
    spot = browser.execute_script(ALONG_TIE, "Kyiv (UA)", "Warsaw (PL)")
    point_at(browser, spot["x"], spot["y"])
    assert "Kyiv" in hover_shows(browser, "Warsaw")
    ActionChains(browser).click().perform()
    WebDriverWait(browser, WAIT).until(
        lambda d: (
            "Warsaw"
            in d.execute_script(
                "const r = document.querySelector('#ties-table .ag-row-selected'); return r ? r.textContent : '';"
            )
        )
    )
