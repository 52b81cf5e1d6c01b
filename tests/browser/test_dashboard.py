"""What a user does, in real headless Chromium against the live app, with no network but this machine."""

from __future__ import annotations

import json
import time
from urllib.parse import urlparse

import pytest
from interact import click
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

WAIT = 60

# JS: what the map draws. Countries come from the topojson base map; arcs are scattergeo line paths.
DRAWN = """
const gd = document.querySelector('#map-graph .js-plotly-plot');
if (!gd || !gd._fullData) return null;
const countries = Array.from(document.querySelectorAll('.geo .layer.countries path'))
    .reduce((n, p) => n + (p.getAttribute('d') || '').length, 0);
const arcs = Array.from(document.querySelectorAll('.scattergeo path.js-line'))
    .filter(p => (p.getAttribute('d') || '').length > 10).length;
const points = gd._fullData.filter(t => t.mode === 'lines' && t.legendgroup !== 'selected')
    .reduce((n, t) => n + t._length, 0);
return {countries: countries, arcs: arcs, points: points};
"""


def open_page(browser, base: str, query: str = "") -> dict:
    browser.get(base + "/" + query)
    return wait_for_map(browser)


def wait_for_map(browser) -> dict:
    WebDriverWait(browser, WAIT).until(lambda d: (d.execute_script(DRAWN) or {}).get("arcs"))
    return browser.execute_script(DRAWN)


def counts_text(browser) -> str:
    return browser.find_element(By.ID, "counts").text


def requested_urls(browser) -> list[str]:
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_map_draws_countries_and_arcs_without_the_network(browser, live_server):
    drawn = open_page(browser, live_server)
    assert drawn["countries"] > 10_000  # the base map's country outlines
    assert drawn["arcs"] >= 1 and drawn["points"] > 0
    urls = requested_urls(browser)
    hosts = {urlparse(u).hostname for u in urls if u.startswith("http")}
    assert hosts == {"127.0.0.1"}, f"requests left this machine: {hosts}"
    assert any(u.endswith("/assets/world_110m.json") for u in urls)
    assert "cdn" not in browser.page_source.lower() and "unpkg" not in browser.page_source.lower()


def test_a_filter_changes_the_arcs_and_the_counts(browser, live_server):
    before = open_page(browser, live_server)
    counts_before = counts_text(browser)
    click(browser, By.CSS_SELECTOR, "#filter-status input[value='suspended']")
    WebDriverWait(browser, WAIT).until(lambda d: counts_text(d) != counts_before)
    WebDriverWait(browser, WAIT).until(lambda d: (d.execute_script(DRAWN) or {}).get("points") != before["points"])
    after = browser.execute_script(DRAWN)
    assert 0 < after["points"] < before["points"]
    assert "status=suspended" in browser.current_url
    assert "hidden by: status" in browser.find_element(By.ID, "hidden-line").text


def test_kyiv_button_opens_a_panel_listing_warsaw_with_humanitarian_aid(browser, live_server, dataset_dir):
    from dashboard.dataset import current_atlas
    from geodata.build import DATA_DIR

    ties = current_atlas().layers.partnerships
    kyiv_warsaw = ties[ties["city_a"].isin(["Kyiv", "Warsaw"]) & ties["city_b"].isin(["Kyiv", "Warsaw"])]
    if dataset_dir != DATA_DIR or kyiv_warsaw.empty:
        pytest.skip("geodata/data has no Kyiv–Warsaw tie yet")
    open_page(browser, live_server)
    click(browser, By.XPATH, "//nav[contains(@class,'featured')]//button[normalize-space()='Kyiv']")
    WebDriverWait(browser, WAIT).until(lambda d: "Warsaw" in d.find_element(By.ID, "panel").text)
    panel = browser.find_element(By.ID, "panel")
    assert panel.find_element(By.CLASS_NAME, "panel-title").text == "Kyiv"
    warsaw = panel.find_element(
        By.XPATH, ".//li[contains(@class,'partner')][.//span[@class='partner-name' and text()='Warsaw']]"
    )
    assert "Humanitarian supplies" in warsaw.text
    assert "Warsaw → Kyiv" in panel.text  # an aid event with its flow


def test_a_url_restores_its_filters(browser, live_server):
    open_page(browser, live_server, "?status=suspended")
    box = browser.find_element(By.CSS_SELECTOR, "#filter-status input[value='suspended']")
    WebDriverWait(browser, WAIT).until(lambda d: box.is_selected())
    WebDriverWait(browser, WAIT).until(lambda d: "hidden by: status" in d.find_element(By.ID, "hidden-line").text)
    chips = browser.find_elements(By.CSS_SELECTOR, "#counts .status-chip")
    assert [c.get_attribute("class").split()[-1] for c in chips] == ["status-suspended"]


def test_a_malformed_url_shows_a_notice(browser, live_server):
    open_page(browser, live_server, "?status=bogus&from=abc")
    notices = browser.find_element(By.ID, "notices")
    WebDriverWait(browser, WAIT).until(lambda d: "bogus" in notices.text)
    assert notices.is_displayed() and "abc" in notices.text
    assert "Showing all" in browser.find_element(By.ID, "hidden-line").text
    assert "Traceback" not in browser.page_source


def test_cited_only_changes_the_counts_and_the_arcs(browser, live_server):
    from dashboard.dataset import current_atlas

    if not (current_atlas().layers.partnerships["tier"] == "listed").any():
        pytest.skip("the dataset served has no listed tier")
    before = open_page(browser, live_server)
    counts_before = counts_text(browser)
    assert "Listed" in counts_before and "Cited" in counts_before
    click(browser, By.CSS_SELECTOR, "#filter-tier input[value='cited']")
    WebDriverWait(browser, WAIT).until(lambda d: counts_text(d) != counts_before)
    WebDriverWait(browser, WAIT).until(lambda d: (d.execute_script(DRAWN) or {}).get("points") != before["points"])
    after = browser.execute_script(DRAWN)
    assert 0 < after["points"] < before["points"]
    assert "tier=cited" in browser.current_url
    assert "Listed 0" in counts_text(browser)
    assert "hidden by: source tier" in browser.find_element(By.ID, "hidden-line").text


RINGS = """
const gd = document.querySelector('#map-graph .js-plotly-plot');
if (!gd || !gd._fullData) return 0;
return gd._fullData.filter(t => t.legendgroup === 'networks' && t.visible === true).reduce((n, t) => n + t._length, 0);
"""


def test_the_network_toggle_shows_member_rings(browser, live_server):
    open_page(browser, live_server)
    assert browser.execute_script(RINGS) == 0
    click(browser, By.CSS_SELECTOR, "#filter-show input[value='networks']")
    WebDriverWait(browser, WAIT).until(lambda d: d.execute_script(RINGS) > 0)
    assert "show=networks" in browser.current_url
    rings = browser.find_elements(By.CSS_SELECTOR, ".scattergeo path.point[d]")
    assert rings, "the member rings are drawn"
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "network-key").text)
    assert "Network rings" in browser.find_element(By.ID, "network-key").text


FITS = """
const card = document.querySelector('.map-card').getBoundingClientRect();
const svg = document.querySelector('#map-graph .main-svg').getBoundingClientRect();
const legend = document.querySelector('#map-graph .legend').getBoundingClientRect();
return {page: document.documentElement.scrollWidth, viewport: window.innerWidth,
        card: [card.left, card.right], svg: [svg.left, svg.right], legend: [legend.left, legend.right]};
"""


def test_on_a_phone_the_map_and_its_legend_fit_the_screen(browser, live_server):
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    )
    try:
        open_page(browser, live_server)
        fits = browser.execute_script(FITS)
        assert fits["page"] <= fits["viewport"] == 390
        assert fits["card"][0] <= fits["svg"][0] and fits["svg"][1] <= fits["card"][1]
        assert fits["svg"][0] <= fits["legend"][0] and fits["legend"][1] <= fits["svg"][1] + 1
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# JS: where the map looks (the drawn geo's centre, projection scale and rotation).
GEO_VIEW = """
const gd = document.querySelector('#map-graph .js-plotly-plot');
if (!gd || !gd._fullLayout || !gd._fullLayout.geo) return null;
const geo = gd._fullLayout.geo;
return {lon: geo.center.lon, lat: geo.center.lat, scale: geo.projection.scale, rot: geo.projection.rotation.lon};
"""


def test_a_filtered_view_frames_its_ties_and_all_ties_are_the_world(browser, live_server):
    open_page(browser, live_server)
    world = browser.execute_script(GEO_VIEW)
    assert world["scale"] == 1
    open_page(browser, live_server, "?conflict=russia_ukraine_war&tags=cited")
    WebDriverWait(browser, WAIT).until(lambda d: (d.execute_script(GEO_VIEW) or {}).get("scale", 1) > 2)
    war = browser.execute_script(GEO_VIEW)
    # Europe, from the Atlantic to the Donbas, not the whole world
    assert -10 < war["lon"] < 45 and 40 < war["lat"] < 60
    open_page(browser, live_server, "?city=Anchorage&tier=cited")
    WebDriverWait(browser, WAIT).until(lambda d: abs((d.execute_script(GEO_VIEW) or {}).get("rot", 0)) > 150)
    bering = browser.execute_script(GEO_VIEW)  # the short way: over the Bering Sea, not across Europe
    assert bering["scale"] > 2


# JS: the boxes of the plot area, the legend and the map's notices, and whether the city panel scrolls inside.
BOXES = """
const box = el => { if (!el) return null; const r = el.getBoundingClientRect();
                    return [r.left, r.top, r.right, r.bottom]; };
const panel = document.querySelector('.panel-card');
return {
  plot: box(document.querySelector('#map-graph .geo .layer.backplot')),  // the drawn map: ocean and land
  legend: box(document.querySelector('#map-graph .legend')),
  notices: [box(document.getElementById('map-notes'))],
  notes_text: document.getElementById('map-notes').textContent,
  panel_inner_scroll: panel ? panel.scrollHeight - panel.clientHeight : 0,
  viewport: [window.innerWidth, window.innerHeight],
};
"""


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


@pytest.mark.parametrize("width, height", [(390, 844), (1920, 1080)])
@pytest.mark.parametrize("lang", ["en", "uk"])
def test_legend_notes_and_plot_never_cover_each_other(browser, live_server, width, height, lang):
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    try:
        open_page(browser, live_server, f"?lang={lang}&place=703448")  # the Kyiv panel open, all ties: notices
        WebDriverWait(browser, WAIT).until(lambda d: (d.execute_script(BOXES) or {}).get("notes_text"))
        boxes = browser.execute_script(BOXES)
        assert any(n in boxes["notes_text"] for n in ("1,000", "1\u00a0000"))  # what the map leaves out, said
        assert not overlap(boxes["plot"], boxes["legend"]), boxes
        for notice in boxes["notices"]:
            assert not overlap(notice, boxes["legend"]) and not overlap(notice, boxes["plot"]), boxes
            assert notice[2] <= boxes["viewport"][0], boxes  # wraps within the screen
        if width < 1100:  # one column: the panel flows in the page, no box scrolling inside the scrolling page
            assert boxes["panel_inner_scroll"] <= 1, boxes
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


SPINNERS = """
return Array.from(document.querySelectorAll('.map-loading')).filter(s => s.offsetParent !== null)
    .map(s => ({text: s.textContent, role: s.getAttribute('role'), card: s.closest('section, aside').id}));
"""


def set_latency(browser, ms: int) -> None:
    """Every request answered `ms` late, as on a loaded machine or a slow link."""
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": ms, "downloadThroughput": -1, "uploadThroughput": -1},
    )


def watch_spinners(browser, seconds: float) -> list[list[dict]]:
    """What the page shows as loading, sampled every 0.2 s."""
    seen, end = [], time.monotonic() + seconds
    while time.monotonic() < end:
        seen.append(browser.execute_script(SPINNERS))
        time.sleep(0.2)
    return seen


def test_a_slow_load_shows_loading_on_the_map_panel_and_table_announced_once(browser, live_server):
    set_latency(browser, 1500)
    try:
        browser.get(live_server + "/?city=Kyiv")
        seen = watch_spinners(browser, 12)
        cards = {s["card"] for shot in seen for s in shot}
        assert {"map-card", "table-card"} <= cards, cards  # each card that waits says so, not a blank white box
        assert all(len([s for s in shot if s["role"] == "status"]) <= 1 for shot in seen)  # one announcement
        assert any("Loading ties" in s["text"] for shot in seen for s in shot if s["role"] == "status")
        wait_for_map(browser)
        WebDriverWait(browser, WAIT).until(lambda d: not d.execute_script(SPINNERS))  # gone once all is drawn
        # a filter change that takes long shows it again over the map
        click(browser, By.CSS_SELECTOR, "#filter-status input[value='active']")
        WebDriverWait(browser, WAIT).until(lambda d: any(s["card"] == "map-card" for s in d.execute_script(SPINNERS)))
    finally:
        set_latency(browser, 0)
    WebDriverWait(browser, WAIT).until(lambda d: not d.execute_script(SPINNERS))


def test_an_upload_saved_by_excel_is_read_counted_alone_and_left_out_of_the_exports(browser, live_server, tmp_path):
    header = "city_a;country_a;city_b;country_b;relation;status;sources"
    rows = [
        "Zürich;CH;Kraków;PL;sister_city;active;https://example.org/z",
        "Kyiv;UA;Berlin;DE;sister_city;suspended;https://example.org/k",
    ]
    path = tmp_path / "excel.csv"
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("cp1252"))  # Excel on Windows, ';' locale
    open_page(browser, live_server)
    downloads_note = browser.find_element(By.ID, "upload-downloads-note")
    assert not downloads_note.is_displayed()
    # no data yet: no "Remove your data", no "Download your ties", no choice of how to show them
    assert not browser.find_element(By.ID, "upload-options").is_displayed()
    browser.find_element(By.CSS_SELECTOR, "#upload input[type=file]").send_keys(str(path))
    status = lambda d: d.find_element(By.ID, "upload-status").text  # noqa: E731
    WebDriverWait(browser, WAIT).until(lambda d: "excel.csv" in status(d))
    assert status(browser) == "excel.csv: all 2 ties are on the map."
    report = browser.find_element(By.ID, "upload-report").text
    assert "Read as Windows-1252, separator ';'." in report and "Optional columns absent" in report
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "upload-downloads-note").is_displayed())
    assert "Your uploaded ties are not in these files" in browser.find_element(By.ID, "upload-downloads-note").text
    click(browser, By.CSS_SELECTOR, "#upload-mode input[value='alone']")
    line = lambda d: d.find_element(By.ID, "hidden-line").text  # noqa: E731
    WebDriverWait(browser, WAIT).until(lambda d: line(d) == "Showing all 2 of your ties.")
    assert "of your ties" in counts_text(browser)
