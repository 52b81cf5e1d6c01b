"""Dates at the precision the sources give: a year, a month, a day or a decade, possibly approximate.

Grammar: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYYs` (a decade), each optionally followed by `~`
(approximate). A span is two of these joined by `/`. Blank means unknown.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_DATE_RE = re.compile(r"^(?P<year>\d{4})(?:(?P<decade>s)|-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<approx>~)?$")


class DateFormatError(ValueError):
    """A date that is malformed, impossible or in the future."""


@dataclass(frozen=True)
class PartialDate:
    """A date known to a year, month, day or decade."""

    text: str
    year: int
    month: int | None
    day: int | None
    precision: str  # "decade" | "year" | "month" | "day"
    approximate: bool

    @property
    def first_day(self) -> dt.date:
        """The earliest day this date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day this date can mean."""
        if self.precision == "decade":
            return dt.date(self.year + 9, 12, 31)
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    @property
    def year_value(self) -> float:
        """A year number for filtering: the first year the date can mean."""
        return float(self.year)


def parse_partial_date(text: str, today: dt.date | None = None) -> PartialDate:
    """Parse one partial date; raise DateFormatError saying what is wrong."""
    today = today or dt.date.today()
    value = text.strip()
    match = _DATE_RE.match(value)
    if not match:
        raise DateFormatError(
            f"malformed date {text!r}: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYYs, with an optional trailing ~"
        )
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if match["decade"] and year % 10:
        raise DateFormatError(f"impossible decade {text!r}: a decade starts on a year ending in 0")
    if month is not None and not 1 <= month <= 12:
        raise DateFormatError(f"impossible date {text!r}: month {month} does not exist")
    if day is not None:
        try:
            dt.date(year, month or 1, day)
        except ValueError:
            raise DateFormatError(f"impossible date {text!r}: day {day} does not exist in that month") from None
    if year < 1000:
        raise DateFormatError(f"impossible date {text!r}: year before 1000")
    precision = "decade" if match["decade"] else "day" if day else "month" if month else "year"
    parsed = PartialDate(value, year, month, day, precision, bool(match["approx"]))
    if parsed.first_day > today:
        raise DateFormatError(f"date {text!r} is in the future")
    return parsed


@dataclass(frozen=True)
class DateSpan:
    """A span of two partial dates, or one date (end is None)."""

    start: PartialDate
    end: PartialDate | None

    @property
    def text(self) -> str:
        return self.start.text if self.end is None else f"{self.start.text}/{self.end.text}"


def parse_date_span(text: str, today: dt.date | None = None) -> DateSpan:
    """Parse `DATE` or `DATE/DATE`; the end may not precede the start."""
    parts = text.strip().split("/")
    if len(parts) > 2:
        raise DateFormatError(f"malformed date span {text!r}: at most one '/'")
    start = parse_partial_date(parts[0], today)
    end = parse_partial_date(parts[1], today) if len(parts) == 2 else None
    if end is not None and end.last_day < start.first_day:
        raise DateFormatError(f"date span {text!r} ends before it starts")
    return DateSpan(start, end)
