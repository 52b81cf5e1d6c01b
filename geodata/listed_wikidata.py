"""Wikidata's P190 edges (2016 crawl), placed through the places of the Wikipedia lists.

The crawl gives each item a label and no country or coordinate, so an item is matched to a listed place:
- `wikidata_tie`: the edge is a Wikipedia tie: exactly one pair of the two labels' places is one (a county
  pinned at its seat counts as its seat: the Fairbanks North Star Borough and Fairbanks are one partner);
- `wikidata_label`: the item's label names exactly one listed place (main name, or a name as the lists write
  it; an alternate name only where no listed place has it as its main name, and never a historic one, i.e. the
  main name of a place five times bigger elsewhere: Mount Pleasant is not Frostburg);
- `wikidata_partners`: the label names several listed places (Yichun, London, Suzhou) and one of them, and only
  one, has Wikipedia ties with the item's other partners: an item is one place, so its edges agree;
- `wikidata_unique`: a label naming no listed place, but exactly one place of the whole gazetteer by its main
  name (Sinj, Alatri, Mölndal); the tie is then marked uncertain (a village below the gazetteer's 1,000 people
  may share the name);
- `wikidata_dominant`: else a big place that dwarfs every other place of that name in the world (Helsinki, Wien);
  the tie is then marked uncertain.
An edge between two matched items is placed; the others are kept in `unresolved` with the reason.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from tqdm import tqdm

from geodata.gazetteer import normalise_name
from geodata.geocode import Geocoder, Place, is_historic_name, is_short_form, pair_key, place_from_entry
from geodata.listed import ListedImport, ListedPlaceResolver, ListedTie

# A Wikidata label with no country is placed by name alone only if it names a big place that dwarfs every
# other place of that name in the world (Helsinki, Wien): the tie is then marked uncertain.
GLOBAL_MIN_POPULATION = 100_000
GLOBAL_DOMINANCE = 20.0


def import_wikidata(
    edges_path: Path, labels_path: Path, resolver: ListedPlaceResolver, result: ListedImport, progress: bool
) -> None:
    """Place the edges whose two items match listed places; keep the others with their reason."""
    labels = _read_labels(labels_path)
    with edges_path.open(encoding="utf-8") as handle:
        edges = [line.split("\t", 1) for line in handle.read().splitlines() if line.strip()]
    edges = [(a.strip(), b.strip()) for a, b in edges]
    by_name = label_index(result, resolver.geocoder)
    candidates = {q: by_name.get(normalise_name(labels.get(q, "")), set()) for edge in edges for q in edge}
    items, label_placed = _match_items(edges, candidates, labels, result, resolver.geocoder)
    refused = reviewed_unplaced(resolver)
    placed: Counter[str] = Counter()
    for number, (source_id, target_id) in enumerate(
        tqdm(
            edges, desc="matching Wikidata edges", unit="edge", file=sys.stderr, disable=not progress, mininterval=0.5
        ),
        start=1,
    ):
        names = (labels.get(source_id, ""), labels.get(target_id, ""))
        refusal = refused.get(frozenset(map(normalise_name, names)))
        tie, method = (
            (None, "") if refusal else _place_edge((source_id, target_id), candidates, items, result, label_placed)
        )
        if tie is None:
            result.unresolved.append(
                {
                    "source": edges_path.name,
                    "row": str(number),
                    "side": "",
                    "name": f"{names[0] or source_id} -> {names[1] or target_id}",
                    "country": "",
                    "reason": refusal or _edge_reason(names, [candidates[source_id], candidates[target_id]]),
                }
            )
            continue
        placed[method] += 1
        tie.in_wikidata = True
        matched = items.get(source_id, ("", ""))[0]
        in_source = tie.place_a in candidates[source_id]
        tie.listed_by.add(
            matched if matched in (tie.place_a, tie.place_b) else tie.place_a if in_source else tie.place_b
        )
        tie.sources[f"https://www.wikidata.org/wiki/{source_id}"] = None
    result.stats.update(wikidata_edges=len(edges), wikidata_resolved=sum(placed.values()))
    result.stats.update({f"wikidata_edges_by_{m}": n for m, n in sorted(placed.items())})


def reviewed_unplaced(resolver: ListedPlaceResolver) -> dict[frozenset[str], str]:
    """The pairs of names a review left unplaced (homonyms.csv, blank resolve_as) -> why: Wikidata's edge between
    the same two names means the same tie (Kartal - Tutin is Istanbul's Kartal district, not in the gazetteer)."""
    return {
        frozenset((normalise_name(name), normalise_name(partner))): f"left unplaced by review (homonyms.csv): {note}"
        for (name, _, partner, _), (resolve_as, _, _, note) in resolver.homonyms.items()
        if not resolve_as
    }


def _read_labels(path: Path) -> dict[str, str]:
    labels: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            qid, _, label = line.rstrip("\n").partition("\t")
            labels[qid] = label
    return labels


def label_index(result: ListedImport, geocoder: Geocoder) -> dict[str, set[str]]:
    """Normalised name -> the listed places it names: main and written names first, else current alternates."""
    main: dict[str, set[str]] = defaultdict(set)
    alternate: dict[str, set[str]] = defaultdict(set)
    for place in result.places.values():
        main[normalise_name(place.name)].add(place.place_id)
        for name in place.alt_names:
            alternate[normalise_name(name)].add(place.place_id)
    for key, ids in result.written.items():
        main[key] |= ids
    index = dict(main)
    for key, ids in alternate.items():
        if key in index:
            continue  # a current main name never loses to an alternate one
        current = {
            p
            for p in ids
            if not is_historic_name(key, result.places[p].geonameid, result.places[p].population, geocoder.gazetteer)
        }
        if current:
            index[key] = current
    return index


def _match_items(
    edges: list[tuple[str, str]],
    candidates: dict[str, set[str]],
    labels: dict[str, str],
    result: ListedImport,
    geocoder: Geocoder,
) -> tuple[dict[str, tuple[str, str]], set[str]]:
    """Item -> (place id, method) for the items a label or the item's partners single out."""
    items: dict[str, tuple[str, str]] = {}
    label_placed: set[str] = set()
    for qid, found in sorted(candidates.items()):
        if len(found) == 1:
            items[qid] = (next(iter(found)), "wikidata_label")
        elif not found and labels.get(qid):
            place = _only_place(geocoder, labels[qid]) or _globally_dominant(geocoder, labels[qid])
            if place is not None:
                result.add_place(place)
                candidates[qid] = {place.place_id}
                items[qid] = (place.place_id, place.method)
                label_placed.add(place.place_id)
    partners: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        partners[a].append(b)
        partners[b].append(a)
    for qid, found in sorted(candidates.items()):
        if len(found) > 1:
            chosen = _by_partners(found, partners[qid], candidates, result)
            if chosen is not None:
                items[qid] = (chosen, "wikidata_partners")
    return items, label_placed


def _by_partners(
    found: set[str], partners: list[str], candidates: dict[str, set[str]], result: ListedImport
) -> str | None:
    """The one candidate place with Wikipedia ties to the item's partners, when no other candidate has any."""
    scores = Counter(
        place
        for place in sorted(found)
        for partner in set(partners)
        if any(pair_key(place, other) in result.ties for other in candidates.get(partner, ()) if other != place)
    )
    ranked = scores.most_common()
    if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


def _place_edge(
    edge: tuple[str, str],
    candidates: dict[str, set[str]],
    items: dict[str, tuple[str, str]],
    result: ListedImport,
    label_placed: set[str],
) -> tuple[ListedTie | None, str]:
    """The tie an edge names and how it was found, or (None, "")."""
    first, second = _with_seats(candidates[edge[0]], result), _with_seats(candidates[edge[1]], result)
    existing = [result.ties[pair_key(a, b)] for a in first for b in second if a != b and pair_key(a, b) in result.ties]
    if len(existing) == 1:
        return existing[0], "wikidata_tie"
    if existing:
        return None, ""
    if edge[0] not in items or edge[1] not in items:
        return None, ""
    (a, how_a), (b, how_b) = items[edge[0]], items[edge[1]]
    if a == b:
        return None, ""
    tie = result.ties.get(pair_key(a, b))
    if tie is None:
        tie = result.ties.setdefault(pair_key(a, b), ListedTie(a, b))
        tie.name_matched = True
        tie.label_placed = bool({a, b} & label_placed)
    # the weaker of the two items' methods names the edge's
    order = ["wikidata_label", "wikidata_partners", "wikidata_dominant", "wikidata_unique"]
    return tie, max(how_a, how_b, key=order.index)


def _with_seats(found: set[str], result: ListedImport) -> set[str]:
    """The places an item may mean, with the seat of a county pinned at its seat: Wikidata gives the Fairbanks
    North Star Borough and Fairbanks each the ties with Pune and Yakutsk, which are one tie each, not two."""
    seats = {
        str(place.geonameid)
        for place in (result.places.get(p) for p in found)
        if place is not None and place.kind == "county" and place.geonameid is not None
    }
    return found | {s for s in seats if s in result.places}


def _only_place(geocoder: Geocoder, label: str) -> Place | None:
    """The one place of the gazetteer, in the whole world, that a country-less label names, or None."""
    entries = geocoder.gazetteer.anywhere(label)
    if len(entries) != 1:
        return None
    entry = entries[0]
    if normalise_name(entry.name) != normalise_name(label) and not is_short_form(label, entry.name):
        return None  # an alternate name alone is too weak a match without a country
    return place_from_entry(entry, method="wikidata_unique")


def _globally_dominant(geocoder: Geocoder, label: str) -> Place | None:
    """The one big place a country-less label can mean, or None (see GLOBAL_DOMINANCE)."""
    entries = sorted(geocoder.gazetteer.anywhere(label), key=lambda e: -e.population)
    if not entries or entries[0].population < GLOBAL_MIN_POPULATION:
        return None
    if len(entries) > 1 and entries[0].population < GLOBAL_DOMINANCE * max(entries[1].population, 1):
        return None
    return place_from_entry(entries[0], method="wikidata_dominant")


def _edge_reason(names: tuple[str, str], candidates: list[set[str]]) -> str:
    for name, found in zip(names, candidates):
        if not name:
            return "Wikidata item has no label in the 2016 crawl"
        if not found:
            return (
                f"label {name!r} names no place of the Wikipedia lists; the 2016 crawl gives no country, so it "
                "is not geocoded by name alone"
            )
        if len(found) > 1:
            return (
                f"label {name!r} names {len(found)} places of the Wikipedia lists: ambiguous without a country, "
                "and the item's partners do not single one out"
            )
    return "the labels match several Wikipedia ties"
