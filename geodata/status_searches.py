"""Ties whose status no source was found for: what was searched, kept as data so the atlas can say so.

`status_searches.csv` lists ties (mostly from the Wikipedia and Wikidata lists, which give no status) whose
status was looked for in the press and the councils' own pages without finding a page that states it. The
layers add the search to the tie's note, so its hover and panel say "no source found for its status", not
nothing. Knows nothing of Dash.
"""

from __future__ import annotations

from pathlib import Path

from geodata import cells, schema
from geodata.dates import DateFormatError, parse_partial_date
from geodata.gazetteer import normalise_name
from geodata.geocode import Place
from geodata.problems import Problem
from geodata.reading import read_table

SEARCHES_FILE = schema.STATUS_SEARCHES.file_name


SearchKey = frozenset  # {(folded name, country), (folded name, country)}: both ends, in any order


def search_key(name_a: str, country_a: str, name_b: str, country_b: str) -> SearchKey:
    """The key that matches a search to a tie by its ends' names, as written or as the layers name them."""
    return frozenset({(normalise_name(name_a), country_a.upper()), (normalise_name(name_b), country_b.upper())})


def read_status_searches(folder: Path, problems: list[Problem]) -> dict[SearchKey, str]:
    """Per tie (by its ends' names), the note of the search for its status; {} without the file.

    Matched by name, not geocoded: most of these ties come from the lists, whose places may be placed by the
    lists' own coordinates (districts, city boroughs) rather than by the gazetteer.
    """
    path = folder / SEARCHES_FILE
    if not path.exists():
        return {}
    rows, read_problems = read_table(path, schema.STATUS_SEARCHES)
    problems.extend(read_problems)
    searches: dict[SearchKey, str] = {}
    for row in rows:
        try:
            checked = parse_partial_date(row.get("checked")).text
            countries = [cells.country_code(row.get(c)) for c in ("country_a", "country_b")]
        except (DateFormatError, cells.CellError) as error:
            problems.append(Problem(SEARCHES_FILE, row.number, "", str(error)))
            continue
        key = search_key(row.get("city_a"), countries[0], row.get("city_b"), countries[1])
        searches[key] = f"no source found for its status (searched {checked}: {row.get('searched')})"
    return searches


def _names(place: Place) -> set[tuple[str, str]]:
    """A place's name and alternate names, folded, with its country (Homyel' is also Gomel)."""
    return {(normalise_name(n), place.country) for n in (place.name, *place.alt_names) if n}


def find_search(searches: dict[SearchKey, str], a: Place, b: Place) -> str:
    """The search note of the tie between two places, matched by any of their names; '' when none."""
    if not searches:
        return ""
    names_b = _names(b)
    for end in _names(a):
        for other in names_b:
            if (note := searches.get(frozenset({end, other}))) is not None:
                return note
    return ""
