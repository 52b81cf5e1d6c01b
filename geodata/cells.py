"""Checks of single cells: vocabulary words, lists, countries, sources, numbers, coordinates.

Each returns the clean value or raises CellError with a message for the editor; the caller adds the place.
"""

from __future__ import annotations

import math
import re
from urllib.parse import urlparse

from geodata.gazetteer import country_names
from geodata.schema import LIST_SEPARATOR, SOURCE_SEPARATOR

_URL_LIKE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class CellError(ValueError):
    """A cell whose value cannot be used."""


def vocabulary_word(value: str, vocabulary: dict[str, str], what: str) -> str:
    """A single word of a controlled vocabulary."""
    word = value.strip()
    if word not in vocabulary:
        raise CellError(f"unknown {what} {value!r}; expected one of: {', '.join(vocabulary)}")
    return word


def vocabulary_list(value: str, vocabulary: dict[str, str], what: str) -> tuple[str, ...]:
    """A `;`-separated list of vocabulary words (may be empty); reports every unknown word."""
    words = [w.strip() for w in value.split(LIST_SEPARATOR) if w.strip()]
    unknown = [w for w in words if w not in vocabulary]
    if unknown:
        raise CellError(
            f"unknown {what} {', '.join(repr(w) for w in unknown)}; expected words from: {', '.join(vocabulary)}"
        )
    return tuple(dict.fromkeys(words))


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 country code, upper case."""
    code = value.strip()
    if code.upper() != code or code not in country_names():
        raise CellError(f"unknown country code {value!r}: expected an upper-case ISO 3166-1 alpha-2 code such as UA")
    return code


def sources(value: str) -> tuple[str, ...]:
    """One or more sources separated by ' | ': http(s) URLs or document titles."""
    items = [s.strip() for s in value.split(SOURCE_SEPARATOR.strip()) if s.strip()]
    if not items:
        raise CellError("missing source: every row needs at least one URL or document title")
    for item in items:
        if _URL_LIKE.match(item):
            parsed = urlparse(item)
            if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in item:
                raise CellError(f"malformed source URL {item!r}: expected http:// or https://")
        elif len(item) < 8:
            raise CellError(f"source {item!r} is too short to identify a document: give a URL or a full title")
    return tuple(items)


def quantity(value: str) -> float | None:
    """A non-negative plain number, or None if blank."""
    text = value.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise CellError(f"not a number: {value!r} (write plain digits, no thousands separators or units)") from None
    if not math.isfinite(number) or number < 0:
        raise CellError(f"quantity must be a non-negative number, got {value!r}")
    return number


def coordinate(value: str, limit: float, what: str) -> float:
    """A latitude (limit 90) or longitude (limit 180) in degrees."""
    try:
        number = float(value.strip())
    except ValueError:
        raise CellError(f"{what} is not a number: {value!r}") from None
    if not math.isfinite(number) or abs(number) > limit:
        raise CellError(f"{what} {value!r} is outside -{limit:g}..{limit:g}")
    return number
