"""The read-only cache of the dataset: layers loaded once per process, plus the index and texts built from them."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

import numpy as np

from dashboard import i18n, table, text
from dashboard.config import read_config
from dashboard.figures import hover_texts
from geodata import Layers, load_layers
from geodata.filters import PartnershipIndex
from geodata.gazetteer import normalise_name
from geodata.quality import QualitySummary, quality_summary
from geodata.schema import SOURCE_SEPARATOR

log = logging.getLogger("dashboard")
T = TypeVar("T")


@dataclass(frozen=True)
class Atlas:
    """Everything the callbacks read: never mutated after load."""

    layers: Layers
    index: PartnershipIndex
    tie_hover_by_lang: Mapping[str, np.ndarray]  # language -> per tie row: its hover text
    place_labels_by_lang: Mapping[str, np.ndarray]  # language -> per place code: "Kyiv (UA)", "Київ (UA)"
    featured: dict[str, str | None]  # featured city's name in the data -> place id (None when not in the data)
    table_rows_by_lang: Mapping[str, list[dict]]  # language -> per tie row: its table row, formatted once
    table_order: np.ndarray  # tie rows in the table's default order
    quality: QualitySummary | None = None  # the data-quality checks' counts (None: no build folder to read)

    @property
    def tie_hover(self) -> np.ndarray:
        """Per tie row: its hover text in the active language."""
        return self.tie_hover_by_lang[i18n.current_lang()]

    @property
    def place_labels(self) -> np.ndarray:
        """Per place code: its label in the active language."""
        return self.place_labels_by_lang[i18n.current_lang()]

    @property
    def table_rows(self) -> list[dict]:
        """Per tie row: its table row in the active language."""
        return self.table_rows_by_lang[i18n.current_lang()]

    @cached_property
    def source_count(self) -> int:
        """Distinct sources cited by the layers (the About section's count): counted once, not per page."""
        layers, separator, sources = self.layers, SOURCE_SEPARATOR.strip(), set()
        for frame in (layers.partnerships, layers.aid_events, layers.network_members, layers.networks):
            if "sources" in frame:
                for cell in frame["sources"]:
                    sources.update(s.strip() for s in str(cell or "").split(separator) if s.strip())
        return len(sources)

    def warm(self) -> None:
        """Make now what is otherwise made on first use (every language's texts, the place search): a server
        that preloads the app before forking its workers then holds one copy that they all share."""
        for by_lang in (self.tie_hover_by_lang, self.place_labels_by_lang, self.table_rows_by_lang):
            for lang in i18n.LANGS:
                by_lang[lang]
        _ = self.index.search

    def place_row(self, place_id: str) -> dict | None:
        """The places-layer row of a place, as a dict, or None."""
        places = self.layers.places
        hits = places.index[places["place_id"] == place_id]
        return places.loc[hits[0]].to_dict() if len(hits) else None


def featured_place_ids(layers: Layers) -> dict[str, str | None]:
    """Resolve the featured cities (text.FEATURED_CITIES) to place ids by name and country."""
    places = layers.places
    # Only the featured cities' countries' cities are candidates: normalising every place name took 0.16 s.
    countries = {country for _, _, country in text.FEATURED_CITIES}
    candidates = places[places["country"].isin(countries) & (places["kind"] == "city")]
    keys = [normalise_name(n) for n in candidates["name"]]
    found: dict[str, str | None] = {}
    for _, name, country in text.FEATURED_CITIES:
        wanted = normalise_name(name)
        hits = [
            pid
            for pid, key, cc in zip(candidates["place_id"], keys, candidates["country"])
            if key == wanted and cc == country
        ]
        found[name] = str(hits[0]) if hits else None
    return found


class PerLanguage(Mapping[str, T]):
    """Language -> `make()` run in that language, once per process, on first use: texts are formatted per
    language, not per request, and only for languages asked for (start-up formats the default one alone)."""

    def __init__(self, make: Callable[[], T], eager: tuple[str, ...] = (i18n.DEFAULT_LANG,)):
        self._make = make
        self._made: dict[str, T] = {}
        self._lock = threading.Lock()  # gthread workers: two first requests in Ukrainian format the texts once
        for lang in eager:
            self[lang]

    def __getitem__(self, lang: str) -> T:
        """The texts in `lang`, made now if this is the first time they are asked for."""
        if lang in self._made:
            return self._made[lang]
        if lang not in i18n.LANGS:
            raise KeyError(lang)
        with self._lock:
            if lang not in self._made:
                with i18n.language(lang):
                    self._made[lang] = self._make()
        return self._made[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(i18n.LANGS)

    def __len__(self) -> int:
        return len(i18n.LANGS)

    def made(self) -> tuple[str, ...]:
        """The languages made so far."""
        return tuple(self._made)


def build_atlas(layers: Layers, build_dir: Path | None = None) -> Atlas:
    """Index the layers and precompute per-tie and per-place texts (and, given the build folder, the counts of
    the data-quality checks, which read its side files)."""
    index = PartnershipIndex(layers.partnerships, layers.places)
    return Atlas(
        layers=layers,
        index=index,
        tie_hover_by_lang=PerLanguage(lambda: hover_texts.tie_hover_texts(layers.partnerships)),
        place_labels_by_lang=PerLanguage(lambda: hover_texts.place_labels(layers.places, index.place_ids)),
        featured=featured_place_ids(layers),
        table_rows_by_lang=PerLanguage(lambda: table.format_rows(layers.partnerships)),
        table_order=table.display_order(layers.partnerships),
        quality=quality_summary(layers.partnerships, build_dir) if build_dir is not None else None,
    )


@lru_cache(maxsize=4)
def load_atlas(data_dir: Path, build_dir: Path) -> Atlas:
    """Load (building if stale) and index one dataset folder; cached per process."""
    layers = load_layers(data_dir, build_dir)
    if layers.problems:
        log.warning("%d data problems: rows left out (run `python -m geodata validate`)", len(layers.problems))
    return build_atlas(layers, build_dir)


def current_atlas() -> Atlas:
    """The dataset the configuration points at."""
    config = read_config()
    return load_atlas(config.data_dir, config.build_dir)
