"""The datasets benchmarked: the bundled one, and synthetic ones of N ties between real gazetteer places.

A synthetic dataset is written as a build the app loads unchanged: a folder with no CSVs (so `load_layers`
finds nothing to rebuild) whose `build/` holds the layers as GeoParquet and a manifest carrying that folder's
input hash. The layers come from `geodata.layers.build_layers`, the code the real build runs, so their schema
is the real one. Each synthetic tie copies the countries and attributes (relation, status, dates, aid types,
themes, conflicts, tier) of a bundled tie picked at random, and joins two gazetteer places of those countries
picked by population: the geography and the filters' selectivity stay those of the real data.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from geodata import Layers, load_layers
from geodata.build import BUILD_DIR, DATA_DIR, GEO_LAYERS, inputs_hash
from geodata.gazetteer import load_gazetteer
from geodata.geocode import Place, pair_key, place_from_entry
from geodata.layers import build_layers
from geodata.schema import LIST_SEPARATOR
from geodata.validate import ValidatedData

SEED = 20240601
SYNTHETIC_SIZES: tuple[int, ...] = (10_000, 50_000, 100_000)
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "twinning-bench"
# What a synthetic tie copies from the template tie it is drawn from.
TEMPLATE_COLUMNS: tuple[str, ...] = (
    "relation",
    "status",
    "since",
    "status_date",
    "aid_types",
    "themes",
    "conflicts",
    "certainty",
    "tier",
)
README_TEXT = "Synthetic benchmark dataset written by `python -m bench`: layers only (build/), no CSVs.\n"


@dataclass(frozen=True)
class Dataset:
    """A dataset the app can be pointed at (TWINNING_DATA_DIR / TWINNING_BUILD_DIR)."""

    name: str
    data_dir: Path
    build_dir: Path
    n_ties: int

    def environ(self) -> dict[str, str]:
        """The environment that points the app at this dataset."""
        return {"TWINNING_DATA_DIR": str(self.data_dir), "TWINNING_BUILD_DIR": str(self.build_dir)}


def bundled() -> Dataset:
    """The bundled dataset (geodata/data), built first if its build is stale."""
    layers = load_layers(DATA_DIR, BUILD_DIR)
    return Dataset("bundled", DATA_DIR, BUILD_DIR, len(layers.partnerships))


def synthetic(
    n_ties: int, seed: int = SEED, cache_dir: Path = DEFAULT_CACHE, template: Layers | None = None
) -> Dataset:
    """A synthetic dataset of `n_ties` ties, generated once per (size, seed, template, build format) and cached."""
    label = "" if template is None else "-" + str(template.manifest.get("inputs_hash", "custom"))[:8]
    data_dir = cache_dir / f"synthetic-{n_ties}-seed{seed}{label}"
    build_dir = data_dir / "build"
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "README.txt").write_text(README_TEXT)
    try:
        manifest = json.loads((build_dir / "manifest.json").read_text())
        current = manifest.get("inputs_hash") == inputs_hash(data_dir) and all(
            (build_dir / f"{name}.parquet").is_file() for name in (*GEO_LAYERS, "networks")
        )
    except (OSError, ValueError):
        current = False
    if not current:
        write_build(synthetic_layers(n_ties, seed, template), data_dir, build_dir)
    return Dataset(f"synthetic-{n_ties}", data_dir, build_dir, n_ties)


def synthetic_layers(n_ties: int, seed: int = SEED, template: Layers | None = None) -> Layers:
    """`n_ties` distinct ties between gazetteer places, shaped like the template's (default: bundled) ties."""
    template = template or load_layers(DATA_DIR, BUILD_DIR)
    rng = np.random.default_rng(seed)
    by_country: dict[str, list] = defaultdict(list)
    for entry in load_gazetteer().by_id.values():
        by_country[entry.country].append(entry)
    # Places drawn in proportion to population: of the exponents tried, the one whose ties spread over about as
    # many places as the real ties do (26,800 real ties join 16,000 places; 26,800 drawn ones join 22,700).
    pools: dict[str, tuple[list, np.ndarray]] = {}
    for country, entries in by_country.items():
        entries.sort(key=lambda e: e.geonameid)  # dict order must not decide the draw
        weights = np.cumsum([max(e.population, 1) for e in entries], dtype=float)
        pools[country] = (entries, weights / weights[-1])
    ties = template.partnerships
    ties = ties[ties["country_a"].isin(pools) & ties["country_b"].isin(pools)].reset_index(drop=True)
    attributes = ties[list(TEMPLATE_COLUMNS)].to_dict("records")

    places: dict[str, Place] = {}
    records: list[dict] = []
    seen: set[tuple[str, str]] = set()
    while len(records) < n_ties:
        rows = rng.integers(0, len(ties), size=n_ties - len(records))
        ends = [_draw_places(ties[column].to_numpy()[rows], pools, rng) for column in ("country_a", "country_b")]
        for row, entry_a, entry_b in zip(rows, *ends):
            key = pair_key(str(entry_a.geonameid), str(entry_b.geonameid))
            if entry_a is entry_b or key in seen or len(records) == n_ties:
                continue
            seen.add(key)
            for entry in (entry_a, entry_b):
                places.setdefault(str(entry.geonameid), place_from_entry(entry))
            records.append(_record(attributes[row], str(entry_a.geonameid), str(entry_b.geonameid), len(records) + 1))
    layers = build_layers(ValidatedData(places=places, partnerships=records))
    # No aid events or networks: empty frames with the bundled columns, so every panel still finds them.
    layers.aid_events = template.aid_events.iloc[0:0].copy()
    layers.network_members = template.network_members.iloc[0:0].copy()
    layers.networks = template.networks.iloc[0:0].copy()
    return layers


def _draw_places(countries: np.ndarray, pools: dict[str, tuple[list, np.ndarray]], rng: np.random.Generator) -> list:
    """One gazetteer entry per country code, drawn in proportion to population."""
    picked: list = [None] * len(countries)
    draws = rng.random(len(countries))
    for country in sorted(set(countries)):
        entries, cumulative = pools[country]
        at = np.flatnonzero(countries == country)
        for i, k in zip(at, np.searchsorted(cumulative, draws[at], side="right")):
            picked[i] = entries[min(k, len(entries) - 1)]
    return picked


def _words(cell: object) -> tuple[str, ...]:
    return tuple(w for w in str(cell or "").split(LIST_SEPARATOR) if w)


def _record(tie: dict, place_a: str, place_b: str, number: int) -> dict:
    """A validated-partnership record with the template tie's attributes between two other places."""
    return {
        "place_a": place_a,
        "place_b": place_b,
        "relation": tie["relation"],
        "status": tie["status"],
        "since": tie["since"],
        "status_date": tie["status_date"],
        "aid_types": _words(tie["aid_types"]),
        "themes": _words(tie["themes"]),
        "conflicts": _words(tie["conflicts"]),
        "context": (),
        "disputed_dates": (),
        "certainty": tie["certainty"],
        "note": "synthetic benchmark tie",
        "sources": (),
        "source_row": number,
        "tier": tie["tier"],
    }


def write_build(layers: Layers, data_dir: Path, build_dir: Path) -> None:
    """Write layers as a complete build of `data_dir` (the manifest last, as `geodata.build` does)."""
    build_dir.mkdir(parents=True, exist_ok=True)
    for name in GEO_LAYERS:
        getattr(layers, name).to_parquet(build_dir / f"{name}.parquet")
    layers.networks.to_parquet(build_dir / "networks.parquet")
    digest = inputs_hash(data_dir)
    layers.manifest = {
        "inputs_hash": digest,
        "dataset_version": f"synthetic-{digest[:8]}",
        "data_dir": str(data_dir),
        "counts": {name: int(len(getattr(layers, name))) for name in (*GEO_LAYERS, "networks")},
        "problems": [],
    }
    (build_dir / "manifest.json").write_text(json.dumps(layers.manifest, indent=2))
