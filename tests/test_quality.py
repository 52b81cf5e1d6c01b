"""Data-quality checks on small hand-built frames, and the written report."""

import pandas as pd

from geodata.build import build
from geodata.quality import date_conflicts, one_sided_ties, ukraine_russia_still_active, write_report
from tests.test_listed import FIXTURE


def ties(**columns) -> pd.DataFrame:
    base = {
        "city_a": ["Kharkiv", "Kyiv", "Lviv"],
        "country_a": ["UA", "UA", "UA"],
        "city_b": ["Belgorod", "Moscow", "Wrocław"],
        "country_b": ["RU", "RU", "PL"],
        "status": ["unknown", "ended", "active"],
        "tier": ["listed", "cited", "cited"],
        "one_sided": [True, False, False],
        "listed_by_a": [False, False, False],
        "listed_by_b": [True, False, False],
        "listed_in": ["wikipedia", "", ""],
        "disputed_dates": ["", "", "since=2001"],
        "since": ["", "", "2002"],
        "status_date": ["", "", ""],
        "note": ["", "", "year from one source"],
    }
    base.update(columns)
    return pd.DataFrame(base)


def test_one_sided_names_who_lists_it_and_who_does_not():
    found = one_sided_ties(ties())
    assert found[["listed_by", "not_listed_by"]].values.tolist() == [["Belgorod", "Kharkiv"]]


def test_ukraine_russia_ties_still_shown_active_but_not_ended_ones():
    found = ukraine_russia_still_active(ties())
    assert found.city_b.tolist() == ["Belgorod"]


def test_date_conflicts_come_from_the_disputed_dates():
    assert date_conflicts(ties()).city_b.tolist() == ["Wrocław"]


def test_the_report_names_every_check(tmp_path):
    layers = build(FIXTURE, tmp_path / "build", progress=False)
    report = write_report(layers, tmp_path / "build", tmp_path / "report.md").read_text()
    for heading in (
        "One-sided ties",
        "Ukrainian-Russian ties still shown as active",
        "Dates the sources disagree on",
        "Places far from where the source put them",
        "Wikipedia pairs placed: 10 of 12",
    ):
        assert heading in report
    assert "Belgorod" in report and "Christchurch" in report


def test_the_summary_counts_what_each_check_finds(tmp_path):
    from geodata.quality import quality_summary

    layers = build(FIXTURE, tmp_path / "build", progress=False)
    summary = quality_summary(layers.partnerships, tmp_path / "build")
    assert summary.one_sided == len(one_sided_ties(layers.partnerships)) > 0
    assert summary.ukraine_russia_active == 1  # Belgorod-Sevastopol, listed as if current
    assert summary.far_from_source > 0 and summary.unresolved > 0
    # the fixture reviews none of its far places but those a rule explains (Christchurch: the point is abroad)
    far = pd.read_csv(tmp_path / "build" / "far_from_source.csv").fillna("")
    assert summary.far_unreviewed == far.loc[far.review == "", "place_id"].nunique() < summary.far_from_source
    assert quality_summary(layers.partnerships, tmp_path / "no-build").unresolved == 0  # no side files: none
