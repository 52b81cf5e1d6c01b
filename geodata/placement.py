"""How much of the lists is placed, and how: the figures of `python -m geodata report`, before and after.

"Before" is the build of main at commit 0eb5fa7 (one place per written name and country), measured once and kept
in `placement_before.json`: that geocoder recorded no method, so its figures by method are the ones a scratch copy
of it, instrumented, counted. "After" is read from the build at hand: its manifest (`listed` counts), its places
layer (`method`) and `far_from_source.csv` (with the rule or review that explains each far place).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd

BEFORE_FILE = Path(__file__).resolve().parent / "placement_before.json"
FAR_SHARE_TARGET = 0.003


def read_before(path: Path = BEFORE_FILE) -> dict:
    """The figures measured on main before geocoding by context (empty if the file is missing)."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def placement_figures(listed_stats: dict[str, int], places: pd.DataFrame, far: pd.DataFrame) -> dict:
    """The after figures: pairs and edges placed, ends and edges by method, far places and their reviews."""
    far_places = far["place_id"].nunique() if not far.empty else 0
    reviewed = far[far["review"].fillna("") != ""] if "review" in far else far.iloc[0:0]
    unreviewed = far_places - (reviewed["place_id"].nunique() if not reviewed.empty else 0)
    methods = Counter(m for value in places.get("method", pd.Series(dtype=str)).fillna("") for m in value.split(";"))
    return {
        "wikipedia": {
            "placed": listed_stats.get("wikipedia_resolved", 0),
            "of": listed_stats.get("wikipedia_pairs", 0),
        },
        "wikidata": {"placed": listed_stats.get("wikidata_resolved", 0), "of": listed_stats.get("wikidata_edges", 0)},
        "wikipedia_ends_by_method": _prefixed(listed_stats, "wikipedia_ends_by_"),
        "wikidata_edges_by_method": _prefixed(listed_stats, "wikidata_edges_by_"),
        "places_by_method": {m or "cited (curated)": n for m, n in sorted(methods.items())},
        "places": len(places),
        "far_places": far_places,
        "far_by_review": dict(Counter(reviewed["review"])) if not reviewed.empty else {},
        "far_unreviewed": unreviewed,
    }


def _prefixed(stats: dict[str, int], prefix: str) -> dict[str, int]:
    return {k[len(prefix) :]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}


def _rate(placed: int, of: int) -> str:
    return f"{placed:,} of {of:,} ({placed / of:.1%})" if of else "n/a"


def _share(count: int, places: int) -> str:
    return f"{count:,} of {places:,} places ({count / places:.2%})" if places else "n/a"


def _method_table(after: dict[str, int], before: dict[str, int]) -> list[str]:
    lines = ["| method | before | after |", "|---|---|---|"]
    for method in sorted(set(after) | set(before)):
        lines.append(f"| {method} | {before.get(method, 0):,} | {after.get(method, 0):,} |")
    return [*lines, ""]


def placement_section(after: dict, before: dict) -> list[str]:
    """The report's lines on placement: by list, by method, and far from the lists' points, before and after."""
    lines = [
        "## Placement of the lists, before and after geocoding by context\n",
        f"Before: {before.get('label', 'n/a')}. After: this build.\n",
        "| list | before | after |",
        "|---|---|---|",
    ]
    for key, label in (("wikipedia", "Wikipedia pairs placed"), ("wikidata", "Wikidata P190 edges placed")):
        was, now = before.get(key, {}), after[key]
        before_rate, after_rate = _rate(was.get("placed", 0), was.get("of", 0)), _rate(now["placed"], now["of"])
        lines.append(f"| {label} | {before_rate} | {after_rate} |")
    far_before = before.get("far_places", 0)
    lines += [
        f"| Places more than 100 km from their list's point | {_share(far_before, before.get('places', 0))} | "
        f"{_share(after['far_places'], after['places'])} |",
        "| ... of them explained by no rule or review | n/a (no review then) | "
        f"{_share(after['far_unreviewed'], after['places'])} |",
        "",
        "Wikipedia pair ends, by how each was placed:\n",
        *_method_table(after["wikipedia_ends_by_method"], before.get("wikipedia_ends_by_method", {})),
        "Wikidata edges, by how each was placed:\n",
        *_method_table(after["wikidata_edges_by_method"], before.get("wikidata_edges_by_method", {})),
        "Far places explained, by rule (`far_from_source.csv`, columns `review` and `review_reason`): "
        + (", ".join(f"{k} {v:,}" for k, v in sorted(after["far_by_review"].items())) or "none")
        + f". Target: at most {FAR_SHARE_TARGET:.1%} of places far from their list's point.\n",
    ]
    return lines
