"""The text of an uploaded CSV file as people save it: its encoding and its separator, found and said, never guessed.

Spreadsheets save CSV files in several ways: UTF-8 with or without a byte-order mark, UTF-16 with one ("Unicode
text" in Excel, tab-separated), or a Windows code page (Excel on Windows in western Europe: Windows-1252), and with
`;` as the separator where the decimal mark is a comma. `decode_text` reads UTF-8 first (it wins whenever the bytes
are UTF-8), then UTF-16 by its byte-order mark, then Windows-1252 only when the charset-normalizer detector agrees
that it is the likely reading and the text looks like names; anything else is refused with `EncodingRefused`,
whose message says why and how to fix the file. A wrong guess would garble every accented name on the map, so a
doubtful file is refused rather than read. Text read for sure (UTF-8, UTF-16) may still hold damage done before
(`damage`: "ZÃ¼rich", "�"): that is reported on its row and column (geodata/upload_table.py).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from charset_normalizer import from_bytes

UTF8, UTF8_BOM, UTF16_LE, UTF16_BE, CP1252 = "UTF-8", "UTF-8 with BOM", "UTF-16 LE", "UTF-16 BE", "Windows-1252"
SEPARATORS: tuple[str, ...] = (",", ";", "\t")  # in order of preference when a header reads the same with several
HOW_TO_FIX = 'save it as a UTF-8 CSV (in Excel: Save As, "CSV UTF-8 (Comma delimited)") and upload it again'

# The legacy code pages the detector weighs against Windows-1252: a file in one of them must not be read as 1252.
LEGACY_CANDIDATES: tuple[str, ...] = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso8859_2",
    "iso8859_15",
    "koi8_r",
    "koi8_u",
    "cp866",
    "cp437",
    "cp850",
    "cp852",
    "mac_roman",
)
CODE_PAGE_NAMES = {  # the detector's guesses worth naming to the user
    "cp1250": "Windows-1250, Central European",
    "cp1251": "Windows-1251, Cyrillic",
    "cp1253": "Windows-1253, Greek",
    "cp1254": "Windows-1254, Turkish",
    "cp1257": "Windows-1257, Baltic",
    "koi8_r": "KOI8-R, Cyrillic",
    "koi8_u": "KOI8-U, Cyrillic",
    "cp866": "DOS Cyrillic (866)",
}
MAX_CHAOS = 0.1  # the detector's "mess" of the Windows-1252 reading above which it is too doubtful to use
CHAOS_MARGIN = 0.005  # how much messier than the detector's best reading the Windows-1252 one may be

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # every control character but tab and newlines
# UTF-8 read as a code page: a lead byte (Â Ã Ä Å Ð Ñ, or â€ for quotes and dashes) then a continuation byte.
_CONTINUATION = "".join(sorted(set(bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore"))))
_MOJIBAKE = re.compile(f"[ÂÃÄÅÐÑ][{re.escape(_CONTINUATION)}]|â€")
# In a name read as Windows-1252, another code page's letters: a symbol between two letters ("Wroc³aw", "Êè¿â"),
# an accented capital after a small letter or inside a word ("£ódŸ", "ZŸrich"), three accented letters in a row
# ("Ìîñêâà").
_ALLOWED_INSIDE = "’‘'·–—-\xa0\xad"  # apostrophes, dashes, the no-break space and soft hyphen
_SYMBOLS = "".join(
    ch
    for ch in bytes(range(0x80, 0x100)).decode("cp1252", errors="ignore")
    if not unicodedata.category(ch).startswith(("L", "M")) and ch not in _ALLOWED_INSIDE
)
_LETTER = r"[^\W\d_]"
_NOT_A_NAME = re.compile(
    f"{_LETTER}[{re.escape(_SYMBOLS)}]{_LETTER}"  # a symbol inside a word
    "|[a-zà-ÿ][À-ÖØ-ÞŠŒŽŸ]"  # lower case, then an accented capital
    f"|{_LETTER}[À-ÖØ-ÞŠŒŽŸ][a-zß-öø-ÿšœž]"  # an accented capital inside a word of small letters ("ZŸrich")
    "|[À-ÖØ-öø-ÿŠŒŽšœžŸ]{3}"  # three accented letters in a row
)


@dataclass(frozen=True)
class DecodedText:
    """The text of a file and the encoding it was read as (as shown to the user)."""

    text: str
    encoding: str


class EncodingRefused(ValueError):
    """A file whose encoding cannot be told for sure; the message says why and how to fix it."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def decode_text(raw: bytes) -> DecodedText:
    """The text of an uploaded file (see the module docstring); raises EncodingRefused when unsure."""
    if raw.startswith(codecs.BOM_UTF8):
        decoded = DecodedText(_strict(raw[3:], "utf-8", "UTF-8 (it starts with a UTF-8 byte-order mark)"), UTF8_BOM)
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        le = raw.startswith(codecs.BOM_UTF16_LE)
        name = UTF16_LE if le else UTF16_BE
        decoded = DecodedText(
            _strict(raw[2:], "utf-16-le" if le else "utf-16-be", f"{name} (its byte-order mark)"), name
        )
    else:
        try:
            decoded = DecodedText(raw.decode("utf-8"), UTF8)
        except UnicodeDecodeError:
            decoded = DecodedText(_windows_1252(raw), CP1252)
            _check_text(decoded)
    return decoded


def _strict(raw: bytes, codec: str, what: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as error:
        raise EncodingRefused(
            f"file is not valid {what}: bytes at offset {error.start} cannot be read; {HOW_TO_FIX}"
        ) from None


def _windows_1252(raw: bytes) -> str:
    """The file read as Windows-1252, when that is the likely reading; else EncodingRefused saying why."""
    if b"\x00" in raw:
        raise EncodingRefused(
            "file is not UTF-8 and holds NUL bytes: it is not a text file, or it is UTF-16 without a byte-order "
            f"mark; {HOW_TO_FIX}"
        )
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise EncodingRefused(
            f"file is not UTF-8, nor Windows-1252 (byte 0x{raw[error.start]:02x} on line {line} is in neither); "
            + HOW_TO_FIX,
            line,
        ) from None
    matches = from_bytes(raw, cp_isolation=list(LEGACY_CANDIDATES))
    best = matches.best()
    ours = next((m for m in matches if "cp1252" in (m.encoding, *m.could_be_from_charset)), None)
    if ours is None or best is None or ours.chaos > MAX_CHAOS or ours.chaos > best.chaos + CHAOS_MARGIN:
        named = CODE_PAGE_NAMES.get(best.encoding, "") if best is not None and best is not ours else ""
        guess = f" (it looks more like {named})" if named else ""
        raise EncodingRefused(f"file is not UTF-8 and cannot be read for sure as Windows-1252{guess}; {HOW_TO_FIX}")
    if found := _NOT_A_NAME.search(text):
        word = _word_at(text, found.start())
        line = _line_of(text, found.start())
        raise EncodingRefused(
            f"file is not UTF-8, and read as Windows-1252 line {line} would say {word!r}, which does not look like "
            f"a name: it was saved in another encoding; {HOW_TO_FIX}",
            line,
        )
    return text


def _word_at(text: str, index: int) -> str:
    start = max(text.rfind(sep, 0, index + 1) for sep in (*SEPARATORS, "\n", " ")) + 1
    ends = [e for e in (text.find(sep, index + 1) for sep in (*SEPARATORS, "\n", " ")) if e >= 0]
    return text[start : min(ends, default=len(text))][:40]


def damage(text: str) -> tuple[int, str] | None:
    """Where and how a text was damaged before it came here, or is not text: (index, what), or None.

    A replacement character (letters lost by an earlier conversion), a control character, or UTF-8 read as a
    code page and saved again ("ZÃ¼rich")."""
    if (at := text.find("\ufffd")) >= 0:
        return at, "holds the replacement character '\ufffd': letters were lost when the file was converted before"
    if found := _CONTROL.search(text):
        return found.start(), f"holds the control character U+{ord(found.group()):04X}, which no name or note has"
    if found := _MOJIBAKE.search(text):
        return found.start(), (
            f"has garbled letters ({_word_at(text, found.start())!r}): the file was converted to another encoding "
            "twice; fix the names in the original file"
        )
    return None


def _check_text(decoded: DecodedText) -> None:
    """Refuse a guessed reading (Windows-1252) whose text looks damaged: the guess is then most likely wrong."""
    if (found := damage(decoded.text)) is not None:
        at, what = found
        line = _line_of(decoded.text, at)
        raise EncodingRefused(f"file read as {decoded.encoding} {what} (line {line}); {HOW_TO_FIX}", line)


def sniff_separator(text: str, columns: Iterable[str]) -> str:
    """The separator of a CSV text: the one whose header row names the most known columns (`,` on a tie)."""
    known = set(columns)
    first = next((line for line in text.splitlines() if line.strip()), "")

    def score(separator: str) -> tuple[int, int]:
        try:
            header = next(csv.reader(io.StringIO(first), delimiter=separator), [])
        except csv.Error:
            return (0, 0)
        return (sum(name.strip() in known for name in header), len(header))

    scores = {separator: score(separator) for separator in SEPARATORS}
    return max(SEPARATORS, key=lambda s: (scores[s], -SEPARATORS.index(s)))
