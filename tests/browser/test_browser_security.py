"""In real headless Chromium: the page works under its Content-Security-Policy, hostile links stay text, and a
user's own CSV shows its per-row report and its ties on the map, in this page only."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from interact import click
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import ids, text
from tests.browser.test_dashboard import WAIT, open_page

pytestmark = pytest.mark.browser

# Installed before any page script: every CSP violation the page causes is noted.
VIOLATIONS_HOOK = """
window.__csp = window.__csp || [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '')));
"""
TRACE_NAMES = """
const gd = document.querySelector('#map-graph .js-plotly-plot');
return gd && gd._fullData ? gd._fullData.filter(t => t._length > 0).map(t => t.name) : [];
"""
HEADER = (
    "city_a,country_a,admin1_a,city_b,country_b,admin1_b,relation,status,since,status_date,aid_types,themes,"
    "conflicts,context,disputed_dates,certainty,note,sources"
)
ROWS = [
    "Kyiv,UA,,Berlin,DE,,sister_city,active,2023-09-14,,,,,,,,,https://example.org/kyiv-berlin",
    "Kharkiv,UA,,Nuremberg,DE,,sister_city,active,1990,,,,,,,,,https://example.org/kharkiv",
    "Kyiv,UA,,Atlantis,GR,,sister_city,active,,,,,,,,,,https://example.org/x",
    "Kyiv,UA,,<script>window.__xss=3</script>,FR,,sister_city,active,,,,,,,,,,https://example.org/x",
]


@pytest.fixture
def watched(browser):
    browser.get_log("browser")  # drain what earlier tests left
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": VIOLATIONS_HOOK})
    return browser


def violations(browser) -> list[str]:
    found = list(browser.execute_script("return window.__csp || []"))
    logged = [e["message"] for e in browser.get_log("browser") if "Content Security Policy" in e["message"]]
    return found + logged


def test_the_page_works_under_its_content_security_policy(watched, live_server):
    with urllib.request.urlopen(live_server + "/") as response:
        policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in policy and "'unsafe-eval'" not in policy
    drawn = open_page(watched, live_server)
    assert drawn["arcs"] >= 1
    click(watched, By.XPATH, "//nav[contains(@class,'featured')]//button[normalize-space()='Kyiv']")
    WebDriverWait(watched, WAIT).until(lambda d: d.find_element(By.ID, ids.PANEL).text.strip())
    assert violations(watched) == []
    # the hook does see a violation when there is one (an inline script the policy does not list)
    watched.execute_script("const s = document.createElement('script'); s.textContent = '1'; document.body.append(s);")
    WebDriverWait(watched, WAIT).until(lambda d: d.execute_script("return window.__csp.length"))


def test_the_embed_page_works_under_the_policy(watched, live_server):
    watched.get(live_server + "/embed")
    WebDriverWait(watched, WAIT).until(
        lambda d: d.execute_script("const g = document.querySelector('.js-plotly-plot'); return !!(g && g._fullData)")
    )
    assert violations(watched) == []


def test_a_hostile_link_is_shown_as_text_and_never_run(watched, live_server):
    open_page(
        watched, live_server, '?status=<script>window.__xss=1</script>&country=<img src=x onerror="window.__xss=2">'
    )
    notices = watched.find_element(By.ID, ids.NOTICES)
    WebDriverWait(watched, WAIT).until(lambda d: "<script>" in notices.text)
    assert watched.execute_script("return window.__xss") is None
    assert not watched.find_elements(By.CSS_SELECTOR, "#notices script, #notices img")
    assert violations(watched) == []


def test_your_own_csv_shows_its_report_and_its_ties_on_the_map(watched, live_server, tmp_path: Path):
    path = tmp_path / "my ties.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    open_page(watched, live_server)
    watched.find_element(By.CSS_SELECTOR, f"#{ids.UPLOAD} input[type=file]").send_keys(str(path))
    status = watched.find_element(By.ID, ids.UPLOAD_STATUS)
    WebDriverWait(watched, WAIT).until(lambda d: "my ties.csv" in status.text)
    assert "2 ties on the map" in status.text and "2 rows left out" in status.text
    report = watched.find_element(By.ID, ids.UPLOAD_REPORT).text
    assert "Atlantis" in report and "<script>" in report  # shown as text, row by row
    assert watched.execute_script("return window.__xss") is None
    WebDriverWait(watched, WAIT).until(
        lambda d: any(n.startswith(text.UPLOAD_LEGEND) for n in d.execute_script(TRACE_NAMES))
    )
    names = watched.execute_script(TRACE_NAMES)
    assert any(not n.startswith(text.UPLOAD_LEGEND) for n in names)  # beside the bundled ties

    click(watched, By.CSS_SELECTOR, f"#{ids.UPLOAD_MODE} input[value='alone']")
    WebDriverWait(watched, WAIT).until(
        lambda d: all(n.startswith(text.UPLOAD_LEGEND) for n in d.execute_script(TRACE_NAMES))
    )

    click(watched, By.ID, ids.UPLOAD_CLEAR)
    WebDriverWait(watched, WAIT).until(lambda d: not status.text)
    WebDriverWait(watched, WAIT).until(
        lambda d: not any(n.startswith(text.UPLOAD_LEGEND) for n in d.execute_script(TRACE_NAMES))
    )
    # the same file again (the upload was emptied, so choosing it again counts)
    watched.find_element(By.CSS_SELECTOR, f"#{ids.UPLOAD} input[type=file]").send_keys(str(path))
    WebDriverWait(watched, WAIT).until(lambda d: "2 ties on the map" in status.text)
    assert violations(watched) == []

    # another visitor (a fresh page) sees none of it
    open_page(watched, live_server)
    assert not watched.find_element(By.ID, ids.UPLOAD_STATUS).text
    assert not any(n.startswith(text.UPLOAD_LEGEND) for n in watched.execute_script(TRACE_NAMES))
