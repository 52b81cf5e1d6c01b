"""Validation of a dataset folder: every kind of bad input is reported with file, row and column, and the
valid rows are all kept."""

from pathlib import Path

import pytest

from geodata.validate import validate_folder
from tests.conftest import MINI, append_row

TIE = "partnerships.csv"


def test_the_small_dataset_is_clean():
    data = validate_folder(MINI)
    assert data.problems == []
    assert len(data.partnerships) == 6 and len(data.aid_events) == 2 and len(data.network_members) == 1


def problems_after(folder: Path, file_name: str, line: str) -> tuple[int, list]:
    row = append_row(folder, file_name, line)
    data = validate_folder(folder)
    return row, data


@pytest.mark.parametrize(
    ("line", "column", "fragment"),
    [
        (
            "Kyiv,UA,,Berlin,DE,,sister_city,frozen,2023,,,,,,,,,https://example.org/x",
            "status",
            "unknown status 'frozen'",
        ),
        ("Kyiv,UA,,Berlin,DE,,twins,active,2023,,,,,,,,,https://example.org/x", "relation", "unknown relation 'twins'"),
        (
            "Kyiv,UA,,Berlin,DE,,sister_city,active,2023,,guns;energy,,,,,,,https://example.org/x",
            "aid_types",
            "unknown aid type 'guns'",
        ),
        (
            "Kyiv,UA,,Berlin,XX,,sister_city,active,2023,,,,,,,,,https://example.org/x",
            "country_b",
            "unknown country code 'XX'",
        ),
        (
            "Kyiv,UA,,Berlin,de,,sister_city,active,2023,,,,,,,,,https://example.org/x",
            "country_b",
            "unknown country code 'de'",
        ),
        ("Kyiv,UA,,Berlin,DE,,sister_city,active,2023-02-30,,,,,,,,,https://example.org/x", "since", "impossible"),
        ("Kyiv,UA,,Berlin,DE,,sister_city,active,Sept 2023,,,,,,,,,https://example.org/x", "since", "malformed"),
        ("Kyiv,UA,,Berlin,DE,,sister_city,active,2091,,,,,,,,,https://example.org/x", "since", "future"),
        ("Kyiv,UA,,Berlin,DE,,sister_city,active,2023,,,,,,,,,", "sources", "missing value: sources is required"),
        ("Kyiv,UA,,Berlin,DE,,sister_city,active,2023,,,,,,,,,ftp://example.org/x", "sources", "malformed source URL"),
        (
            "Kyiv,UA,,Berlinn,DE,,sister_city,active,2023,,,,,,,,,https://example.org/x",
            "city_b",
            "unknown place 'Berlinn'",
        ),
        (
            "Kyiv,UA,,Springfield,US,,sister_city,active,2023,,,,,,,,,https://example.org/x",
            "city_b",
            "ambiguous place 'Springfield'",
        ),
        ("Warsaw,PL,,Kyiv,UA,,sister_city,active,2023,,,,,,,,,https://example.org/x", "city_b", "duplicate tie"),
        ("Kyiv,UA,,Kiev,UA,,sister_city,active,2023,,,,,,,,,https://example.org/x", "city_b", "two different places"),
        (
            "Kyiv,UA,,Berlin,DE,,sister_city,suspended,2023,2022,,,,,,,,https://example.org/x",
            "status_date",
            "before since",
        ),
        (
            "Kyiv,UA,,Berlin,DE,,sister_city,active,2023,,,,,,,sure,,https://example.org/x",
            "certainty",
            "unknown certainty",
        ),
        (
            "Kyiv,UA,,Berlin,DE,,sister_city,active,2023,,,,,Atlantis/UA,,,,https://example.org/x",
            "context",
            "unknown place 'Atlantis'",
        ),
    ],
)
def test_each_bad_tie_is_reported_where_it_is_and_the_rest_kept(mini_copy, line, column, fragment):
    row, data = problems_after(mini_copy, TIE, line)
    assert [(p.file, p.row, p.column) for p in data.problems] == [(TIE, row, column)]
    assert fragment in data.problems[0].message
    assert len(data.partnerships) == 6, "the valid rows are all kept"


def test_a_row_with_several_problems_reports_them_all(mini_copy):
    row, data = problems_after(mini_copy, TIE, "Kyiv,UA,,Berlin,DE,,twins,frozen,2023-13,,,,,,,,,")
    assert {p.column for p in data.problems} == {"relation", "status", "since", "sources"}
    assert all(p.row == row for p in data.problems)


def test_problems_are_printed_as_file_row_column_message(mini_copy):
    row, data = problems_after(mini_copy, TIE, "Kyiv,UA,,Berlin,DE,,sister_city,frozen,2023,,,,,,,,,https://e.org/x")
    assert str(data.problems[0]).startswith(f"partnerships.csv:{row}:status: unknown status 'frozen'")


def test_aid_event_problems(mini_copy):
    row, data = problems_after(
        mini_copy,
        "aid_events.csv",
        'Warsaw,PL,,Kyiv,UA,,2022-03,humanitarian_supplies,buses,,"4,500",,,,,,,https://example.org/x',
    )
    assert [(p.row, p.column) for p in data.problems] == [(row, "people")]
    assert "thousands separators" in data.problems[0].message
    assert len(data.aid_events) == 2


def test_network_member_of_unknown_network(mini_copy):
    row, data = problems_after(mini_copy, "network_members.csv", "c41,Paris,FR,,member,,,,https://example.org/x")
    assert [(p.row, p.column) for p in data.problems] == [(row, "network_id")]


def test_a_missing_file_is_reported(mini_copy):
    (mini_copy / "networks.csv").unlink()
    data = validate_folder(mini_copy)
    assert any(p.file == "networks.csv" and "missing" in p.message for p in data.problems)
    assert len(data.partnerships) == 6


def test_a_group_cannot_hold_a_tie(mini_copy):
    row, data = problems_after(
        mini_copy,
        TIE,
        "International partners of Kharkiv,UA,,Kharkiv,UA,,partner_city,active,,,,,,,,,,https://example.org/x",
    )
    assert [(p.row, p.column) for p in data.problems] == [(row, "city_a")]
    assert "group" in data.problems[0].message


def test_places_table_problems(mini_copy):
    row, data = problems_after(mini_copy, "places.csv", "us-x,Nowhere County,US,XY,county,,91,10,,,,https://e.org/x")
    assert [(p.row, p.column) for p in data.problems] == [(row, "lat")]
    assert "outside" in data.problems[0].message
