"""Sharing, embedding and exports, as a presenter uses them: in real headless Chromium, with no network."""

from __future__ import annotations

import io
import json
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from interact import click
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

WAIT = 60
# JS: what the app's map draws (as in test_dashboard.py).
DRAWN = """
const gd = document.querySelector('#map-graph .js-plotly-plot');
if (!gd || !gd._fullData) return null;
const arcs = Array.from(document.querySelectorAll('.scattergeo path.js-line'))
    .filter(p => (p.getAttribute('d') || '').length > 10).length;
return {arcs: arcs};
"""

# JS: the map view of the app's graph, as plotly.js holds it.
MAP_VIEW = """
const geo = document.querySelector('#map-graph .js-plotly-plot')._fullLayout.geo;
return {lon: geo.center.lon, lat: geo.center.lat, zoom: geo.projection.scale, rot: geo.projection.rotation.lon};
"""
# JS: what a page drawn from the embed or the standalone file shows (same markup, another container).
DRAWN_ALONE = """
const countries = Array.from(document.querySelectorAll('.geo .layer.countries path'))
    .reduce((n, p) => n + (p.getAttribute('d') || '').length, 0);
const arcs = Array.from(document.querySelectorAll('.scattergeo path.js-line'))
    .filter(p => (p.getAttribute('d') || '').length > 10).length;
const title = document.querySelector('.atlas-title');
const caption = document.querySelector('.atlas-caption');
return {countries: countries, arcs: arcs, title: title ? title.textContent : null,
        caption: caption ? caption.textContent : null, controls: document.querySelectorAll('input, select').length};
"""


def open_page(browser, base: str, query: str = "") -> None:
    browser.get(base + "/" + query)
    WebDriverWait(browser, WAIT).until(lambda d: (d.execute_script(DRAWN) or {}).get("arcs"))


def requested_urls(browser) -> list[str]:
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def wait_drawn_alone(browser) -> dict:
    WebDriverWait(browser, WAIT).until(lambda d: (d.execute_script(DRAWN_ALONE) or {}).get("arcs"))
    return browser.execute_script(DRAWN_ALONE)


def wait_for_link(browser, contains: str) -> str:
    WebDriverWait(browser, WAIT).until(lambda d: contains in d.find_element(By.ID, "share-link").get_attribute("value"))
    return browser.find_element(By.ID, "share-link").get_attribute("value")


def open_dialog(browser, button_id: str, dialog_id: str) -> None:
    click(browser, By.ID, button_id)
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, dialog_id).get_attribute("open") is not None)


def test_copy_link_restores_filters_place_colouring_and_map_view(browser, live_server):
    open_page(browser, live_server, "?status=active")
    click(browser, By.XPATH, "//nav[contains(@class,'featured')]//button[normalize-space()='Kyiv']")
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#panel .panel-title"))
    # Opening the panel frames the map on Kyiv's ties; the presenter pans and zooms from there.
    WebDriverWait(browser, WAIT).until(lambda d: d.execute_script(MAP_VIEW)["zoom"] > 1)
    click(browser, By.CSS_SELECTOR, "#color-by input[value='aid']")
    # Pan with the mouse, then zoom in with the mode bar: what a presenter does before sharing.
    frame = browser.find_element(By.CSS_SELECTOR, "#map-graph .geo .bg rect")
    # From near a corner: the map is framed on Kyiv's ties, so its middle is full of places a press would select.
    corner = (-frame.size["width"] // 2 + 12, -frame.size["height"] // 2 + 12)
    drag = ActionChains(browser).move_to_element_with_offset(frame, *corner).click_and_hold()
    drag.move_by_offset(160, 50).release().perform()
    browser.execute_script("document.querySelector('#map-graph button.modebar-btn[data-val=\"in\"]').click()")
    link = wait_for_link(browser, "zoom=")
    before = browser.execute_script(MAP_VIEW)
    assert "status=active" in link and "place=" in link and "color=aid" in link and "rot=" in link
    click(browser, By.ID, "copy-link")
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "copy-link").get_attribute("data-state"))
    assert browser.find_element(By.ID, "copy-link").get_attribute("data-state") == "copied"

    browser.get("about:blank")
    browser.get(link)
    WebDriverWait(browser, WAIT).until(lambda d: (d.execute_script(DRAWN) or {}).get("arcs"))
    WebDriverWait(browser, WAIT).until(lambda d: abs(d.execute_script(MAP_VIEW)["zoom"] - before["zoom"]) < 1e-2)
    after = browser.execute_script(MAP_VIEW)
    for key in ("lon", "lat", "rot"):
        assert after[key] == pytest.approx(before[key], abs=1e-3), key
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#panel .panel-title"))
    assert browser.find_element(By.CSS_SELECTOR, "#panel .panel-title").text == "Kyiv"
    assert browser.find_element(By.CSS_SELECTOR, "#color-by input[value='aid']").is_selected()
    assert browser.find_element(By.CSS_SELECTOR, "#filter-status input[value='active']").is_selected()
    assert browser.find_element(By.ID, "notices").text == ""


class _OtherSite(BaseHTTPRequestHandler):
    page = b""

    def do_GET(self) -> None:  # noqa: N802 - the http.server interface
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def other_site():
    """A page on another origin (another port), where the embed snippet is pasted."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OtherSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    thread.join(timeout=10)


def test_the_embed_snippet_shows_the_map_in_an_iframe_on_another_site(browser, live_server, other_site):
    open_page(browser, live_server, "?status=suspended")
    open_dialog(browser, "embed-open", "embed-dialog")
    browser.find_element(By.ID, "embed-title").send_keys("Ties under strain\n")
    snippet_box = browser.find_element(By.ID, "embed-snippet")
    WebDriverWait(browser, WAIT).until(lambda d: "title=Ties" in snippet_box.get_attribute("value"))
    snippet = snippet_box.get_attribute("value")
    assert snippet.startswith("<iframe src=") and "/embed?status=suspended" in snippet

    _OtherSite.page = f"<!doctype html><title>An article</title><h1>An article</h1>{snippet}".encode()
    browser.get(f"http://127.0.0.1:{other_site.server_port}/article.html")
    browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
    try:
        drawn = wait_drawn_alone(browser)
    finally:
        browser.switch_to.default_content()
    assert drawn["countries"] > 10_000 and drawn["arcs"] >= 1
    assert drawn["title"] == "Ties under strain" and "GeoNames" in drawn["caption"]
    assert drawn["controls"] == 0  # no filters, no table: the map alone


def test_the_embed_shows_in_a_page_opened_from_a_local_file(browser, live_server, tmp_path):
    # A slide deck's web view or an HTML file on a laptop has an opaque origin: `frame-ancestors *` refused it.
    page = tmp_path / "deck.html"
    frame = f'<iframe src="{live_server}/embed?status=suspended&title=Local" width="800" height="450"></iframe>'
    page.write_text(f"<!doctype html><title>A local deck</title><h1>Slide 3</h1>{frame}", encoding="utf-8")
    browser.get(page.as_uri())
    browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
    try:
        drawn = wait_drawn_alone(browser)
    finally:
        browser.switch_to.default_content()
    assert drawn["title"] == "Local" and drawn["arcs"] >= 1 and drawn["countries"] > 10_000


def _allow_downloads(browser, folder: Path) -> None:
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})


def _downloaded(folder: Path, name: str) -> Path:
    path = folder / name
    WebDriverWait(None, WAIT, poll_frequency=0.2).until(
        lambda _: path.is_file() and path.stat().st_size > 0 and not list(folder.glob("*.crdownload"))
    )
    time.sleep(0.2)
    return path


def test_each_export_downloads_from_the_app(browser, live_server, tmp_path):
    from PIL import Image

    _allow_downloads(browser, tmp_path)
    open_page(browser, live_server, "?status=suspended")
    open_dialog(browser, "export-open", "export-dialog")
    browser.find_element(By.ID, "export-title").send_keys("Suspended ties\n")
    WebDriverWait(browser, WAIT).until(
        lambda d: "title=Suspended" in d.find_element(By.ID, "export-csv").get_attribute("href")
    )
    citation = browser.find_element(By.ID, "citation").text
    assert "dataset version" in citation and "/?status=suspended" in citation

    click(browser, By.CSS_SELECTOR, "#export-size input[value='1280x720']")
    click(browser, By.CSS_SELECTOR, "#export-hidpi input")
    click(browser, By.ID, "export-png")
    png = _downloaded(tmp_path, "twinning-atlas-1280x720@2x.png")
    image = Image.open(io.BytesIO(png.read_bytes())).convert("RGB")
    assert image.size == (2560, 1440)
    small = image.resize((640, 360))
    assert len(small.getcolors(1 << 20)) > 50 and max(small.getcolors(1 << 20))[0] < 0.9 * 640 * 360

    click(browser, By.CSS_SELECTOR, "#export-hidpi input")
    click(browser, By.ID, "export-svg")
    svg = _downloaded(tmp_path, "twinning-atlas-1280x720.svg").read_text(encoding="utf-8")
    assert 'width="1280" height="720"' in svg[:600] and "js-line" in svg and "Suspended ties" in svg
    assert "GeoNames" in svg and "dataset version" in svg
    assert "Saved" in browser.find_element(By.ID, "export-status").text

    for link_id, name in (
        ("export-html", "twinning-atlas.html"),
        ("export-csv", "partnerships.csv"),
        ("export-geojson", "partnerships.geojson"),
        ("export-package", "partnerships.zip"),
        ("export-pptx", "twinning-atlas.pptx"),  # the map drawn on the server: seconds
    ):
        click(browser, By.ID, link_id)
        _downloaded(tmp_path, name)
    assert '<h1 class="atlas-title">Suspended ties</h1>' in (tmp_path / "twinning-atlas.html").read_text("utf-8")
    # the same plain CSV as the table's "Download CSV"; the citation rides in the GeoJSON and the data package
    assert (tmp_path / "partnerships.csv").read_text("utf-8").startswith("city_a,country_a,city_b")
    assert json.loads((tmp_path / "partnerships.geojson").read_text("utf-8"))["citation"]["link"].startswith("http")


def test_the_html_export_works_from_a_file_with_the_network_off(browser, live_server, tmp_path):
    with urllib.request.urlopen(live_server + "/export/view.html?status=active&title=Offline%20talk") as response:
        page = tmp_path / "talk.html"
        page.write_bytes(response.read())
    browser.execute_cdp_cmd("Network.enable", {})
    offline = {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0}
    browser.execute_cdp_cmd("Network.emulateNetworkConditions", offline)
    try:
        browser.get(page.as_uri())
        drawn = wait_drawn_alone(browser)
        urls = requested_urls(browser)
    finally:
        browser.execute_cdp_cmd("Network.emulateNetworkConditions", {**offline, "offline": False})
    assert drawn["countries"] > 10_000, "the base map drew from the preloaded topojson"
    assert drawn["arcs"] >= 1 and drawn["title"] == "Offline talk"
    assert [u for u in urls if not u.startswith(("file:", "data:", "blob:", "about:"))] == []
