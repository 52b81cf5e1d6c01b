"""Accessibility in real headless Chromium: axe-core on every view, in English and Ukrainian, and the page used
with the keyboard alone.

axe-core is the npm package pinned in package.json (`npm ci`, run by scripts/test.sh). Its source is injected
with WebDriver's execute_script: Chromium runs that through the DevTools protocol (Runtime.callFunctionOn), which
the page's Content-Security-Policy does not govern, so the app's strict CSP (no inline script, no eval) stays on
and axe still runs. Without node_modules the tests skip, or fail in CI (CI set), as the browser tests do without
chromium.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

WAIT = 60
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")

# JS: how many arcs the map (the app's, or the embed's) has drawn.
ARCS = """
const gd = document.querySelector('#map-graph .js-plotly-plot, #atlas-map.js-plotly-plot');
if (!gd || !gd._fullData) return 0;
return Array.from(gd.querySelectorAll('.scattergeo path.js-line'))
    .filter(p => (p.getAttribute('d') || '').length > 10).length;
"""
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then(result => done(result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''})),
  }))))
  .catch(error => done({error: String(error)}));
"""
# JS: what has the focus, and the ring it draws (its own, or its input box's for Dash's text inputs).
FOCUSED = """
const e = document.activeElement;
if (!e || e === document.body) return null;
const ring = e.closest('.dash-input-container') || e;
const style = getComputedStyle(ring);
const rect = e.getBoundingClientRect();
return {
  tag: e.tagName, id: e.id, type: e.type || '', value: e.value === undefined ? null : String(e.value),
  text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 60),
  className: String(e.className || ''), group: (e.closest('[id]') || {}).id || '',
  outline: style.outlineStyle === 'none' ? 'none' : style.outlineWidth + ' ' + style.outlineStyle,
  shadow: style.boxShadow, visible: rect.width > 0 && rect.height > 0 && rect.bottom > 0,
  inGrid: !!e.closest('#ties-table'), checked: e.checked === undefined ? null : e.checked,
};
"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        message = "the accessibility tests need axe-core: npm ci --no-audit --no-fund (scripts/test.sh runs it)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: a missing axe there is a broken setup, not a skip
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def wait_for_map(browser) -> None:
    WebDriverWait(browser, WAIT).until(lambda d: d.execute_script(ARCS))


def kyiv_button(browser):
    # The button's id holds the data's name in every language: {"name":"Kyiv","type":"featured-city"}.
    return browser.find_element(By.CSS_SELECTOR, 'nav.featured button[id*=\'"name":"Kyiv"\']')


def panel_open(browser) -> bool:
    return (
        bool(browser.find_elements(By.CSS_SELECTOR, "#panel .panel-title"))
        and browser.find_element(By.ID, "panel-close").is_displayed()
    )


def run_axe(browser, axe_source: str) -> list[dict]:
    if not browser.execute_script("return typeof window.axe === 'object'"):
        browser.execute_script(axe_source)
    browser.set_script_timeout(120)
    result = browser.execute_async_script(RUN_AXE)
    assert not isinstance(result, dict), f"axe failed: {result}"
    return result


def readable(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} [{v['impact']}] {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            lines.append(f"    {node['target']}")
            lines += [f"        {line.strip()}" for line in node["summary"].splitlines() if line.strip()]
        if len(v["nodes"]) > 8:
            lines.append(f"    ... and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


def open_view(browser, base: str, view: str, query: str) -> None:
    if view == "embed":
        browser.get(f"{base}/embed{query}")
        wait_for_map(browser)
        return
    browser.get(f"{base}/{query}")
    wait_for_map(browser)
    if view == "kyiv":
        kyiv_button(browser).click()
        WebDriverWait(browser, WAIT).until(panel_open)
        WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "panel-announce").text)


@pytest.mark.parametrize("query", ["", "?lang=uk"], ids=["en", "uk"])
@pytest.mark.parametrize("view", ["main", "kyiv", "embed"])
def test_axe_finds_no_serious_or_critical_violation(browser, live_server, axe_source, view, query):
    open_view(browser, live_server, view, query)
    violations = [v for v in run_axe(browser, axe_source) if v["impact"] in FAILING_IMPACTS]
    assert not violations, f"axe on {view}{query}:\n{readable(violations)}"


# --- the keyboard alone -------------------------------------------------------------------------------------
def press(browser, *keys: str) -> None:
    chain = ActionChains(browser)
    for key in keys:
        chain.send_keys(key)
    chain.perform()


def tab_until(browser, wanted, limit: int = 120, backwards: bool = False) -> dict:
    """Press Tab (Shift+Tab) until the focused element is `wanted`; says where the focus went if it never is."""
    path = []
    for _ in range(limit):
        if backwards:
            ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        else:
            press(browser, Keys.TAB)
        focused = browser.execute_script(FOCUSED)
        if focused and wanted(focused):
            return focused
        path.append(focused and f"{focused['tag']}#{focused['id']} {focused['text'] or focused['value'] or ''}")
    raise AssertionError("never reached; the focus went: " + " → ".join(str(p) for p in path))


def assert_ring(focused: dict) -> None:
    assert focused["visible"], f"the focused element is not on screen: {focused}"
    assert focused["outline"] != "none" or focused["shadow"] not in ("", "none"), f"no focus ring: {focused}"
    if focused["outline"] != "none":
        assert float(focused["outline"].split("px")[0]) >= 2, f"a thin focus ring: {focused}"


def counts_text(browser) -> str:
    return browser.find_element(By.ID, "counts").text


def test_the_keyboard_alone_opens_kyiv_and_changes_filters(browser, live_server):
    from dashboard.dataset import current_atlas

    browser.get(live_server + "/")
    wait_for_map(browser)

    first = tab_until(browser, lambda f: True, limit=1)
    assert "skip-link" in first["className"], f"the first Tab should reach the skip links, not {first}"
    assert_ring(first)

    kyiv = tab_until(browser, lambda f: '"name":"Kyiv"' in f["id"])
    assert_ring(kyiv)
    press(browser, Keys.ENTER)
    WebDriverWait(browser, WAIT).until(panel_open)
    assert browser.find_element(By.CSS_SELECTOR, "#panel .panel-title").text == "Kyiv"
    # Screen readers hear one line (a polite status region), not the whole panel; the focus stays put.
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "panel-announce").text)
    announce = browser.find_element(By.ID, "panel-announce")
    said = re.fullmatch(r"Kyiv: ([\d,]+) ties, ([\d,]+) partner places", announce.text)
    assert said, announce.text
    partners = browser.find_elements(By.CSS_SELECTOR, "#panel .partner-list > li")
    assert len(partners) == int(said.group(1).replace(",", "")), "the line and the panel disagree on Kyiv's ties"
    assert announce.get_attribute("role") == "status"
    assert browser.find_element(By.ID, "panel-card").get_attribute("aria-live") is None
    assert '"name":"Kyiv"' in browser.execute_script(FOCUSED)["id"], "the focus left the Kyiv button"

    # The tier radio: Tab reaches the checked one, an arrow key picks the next ("Cited only").
    if (current_atlas().layers.partnerships["tier"] == "listed").any():
        before = counts_text(browser)
        radio = tab_until(browser, lambda f: f["group"] == "filter-tier" and f["type"] == "radio")
        assert radio["checked"] and radio["value"] == "", f"Tab should reach the checked radio ('All'): {radio}"
        assert_ring(radio)
        press(browser, Keys.ARROW_RIGHT)
        WebDriverWait(browser, WAIT).until(lambda d: counts_text(d) != before)
        assert "tier=cited" in browser.current_url

    # The status checklist: Tab to "Suspended", Space ticks it.
    before = counts_text(browser)
    box = tab_until(browser, lambda f: f["group"] == "filter-status" and f["value"] == "suspended")
    assert_ring(box)
    press(browser, Keys.SPACE)
    WebDriverWait(browser, WAIT).until(lambda d: counts_text(d) != before)
    assert "status=suspended" in browser.current_url
    assert browser.execute_script(FOCUSED)["checked"] is True


def test_the_keyboard_alone_uses_the_table_as_the_map(browser, live_server):
    browser.get(live_server + "/")
    wait_for_map(browser)
    # The table fills in from its rows pack after the map is drawn (assets/ties_table.js): wait for its rows.
    WebDriverWait(browser, WAIT).until(
        lambda d: d.execute_script("return dash_ag_grid.getApi('ties-table').getDisplayedRowCount()") > 0
    )
    # ... and for the page to settle: no Dash callback still in flight (on a busy machine the answers after the
    # map land while the keyboard walks on, and the grid re-renders under the focused cell).
    WebDriverWait(browser, WAIT).until(
        lambda d: d.execute_script("return document.querySelectorAll('[data-dash-is-loading=\"true\"]').length") == 0
    )

    # The second skip link goes to the table; from there Tab enters the grid at its header.
    tab_until(browser, lambda f: "skip-link" in f["className"], limit=1)
    press(browser, Keys.TAB)
    press(browser, Keys.ENTER)
    header = tab_until(browser, lambda f: f["inGrid"], limit=10)
    assert_ring(header)

    # Down to the first row's first place; Enter opens that place's panel and selects the tie.
    press(browser, Keys.ARROW_DOWN)
    cell = browser.execute_script(FOCUSED)
    assert cell["inGrid"] and "ag-cell" in cell["className"], cell
    assert_ring(cell)
    place = cell["text"]
    press(browser, Keys.ENTER)
    WebDriverWait(browser, WAIT).until(panel_open)
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.CSS_SELECTOR, "#panel .panel-title").text == place)
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "panel-announce").text.startswith(place))
    selected = browser.find_elements(By.CSS_SELECTOR, "#ties-table .ag-center-cols-container .ag-row-selected")
    assert len(selected) == 1

    # Space on the next row selects that tie instead (as a click does); the focus stays in the grid.
    first_row = selected[0].get_attribute("row-id")
    press(browser, Keys.ARROW_DOWN, Keys.SPACE)
    WebDriverWait(browser, WAIT).until(
        lambda d: (
            [
                r.get_attribute("row-id")
                for r in d.find_elements(By.CSS_SELECTOR, "#ties-table .ag-center-cols-container .ag-row-selected")
            ]
            not in ([], [first_row])
        )
    )
    assert browser.execute_script(FOCUSED)["inGrid"]

    # One Tab stop: Tab leaves the grid rather than walking its cells.
    after = tab_until(browser, lambda f: True, limit=1)
    assert not after["inGrid"], f"Tab stayed in the table: {after}"
