"""Derived conflict and theme tags: the rule table is read strictly, and each rule tags the ties it says it does."""

from pathlib import Path

import numpy as np
import pandas as pd

from geodata.build import DATA_DIR
from geodata.derived import RULES_FILE, TagRule, derive_tags, read_rules, rule_mask, tag_counts
from geodata.filters import PartnershipIndex, ViewFilter

HEADER = "rule,kind,tag,countries,partner_countries,relations,aid_types,in_force_from,ended_from,ended_to,note\n"
WAR = TagRule("war", "conflict", "russia_ukraine_war", countries=("UA", "RU"), in_force_from=2022)
ENDED_2014 = TagRule(
    "2014", "conflict", "russia_ukraine_2014", countries=("UA",), partner_countries=("RU",), ended_from=2014,
    ended_to=2021,
)  # fmt: skip
HEALTH = TagRule("health", "theme", "health", aid_types=("medical_rehabilitation",))


def ties(*rows: tuple) -> pd.DataFrame:
    """Ties as (country_a, country_b, status, to_year, aid_types[, conflicts])."""
    records = []
    for i, (a, b, status, to_year, aid, *cited) in enumerate(rows):
        records.append(
            {
                "partnership_id": f"t{i}",
                "country_a": a,
                "country_b": b,
                "relation": "sister_city",
                "status": status,
                "from_year": np.nan,
                "to_year": to_year,
                "aid_types": aid,
                "themes": "",
                "conflicts": cited[0] if cited else "",
            }
        )
    return pd.DataFrame(records)


def test_the_war_rule_takes_ties_in_force_since_2022_and_undated_ones():
    frame = ties(
        ("UA", "PL", "active", np.nan, ""),  # in force
        ("DE", "RU", "suspended", 2022.0, ""),  # suspended over the invasion: part of it
        ("UA", "RU", "ended", 2016.0, ""),  # ended before: not
        ("UA", "RU", "ended", np.nan, ""),  # ended, no date: counted (unknown dates pass)
        ("DE", "FR", "active", np.nan, ""),  # no Ukrainian or Russian end
    )
    assert rule_mask(WAR, frame).tolist() == [True, True, False, True, False]


def test_the_2014_rule_needs_both_countries_and_a_dated_end_in_its_years():
    frame = ties(
        ("UA", "RU", "ended", 2016.0, ""),
        ("RU", "UA", "suspended", 2014.0, ""),  # either order
        ("UA", "RU", "ended", 2022.0, ""),
        ("UA", "PL", "ended", 2016.0, ""),
        ("UA", "RU", "active", np.nan, ""),
    )
    assert rule_mask(ENDED_2014, frame).tolist() == [True, True, False, False, False]


def test_derived_tags_never_repeat_a_cited_one():
    frame = ties(
        ("UA", "PL", "active", np.nan, "medical_rehabilitation;energy"),
        ("UA", "PL", "active", np.nan, "", "russia_ukraine_war"),
    )
    derived = derive_tags(frame, [WAR, HEALTH])
    assert derived["conflicts_derived"] == ["russia_ukraine_war", ""]
    assert derived["themes_derived"] == ["health", ""]
    frame = frame.assign(**derived)
    counts = tag_counts(frame).set_index("tag")
    assert counts.loc["russia_ukraine_war", ["cited", "derived", "all"]].tolist() == [1, 1, 2]


def test_the_filter_reads_cited_derived_or_both():
    frame = ties(("UA", "PL", "active", np.nan, ""), ("DE", "RU", "suspended", 2022.0, "", "russia_ukraine_war"))
    frame = frame.assign(
        **derive_tags(frame, [WAR]), lon_a=0.0, lat_a=0.0, lon_b=1.0, lat_b=1.0, place_a="a", place_b="b",
        tier="cited", context="",
    )  # fmt: skip
    index = PartnershipIndex(frame)
    war = ("russia_ukraine_war",)
    assert index.mask(ViewFilter(conflicts=war)).tolist() == [True, True]
    assert index.mask(ViewFilter(conflicts=war, tag_sources=("cited",))).tolist() == [False, True]
    assert index.mask(ViewFilter(conflicts=war, tag_sources=("derived",))).tolist() == [True, False]


def test_a_bad_rule_is_reported_with_row_and_column_and_the_good_ones_kept(tmp_path: Path):
    (tmp_path / RULES_FILE).write_text(
        HEADER
        + "ok,theme,health,,,,medical_rehabilitation,,,,medical aid means health\n"
        + "bad_tag,theme,peace,,,,,,,,no such theme\n"
        + "bad_year,conflict,russia_ukraine_war,UA,,,,since 2022,,,war\n"
        + "bad_country,conflict,russia_ukraine_war,Ukraine,,,,2022,,,war\n"
        + "no_note,theme,health,,,,,,,,\n"
        + "ok,theme,health,,,,,,,,a duplicate id\n",
        encoding="utf-8",
    )
    problems: list = []
    rules = read_rules(tmp_path, problems)
    assert [r.rule for r in rules] == ["ok"]
    where = [(p.file, p.row, p.column) for p in problems]
    assert where == [
        (RULES_FILE, 3, "tag"),
        (RULES_FILE, 4, "in_force_from"),
        (RULES_FILE, 5, "countries"),
        (RULES_FILE, 6, "note"),
        (RULES_FILE, 7, "rule"),
    ]
    assert "unknown theme 'peace'" in problems[0].message


def test_the_bundled_rules_read_clean_and_reach_every_ukrainian_and_russian_tie():
    problems: list = []
    rules = read_rules(DATA_DIR, problems)
    assert problems == [] and {r.kind for r in rules} == {"conflict", "theme"}
    from geodata.build import load_layers

    p = load_layers().partnerships
    ua_ru = p["country_a"].isin(["UA", "RU"]) | p["country_b"].isin(["UA", "RU"])
    tagged = (p["conflicts"].fillna("") != "") | (p["conflicts_derived"].fillna("") != "")
    assert ua_ru.sum() > 2000 and (ua_ru & ~tagged).sum() == 0
