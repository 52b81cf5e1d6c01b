"""Uploads as people save them: the encoding and separator found and said, doubtful files refused with a fix, and
optional columns allowed to be absent (one notice, not a problem per column)."""

from __future__ import annotations

import codecs

import pytest

from geodata import upload
from geodata.schema import PARTNERSHIPS
from geodata.upload_encoding import CP1252, UTF8, UTF8_BOM, UTF16_BE, UTF16_LE, EncodingRefused, decode_text
from geodata.upload_encoding import sniff_separator as sniff
from geodata.upload_table import read_upload_table
from tests.conftest import MINI

HEADER = (MINI / "partnerships.csv").read_text(encoding="utf-8").splitlines()[0]
SHORT_HEADER = "city_a,country_a,city_b,country_b,relation,status,sources"
WESTERN = [
    "Zürich,CH,,Kraków,PL,,sister_city,active,1990,,,,,,,,,https://example.org/z",
    "München,DE,,Besançon,FR,,partner_city,active,1995,,,,,,,,,https://example.org/m",
]


def text_of(*lines: str, header: str = HEADER) -> str:
    return "\n".join([header, *lines]) + "\n"


def read(raw: bytes):
    return read_upload_table(raw, PARTNERSHIPS, "mine.csv")


# --- encodings ----------------------------------------------------------------------------------------------
def test_utf8_is_read_as_utf8():
    decoded = decode_text(text_of(*WESTERN).encode("utf-8"))
    assert decoded.encoding == UTF8 and "Zürich" in decoded.text


def test_utf8_with_a_byte_order_mark_loses_the_mark():
    decoded = decode_text(text_of("Київ,UA,,Berlin,DE").encode("utf-8-sig"))
    assert decoded.encoding == UTF8_BOM and decoded.text.startswith("city_a") and "Київ" in decoded.text


def test_windows_1252_from_excel_keeps_its_accented_names():
    decoded = decode_text(text_of(*WESTERN).encode("cp1252"))
    assert decoded.encoding == CP1252
    for name in ("Zürich", "Kraków", "München", "Besançon"):
        assert name in decoded.text


@pytest.mark.parametrize("codec, name", [("utf-16-le", UTF16_LE), ("utf-16-be", UTF16_BE)])
def test_utf16_with_its_byte_order_mark_keeps_cyrillic_names(codec, name):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    raw = bom + text_of("Київ,UA,,Львів,UA").replace(",", "\t").encode(codec)
    decoded = decode_text(raw)
    assert decoded.encoding == name and "Київ" in decoded.text and "\x00" not in decoded.text


def test_utf8_wins_whenever_the_bytes_are_utf8():
    # "Ã©" is what Windows-1252 would make of UTF-8 "é": a file valid in UTF-8 is read as UTF-8, not re-guessed
    decoded = decode_text(text_of("Genève,CH,,Kyiv,UA").encode("utf-8"))
    assert decoded.encoding == UTF8 and "Genève" in decoded.text


@pytest.mark.parametrize(
    "raw, words",
    [
        # Cyrillic in Windows-1251: read as 1252 it would be "Êè¿â"
        (text_of("Київ,UA,,Львів,UA").encode("cp1251"), ["not UTF-8", "Windows-1252"]),
        (text_of("Москва,RU,,Минск,BY").encode("cp1251"), ["Windows-1251"]),
        # Polish in Windows-1250: read as 1252 "Łódź" would be "£ódŸ"
        (text_of("Łódź,PL,,Wrocław,PL").encode("cp1250"), ["£ódŸ", "does not look like a name"]),
        (text_of("Zürich,CH,,Genève,CH").encode("mac_roman"), ["byte 0x8f on line 2"]),  # not in Windows-1252
        (text_of("Zürich,CH").encode("mac_roman"), ["ZŸrich"]),  # in it, but not a name
        (b"\x00\xff" * 50, ["NUL bytes"]),
        (codecs.BOM_UTF16_LE + b"\x00junk", ["UTF-16 LE", "cannot be read"]),
    ],
)
def test_a_doubtful_file_is_refused_with_why_and_how_to_fix(raw, words):
    with pytest.raises(EncodingRefused) as refused:
        decode_text(raw)
    message = str(refused.value)
    for word in words:
        assert word in message
    assert "save it as a UTF-8 CSV" in message


@pytest.mark.parametrize(
    "cell, words",
    [
        ("Zürich".encode().decode("cp1252"), ["garbled letters", "'ZÃ¼rich'", "converted to another encoding twice"]),
        ("Z\ufffdrich", ["replacement character", "letters were lost"]),
        ("Ky\x00iv", ["control character U+0000"]),
    ],
)
def test_damage_done_before_a_sure_reading_is_reported_on_its_row_and_column(cell, words):
    tail = ",sister_city,active,,,,,,,,,,https://example.org/x"
    raw = text_of(f"{cell},CH,,Kyiv,UA,{tail}", f"Berlin,DE,,Kyiv,UA,{tail}").encode("utf-8")
    table = read(raw)
    assert table.encoding == UTF8 and [r.number for r in table.rows] == [3]
    [problem] = table.problems
    assert (problem.row, problem.column) == (2, "city_a")
    for word in words:
        assert word in problem.message


def test_a_windows_1252_reading_that_looks_damaged_is_refused():
    raw = text_of(*WESTERN, "Zürich".encode().decode("cp1252") + ",CH,,Genève,CH").encode("cp1252")
    with pytest.raises(EncodingRefused, match="save it as a UTF-8 CSV"):
        decode_text(raw)


# --- separators ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_the_separator_is_the_one_the_header_is_written_with(separator):
    assert sniff(SHORT_HEADER.replace(",", separator) + "\n", PARTNERSHIPS.columns) == separator


def test_a_header_of_one_column_keeps_the_comma():
    assert sniff("city_a\nKyiv\n", PARTNERSHIPS.columns) == ","


def test_a_semicolon_file_keeps_a_comma_inside_a_quoted_field():
    line = 'Zürich;CH;;Kraków;PL;;sister_city;active;1990;;;;;;;;"twinned 1990, renewed 2010";https://example.org/z'
    table = read(text_of(line, header=HEADER.replace(",", ";")).encode("cp1252"))
    assert (table.encoding, table.separator) == (CP1252, ";")
    assert table.problems == [] and len(table.rows) == 1
    row = table.rows[0]
    assert row.get("city_a") == "Zürich" and row.get("note") == "twinned 1990, renewed 2010"


# --- columns ------------------------------------------------------------------------------------------------
def test_absent_optional_columns_are_listed_not_reported():
    table = read(text_of("Kyiv,UA,Berlin,DE,sister_city,active,https://example.org/k", header=SHORT_HEADER).encode())
    assert table.problems == [] and len(table.rows) == 1
    assert table.absent == tuple(c for c in PARTNERSHIPS.columns if c not in SHORT_HEADER.split(","))


def test_a_missing_required_column_is_still_an_error_naming_it():
    table = read(b"city_a,country_a,city_b,country_b,relation,status\nKyiv,UA,Berlin,DE,sister_city,active\n")
    assert table.rows == []
    assert [(p.row, p.column, p.message) for p in table.problems] == [
        (1, "sources", "missing required column 'sources'")
    ]


def test_a_header_only_file_says_no_rows():
    table = read((SHORT_HEADER + "\n").encode())
    assert [p.message for p in table.problems] == ["no rows: the file has a header but no data rows"]


def test_an_unreadable_encoding_is_one_problem_for_the_file():
    table = read(text_of("Київ,UA,,Львів,UA").encode("cp1251"))
    assert table.rows == [] and table.encoding == "" and len(table.problems) == 1
    assert table.problems[0].file == "mine.csv" and table.problems[0].column == ""


# --- the whole upload: what the user sees come of it --------------------------------------------------------
def test_a_windows_1252_upload_puts_its_ties_on_the_map_with_their_names():
    result = upload.validate_upload(text_of(*WESTERN).encode("cp1252"), "excel.csv", MINI)
    assert not result.problems and result.encoding == CP1252
    assert set(result.ties["city_b"]) == {"Kraków", "Besançon"} and "Zürich" in set(result.ties["city_a"])


def test_a_utf16_tab_separated_upload_is_read():
    raw = codecs.BOM_UTF16_LE + text_of(
        "Kyiv,UA,,Berlin,DE,,sister_city,active,,,,,,,,,,https://example.org/k"
    ).replace(",", "\t").encode("utf-16-le")
    result = upload.validate_upload(raw, "unicode.txt", MINI)
    assert (result.encoding, result.separator) == (UTF16_LE, "\t") and len(result.ties) == 1


def test_five_bad_rows_with_optional_columns_absent_are_five_problems():
    bad = [f"Kyiv,UA,Atlantis{i},GR,sister_city,active,https://example.org/{i}" for i in range(5)]
    result = upload.validate_upload(text_of(*bad, header=SHORT_HEADER).encode(), "short.csv", MINI)
    assert len(result.problems) == 5 and result.bad_rows == 5
    assert all(p.column == "city_b" for p in result.problems)
    assert "admin1_a" in result.absent


def test_a_header_only_upload_is_refused_as_having_no_rows():
    result = upload.validate_upload((SHORT_HEADER + "\n").encode(), "empty.csv", MINI)
    assert result.refused and [p.message for p in result.problems] == [
        "no rows: the file has a header but no data rows"
    ]
