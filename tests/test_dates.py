"""Partial dates: the precision the sources give, and clear errors for anything else."""

import datetime as dt

import pytest

from geodata.dates import DateFormatError, parse_date_span, parse_partial_date


@pytest.mark.parametrize(
    ("text", "precision", "approximate", "first", "last"),
    [
        ("1991", "year", False, dt.date(1991, 1, 1), dt.date(1991, 12, 31)),
        ("2022-03", "month", False, dt.date(2022, 3, 1), dt.date(2022, 3, 31)),
        ("2022-03-01", "day", False, dt.date(2022, 3, 1), dt.date(2022, 3, 1)),
        ("1961~", "year", True, dt.date(1961, 1, 1), dt.date(1961, 12, 31)),
        ("1970s", "decade", False, dt.date(1970, 1, 1), dt.date(1979, 12, 31)),
        ("2024-02", "month", False, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ],
)
def test_partial_dates_keep_their_precision(text, precision, approximate, first, last):
    date = parse_partial_date(text)
    assert (date.precision, date.approximate, date.first_day, date.last_day) == (precision, approximate, first, last)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2022-02-30", "impossible"),
        ("2022-13", "impossible"),
        ("1975s", "decade"),
        ("March 2022", "malformed"),
        ("22-03-01", "malformed"),
        ("2022/03/01", "malformed"),
        ("2999", "future"),
    ],
)
def test_bad_dates_say_what_is_wrong(text, fragment):
    with pytest.raises(DateFormatError, match=fragment):
        parse_partial_date(text) if "/" not in text else parse_date_span(text)


def test_future_is_relative_to_today():
    with pytest.raises(DateFormatError, match="future"):
        parse_partial_date("2026-12", today=dt.date(2026, 11, 21))
    assert parse_partial_date("2026-11", today=dt.date(2026, 11, 21)).month == 11


def test_spans_must_run_forwards():
    assert parse_date_span("2022-05/2023-03").text == "2022-05/2023-03"
    with pytest.raises(DateFormatError, match="ends before"):
        parse_date_span("2023-03/2022-05")
