"""Browser metrics, in headless Chromium (Debian's, through selenium) against a live server.

Times are taken inside the page with `performance.now()`: a script installed before any page script runs notes
when the first arc is drawn and every long task (the main thread busy for 50 ms or more). A filter change is
made the way a shared link or the back button makes one: the URL's query changes and Dash's location component
is told, so the whole chain runs (URL -> filters -> map callback -> Plotly redraw).
"""

from __future__ import annotations

import json
import shutil
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from bench.draw import drain_log, plotly_draw
from bench.network import LOGGING_PREFS, PERF_LOGGING_PREFS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROMEDRIVER = shutil.which("chromedriver")
WINDOW = (1400, 1000)
TIMEOUT_S = 600

# Installed before the page's own scripts: first arcs drawn, and long tasks.
PAGE_HOOK = """
window.__bench = {firstArcs: null, longTasks: []};
try {
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration);
  }).observe({type: 'longtask', buffered: true});
} catch (e) {}
(function watch() {
  for (const p of document.querySelectorAll('#map-graph .scattergeo path.js-line')) {
    const d = p.getAttribute('d');
    if (d && d.length > 10) {
      requestAnimationFrame(() => { window.__bench.firstArcs = performance.now(); });
      return;
    }
  }
  requestAnimationFrame(watch);
})();
"""

# Change the view through the URL; resolve once the map's line traces hold the expected points, one frame later.
REDRAW = """
const [query, expected, done] = arguments;
const gd = document.querySelector('#map-graph .js-plotly-plot');
const linePoints = () => gd._fullData
  .filter(t => String(t.mode || '').includes('lines') && t.legendgroup !== 'selected')
  .reduce((n, t) => n + (t._length || 0), 0);
const start = performance.now();
const onPlot = () => {
  if (linePoints() !== expected) return;
  gd.removeListener('plotly_afterplot', onPlot);
  requestAnimationFrame(() => done(performance.now() - start));
};
gd.on('plotly_afterplot', onPlot);
window.history.pushState({}, '', window.location.pathname + query);
window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
"""

# Draw a figure (a JSON string stored on window) into a fresh div the map's size; time newPlot to the next frame.
RENDER = """
const [name, done] = arguments;
const source = document.querySelector('#map-graph .js-plotly-plot');
const figure = JSON.parse(window.__benchFigures[name]);
const div = document.createElement('div');
div.style.cssText = `position:fixed;left:0;top:0;z-index:9999;background:#fff;` +
  `width:${source.clientWidth}px;height:${source.clientHeight}px`;
document.body.appendChild(div);
const start = performance.now();
Plotly.newPlot(div, figure.data, figure.layout, {topojsonURL: source._context.topojsonURL, responsive: false})
  .then(() => requestAnimationFrame(() => {
    const ms = performance.now() - start;
    Plotly.purge(div);
    div.remove();
    done(ms);
  }));
"""


@dataclass
class BrowserResults:
    first_paint_ms: float
    redraw_ms: dict[str, float]
    longest_task_load_ms: float  # the main thread's longest stall while the page loads
    longest_task_redraw_ms: float  # ... and while the map is redrawn: the tab is frozen that long
    plotly_draw_ms: dict[str, float]  # Plotly.react of the same figure alone, no network, no Dash (and its
    # base map alone, `{view}_base`, and its listed tier alone, `{view}_listed`)
    longest_task_plotly_draw_ms: float  # the longest task of those draws
    bytes_per_filter_change: dict[str, float]  # received over the network, every request of one change
    requests_per_filter_change: dict[str, float]


def offline_chromium_options(width: int, height: int) -> Any:
    """ChromeOptions for Debian's headless Chromium with every host but this machine unreachable (shared with the
    browser tests, so the benchmark measures the browser the tests check)."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-extensions",
        f"--window-size={width},{height}",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ):
        options.add_argument(argument)
    return options


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Chromium, every host but this machine unreachable."""
    if not (CHROMIUM and CHROMEDRIVER):
        raise RuntimeError("browser metrics need chromium and chromedriver (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = offline_chromium_options(*WINDOW)
    options.set_capability("goog:loggingPrefs", LOGGING_PREFS)  # network events, for the bytes of a change
    options.add_experimental_option("perfLoggingPrefs", PERF_LOGGING_PREFS)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(TIMEOUT_S)
    driver.set_script_timeout(TIMEOUT_S)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PAGE_HOOK})
    try:
        yield driver
    finally:
        driver.quit()


def open_map(driver: Any, url: str) -> float:
    """Load the page; milliseconds from navigation start to the first frame with arcs drawn."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")
    driver.get(url)
    WebDriverWait(driver, TIMEOUT_S, poll_frequency=0.05).until(
        lambda d: d.execute_script("return window.__bench && window.__bench.firstArcs")
    )
    return float(driver.execute_script("return window.__bench.firstArcs"))


def redraw(driver: Any, query: str, expected_points: int) -> tuple[float, list[float]]:
    """Change the view to `query`; milliseconds until the map shows it, and the long tasks meanwhile."""
    before = driver.execute_script("return window.__bench.longTasks.length")
    elapsed = float(driver.execute_async_script(REDRAW, query, expected_points))
    time.sleep(0.3)  # long tasks are reported after they end, asynchronously
    return elapsed, driver.execute_script("return window.__bench.longTasks.slice(arguments[0])", before)


def measure(driver: Any, url: str, views: dict[str, str], line_points: dict[str, int], runs: int = 7) -> BrowserResults:
    """First paint (median of `runs` page loads), then redraws all -> country -> all ... (median of `runs` each,
    with the bytes each one moved), then Plotly's draw of each view's figure alone (median of `runs`)."""
    paints, load_tasks, redraw_tasks = [], [], []
    for _ in range(runs):
        paints.append(open_map(driver, url))
        time.sleep(0.3)
        load_tasks += driver.execute_script("return window.__bench.longTasks")
    redraws: dict[str, list[float]] = {"all": [], "country": []}
    moved: dict[str, list[tuple[int, int]]] = {"all": [], "country": []}
    for _ in range(runs):
        for view in ("country", "all"):
            drain_log(driver)
            elapsed, tasks = redraw(driver, views[view], line_points[view])
            carried = drain_log(driver)  # redraw waited 0.3 s after the frame: every response has finished
            redraws[view].append(elapsed)
            moved[view].append((carried.bytes_received, carried.requests))
            redraw_tasks += tasks
    draws, draw_tasks = {}, []
    for view in ("country", "all"):
        redraw(driver, views[view], line_points[view])
        drawn = plotly_draw(driver, runs)
        draws[view] = drawn.median_ms
        draw_tasks.append(drawn.longest_task_ms)
        for part in ("base", "listed"):  # what the base map and the listed tier cost of that draw
            draws[f"{view}_{part}"] = plotly_draw(driver, runs, part).median_ms
    return BrowserResults(
        first_paint_ms=statistics.median(paints),
        redraw_ms={view: statistics.median(times) for view, times in redraws.items()},
        longest_task_load_ms=max(load_tasks, default=0.0),
        longest_task_redraw_ms=max(redraw_tasks, default=0.0),
        plotly_draw_ms=draws,
        longest_task_plotly_draw_ms=max(draw_tasks, default=0.0),
        bytes_per_filter_change={v: statistics.median(b for b, _ in pairs) for v, pairs in moved.items()},
        requests_per_filter_change={v: statistics.median(n for _, n in pairs) for v, pairs in moved.items()},
    )


def render_ratio(driver: Any, url: str, figures: dict[str, dict], runs: int = 3) -> dict[str, float]:
    """Median render time of each figure, drawn in turn in the same page (the app's, for its plotly.js)."""
    open_map(driver, url)
    driver.execute_script(
        "window.__benchFigures = arguments[0];", {name: json.dumps(fig) for name, fig in figures.items()}
    )
    times: dict[str, list[float]] = {name: [] for name in figures}
    for _ in range(runs):
        for name in figures:
            times[name].append(float(driver.execute_async_script(RENDER, name)))
    return {name: statistics.median(values) for name, values in times.items()}
