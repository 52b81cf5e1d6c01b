"""The Ukrainian interface end to end through the server: page shell, layout, callbacks' texts, embed, exports."""

from __future__ import annotations

import importlib
import json
import re

import pytest

from dashboard import i18n, ids
from dashboard.callbacks.counts import counts_for_view
from dashboard.callbacks.panel import panel_for
from dashboard.export.routes import FIGURE_PATH, HTML_PATH

CYRILLIC = re.compile(r"[А-ЯІЇЄҐа-яіїєґ]")


@pytest.fixture(scope="module")
def app_module():
    return importlib.import_module("app")


@pytest.fixture
def client(mini_env, app_module):
    return app_module.server.test_client()


def _layout(client, page: str | None) -> str:
    headers = {"Referer": f"http://localhost/{page}"} if page is not None else {}
    response = client.get("/_dash-layout", headers=headers)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _store_lang(layout: str) -> str:
    found = re.search(r'"id":\s*"' + ids.LANG + r'"[^}]*?"data":\s*"(\w+)"', layout) or re.search(
        r'"data":\s*"(\w+)"[^}]*?"id":\s*"' + ids.LANG + '"', layout
    )
    assert found, "the layout has no language store"
    return found.group(1)


def test_the_page_declares_its_language(client):
    assert '<html lang="uk">' in client.get("/?lang=uk").get_data(as_text=True)
    english = client.get("/?status=active").get_data(as_text=True)
    assert '<html lang="en">' in english
    description = re.search(r'name="description" content="([^"]*)"', client.get("/?lang=uk").get_data(as_text=True))
    assert description and CYRILLIC.search(description.group(1))


def test_the_layout_follows_the_language_of_the_page_that_asks(client):
    ukrainian = _layout(client, "?lang=uk&status=active")
    assert _store_lang(ukrainian) == "uk"
    assert i18n.catalogue("uk").FILTERS_HEADING in ukrainian and "Київ" in ukrainian
    assert '"hrefLang": "en"' in ukrainian or '"hrefLang":"en"' in ukrainian  # the switch offers English
    english = _layout(client, "?status=active")
    assert _store_lang(english) == "en" and i18n.catalogue("en").FILTERS_HEADING in english
    assert _store_lang(_layout(client, None)) == "en"


def test_a_page_takes_its_own_lang_not_its_referers(client):
    # The switch back to English is a link from a Ukrainian page: its Referer says uk, its URL has no lang.
    page = client.get("/?status=active", headers={"Referer": "http://localhost/?lang=uk&status=active"})
    assert '<html lang="en">' in page.get_data(as_text=True)


def test_a_referer_from_another_site_does_not_choose_the_language(client):
    response = client.get("/_dash-layout", headers={"Referer": "https://elsewhere.example/?lang=uk"})
    assert _store_lang(response.get_data(as_text=True)) == "en"


def test_a_hostile_lang_falls_back_to_english(client):
    for value in ("<script>", "x" * 5000, "uk%00", "ru"):
        response = client.get("/", query_string={"lang": value})
        assert response.status_code == 200
        assert '<html lang="en">' in response.get_data(as_text=True)


def test_counts_and_hidden_line_in_ukrainian(mini_env):
    with i18n.language("uk"):
        strip, hidden = counts_for_view(mini_env, "?status=suspended&lang=uk")
    assert CYRILLIC.search(hidden) and "status" not in hidden


def test_the_kyiv_panel_in_ukrainian(mini_env):
    kyiv = mini_env.featured["Kyiv"]
    with i18n.language("uk"):
        content, _ = panel_for(mini_env, kyiv)
    rendered = json.dumps(content, default=lambda c: c.to_plotly_json(), ensure_ascii=False)
    assert "Київ" in rendered and "Україна" in rendered
    assert i18n.catalogue("uk").PANEL_PARTNERS in rendered
    assert '"lang": "en"' in rendered or "lang" not in rendered  # quoted English notes say they are English


def test_hover_texts_exist_in_both_languages(mini_env):
    assert len(mini_env.tie_hover_by_lang["en"]) == len(mini_env.tie_hover_by_lang["uk"])
    with i18n.language("uk"):
        assert any("Київ" in hover for hover in mini_env.tie_hover)
    assert not any("Київ" in hover for hover in mini_env.tie_hover)


def test_embed_and_exports_keep_the_language(client):
    embed = client.get("/embed?lang=uk&status=suspended").get_data(as_text=True)
    assert '<html lang="uk">' in embed
    page = client.get(HTML_PATH + "?lang=uk").get_data(as_text=True)
    assert '<html lang="uk">' in page and "moduleType" in page  # plotly's Ukrainian words, inline
    figure = client.get(FIGURE_PATH + "?lang=uk&status=suspended").get_json()
    legend_names = [trace.get("name", "") for trace in figure["data"]]
    assert any(CYRILLIC.search(name) for name in legend_names)


def test_links_made_by_the_page_keep_the_language(mini_env):
    from dashboard.callbacks.filters import sync_view
    from dashboard.callbacks.share import share_outputs
    from dashboard.urlstate import CONTROL_FIELDS

    controls = dict.fromkeys(CONTROL_FIELDS) | {"status": ["active"]}
    *_, search, view_query, _notices, _summary = sync_view(ids.FILTER_STATUS, "?lang=uk", controls, "uk")
    assert search == view_query == "?status=active&lang=uk"  # the address bar keeps lang after a filter change
    with i18n.language("uk"):
        outputs = share_outputs("http://h/?lang=uk", view_query, None, "status", None, None, "", ["legend"], "")
    link, snippet = outputs[1], outputs[2]
    assert "lang=uk" in link and "/embed?status=active&amp;lang=uk" in snippet


def test_without_a_referer_the_layout_takes_the_language_the_page_set(client):
    page = client.get("/?lang=uk")
    assert "atlas_lang=uk" in page.headers.get("Set-Cookie", "") and "SameSite=Strict" in page.headers["Set-Cookie"]
    assert _store_lang(_layout(client, None)) == "uk"  # a browser that strips the Referer still gets Ukrainian
    client.get("/")  # the next page in English resets it
    assert _store_lang(_layout(client, None)) == "en"
    assert "Set-Cookie" not in client.get("/embed?lang=uk").headers  # embeds on other sites set nothing


def test_ukrainian_texts_are_made_on_first_use_and_match_a_warm_atlas(mini_atlas):
    from dashboard.dataset import build_atlas

    lazy = build_atlas(mini_atlas.layers)
    assert lazy.table_rows_by_lang.made() == (i18n.DEFAULT_LANG,)  # start-up formats the default language only
    assert "search" not in vars(lazy.index)  # nor builds the place search
    with i18n.language("uk"):
        rows, hovers = lazy.table_rows, list(lazy.tie_hover)
    assert rows == mini_atlas.table_rows_by_lang["uk"] and hovers == list(mini_atlas.tie_hover_by_lang["uk"])
    lazy.warm()
    assert set(lazy.tie_hover_by_lang.made()) == set(i18n.LANGS) and "search" in vars(lazy.index)
    assert dict(lazy.place_labels_by_lang).keys() == set(i18n.LANGS)
