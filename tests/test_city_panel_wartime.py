"""The city panel's "since the full-scale invasion" section: dated changes since 2022 only, with aid totals."""

from dashboard import i18n
from dashboard.city_panel import AidEntry, TimelineEntry, format_quantity
from dashboard.city_panel.wartime import render_wartime, wartime_changes, year_of


def aid(date: str, **amounts: float) -> AidEntry:
    return AidEntry(date, "Warsaw", "Kyiv", (), "", (), False, (), tuple(amounts.items()))


def test_only_what_is_dated_2022_or_later_counts():
    timeline = [
        TimelineEntry("1994", "Partner city with Warsaw", "formed"),
        TimelineEntry("2022-09-24", "Sister city with Barcelona", "formed"),
        TimelineEntry("2016-02-11", "Ended tie with Moscow", "ended"),
        TimelineEntry("2022-04", "Ended tie with Minsk", "ended"),
    ]
    changes = wartime_changes(timeline, [aid("2022", tonnes=3500, people=4500), aid("2023~", vehicles=6), aid("2019")])
    assert [s.what for s in changes.formed] == ["Sister city with Barcelona"]
    assert [s.what for s in changes.closed] == ["Ended tie with Minsk"]
    assert len(changes.aid) == 2
    assert changes.totals == {"tonnes": 3500, "people": 4500, "vehicles": 6}


def test_the_section_says_it_in_both_languages_and_is_absent_when_nothing_changed():
    changes = wartime_changes([TimelineEntry("2023", "Partner city with Lublin", "formed")], [aid("2022", tonnes=70)])
    headings = (("en", "Since the full-scale invasion"), ("uk", "Від початку повномасштабного вторгнення"))
    for lang, heading in headings:
        with i18n.language(lang):
            shown = str(render_wartime(changes, format_quantity).to_plotly_json())
        assert heading in shown and "Lublin" in shown and "70" in shown
    assert render_wartime(wartime_changes([], [aid("2019")]), format_quantity) is None


def test_partial_dates_give_their_first_year():
    assert [year_of(d) for d in ("2022-03", "1992~", "1970s", "", "c. 1990")] == [2022, 1992, 1970, None, None]
