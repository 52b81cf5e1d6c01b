"""Ukrainian place names for the interface's Ukrainian mode: GeoNames alternate names, checked, plus a reviewed table.

GeoNames' alternate names carry no language tag: a city's list mixes Ukrainian, Russian, Belarusian, Serbian and
Bulgarian spellings and epithets (Kyiv: Киев, Київ, Кијев, Кіеў). Showing a Russian spelling to a Ukrainian reader
is worse than showing the Latin name, so `ukrainian_name` takes a spelling only when it can trust it:

1. Form: Ukrainian letters only (no ы э ъ ё ў ј љ...), as many words as the Latin name (no epithets such as
   Південна Пальміра), and none of the spellings Ukrainian orthography rules out but Russian, Belarusian or old
   spellings use (Пермь, Омск, Хмельницкий, Нїжин, Крупкі, Мадрід, Иокогама; see the patterns below).
2. Reading: its KMU 2010 romanisation must read almost like the Latin name (difflib ratio >= MIN_SIMILARITY).
   Ukrainian и romanises as y, so Russian spellings fall short of the Latin names Ukrainian cities are known by
   (Харьков -> Kharkov, not Kharkiv).
3. Trust: a spelling with a Ukrainian mark (і ї є ґ, or -ськ/-цьк) is taken at MIN_SIMILARITY; one without may be
   Russian, Bulgarian or Serbian (Одесса, Франкфурт на Майн), so it must read exactly as the Latin name (Одеса,
   Полтава) and not be in a Cyrillic-writing country. In Russia and Belarus, where the Latin name romanises the
   Russian or Belarusian one, the spelling needs a mark neither language has (Бєлгород, Новосибірськ).
4. Choice: the best reading wins; on a tie, г over ґ, then a Ukrainian mark, then more soft signs (Трускавець
   over Трускавец). Two different spellings still tied give no name.

Where the rule gives no name or a wrong one, the reviewed table `place_names_uk.csv` (`read_name_overrides`)
decides; `ukrainian_names` gives every place the name to show: the table's, the rule's, or the Latin one.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from geodata import cells, schema
from geodata.gazetteer import Gazetteer, normalise_name
from geodata.geocode import Place
from geodata.problems import Problem
from geodata.reading import read_table

# Scores below this are not trusted; see _similarity for how a spelling is compared.
MIN_SIMILARITY = 0.9
MAX_G_CHOICES = 3  # г's read as either h or g: 2**3 romanisations at most

UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"  # lower case, in alphabetical order
UKRAINIAN_LETTERS = frozenset(UKRAINIAN_ALPHABET + UKRAINIAN_ALPHABET.upper())
UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")  # letters Russian lacks: their presence marks a Ukrainian spelling
APOSTROPHES = "'’ʼ"
_ALLOWED = UKRAINIAN_LETTERS | frozenset(APOSTROPHES + " -")

# Ukrainian writes ь only after д т з с ц л н (and дз, and р before о: трьох); Russian writes Пермь, Тверь, so a
# soft sign after any other letter marks a Russian (or Belarusian) spelling.
_RUSSIAN_SOFT_SIGN = re.compile(r"[бпвмфжчшщгґкхйаеєиіїоуюя]ь|рь(?!о)", re.IGNORECASE)
# Ukrainian ends place names in -ськ, -цьк (Омськ, Донецьк, Гданськ) and adjectives in -ський, -цький, -а, -е;
# Russian and Belarusian in -ск, -цк (Омск, Донецк, Гданьск, Віцебск), -ский, -цкий, -ая, -ое, -ее.
_RUSSIAN_ENDING = re.compile(r"(?:[сц]к|[сц]кий|ая|ое|ее|яя)(?![^\W\d_])", re.IGNORECASE)
# Ukrainian writes an apostrophe between a labial and я ю є ї (П'єр, Ов'єдо, Рум'я) unless a consonant other than р
# comes before the labial; Russian writes none (Пьер), nor do misspellings such as Овєдо. (Names from Russia and
# Belarus keep the exceptions the orthography allows them: Бєлгород, Вязьма.)
_NO_APOSTROPHE = re.compile(r"(?:^|(?<=[\s\-аеєиіїоуюяр]))[бпвмф][яюєї]", re.IGNORECASE)
# The "rule of nine": in foreign names Ukrainian writes и, not і, after д т з с ц ж ч ш р before a consonant other
# than й (Мадрид, Париж, Чикаго); Belarusian and some misspellings write і (Мадрід, Паріж).
_RULE_OF_NINE = re.compile(r"[дтзсцжчшр]і[бвгґджзклмнпрстфхцчшщ]", re.IGNORECASE)
# Outside Ukraine a word-initial и, or и before a vowel, is Russian (Иокогама, Мариетта): Ukrainian writes Йо-, І-
# and і before a vowel (Йокогама, Ізмір, Маріуполь). Ukrainian places may start with И (Иршава).
_RUSSIAN_I = re.compile(r"(?:^|(?<=[\s\-]))и|и[аеоуюя]", re.IGNORECASE)
# Modern Ukrainian writes ї only after a vowel or an apostrophe; Rusyn and pre-war Galician spellings put it after a
# consonant (Нїжин, Чернїгів).
_OLD_YI = re.compile(r"[бвгґджзйклмнпрстфхцчшщь]ї", re.IGNORECASE)
# Belarusian has no и and writes Slavic place names in -кі, -гі, -хі (Крупкі, Хімкі) where Ukrainian writes -ки,
# -ги, -хи; Ukrainian keeps -кі only in non-Slavic names (Гельсінкі, Нагасакі) and in plural adjectives, which
# come with letters Belarusian lacks (Великі Береги).
_BELARUSIAN_ENDING = re.compile(r"[кгґх]і(?![^\W\d_])", re.IGNORECASE)
_NOT_BELARUSIAN = frozenset("иїєґщИЇЄҐЩ")
SLAVIC_COUNTRIES = frozenset({"BY", "RU", "UA", "PL", "CZ", "SK", "BG", "RS", "HR", "SI", "BA", "ME", "MK"})
_UKRAINIAN_SK = re.compile(r"[сц]ьк", re.IGNORECASE)
# Countries whose places' Cyrillic alternates are most likely their own spellings (Russian, Belarusian, Bulgarian,
# Serbian, Kazakh...) or Russian ones (Moldova), not Ukrainian ones.
RUSSIAN_OR_BELARUSIAN = frozenset({"RU", "BY"})
CYRILLIC_COUNTRIES = RUSSIAN_OR_BELARUSIAN | {"BG", "RS", "MK", "ME", "BA", "KZ", "KG", "TJ", "MN", "MD"}

# KMU 2010 (Cabinet of Ministers of Ukraine resolution No. 55); є ї й ю я romanise differently at a word's start.
_KMU = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
    "'": "",
    "’": "",
    "ʼ": "",
}
_KMU_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def _with_capitals(table: dict[str, str]) -> dict[str, str]:
    return {**table, **{k.upper(): v[:1].upper() + v[1:] for k, v in table.items() if k.upper() != k}}


_KMU_TABLE = str.maketrans(_with_capitals(_KMU))
_KMU_INITIAL_CAPS = _with_capitals(_KMU_INITIAL)
# є ї й ю я at the start of a word: after no letter and no apostrophe.
_WORD_INITIAL = re.compile(r"(?<![^\W\d_])(?<![" + APOSTROPHES + r"])[єїйюяЄЇЙЮЯ]")
_ZGH = re.compile("(?<=[зЗ])[гГ]")
_BGN_TABLE = str.maketrans(_with_capitals({**_KMU, **_KMU_INITIAL}))
_NON_WORD = re.compile(r"[\W_]+")


def transliterate_uk(text: str) -> str:
    """Romanise Ukrainian text by the national KMU 2010 system (Київ -> Kyiv); other characters pass through."""
    # зг -> zgh, so that it does not read as ж (Zghurskyi, not Zhurskyi)
    text = _ZGH.sub(lambda m: "Gh" if m.group().isupper() else "gh", text)
    text = _WORD_INITIAL.sub(lambda m: _KMU_INITIAL_CAPS[m.group()], text)
    return text.translate(_KMU_TABLE)


def _latin_key(text: str) -> str:
    """Fold Latin text for comparison: no accents, no case, no apostrophes, words separated by one space."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        text = text.replace("ß", "ss").replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ı", "i")
    text = text.lower().replace("'", "").replace("’", "").replace("ʼ", "").replace("`", "")
    return " ".join(_NON_WORD.sub(" ", text).split())


_WORD_BREAK = re.compile(r"[\s\-]+")
_ONE_APOSTROPHE = str.maketrans({a: "'" for a in APOSTROPHES})


def _words(text: str) -> int:
    return len(_WORD_BREAK.split(text.strip()))


def is_ukrainian_spelling(candidate: str, country: str = "") -> bool:
    """Whether a name could be Ukrainian: Ukrainian letters only, and no spelling only Russian or Belarusian has."""
    if not _ALLOWED.issuperset(candidate) or not UKRAINIAN_LETTERS.intersection(candidate):
        return False
    if country in SLAVIC_COUNTRIES and _BELARUSIAN_ENDING.search(candidate) and not _not_belarusian(candidate):
        return False
    return (
        not _RUSSIAN_SOFT_SIGN.search(candidate)
        and not _OLD_YI.search(candidate)
        and not _RUSSIAN_ENDING.search(candidate)
        and (country in RUSSIAN_OR_BELARUSIAN or not _NO_APOSTROPHE.search(candidate))
        and (country in SLAVIC_COUNTRIES or not _RULE_OF_NINE.search(candidate))
        and (country == "UA" or not _RUSSIAN_I.search(candidate))
    )


def _not_russian(candidate: str) -> bool:
    """A mark Russian spelling lacks: і ї є ґ, or the -ськ/-цьк of Ukrainian place names (Омськ)."""
    return any(ch in UKRAINIAN_ONLY for ch in candidate) or bool(_UKRAINIAN_SK.search(candidate))


def _not_belarusian(candidate: str) -> bool:
    """A mark Belarusian spelling lacks: и ї є ґ щ, or -ськ/-цьк (Belarusian writes Мінск, Віцебск)."""
    return any(ch in _NOT_BELARUSIAN for ch in candidate) or bool(_UKRAINIAN_SK.search(candidate))


def _romanisations(candidate: str, mixed_g: bool) -> set[str]:
    """The folded ways a Latin name may spell a Ukrainian one: KMU 2010; the older BGN/PCGN style that GeoNames
    still uses for many Ukrainian places (Berdyans'k: я -> ya inside words too); and г as g, since a foreign name
    written with г has g in its own language (Регенсбург). With `mixed_g` each г reads h or g on its own
    (Гамбург, Hamburg), which also lets Russian renderings of German h through (Гейдельберг): only for spellings
    with a Ukrainian mark."""
    keys = {_latin_key(candidate.translate(_BGN_TABLE))}
    parts = re.split("([гГ])", candidate)
    hs = parts[1::2]
    choices = range(1 << min(len(hs), MAX_G_CHOICES)) if mixed_g else (0, (1 << len(hs)) - 1)
    for choice in choices:
        # bit i set: the i-th г reads g (ґ); a name with more г's keeps the rest as h
        letters = ["ґ" if choice >> i & 1 else h for i, h in enumerate(hs)]
        variant = "".join(part + (letters[i] if i < len(letters) else "") for i, part in enumerate(parts[0::2]))
        keys.add(_latin_key(transliterate_uk(variant)))
    return keys


def _similarity(candidate: str, latin_key: str, mixed_g: bool = True) -> float:
    """How closely a candidate's romanisation reads like the Latin name (1.0 = the same letters)."""
    romanisations = _romanisations(candidate, mixed_g)
    if latin_key in romanisations:
        return 1.0
    best = 0.0
    for romanised in romanisations:
        matcher = difflib.SequenceMatcher(None, romanised, latin_key, autojunk=False)
        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:  # cheap upper bounds first
            best = max(best, matcher.ratio())
    return best


def _trusted(candidate: str, score: float, country: str) -> bool:
    """Whether a well-formed candidate with this score can be shown as the Ukrainian name."""
    if " " in candidate and country not in (SLAVIC_COUNTRIES if _not_russian(candidate) else {"UA"}):
        # Ukrainian hyphenates a transcribed foreign compound name (Буенос-Айрес, Порту-Алегрі), keeping spaces
        # for Slavic adjective + noun names (Кривий Ріг, Банська Бистриця); Bulgarian and Serbian spellings and
        # misspellings keep the spaces (Порто Алегре, Буенос Аірес). A translated name (Новий Орлеан) does not
        # read like the Latin one anyway.
        return False
    if country in RUSSIAN_OR_BELARUSIAN:
        # The Latin name romanises the Russian or Belarusian name, which reads like it (Галіч, Galich; Грозни,
        # Grozny): only a spelling neither language could have is taken.
        return score >= MIN_SIMILARITY and _not_russian(candidate) and _not_belarusian(candidate)
    if _not_russian(candidate):
        return score >= MIN_SIMILARITY
    # A spelling with no Ukrainian mark may be Russian, Bulgarian or Serbian (Одесса, Франкфурт на Майн, Тараз):
    # it is taken only if it reads exactly as the Latin name (Одеса, Полтава, Рабат), and not for a place in a
    # Cyrillic-writing country, whose own spelling it most likely is.
    return score >= 1.0 and country not in CYRILLIC_COUNTRIES


def ukrainian_name(name: str, alternates: Sequence[str], country: str = "") -> str | None:
    """The Ukrainian spelling of a place among its GeoNames alternate names, or None when none can be trusted.

    `country` (ISO 3166-1 alpha-2) sharpens the rule: Russian and Belarusian places need a Ukrainian mark.
    """
    latin_key = _latin_key(name)
    if not latin_key:
        return None
    words = _words(name)
    scored: dict[str, tuple[float, int, bool, int]] = {}
    seen: set[str] = set()
    well_formed: set[str] = set()
    for candidate in alternates:
        candidate = candidate.strip()
        if not _ALLOWED.issuperset(candidate):
            continue  # most alternates are in other scripts: the cheapest test goes first
        spelling = candidate.translate(_ONE_APOSTROPHE)  # Слов'янськ and Слов’янськ are one spelling
        if spelling in seen:
            continue
        seen.add(spelling)
        if _words(candidate) != words or not is_ukrainian_spelling(candidate, country):
            continue
        well_formed.add(candidate)
        score = _similarity(candidate, latin_key, mixed_g=_not_russian(candidate))
        if _trusted(candidate, score, country):
            # Ties go first to г over the ґ that some GeoNames entries use for a foreign g (Оранієнбург, not
            # Оранієнбурґ), then to a spelling with і ї є ґ, then to more soft signs (romanisation drops ь), as
            # Ukrainian writes them where Russian and Bulgarian do not (Трускавець, Умань, Хмельницький).
            lower = candidate.lower()
            scored[candidate] = (
                round(score, 6),
                -lower.count("ґ"),
                any(ch in UKRAINIAN_ONLY for ch in lower),
                lower.count("ь"),
            )
    if not scored:
        return None
    best = max(scored.values())
    winners = [candidate for candidate, key in scored.items() if key == best]
    # Two different spellings that read the same leave the choice to the reviewed table.
    if len(winners) != 1:
        return None
    # A ґ written for a foreign g (Гамбурґ, Волоґда) gives way to the standard г when GeoNames has that spelling
    # too: it is the same word, and without the mark it could not have been trusted on its own.
    standard = winners[0].replace("ґ", "г").replace("Ґ", "Г")
    return standard if standard in well_formed else winners[0]


# --- the reviewed table ---------------------------------------------------------------------------------------
GEONAMES_SOURCE = "GeoNames alternate name"  # the source that says name_uk is one of the place's alternates


def _spelling_problem(name_uk: str) -> str | None:
    """Why a reviewed name is not written in the Ukrainian alphabet, or None if it is."""
    if not name_uk:
        return "missing value: name_uk is required"
    foreign = sorted({ch for ch in name_uk if ch not in _ALLOWED})
    if foreign:
        shown = ", ".join(repr(ch) for ch in foreign)
        return f"name_uk {name_uk!r} must be written in the Ukrainian alphabet: {shown} is not a Ukrainian letter"
    if not UKRAINIAN_LETTERS.intersection(name_uk):
        return f"name_uk {name_uk!r} has no Ukrainian letter"
    return None


def read_name_overrides(
    folder: Path, gazetteer: Gazetteer, places: Iterable[Place], problems: list[Problem]
) -> dict[str, str]:
    """The reviewed Ukrainian names of a dataset folder (`place_names_uk.csv`, optional), by place id.

    A row names its place by `geonameid` (a GeoNames place) or by `place_id` (a places.csv row that is not a
    GeoNames city: a state, a county, a port authority), and repeats its Latin `name` so that a wrong id shows.
    Every bad row is left out and reported with its row and column in `problems`.
    """
    spec = schema.PLACE_NAMES_UK
    path = folder / spec.file_name
    if not path.exists():
        return {}  # optional: a dataset without Ukrainian names shows the Latin ones
    rows, read_problems = read_table(path, spec)
    problems.extend(read_problems)
    pinned = {p.place_id: p for p in places}
    names: dict[str, str] = {}
    first_row: dict[str, int] = {}
    for row in rows:
        row_problems: list[Problem] = []

        def fail(column: str, message: str, number: int = row.number, found: list[Problem] = row_problems) -> None:
            found.append(Problem(spec.file_name, number, column, message))

        geonameid, place_id, name = row.get("geonameid"), row.get("place_id"), row.get("name")
        name_uk = row.get("name_uk")
        known_names: set[str] = set()
        alternates: tuple[str, ...] = ()
        key = ""
        if geonameid and place_id:
            fail("place_id", "give either geonameid (a GeoNames place) or place_id (a places.csv row), not both")
        elif geonameid:
            if not geonameid.isdigit() or int(geonameid) not in gazetteer.by_id:
                fail("geonameid", f"GeoNames id {geonameid!r} is not in the gazetteer")
            else:
                entry = gazetteer.by_id[int(geonameid)]
                key, alternates = str(entry.geonameid), entry.alt_names
                known_names = {entry.name, *entry.alt_names}
                if key in pinned:  # a city pinned in places.csv may be shown under its own spelling
                    known_names |= {pinned[key].name, *pinned[key].alt_names}
        elif place_id:
            place = pinned.get(place_id)
            if place is None or place_id.isdigit():
                fail(
                    "place_id",
                    f"place_id {place_id!r} is not in places.csv (a GeoNames city, pinned there or "
                    "not, is named by its geonameid)",
                )
            else:
                key, known_names = place_id, {place.name, *place.alt_names}
        else:
            fail("geonameid", "missing value: give geonameid (a GeoNames place) or place_id (a places.csv row)")
        if not name:
            fail("name", "missing value: name is required (the Latin name, to show which place is meant)")
        elif known_names and normalise_name(name) not in {normalise_name(n) for n in known_names}:
            fail("name", f"{name!r} is not a name of {geonameid or place_id}: check the id")
        spelling = _spelling_problem(name_uk)
        if spelling:
            fail("name_uk", spelling)
        try:
            sources = cells.sources(row.get("source"))
        except cells.CellError as error:
            fail("source", str(error).replace("every row", "every name"))
            sources = ()
        if GEONAMES_SOURCE.casefold() in (s.casefold() for s in sources) and key and not spelling:
            if not alternates:
                fail("source", f"{GEONAMES_SOURCE!r} needs a geonameid: a places.csv row has no alternate names")
            elif name_uk.translate(_ONE_APOSTROPHE) not in {a.strip().translate(_ONE_APOSTROPHE) for a in alternates}:
                fail(
                    "source",
                    f"{name_uk!r} is not among the GeoNames alternate names of {geonameid}; give the "
                    "source of this spelling instead",
                )
        if key in first_row:
            fail(
                "geonameid" if geonameid else "place_id",
                f"duplicate Ukrainian name for {key}: already on row {first_row[key]}",
            )
        problems.extend(row_problems)
        if not row_problems:
            first_row[key] = row.number
            names[key] = name_uk
    return names


# --- the layers' column ---------------------------------------------------------------------------------------
def ukrainian_names(
    places: Iterable[Place], overrides: Mapping[str, str], gazetteer: Gazetteer | None = None
) -> dict[str, str]:
    """Place id -> the name to show in Ukrainian: the reviewed table's, else the GeoNames rule's, else the Latin
    name (never empty, so the interface can simply pick the column by language)."""
    names: dict[str, str] = {}
    for place in places:
        name = overrides.get(place.place_id)
        # Only a GeoNames city has that place's alternates: a county or a port authority located at its seat
        # carries the seat's GeoNames id, and the seat's Ukrainian name is not its own.
        if name is None and place.geonameid is not None and place.place_id == str(place.geonameid):
            entry = gazetteer.by_id.get(place.geonameid) if gazetteer is not None else None
            alternates = entry.alt_names if entry is not None else place.alt_names
            name = ukrainian_name(place.name, alternates, place.country)
            if name is None and entry is not None and entry.name != place.name:
                name = ukrainian_name(entry.name, alternates, place.country)  # Mykolaiv, pinned; Mykolayiv there
        names[place.place_id] = name or place.name
    return names
