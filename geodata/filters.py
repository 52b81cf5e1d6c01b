"""Which partnerships are in view: a view filter, and an index that answers it with numpy masks.

`PartnershipIndex` is built once from the partnerships and places layers (per-tie arrays: coordinates as
float32, vocabulary words as integer codes or bitmasks, countries and places as codes); `mask(view_filter)`
then costs a few vectorised comparisons, whatever the number of ties. Knows nothing of Dash.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, fields
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from geodata.gazetteer import normalise_name
from geodata.schema import LIST_SEPARATOR
from geodata.vocab import AID_TYPE, CONFLICT, RELATION, STATUS, TAG_SOURCE, THEME, TIER

_CITED_CODE = list(TIER).index("cited")  # codes as PartnershipIndex gives them (vocabulary positions)
_UNKNOWN_CODE = list(STATUS).index("unknown")

# The facets of a view, in display order; the same words name the URL keys (`from` and `to` make "years").
FACETS: tuple[str, ...] = ("country", "status", "aid", "relation", "theme", "conflict", "years", "city", "tier")


@dataclass(frozen=True)
class ViewFilter:
    """What the user asked to see. Empty fields do not filter; lists within a field are any-of."""

    countries: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    aid_types: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    # With a year range set, ties with no known start year are left out (a journalist asking "in force 2022-2023"
    # means ties known to be), unless this is True ("also show ties with no known start year" ticked).
    include_undated: bool = False
    place_query: str = ""
    tiers: tuple[str, ...] = ()
    # Map layers drawn beside the ties ("networks") and the networks that layer shows (none: every network of
    # the view's themes). They hide no tie, so they are not facets.
    layers: tuple[str, ...] = ()
    networks: tuple[str, ...] = ()
    # Which tags the theme and conflict facets read: cited, derived (by a rule of derived_tags.csv), or both (()).
    tag_sources: tuple[str, ...] = ()

    def active_facets(self) -> tuple[str, ...]:
        """The facets this filter restricts, in FACETS order."""
        active = {
            "country": bool(self.countries),
            "status": bool(self.statuses),
            "aid": bool(self.aid_types),
            "relation": bool(self.relations),
            "theme": bool(self.themes),
            "conflict": bool(self.conflicts),
            "years": self.year_from is not None or self.year_to is not None,
            "city": bool(self.place_query.strip()),
            "tier": bool(self.tiers),
        }
        return tuple(facet for facet in FACETS if active[facet])

    def as_dict(self) -> dict[str, Any]:
        """Plain values (lists for tuples), e.g. for a dcc.Store."""
        return {f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v for f in fields(self)}


@dataclass(frozen=True)
class ViewCounts:
    """What is in view: numbers of ties, places and countries, and ties by status (vocabulary order)."""

    ties: int
    total: int
    places: int
    countries: int
    by_status: dict[str, int]
    undated: int = 0  # ties in view with no known start year


def _codes(values: pd.Series, vocabulary: list[str], dtype: type = np.int16) -> np.ndarray:
    """Each value's position in `vocabulary` (-1 when absent)."""
    lookup = {word: code for code, word in enumerate(vocabulary)}
    return np.fromiter((lookup.get(v, -1) for v in values), dtype=dtype, count=len(values))


def _bitmasks(values: pd.Series, vocabulary: dict[str, str]) -> np.ndarray:
    """One uint64 per row, bit i set when the row's `;`-list holds the vocabulary's i-th word."""
    if len(vocabulary) > 64:
        raise ValueError(f"a bitmask holds at most 64 words, the vocabulary has {len(vocabulary)}")
    bits = {word: np.uint64(1) << np.uint64(i) for i, word in enumerate(vocabulary)}
    out = np.zeros(len(values), dtype=np.uint64)
    for row, text in enumerate(values):
        for word in str(text or "").split(LIST_SEPARATOR):
            if word in bits:
                out[row] |= bits[word]
    return out


def bitmask_of(words: tuple[str, ...] | list[str], vocabulary: dict[str, str]) -> np.uint64:
    """The bitmask of some vocabulary words (unknown words set no bit)."""
    mask = np.uint64(0)
    for i, word in enumerate(vocabulary):
        if word in words:
            mask |= np.uint64(1) << np.uint64(i)
    return mask


def _midpoints(lon_a: np.ndarray, lat_a: np.ndarray, lon_b: np.ndarray, lat_b: np.ndarray) -> tuple[np.ndarray, ...]:
    """The middle of each great-circle arc (lon, lat), as the normalised mean of the end vectors."""
    lam_a, phi_a, lam_b, phi_b = (np.radians(x.astype(np.float64)) for x in (lon_a, lat_a, lon_b, lat_b))
    x = np.cos(phi_a) * np.cos(lam_a) + np.cos(phi_b) * np.cos(lam_b)
    y = np.cos(phi_a) * np.sin(lam_a) + np.cos(phi_b) * np.sin(lam_b)
    z = np.sin(phi_a) + np.sin(phi_b)
    lon = np.degrees(np.arctan2(y, x))
    lat = np.degrees(np.arctan2(z, np.hypot(x, y)))
    return lon.astype(np.float32), lat.astype(np.float32)


def _draw_ranks(partnership_ids: np.ndarray, tier_code: np.ndarray, status_code: np.ndarray) -> np.ndarray:
    """Each tie's place in the drawing order when a view holds more ties than the map can draw: cited ties,
    then ties with a known status, then the rest, each group in an order fixed by the tie's id (a sample that
    is the same in every worker and every run, and does not change as ties are added)."""
    by_id = np.array([zlib.crc32(str(pid).encode()) for pid in partnership_ids], dtype=np.int64)
    group = np.where(tier_code == _CITED_CODE, 0, np.where(status_code == _UNKNOWN_CODE, 2, 1))
    ranks = np.empty(len(partnership_ids), dtype=np.int32)
    ranks[np.lexsort((by_id, group))] = np.arange(len(partnership_ids), dtype=np.int32)
    return ranks


def _tag_bits(view: ViewFilter, cited: np.ndarray, derived: np.ndarray) -> np.ndarray:
    """The tag bits a view's theme and conflict facets read: cited, derived, or both (no choice made)."""
    sources = set(view.tag_sources) & set(TAG_SOURCE) or set(TAG_SOURCE)
    if sources == {"cited"}:
        return cited
    if sources == {"derived"}:
        return derived
    return cited | derived


class PlaceSearch:
    """Find places by name or alternate name (Kiev finds Kyiv, Lemberg finds Lviv), accents and case folded.

    Matches are ranked: exact names first, then names with a word starting with the query, then names that
    merely contain it; only the best non-empty rank is returned, biggest tie count first.
    """

    def __init__(self, places: pd.DataFrame):
        self.place_ids: list[str] = [str(p) for p in places["place_id"]]
        names = places["name"].fillna("").astype(str)
        alt_names = places["alt_names"].fillna("").astype(str) if "alt_names" in places else pd.Series("", places.index)
        if "name_uk" in places:  # the Ukrainian name shown in the Ukrainian interface, also when GeoNames lacks it
            alt_names = alt_names + LIST_SEPARATOR + places["name_uk"].fillna("").astype(str)
        ties = places["n_ties"] if "n_ties" in places else pd.Series(0, index=places.index)
        self._ties = [int(n) for n in ties]
        self._keys: list[str] = []
        for name, alts in zip(names, alt_names):
            keys = dict.fromkeys(normalise_name(k) for k in [name, *alts.split(LIST_SEPARATOR)] if k.strip())
            # Newline-delimited so one `in` test per place finds exact ("\nkiev\n") and prefix ("\nkiev") hits.
            self._keys.append("\n" + "\n".join(k for k in keys if k) + "\n")

    def find(self, query: str, limit: int | None = None) -> list[str]:
        """Ids of the places matching `query` (empty query: none)."""
        needle = normalise_name(query or "")
        if not needle:
            return []
        tests = (f"\n{needle}\n", (f"\n{needle}", f" {needle}"), needle)
        for test in tests:
            wanted = test if isinstance(test, tuple) else (test,)
            hits = [i for i, keys in enumerate(self._keys) if any(w in keys for w in wanted)]
            if hits:
                hits.sort(key=lambda i: -self._ties[i])
                return [self.place_ids[i] for i in hits[:limit]]
        return []


class PartnershipIndex:
    """Per-tie arrays built once from the partnerships layer, answering view filters as boolean masks.

    Row i of every array is row i of the partnerships frame it was built from.
    """

    def __init__(self, partnerships: pd.DataFrame, places: pd.DataFrame | None = None):
        frame = partnerships
        self.size = len(frame)
        self.partnership_ids: np.ndarray = frame["partnership_id"].astype(str).to_numpy(dtype=object)
        # lon/lat order: x = longitude, y = latitude throughout, as in GeoJSON.
        self.lon_a = frame["lon_a"].to_numpy(dtype=np.float32)
        self.lat_a = frame["lat_a"].to_numpy(dtype=np.float32)
        self.lon_b = frame["lon_b"].to_numpy(dtype=np.float32)
        self.lat_b = frame["lat_b"].to_numpy(dtype=np.float32)
        self.mid_lon, self.mid_lat = _midpoints(self.lon_a, self.lat_a, self.lon_b, self.lat_b)
        if "distance_km" in frame:
            self.distance_km = frame["distance_km"].to_numpy(dtype=np.float32)
        else:
            self.distance_km = np.full(self.size, np.nan, dtype=np.float32)

        self.statuses: list[str] = list(STATUS)
        self.relations: list[str] = list(RELATION)
        self.tiers: list[str] = list(TIER)
        self.status_code = _codes(frame["status"], self.statuses, np.int8)
        self.relation_code = _codes(frame["relation"], self.relations, np.int8)
        self.tier_code = _codes(
            frame["tier"] if "tier" in frame else pd.Series(["cited"] * self.size), self.tiers, np.int8
        )
        self.draw_rank = _draw_ranks(self.partnership_ids, self.tier_code, self.status_code)
        self.aid_bits = _bitmasks(frame["aid_types"], AID_TYPE)
        self.theme_bits = _bitmasks(frame["themes"], THEME)
        self.conflict_bits = _bitmasks(frame["conflicts"], CONFLICT)
        blank = pd.Series([""] * self.size)
        self.theme_bits_derived = _bitmasks(frame.get("themes_derived", blank), THEME)
        self.conflict_bits_derived = _bitmasks(frame.get("conflicts_derived", blank), CONFLICT)
        self.from_year = frame["from_year"].to_numpy(dtype=np.float32)
        self.to_year = frame["to_year"].to_numpy(dtype=np.float32)
        self.undated = np.isnan(self.from_year)

        self.countries: list[str] = sorted(set(frame["country_a"]) | set(frame["country_b"]))
        self.country_a = _codes(frame["country_a"], self.countries)
        self.country_b = _codes(frame["country_b"], self.countries)

        place_ids = [str(p) for p in places["place_id"]] if places is not None else []
        extra = sorted((set(frame["place_a"]) | set(frame["place_b"])) - set(place_ids))
        self.place_ids: list[str] = place_ids + extra
        self.place_code_of: dict[str, int] = {p: i for i, p in enumerate(self.place_ids)}
        self.place_a = _codes(frame["place_a"].astype(str), self.place_ids, np.int32)
        self.place_b = _codes(frame["place_b"].astype(str), self.place_ids, np.int32)
        # Each place's point, taken from the tie ends (NaN for places at the end of no tie).
        self.place_lon = np.full(len(self.place_ids), np.nan, dtype=np.float32)
        self.place_lat = np.full(len(self.place_ids), np.nan, dtype=np.float32)
        for codes, lon, lat in ((self.place_a, self.lon_a, self.lat_a), (self.place_b, self.lon_b, self.lat_b)):
            self.place_lon[codes], self.place_lat[codes] = lon, lat
        # Context places (shown in a place's panel though not an end) as (tie row, place code) pairs.
        pairs = [
            (row, self.place_code_of[pid])
            for row, text in enumerate(frame["context"] if "context" in frame else [])
            for pid in str(text or "").split(LIST_SEPARATOR)
            if pid in self.place_code_of
        ]
        self.context_rows = np.array([r for r, _ in pairs], dtype=np.int32)
        self.context_places = np.array([p for _, p in pairs], dtype=np.int32)
        self._places = places  # the place search is built on the first search: start-up does not need it
        for array in vars(self).values():
            if isinstance(array, np.ndarray):
                array.setflags(write=False)

    # --- masks ---------------------------------------------------------------------------------------------
    def facet_masks(self, view: ViewFilter) -> dict[str, np.ndarray]:
        """One mask per active facet: the ties that facet alone lets through."""
        masks: dict[str, np.ndarray] = {}
        for facet in view.active_facets():
            masks[facet] = getattr(self, f"_mask_{facet}")(view)
        return masks

    def mask(self, view: ViewFilter) -> np.ndarray:
        """The ties in view: every active facet lets them through."""
        result = np.ones(self.size, dtype=bool)
        for facet_mask in self.facet_masks(view).values():
            result &= facet_mask
        return result

    def capped(self, mask: np.ndarray, limit: int) -> np.ndarray:
        """`mask` itself if it holds at most `limit` ties, else the `limit` of them that rank first (`draw_rank`)."""
        rows = np.flatnonzero(mask)
        if len(rows) <= limit:
            return mask
        kept = np.zeros(self.size, dtype=bool)
        if limit > 0:
            kept[rows[np.argpartition(self.draw_rank[rows], limit - 1)[:limit]]] = True
        return kept

    def hidden_by(self, view: ViewFilter) -> dict[str, int]:
        """For each active facet, how many ties it hides on its own (a tie can be hidden by several)."""
        return {facet: int(self.size - m.sum()) for facet, m in self.facet_masks(view).items()}

    def _mask_country(self, view: ViewFilter) -> np.ndarray:
        codes = [self.countries.index(c) for c in view.countries if c in self.countries]
        return np.isin(self.country_a, codes) | np.isin(self.country_b, codes)

    def _mask_status(self, view: ViewFilter) -> np.ndarray:
        return np.isin(self.status_code, [self.statuses.index(s) for s in view.statuses if s in self.statuses])

    def _mask_relation(self, view: ViewFilter) -> np.ndarray:
        return np.isin(self.relation_code, [self.relations.index(r) for r in view.relations if r in self.relations])

    def _mask_tier(self, view: ViewFilter) -> np.ndarray:
        return np.isin(self.tier_code, [self.tiers.index(t) for t in view.tiers if t in self.tiers])

    def _mask_aid(self, view: ViewFilter) -> np.ndarray:
        return (self.aid_bits & bitmask_of(view.aid_types, AID_TYPE)) != 0

    def _mask_theme(self, view: ViewFilter) -> np.ndarray:
        bits = _tag_bits(view, self.theme_bits, self.theme_bits_derived)
        return (bits & bitmask_of(view.themes, THEME)) != 0

    def _mask_conflict(self, view: ViewFilter) -> np.ndarray:
        bits = _tag_bits(view, self.conflict_bits, self.conflict_bits_derived)
        return (bits & bitmask_of(view.conflicts, CONFLICT)) != 0

    def _mask_years(self, view: ViewFilter) -> np.ndarray:
        """In force at some point of [from, to]: begun by `to` and not closed before `from`. A tie with no known
        start (undated) passes only when `include_undated`; an unknown end counts as still in force."""
        year_to = math.inf if view.year_to is None else view.year_to
        year_from = -math.inf if view.year_from is None else view.year_from
        with np.errstate(invalid="ignore"):
            begun = (self.undated & view.include_undated) | (self.from_year <= year_to)
            not_closed = np.isnan(self.to_year) | (self.to_year >= year_from)
        return begun & not_closed

    def _mask_city(self, view: ViewFilter) -> np.ndarray:
        return self.touches(self.matching_places(view.place_query))

    # --- places --------------------------------------------------------------------------------------------
    @cached_property
    def search(self) -> PlaceSearch | None:
        """The place-name search (0.6 s to build for the bundled places), built on first use."""
        return PlaceSearch(self._places) if self._places is not None else None

    def matching_places(self, query: str) -> list[str]:
        """Ids of places whose name or alternate name matches the search text."""
        return self.search.find(query) if self.search is not None else []

    def touches(self, place_ids: list[str] | tuple[str, ...]) -> np.ndarray:
        """Ties with one of these places at an end, or naming it as context."""
        codes = np.array([self.place_code_of[p] for p in place_ids if p in self.place_code_of], dtype=np.int32)
        result = np.isin(self.place_a, codes) | np.isin(self.place_b, codes)
        if len(self.context_rows):
            result[self.context_rows[np.isin(self.context_places, codes)]] = True
        return result

    def row_of(self, partnership_id: str) -> int | None:
        """The row of a tie, or None if it is not in the index."""
        hits = np.flatnonzero(self.partnership_ids == partnership_id)
        return int(hits[0]) if len(hits) else None

    def tie_counts(self, mask: np.ndarray) -> np.ndarray:
        """Per place code, how many ties in `mask` end there."""
        n = len(self.place_ids)
        return np.bincount(self.place_a[mask], minlength=n) + np.bincount(self.place_b[mask], minlength=n)

    def counts(self, mask: np.ndarray) -> ViewCounts:
        """Ties, places and countries in view, and ties by status."""
        places = np.union1d(self.place_a[mask], self.place_b[mask])
        countries = np.union1d(self.country_a[mask], self.country_b[mask])
        by_code = np.bincount(self.status_code[mask][self.status_code[mask] >= 0], minlength=len(self.statuses))
        return ViewCounts(
            ties=int(mask.sum()),
            total=self.size,
            places=len(places),
            countries=len(countries),
            by_status={s: int(by_code[i]) for i, s in enumerate(self.statuses)},
            undated=int((mask & self.undated).sum()),
        )
