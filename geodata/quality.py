"""Data-quality checks no other map offers, and the readable report of them (`python -m geodata report`).

- one-sided ties: listed on one partner's entry only;
- Ukrainian-Russian ties still shown as active (most ended between 2014 and 2022);
- dates that sources disagree on;
- places that resolve far from where the source put them (the scraped coordinates' homonym errors);
- conflict and theme tags, cited and derived, and the citation audit's verdicts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geodata.derived import tag_counts
from geodata.layers import Layers
from geodata.placement import placement_figures, placement_section, read_before

UA_RU = frozenset({"UA", "RU"})
STILL_SHOWN_ACTIVE = frozenset({"active", "unknown"})


def one_sided_ties(ties: pd.DataFrame) -> pd.DataFrame:
    """Ties in the lists that only one partner's entry lists, with the side that lists it."""
    one_sided = ties[ties["one_sided"].astype(bool)].copy()
    by_a = one_sided["listed_by_a"].astype(bool)
    one_sided["listed_by"] = one_sided["city_a"].where(by_a, one_sided["city_b"])
    one_sided["listed_by_country"] = one_sided["country_a"].where(by_a, one_sided["country_b"])
    one_sided["not_listed_by"] = one_sided["city_b"].where(by_a, one_sided["city_a"])
    one_sided["not_listed_by_country"] = one_sided["country_b"].where(by_a, one_sided["country_a"])
    return one_sided


def ukraine_russia_still_active(ties: pd.DataFrame) -> pd.DataFrame:
    """Ukrainian-Russian ties whose status is active or, in the lists, unknown (i.e. shown as if current)."""
    pairs = [frozenset(p) for p in zip(ties["country_a"], ties["country_b"])]
    mask = pd.Series([p == UA_RU for p in pairs], index=ties.index) & ties["status"].isin(STILL_SHOWN_ACTIVE)
    return ties[mask]


def date_conflicts(ties: pd.DataFrame) -> pd.DataFrame:
    """Ties whose sources give different dates: the value used and what the other sources say."""
    return ties[ties["disputed_dates"].fillna("").str.len() > 0]


def far_from_source(build_dir: Path) -> pd.DataFrame:
    """Places the geocoder put far (over 100 km) from the coordinate the scraped list gave."""
    path = build_dir / "far_from_source.csv"
    return pd.read_csv(path) if path.exists() and path.stat().st_size > 1 else pd.DataFrame()


def unresolved(build_dir: Path) -> pd.DataFrame:
    """List entries that could not be placed, with the reason."""
    path = build_dir / "unresolved_listed.csv"
    return pd.read_csv(path, dtype=str) if path.exists() else pd.DataFrame()


@dataclass(frozen=True)
class QualitySummary:
    """The report's headline numbers: how many ties or entries each check finds."""

    one_sided: int
    ukraine_russia_active: int
    date_conflicts: int
    far_from_source: int  # places (a place far from two of the list's points counts once)
    unresolved: int
    far_unreviewed: int = 0  # ... of them, no rule or reviewed row explains


def quality_summary(ties: pd.DataFrame, build_dir: Path) -> QualitySummary:
    """Count what each check finds in the ties and in the build folder's side files (no report is written)."""
    far = far_from_source(build_dir)
    return QualitySummary(
        one_sided=len(one_sided_ties(ties)) if "one_sided" in ties else 0,
        ukraine_russia_active=len(ukraine_russia_still_active(ties)),
        date_conflicts=len(date_conflicts(ties)) if "disputed_dates" in ties else 0,
        far_from_source=far["place_id"].nunique() if not far.empty else 0,
        unresolved=len(unresolved(build_dir)),
        far_unreviewed=_unreviewed(far),
    )


def _unreviewed(far: pd.DataFrame) -> int:
    """Far places no rule or reviewed row explains."""
    if far.empty:
        return 0
    explained = far["review"].fillna("") != "" if "review" in far else pd.Series(False, index=far.index)
    return int(far.loc[~explained, "place_id"].nunique())


def _table(frame: pd.DataFrame, columns: list[str], limit: int = 40) -> str:
    if frame.empty:
        return "_none_\n"
    shown = frame[columns].head(limit).fillna("")
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in shown.itertuples(index=False):
        cells = [str(v).replace("|", "\\|").replace("\n", " ") for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    more = f"\n_{len(frame) - limit:,} more not shown._\n" if len(frame) > limit else "\n"
    return "\n".join(lines) + more


def ukrainian_cited(ties: pd.DataFrame) -> tuple[int, int]:
    """Cited ties with a Ukrainian place, and the Ukrainian places (communities) at their ends."""
    cited = ties[ties["tier"] == "cited"]
    ua_a, ua_b = cited["country_a"] == "UA", cited["country_b"] == "UA"
    places = set(cited.loc[ua_a, "place_a"]) | set(cited.loc[ua_b, "place_b"])
    return int((ua_a | ua_b).sum()), len(places)


def tags_section(ties: pd.DataFrame) -> list[str]:
    """The report's lines on conflict and theme tags: per tag, ties with it cited, derived and in all."""
    counts = tag_counts(ties)
    ua_ru = ties["country_a"].isin(UA_RU) | ties["country_b"].isin(UA_RU)
    blank = pd.Series("", index=ties.index)
    tagged = (ties["conflicts"].fillna("") != "") | (ties.get("conflicts_derived", blank).fillna("") != "")
    n_ua, n_places = ukrainian_cited(ties)
    return [
        "## Conflict and theme tags\n",
        f"Cited tags come from a tie's sources; derived ones from the rules of `derived_tags.csv`. Ties with a "
        f"Ukrainian or Russian place that carry a conflict tag: {int((ua_ru & tagged).sum()):,} of "
        f"{int(ua_ru.sum()):,}. Cited ties with a Ukrainian place: {n_ua:,}, over {n_places:,} Ukrainian places.\n",
        _table(counts[counts["all"] > 0], ["kind", "tag", "cited", "derived", "all"]),
    ]


def ua_ru_by_statuses(ties: pd.DataFrame) -> pd.DataFrame:
    """Ties between a Ukrainian and a Russian or Belarusian place, each with what is known of its status."""
    a, b = ties["country_a"], ties["country_b"]
    pairs = ties[((a == "UA") & b.isin(["RU", "BY"])) | ((b == "UA") & a.isin(["RU", "BY"]))].copy()
    searched = pairs["note"].fillna("").str.contains("no source found for its status", regex=False)
    cited = pairs["tier"] == "cited"
    sourced = cited & (pairs["status"] != "unknown")
    # a cited tie whose sources leave the status open was searched too: its note says what was found
    pairs["known"] = np.where(
        sourced, "sourced status", np.where(searched | cited, "searched, no source found", "not searched")
    )
    return pairs


def ua_ru_by_section(ties: pd.DataFrame) -> list[str]:
    """The report's lines on Ukrainian-Russian and Ukrainian-Belarusian ties: sourced, searched, or neither."""
    pairs = ua_ru_by_statuses(ties)
    counts = pairs["known"].value_counts()
    rest = pairs[pairs["known"] == "not searched"]
    return [
        "## Ukrainian-Russian and Ukrainian-Belarusian ties: what is known of their status\n",
        f"{len(pairs):,} ties: {counts.get('sourced status', 0):,} with a sourced status, "
        f"{counts.get('searched, no source found', 0):,} searched for without finding a page that states it (the "
        f"tie's note says what was searched; `status_searches.csv`), {len(rest):,} not yet searched.\n",
        _table(rest, ["city_a", "country_a", "city_b", "country_b", "listed_in"]),
    ]


def audit_section(data_dir: Path | None) -> list[str]:
    """The report's lines on a dataset's citation audit: audited sources by file and verdict."""
    path = data_dir / "citation_audit.csv" if data_dir is not None else None
    if path is None or not path.exists():
        return []
    audit = pd.read_csv(path, dtype=str).fillna("")
    table = audit.groupby(["file", "verdict"]).size().reset_index(name="sources")
    return [
        "## Citation audit\n",
        f"{len(audit):,} (row, source) pairs read and recorded in `citation_audit.csv`; a cited row needs one "
        "source audited as `supports`, and no source audited `does_not` or `unread` stays on a row.\n",
        _table(table, ["file", "verdict", "sources"]),
    ]


def write_report(layers: Layers, build_dir: Path, out: Path, data_dir: Path | None = None) -> Path:
    """Write the Markdown data-quality report (with the citation audit of `data_dir`); return its path."""
    ties = layers.partnerships
    stats = layers.manifest.get("listed", {})
    pairs, resolved = stats.get("wikipedia_pairs", 0), stats.get("wikipedia_resolved", 0)
    edges, placed = stats.get("wikidata_edges", 0), stats.get("wikidata_resolved", 0)
    one_sided, ua_ru = one_sided_ties(ties), ukraine_russia_still_active(ties)
    conflicts, far, missing = date_conflicts(ties), far_from_source(build_dir), unresolved(build_dir)
    rate = lambda a, b: f"{a / b:.1%}" if b else "n/a"  # noqa: E731
    parts = [
        "# Twinning Atlas: data-quality report\n",
        f"Dataset version {layers.manifest.get('dataset_version', '?')}, built "
        f"{layers.manifest.get('built_at', '?')}; report written {dt.date.today().isoformat()}.\n",
        "## Coverage\n",
        f"- Ties: {len(ties):,} ({(ties.tier == 'cited').sum():,} cited, {(ties.tier == 'listed').sum():,} listed "
        "only); cited ties also found in the lists: "
        f"{((ties.tier == 'cited') & (ties.listed_in.fillna('') != '')).sum():,}.",
        f"- Wikipedia pairs placed: {resolved:,} of {pairs:,} ({rate(resolved, pairs)}).",
        f"- Wikidata P190 edges placed: {placed:,} of {edges:,} ({rate(placed, edges)}); the 2016 crawl gives "
        "labels without countries, so an edge is placed only through the places of the Wikipedia lists.",
        f"- Entries not placed (in `unresolved_listed.csv`, each with its reason): {len(missing):,}.",
        f"- Data problems in the curated files: {len(layers.problems)}.\n",
        *placement_section(placement_figures(stats, layers.places, far), read_before()),
        *tags_section(ties),
        *audit_section(data_dir),
        *ua_ru_by_section(ties),
        "## One-sided ties\n",
        f"{len(one_sided):,} listed ties appear on one partner's entry only: a tie the other side does not "
        "acknowledge, or a gap in the other side's list.\n",
        _table(one_sided, ["listed_by", "listed_by_country", "not_listed_by", "not_listed_by_country", "listed_in"]),
        "## Ukrainian-Russian ties still shown as active\n",
        f"{len(ua_ru):,} ties between Ukrainian and Russian places are active, or listed without a status as if "
        "current; most such ties were ended between 2014 and 2022. Each needs a dated source before it is trusted.\n",
        _table(ua_ru, ["city_a", "country_a", "city_b", "country_b", "tier", "status", "listed_in"]),
        "## Dates the sources disagree on\n",
        _table(conflicts, ["city_a", "city_b", "since", "status_date", "disputed_dates", "note"]),
        "## Places far from where the source put them\n",
        f"{far['place_id'].nunique() if len(far) else 0:,} places ({len(far):,} rows: a place is listed once per "
        "point the list gives it) resolve more than 100 km from the coordinate the scraped list gave. The list gives "
        "one point per written name (its own geocoding of the name), so many are its mistakes (a US Milan placed in "
        "Italy); `review` says which rule or reviewed row explains each one, and a blank one is not yet reviewed.\n",
        _table(far, ["name", "country", "resolved_as", "method", "km", "review"] if "review" in far else
               ["name", "country", "resolved_as", "source_lat", "source_lon", "km"])
        if not far.empty
        else "_none_\n",
        "## Why entries were not placed\n",
        _table(
            missing.assign(kind=missing["reason"].str.extract(r"^([a-z ]+?)(?: '| \"|:|$)")[0])
            .groupby(["source", "kind"])
            .size()
            .reset_index(name="entries")
            .sort_values("entries", ascending=False),
            ["source", "kind", "entries"],
        )
        if not missing.empty
        else "_none_\n",
        "Sources: Wikipedia (CC BY-SA 4.0), Wikidata (CC0), GeoNames (CC BY 4.0), curated citations per tie.\n",
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(parts), encoding="utf-8")
    return out
