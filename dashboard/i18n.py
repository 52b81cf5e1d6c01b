"""The interface language: which catalogue is active, and numbers, dates and country names in that language.

The language of a page is chosen once, at its entry point (the layout of a visit, each callback, the embed and
export routes), with `language(lang)`; code below reads `dashboard.text` and the helpers here without passing
the language along. It is a context variable, so the threads of a server serving English and Ukrainian
visitors at once do not see each other's choice.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from types import ModuleType
from urllib.parse import parse_qsl, urlsplit

from babel import Locale
from babel.dates import format_date
from babel.numbers import get_decimal_symbol, get_group_symbol

from geodata.gazetteer import country_names
from geodata.names import UKRAINIAN_ALPHABET

DEFAULT_LANG = "en"
# Each language in its own name: the switch offers the other language to someone who may not read this one.
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "uk": "Українська"}
LANGS: tuple[str, ...] = tuple(LANGUAGE_NAMES)
LANG_KEY = "lang"  # the URL key

_active: ContextVar[str] = ContextVar("lang", default=DEFAULT_LANG)
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:(s)|-(\d{2})(?:-(\d{2}))?)?(~)?$")  # geodata.dates' grammar
# Babel patterns per date precision; LLLL is the month's standalone form (березень 2022, not березня 2022).
_DATE_PATTERNS: dict[str, tuple[str, str, str]] = {"en": ("d MMM y", "MMM y", "y"), "uk": ("d MMM y", "LLLL y", "y")}
# "бл. вересня 2022": after "близько" the month takes the genitive (MMMM), not the standalone form.
_APPROXIMATE_MONTH: dict[str, str] = {"uk": "MMMM y"}


def parse_lang(value: object) -> str | None:
    """A supported language code from a URL value ("uk", "UK", "uk-UA"), or None."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGS else None


def lang_or_default(value: object) -> str:
    return parse_lang(value) or DEFAULT_LANG


def lang_from_query(query: str | None) -> str:
    """The `lang` of a query string ("?lang=uk&status=active"), English when absent or unknown."""
    for key, value in parse_qsl((query or "").lstrip("?"), keep_blank_values=True):
        if key == LANG_KEY:
            return lang_or_default(value)
    return DEFAULT_LANG


def lang_from_url(url: str | None) -> str:
    return lang_from_query(urlsplit(url or "").query)


@contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Make `lang` (English when unknown) the active language inside the block."""
    token = _active.set(lang_or_default(lang))
    try:
        yield _active.get()
    finally:
        _active.reset(token)


def current_lang() -> str:
    return _active.get()


@cache
def catalogue(lang: str) -> ModuleType:
    """The catalogue module of a language (`dashboard.locales.<lang>`)."""
    return importlib.import_module(f"dashboard.locales.{lang_or_default(lang)}")


class _LocalNumber:
    """A number in a template: formatted the active language's way (26 823 and 1,5 in Ukrainian) by str.format."""

    __slots__ = ("value",)

    def __init__(self, value: float):
        self.value = value

    def __format__(self, format_spec: str) -> str:
        match = _FIXED_DECIMALS.search(format_spec)
        return number(self.value, int(match.group(1)) if match else None)


_FIXED_DECIMALS = re.compile(r"\.(\d+)f")


def plural(n: int, forms: tuple[str, str, str]) -> str:
    """The word form for a count, from (one, few, many): English "1 tie", "2 ties"; Ukrainian "1 зв’язок",
    "2 зв’язки", "5 зв’язків" (CLDR's rules for the two languages)."""
    one, few, many = forms
    if _active.get() != "uk":
        return one if n == 1 else many
    if n % 10 == 1 and n % 100 != 11:
        return one
    return few if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else many


def fmt(template: str, **values: object) -> str:
    """Fill a catalogue template; numbers follow the active language (`{n:,}` gives 26,823 or 26 823)."""
    if _active.get() != "en":
        values = {
            key: _LocalNumber(value) if isinstance(value, int | float) and not isinstance(value, bool) else value
            for key, value in values.items()
        }
    return template.format(**values)


@cache
def _number_symbols(lang: str) -> dict[int, str]:
    """Python's "," and "." mapped to a language's group and decimal signs (CLDR, via Babel)."""
    return {ord(","): get_group_symbol(lang), ord("."): get_decimal_symbol(lang)}


def number(value: float, decimals: int | None = None) -> str:
    """A number with the active language's grouping and decimal mark; up to 3 decimals unless `decimals` says.

    Formatted by Python and re-signed, rather than by Babel per call: the map writes a thousand of them per redraw.
    """
    if decimals is not None:
        shown = f"{value:,.{decimals}f}"
    elif isinstance(value, int):
        shown = f"{value:,}"
    else:
        shown = f"{value:,.3f}".rstrip("0").rstrip(".")
    return shown.translate(_number_symbols(_active.get()))


def date_text(value: object) -> str:
    """A partial date of the data ("2022", "2022-03", "2022-03-01", "1970s", each maybe approximate: "1992~") in
    words of the active language ("Mar 2022", "березень 2022", "1970-ті", "бл. 1992"), a range of two of them
    ("2022-05/2023-03", as aid events give it) as "May 2022 – Mar 2023"; other text as it is."""
    raw = "" if value is None else str(value).strip()
    start, slash, end = raw.partition("/")
    if slash and _PARTIAL_DATE.match(start.strip()) and _PARTIAL_DATE.match(end.strip()):
        return f"{date_text(start)} – {date_text(end)}"
    match = _PARTIAL_DATE.match(raw)
    if not match:
        return raw
    year, decade, month, day, approximate = match.groups()
    words = catalogue(_active.get())
    if decade:
        shown = words.DATE_DECADE.format(decade=year)
    else:
        try:
            date = dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return raw
        patterns = _DATE_PATTERNS.get(_active.get(), _DATE_PATTERNS["en"])
        pattern = patterns[0] if day else patterns[1] if month else patterns[2]
        if approximate and month and not day:
            pattern = _APPROXIMATE_MONTH.get(_active.get(), pattern)
        shown = format_date(date, pattern, locale=_active.get())
    return words.DATE_APPROXIMATE.format(date=shown) if approximate else shown


@cache
def _country_names(lang: str) -> dict[str, str]:
    english = country_names()
    if lang == "en":
        return english
    territories = Locale.parse(lang).territories
    return {code: territories.get(code, name) for code, name in english.items()}


def country_name(code: str) -> str:
    """A country's name in the active language (the code itself when unknown)."""
    return _country_names(_active.get()).get(code, code)


def all_country_names() -> dict[str, str]:
    """ISO code -> name in the active language, for the country filter."""
    return _country_names(_active.get())


def name_key(column: str) -> str | None:
    """The layers' field holding place-name `column` in the active language ("city_a" -> "city_a_uk"); None in
    the default language, whose names are `column` itself. The layers give Ukrainian names where the gazetteer
    has them, else repeat the Latin name."""
    lang = _active.get()
    return None if lang == DEFAULT_LANG else f"{column}_{lang}"


def name_column(column: str, columns: object) -> str:
    """The column of a frame holding place-name `column` in the active language, if the frame has one."""
    key = name_key(column)
    return key if key is not None and key in columns else column  # type: ignore[operator]


_UK_ORDER = {ch: i for i, ch in enumerate(UKRAINIAN_ALPHABET)}


def sort_key(label: str) -> tuple:
    """Sort key for labels in the active language: Ukrainian alphabet order (Є after Е, І and Ї after И), which
    code-point order breaks; Latin labels sort after Cyrillic ones in Ukrainian, as in printed Ukrainian lists."""
    folded = label.casefold()
    if _active.get() != "uk":
        return (0, folded)
    return (0 if folded[:1] in _UK_ORDER else 1, [(_UK_ORDER.get(ch, 100 + ord(ch))) for ch in folded])
