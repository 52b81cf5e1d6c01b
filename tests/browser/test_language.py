"""The language switch in real headless Chromium: the same view in Ukrainian, and back, with the URL keeping it."""

from __future__ import annotations

import re

import pytest
from interact import click
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboard import i18n
from tests.browser.test_dashboard import WAIT, counts_text, open_page, wait_for_map

pytestmark = pytest.mark.browser

CYRILLIC = re.compile(r"[А-ЯІЇЄҐа-яіїєґ]")
UK = i18n.catalogue("uk")


def _switch(browser):
    link = WebDriverWait(browser, WAIT).until(
        lambda d: (
            (el := d.find_element(By.ID, "lang-switch"))
            and "status=suspended" in (el.get_attribute("href") or "")
            and el
        )
    )
    link.click()


def test_switching_language_keeps_the_view(browser, live_server):
    open_page(browser, live_server, "?status=suspended")
    english_counts = counts_text(browser)
    _switch(browser)  # its link carries the view once the page has settled
    WebDriverWait(browser, WAIT).until(lambda d: "lang=uk" in d.current_url)
    wait_for_map(browser)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "uk"
    assert "status=suspended" in browser.current_url
    WebDriverWait(browser, WAIT).until(lambda d: CYRILLIC.search(counts_text(d)))
    assert re.sub(r"\D", "", counts_text(browser))[:3] == re.sub(r"\D", "", english_counts)[:3]  # same numbers
    checked = browser.find_element(By.CSS_SELECTOR, "#filter-status input[value='suspended']")
    assert checked.is_selected()
    assert UK.FILTERS_HEADING in browser.find_element(By.ID, "filters").text
    # The legend and the mode bar speak Ukrainian too (plotly's own `uk` locale for the toolbar).
    legend = browser.execute_script(
        "return Array.from(document.querySelectorAll('#map-graph .legendtext')).map(n => n.textContent)"
    )
    assert any(CYRILLIC.search(name) for name in legend), legend
    titles = browser.execute_script(
        "return Array.from(document.querySelectorAll('#map-graph .modebar-btn')).map(n => n.getAttribute('data-title'))"
    )
    assert any(title and CYRILLIC.search(title) for title in titles), titles
    # And back: the link offers English on a Ukrainian page.
    _switch(browser)
    WebDriverWait(browser, WAIT).until(lambda d: "lang=uk" not in d.current_url)
    wait_for_map(browser)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "status=suspended" in browser.current_url
    WebDriverWait(browser, WAIT).until(lambda d: counts_text(d) == english_counts)


def test_a_filter_change_in_ukrainian_keeps_lang_in_the_url(browser, live_server):
    open_page(browser, live_server, "?lang=uk")
    before = counts_text(browser)
    click(browser, By.CSS_SELECTOR, "#filter-status input[value='active']")
    WebDriverWait(browser, WAIT).until(lambda d: counts_text(d) != before)
    WebDriverWait(browser, WAIT).until(lambda d: "status=active" in d.current_url)
    assert "lang=uk" in browser.current_url
    hidden = browser.find_element(By.ID, "hidden-line").text
    assert CYRILLIC.search(hidden)


def test_the_kyiv_panel_in_ukrainian(browser, live_server):
    open_page(browser, live_server, "?lang=uk")
    click(browser, By.CSS_SELECTOR, "button.city-button")  # the first featured city: Київ
    # Read in the page: the panel re-renders while we wait, so a held element could go stale.
    title = "const t = document.querySelector('#panel .panel-title'); return t ? t.textContent : '';"
    WebDriverWait(browser, WAIT).until(lambda d: d.execute_script(title) == "Київ")  # not the empty panel's
    panel = browser.find_element(By.ID, "panel").text
    assert UK.PANEL_PARTNERS in panel and "Україна" in panel
