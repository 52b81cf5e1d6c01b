"""Measure the "before" figures of `python -m geodata report` (geodata/placement_before.json) on main at 0eb5fa7,
whose geocoder records no method: run from a scratch copy of that commit (`git archive 0eb5fa7 | tar -x -C DIR`),
as `PYTHONPATH=DIR python scripts/placement_before.py`. It counts each placed pair end, and each placed edge, by the
rule that placed it, by wrapping main's resolver; far places are the distinct places of its far_from_source.csv."""
import json
from collections import Counter
from pathlib import Path

import geodata.listed as L
from geodata.geocode import GeocodeError, _distinct_places

counts: Counter = Counter()
original = L.ListedPlaceResolver.resolve_in_pair


def method_of(self, written_name, written_country, partner, partner_country, place):
    if self.homonyms.get((written_name, written_country, partner, partner_country)) is not None:
        return "override"
    if place.kind == "area":
        return "area"
    if not place.place_id.isdigit():
        return "override"
    for code, admin1 in self.countries(written_country, written_name):
        for name, name_admin1 in L.name_variants(written_name, code):
            a1 = name_admin1 or admin1
            try:
                found = self.geocoder.resolve(name, code, a1)
            except GeocodeError:
                if place.place_id in {str(e.geonameid) for e in ()}:
                    pass
                continue
            if found.place_id != place.place_id:
                continue
            if found.place_id in {p.place_id for ps in self.geocoder._override_index.values() for p in ps}:
                return "override"
            if a1:
                return "admin1"
            primary, alternate = self.geocoder.gazetteer.candidates(name, code)
            ranked = _distinct_places(sorted(primary or alternate, key=lambda e: (-e.population, e.geonameid)))
            return "unique" if len(ranked) == 1 else "population"
    return "list_coordinates"  # settled by resolve_near: the list's point within 30 km of one candidate


def patched(self, written_name, written_country, partner, partner_country):
    place = original(self, written_name, written_country, partner, partner_country)
    recent.append(method_of(self, written_name, written_country, partner, partner_country, place))
    return place


recent: list = []


class CountingTies(dict):
    """The ties dict: a Wikipedia pair is placed when its tie is set, so its two ends are the last two recorded."""

    def setdefault(self, key, default=None):
        if recent and len(recent) >= 2:
            counts.update(recent[-2:])
            recent.clear()
        return super().setdefault(key, default)


L.ListedPlaceResolver.resolve_in_pair = patched
_init = L.ListedImport.__init__


def _patched_init(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    self.ties = CountingTies()


L.ListedImport.__init__ = _patched_init
edge_counts: Counter = Counter()
_match = L._match_edge
_import_wd = L._import_wikidata


def _patched_wikidata(*args, **kwargs):
    recent.clear()  # the Wikipedia pairs are done: what is left is from pairs that were not placed
    L.ListedImport.__init__ = _init
    return _import_wd(*args, **kwargs)


def _patched_match(candidates, result, label_placed):
    existing = [1 for a in candidates[0] for b in candidates[1] if a != b and L.pair_key(a, b) in result.ties]
    tie = _match(candidates, result, label_placed)
    if tie is not None:
        if len(existing) == 1:
            edge_counts["wikidata_tie"] += 1
        elif set().union(*candidates) & label_placed:
            edge_counts["wikidata_dominant"] += 1
        else:
            edge_counts["wikidata_label"] += 1
    return tie


L._match_edge = _patched_match
L._import_wikidata = _patched_wikidata
from geodata.build import build  # noqa: E402

layers = build(Path("geodata/data"), Path("/tmp/main-methods-build"), progress=False)
print(json.dumps(dict(counts)), json.dumps(dict(edge_counts)), layers.manifest["listed"])
