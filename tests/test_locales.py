"""The Ukrainian catalogue mirrors the English one: every name of en.py, with the same type and shape (dict keys,
tuple lengths), the same `{placeholders}` and format specs in every template, and text that is Ukrainian."""

from __future__ import annotations

import ast
import importlib
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

LOCALES = Path(__file__).resolve().parent.parent / "dashboard" / "locales"
en = importlib.import_module("dashboard.locales.en")
uk = importlib.import_module("dashboard.locales.uk")


def catalogue_names(path: Path) -> list[str]:
    """The UPPERCASE names a catalogue assigns at module level, in order (not the ones it imports)."""
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
    return names


EN_NAMES = catalogue_names(LOCALES / "en.py")
UK_NAMES = catalogue_names(LOCALES / "uk.py")


def pairs(en_value: object, uk_value: object, where: str) -> Iterator[tuple[str, str, str]]:
    """Walk both values together, checking they have the same shape; yield (where, en string, uk string)."""
    assert type(uk_value) is type(en_value), f"{where}: {type(uk_value).__name__}, not {type(en_value).__name__}"
    if isinstance(en_value, str):
        yield where, en_value, uk_value  # type: ignore[misc]
    elif isinstance(en_value, dict):
        assert list(uk_value) == list(en_value), f"{where}: the dict keys differ (or are in another order)"  # type: ignore[call-overload]
        for key in en_value:
            yield from pairs(en_value[key], uk_value[key], f"{where}[{key!r}]")  # type: ignore[index]
    elif isinstance(en_value, tuple | list):
        assert len(uk_value) == len(en_value), f"{where}: {len(uk_value)} items, not {len(en_value)}"  # type: ignore[arg-type]
        for i, (e, u) in enumerate(zip(en_value, uk_value)):  # type: ignore[call-overload]
            yield from pairs(e, u, f"{where}[{i}]")
    else:
        assert uk_value == en_value, f"{where}: {uk_value!r} != {en_value!r}"


def all_pairs() -> list[tuple[str, str, str]]:
    return [p for name in EN_NAMES if hasattr(uk, name) for p in pairs(getattr(en, name), getattr(uk, name), name)]


PAIRS = all_pairs()


def fields(template: str) -> set[tuple[str, str, str | None]]:
    """The replacement fields of a format string: (name, format spec, conversion)."""
    return {(name, spec or "", conv) for _, name, spec, conv in string.Formatter().parse(template) if name is not None}


def test_the_catalogues_are_found():
    assert len(EN_NAMES) > 100
    assert len(PAIRS) > 300


@pytest.mark.parametrize("name", EN_NAMES)
def test_uk_has_every_name_with_the_same_type_and_shape(name):
    assert name in UK_NAMES, f"uk.py lacks {name}"
    for where, en_text, uk_text in pairs(getattr(en, name), getattr(uk, name), name):
        assert uk_text.strip() or not en_text.strip(), f"{where} is empty"


def test_uk_has_no_names_en_lacks_and_keeps_their_order():
    assert [n for n in UK_NAMES if n not in EN_NAMES] == []
    assert [n for n in UK_NAMES if n in EN_NAMES] == [n for n in EN_NAMES if n in UK_NAMES], "order differs from en.py"
    assert len(UK_NAMES) == len(set(UK_NAMES)), "a name is assigned twice"


@pytest.mark.parametrize(("where", "en_text", "uk_text"), PAIRS, ids=[p[0] for p in PAIRS])
def test_same_placeholders_and_format_specs(where, en_text, uk_text):
    assert fields(uk_text) == fields(en_text)
    values = {name: 1234 if spec else "x" for name, spec, _ in fields(en_text)}
    uk_text.format(**values)  # no stray braces


@pytest.mark.parametrize(("where", "en_text", "uk_text"), PAIRS, ids=[p[0] for p in PAIRS])
def test_markup_is_kept(where, en_text, uk_text):
    assert uk_text.count("<br>") == en_text.count("<br>")
    assert uk_text.startswith("…") == en_text.startswith("…")


def test_vocabulary_labels_keep_their_parenthesis():
    """text.short_label cuts a label at " (": a long label must still have its short form first."""
    for group, labels in en.VOCAB_LABELS.items():
        for word, label in labels.items():
            assert (" (" in uk.VOCAB_LABELS[group][word]) == (" (" in label), (group, word)


CYRILLIC = re.compile(r"[\u0400-\u04FF]")
RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")


def test_the_catalogue_is_ukrainian():
    texts = [u for _, _, u in PAIRS]
    cyrillic = [t for t in texts if CYRILLIC.search(t)]
    assert len(cyrillic) / len(texts) > 0.85
    assert sum(bool(UKRAINIAN_ONLY.search(t)) for t in texts) > len(texts) / 3
    assert [(w, u) for w, _, u in PAIRS if RUSSIAN_ONLY.search(u)] == []


def test_ukrainian_typography():
    """«Ялинки» for quotes and the typographic apostrophe ’, used the same way throughout."""
    assert [(w, u) for w, _, u in PAIRS if re.search(r"[“”„\"]", u)] == []
    assert [(w, u) for w, _, u in PAIRS if "'" in u] == []
    assert [(w, u) for w, _, u in PAIRS if re.search(r"\w\s+[,;:.]", u.replace("…", ""))] == []


# Words that may stay in Latin letters when a string is left as in en.py: names of the product, sources,
# formats and featured places.
NAMES = {
    "Twinning",
    "Atlas",
    "Wikipedia",
    "Wikidata",
    "GeoNames",
    "GeoJSON",
    "CSV",
    "PNG",
    "SVG",
    "HTML",
    "Natural",
    "Earth",
    "Kyiv",
    "Lviv",
    "Kharkiv",
    "Odesa",
}
IDENTIFIER = re.compile(r"[a-z0-9_]*")  # data words (QUALITY_ITEMS' fields), and empty links
NOT_WORDS = re.compile(r"\{[^}]*\}|https?://\S+|[\w-]+\.(?:csv|md|py)\b|twinning-atlas")


def test_strings_left_as_in_english_are_only_names():
    untranslated = [
        (where, text)
        for where, en_text, text in PAIRS
        if text == en_text
        and not IDENTIFIER.fullmatch(text)
        and set(re.findall(r"[A-Za-z]{3,}", NOT_WORDS.sub(" ", text))) - NAMES
    ]
    assert untranslated == []


def test_featured_cities_keep_the_data_names():
    assert [c[1:] for c in uk.FEATURED_CITIES] == [c[1:] for c in en.FEATURED_CITIES]
    assert all(CYRILLIC.search(label) for label, _, _ in uk.FEATURED_CITIES)


def test_dates_follow_no_preposition():
    """i18n.date_text writes months in the nominative ("березень 2022"), so "з {date}" would read wrong."""
    dated = [(w, u) for w, _, u in PAIRS if {"date", "since"} & {f[0] for f in fields(u)}]
    assert dated
    assert [(w, u) for w, u in dated if re.search(r"(?<!\w)(з|із|зі|від|до|у|в|на)\s+\{(date|since)\}", u)] == []
