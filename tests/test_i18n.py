"""The interface language: numbers, dates, country names and sort order per language, and `lang` in the URL."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from dashboard import i18n, text
from dashboard.urlstate import parse_query, to_query
from geodata.filters import ViewFilter

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "value, expected",
    [("uk", "uk"), ("UK", "uk"), (" uk-UA ", "uk"), ("uk_UA", "uk"), ("en", "en"), ("ru", None), ("", None), (3, None)],
)
def test_parse_lang_accepts_the_two_languages_only(value, expected):
    assert i18n.parse_lang(value) == expected


def test_lang_of_a_query_or_url_defaults_to_english():
    assert i18n.lang_from_query("?status=active&lang=uk") == "uk"
    assert i18n.lang_from_query("?lang=xx") == "en"
    assert i18n.lang_from_url("https://atlas.example.org/embed?lang=uk&place=1") == "uk"
    assert i18n.lang_from_url(None) == "en"


def test_numbers_are_grouped_the_ukrainian_way():
    with i18n.language("uk"):
        assert i18n.number(26823) == f"26{NBSP}823"
        assert i18n.number(1.5, 1) == "1,5"
        assert text.fmt("{n:,} / {mb:.1f}", n=26823, mb=4.25) == f"26{NBSP}823 / 4,2"
    with i18n.language("en"):
        assert text.fmt("{n:,} / {mb:.1f}", n=26823, mb=4.25) == "26,823 / 4.2"


@pytest.mark.parametrize(
    "lang, value, expected",
    [
        ("en", "2022-03-01", "1 Mar 2022"),
        ("en", "2022-03", "Mar 2022"),
        ("en", "2022", "2022"),
        ("uk", "2022-03-01", "1 бер. 2022"),
        ("uk", "2022-03", "березень 2022"),  # the month on its own: nominative, not "березня"
        ("uk", "1954", "1954"),
        ("uk", "1992~", "бл. 1992"),
        ("uk", "2022-09~", "бл. вересня 2022"),
        ("uk", "1970s", "1970-ті"),
        ("en", "1970s~", "c. 1970s"),
        ("uk", "about 1990", "about 1990"),  # not a date: shown as it is
        ("uk", "2022-02-30", "2022-02-30"),
        ("uk", None, ""),
        ("en", "2022-05/2023-03", "May 2022 – Mar 2023"),  # an aid event's range, like every other date
        ("uk", "2022-05/2023-03", "травень 2022 – березень 2023"),
        ("en", "2022-05/soon", "2022-05/soon"),  # not two dates: as it is
    ],
)
def test_partial_dates_in_words(lang, value, expected):
    with i18n.language(lang):
        assert i18n.date_text(value) == expected


def test_a_citation_access_date_in_full():
    with i18n.language("uk"):  # Citation.full_text writes its ISO access date through date_text
        assert i18n.date_text(dt.date(2026, 11, 22).isoformat()) == "22 лист. 2026"


def test_country_names_follow_the_language():
    with i18n.language("uk"):
        assert i18n.country_name("UA") == "Україна"
        assert i18n.country_name("PL") == "Польща"
        assert i18n.country_name("ZZ") == "ZZ"
    with i18n.language("en"):
        assert i18n.country_name("UA") == "Ukraine"


def test_ukrainian_sort_puts_ie_and_yi_where_the_alphabet_does():
    names = ["Італія", "Естонія", "Йорданія", "Єгипет", "Ізраїль", "Німеччина", "Ґренландія", "Греція", "France"]
    with i18n.language("uk"):
        assert sorted(names, key=i18n.sort_key) == [
            "Греція", "Ґренландія", "Естонія", "Єгипет", "Ізраїль", "Італія", "Йорданія", "Німеччина", "France",
        ]  # fmt: skip


def test_the_language_is_per_thread_of_work():
    seen: dict[str, str] = {}

    def visit(lang: str) -> None:
        with i18n.language(lang):
            threading.Event().wait(0.05)
            seen[lang] = text.COUNT_TIES

    threads = [threading.Thread(target=visit, args=(lang,)) for lang in ("en", "uk")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen["en"] == i18n.catalogue("en").COUNT_TIES
    assert seen["uk"] == i18n.catalogue("uk").COUNT_TIES != seen["en"]
    assert i18n.current_lang() == "en"


def test_vocabulary_labels_in_ukrainian():
    with i18n.language("uk"):
        assert text.label("status", "suspended") != "Suspended"
        assert text.label("status", "no-such-word") == "no-such-word"
        assert set(text.labels("aid")) == set(i18n.catalogue("en").VOCAB_LABELS["aid"])


def test_lang_round_trips_through_the_url_and_stays_out_of_the_filters():
    parsed = parse_query("?status=active&lang=uk")
    assert parsed.lang == "uk" and not parsed.notices
    assert parsed.view == parse_query("?status=active").view
    assert to_query(parsed.view, parsed.lang) == "?status=active&lang=uk"
    assert to_query(ViewFilter(), "uk") == "?lang=uk"
    assert to_query(ViewFilter(), "en") == ""


def test_an_unknown_language_is_a_notice_not_an_error():
    parsed = parse_query("?lang=klingon")
    assert parsed.lang == "en"
    assert len(parsed.notices) == 1 and "klingon" in parsed.notices[0] and "en, uk" in parsed.notices[0]
    with i18n.language("uk"):
        notice = parse_query("?lang=<b>").notices[0]
    assert "<b>" in notice and notice != parsed.notices[0]  # said in Ukrainian, shown as text


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_fast_numbers_agree_with_babel(lang):
    from babel.numbers import format_decimal

    values = [0, 7, 999, 1000, 26823, 1234567, -4500, 0.5, 2.25, 1234.5678, 35_000_000]
    with i18n.language(lang):
        for value in values:
            assert i18n.number(value) == format_decimal(value, locale=lang), value
            assert i18n.number(value, 1) == format_decimal(value, format="#,##0.0", locale=lang), value


@pytest.mark.parametrize(
    ("lang", "counts", "expected"),
    [
        ("en", (1, 2, 5, 11, 21), ["tie", "ties", "ties", "ties", "ties"]),
        (
            "uk",
            (1, 2, 5, 11, 21, 22, 112),
            ["зв’язок", "зв’язки", "зв’язків", "зв’язків", "зв’язок", "зв’язки", "зв’язків"],
        ),
    ],
)
def test_a_count_takes_its_word_s_form(lang, counts, expected):
    from dashboard import text

    with i18n.language(lang):
        assert [i18n.plural(n, text.TIE_WORDS) for n in counts] == expected
