"""Strict CSV reading: encoding, emptiness, header and row shape are reported with their place."""

from geodata.reading import parse_table
from geodata.schema import NETWORKS

HEADER = "network_id,name,themes,founded,description,sources\n"


def read(text: bytes):
    return parse_table(text, NETWORKS, "networks.csv")


def test_a_well_formed_file_gives_rows_numbered_like_a_spreadsheet():
    rows, problems = read((HEADER + "c40,C40 Cities,climate,,,https://example.org\n").encode())
    assert problems == []
    assert rows[0].number == 2 and rows[0].get("name") == "C40 Cities"


def test_non_utf8_file_is_reported_with_its_line():
    rows, problems = read((HEADER + "c40,Zürich,,,,https://example.org\n").encode("latin-1"))
    assert rows == []
    assert "not UTF-8" in problems[0].message and problems[0].row == 2


def test_empty_file_is_reported():
    rows, problems = read(b"")
    assert rows == [] and "empty" in problems[0].message


def test_header_without_rows_is_reported():
    _, problems = read(HEADER.encode())
    assert "no data rows" in problems[0].message


def test_misspelt_column_is_named_with_a_suggestion():
    _, problems = read(b"network_id,name,themes,founded,descripton,sources\nc40,C40,,,,https://example.org\n")
    messages = {p.column: p.message for p in problems}
    assert "did you mean 'description'" in messages["descripton"]
    assert "missing column 'description'" in messages["description"]


def test_missing_required_column_stops_the_file():
    rows, problems = read(b"network_id,themes,founded,description,sources\nc40,,,,https://example.org\n")
    assert rows == []
    assert any(p.column == "name" and "missing required column" in p.message for p in problems)


def test_rows_with_too_many_or_too_few_fields_are_reported_and_others_kept():
    text = HEADER + "a,A network,,,,https://example.org\nb,B,,,\nc,C network,,,,https://example.org,extra\n"
    rows, problems = read(text.encode())
    assert [r.get("network_id") for r in rows] == ["a"]
    assert [(p.row, p.message) for p in problems] == [
        (3, "row has 5 fields, the header has 6"),
        (4, "row has 7 fields, the header has 6"),
    ]
