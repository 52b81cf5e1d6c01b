"""The view filter and the partnership index: which ties are in view, counted how."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from geodata.filters import PartnershipIndex, PlaceSearch, ViewFilter

# A tiny hand-built dataset: (id, a, b, status, relation, from, to, aid, themes, conflicts, context, tier)
PLACES = pd.DataFrame(
    [
        ("kyiv", "Kyiv", "UA", "Kiev;Київ;Kijów", 4),
        ("lviv", "Lviv", "UA", "Lemberg;Lwów;Львів", 2),
        ("odesa", "Odesa", "UA", "Odessa", 0),
        ("warsaw", "Warsaw", "PL", "Warszawa", 1),
        ("krakow", "Kraków", "PL", "Cracow", 2),
        ("chicago", "Chicago", "US", "", 2),
        ("moscow", "Moscow", "RU", "Moskva", 1),
        ("berat", "Berat", "AL", "", 1),
        ("amasya", "Amasya", "TR", "", 1),
    ],
    columns=["place_id", "name", "country", "alt_names", "n_ties"],
)
COORDS = {
    "kyiv": (30.5, 50.5),
    "lviv": (24.0, 49.8),
    "odesa": (30.7, 46.5),
    "warsaw": (21.0, 52.2),
    "krakow": (19.9, 50.1),
    "chicago": (-87.6, 41.9),
    "moscow": (37.6, 55.8),
    "berat": (19.9, 40.7),
    "amasya": (35.8, 40.7),
}
TIES = [
    (
        "kyiv--warsaw",
        "kyiv",
        "warsaw",
        "active",
        "partner_city",
        1994,
        None,
        "humanitarian_supplies;evacuation_shelter",
        "solidarity",
        "russia_ukraine_war",
        "",
        "cited",
    ),
    ("kyiv--krakow", "kyiv", "krakow", "active", "sister_city", 1961, None, "", "", "", "", "cited"),
    (
        "chicago--moscow",
        "chicago",
        "moscow",
        "suspended",
        "sister_city",
        1997,
        2022,
        "",
        "",
        "russia_ukraine_war",
        "",
        "cited",
    ),
    ("kyiv--chicago", "kyiv", "chicago", "active", "sister_city", 1991, None, "financial_support", "", "", "", "cited"),
    ("krakow--lviv", "krakow", "lviv", "ended", "partner_city", None, 2010, "energy", "climate", "", "odesa", "cited"),
    ("kyiv--lviv", "kyiv", "lviv", "proposed", "memorandum", 2024, None, "", "resilience", "", "", "cited"),
    ("amasya--berat", "berat", "amasya", "unknown", "sister_city", None, None, "", "", "", "", "listed"),
]


def _frame(ties=TIES) -> pd.DataFrame:
    rows = []
    for pid, a, b, status, relation, since, until, aid, themes, conflicts, context, tier in ties:
        place = PLACES.set_index("place_id")
        rows.append(
            {
                "partnership_id": pid,
                "tier": tier,
                "place_a": a,
                "place_b": b,
                "city_a": place.loc[a, "name"],
                "country_a": place.loc[a, "country"],
                "city_b": place.loc[b, "name"],
                "country_b": place.loc[b, "country"],
                "lon_a": COORDS[a][0],
                "lat_a": COORDS[a][1],
                "lon_b": COORDS[b][0],
                "lat_b": COORDS[b][1],
                "relation": relation,
                "status": status,
                "from_year": np.nan if since is None else float(since),
                "to_year": np.nan if until is None else float(until),
                "aid_types": aid,
                "themes": themes,
                "conflicts": conflicts,
                "context": context,
            }
        )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def index() -> PartnershipIndex:
    return PartnershipIndex(_frame(), PLACES)


def in_view(index: PartnershipIndex, view: ViewFilter) -> set[str]:
    return set(index.partnership_ids[index.mask(view)])


ALL = {t[0] for t in TIES}


@pytest.mark.parametrize(
    "view, expected",
    [
        (ViewFilter(), ALL),
        (ViewFilter(statuses=("suspended",)), {"chicago--moscow"}),
        (ViewFilter(statuses=("suspended", "ended")), {"chicago--moscow", "krakow--lviv"}),
        (ViewFilter(countries=("RU",)), {"chicago--moscow"}),
        (ViewFilter(countries=("PL",)), {"kyiv--warsaw", "kyiv--krakow", "krakow--lviv"}),  # either end
        (ViewFilter(countries=("ZZ",)), set()),
        (ViewFilter(aid_types=("energy", "financial_support")), {"krakow--lviv", "kyiv--chicago"}),  # any of
        (ViewFilter(relations=("memorandum",)), {"kyiv--lviv"}),
        (ViewFilter(themes=("climate", "resilience")), {"krakow--lviv", "kyiv--lviv"}),
        (ViewFilter(conflicts=("russia_ukraine_war",)), {"kyiv--warsaw", "chicago--moscow"}),
        (ViewFilter(tiers=("listed",)), {"amasya--berat"}),
        (ViewFilter(statuses=("active",), countries=("US",)), {"kyiv--chicago"}),  # facets combine with AND
    ],
)
def test_mask_by_facet(index, view, expected):
    assert in_view(index, view) == expected


UNDATED = {"krakow--lviv", "amasya--berat"}  # no known start year


@pytest.mark.parametrize(
    "year_from, year_to, expected",
    [
        # In force at some point of [from, to]: begun by `to` and not closed before `from`; a tie with no known
        # start is not known to be in force then, so a year range leaves it out.
        (2023, None, ALL - {"chicago--moscow"} - UNDATED),  # closed in 2022
        (2022, 2022, ALL - {"kyiv--lviv"} - UNDATED),  # Chicago-Moscow was in force until 2022
        (None, 1990, {"kyiv--krakow"}),  # 1961
        (1992, 1993, {"kyiv--krakow", "kyiv--chicago"}),
        (2011, 2020, ALL - {"kyiv--lviv"} - UNDATED),
    ],
)
def test_year_range_means_known_to_be_in_force_during(index, year_from, year_to, expected):
    assert in_view(index, ViewFilter(year_from=year_from, year_to=year_to)) == expected


def test_undated_ties_join_a_year_range_only_when_asked_and_the_counts_say_how_many_are_undated(index):
    with_undated = ViewFilter(year_from=1992, year_to=1993, include_undated=True)
    assert in_view(index, with_undated) == {"kyiv--krakow", "kyiv--chicago"} | UNDATED
    # Closed before the range: left out even when undated ties are asked for.
    assert in_view(index, ViewFilter(year_from=2011, include_undated=True)) == ALL - {"krakow--lviv"}  # ended 2010
    assert in_view(index, ViewFilter(include_undated=True)) == ALL  # no year range: nothing to leave out
    assert in_view(index, ViewFilter()) == ALL
    assert index.hidden_by(ViewFilter(year_from=1900)) == {"years": len(UNDATED)}
    assert index.counts(index.mask(ViewFilter())).undated == len(UNDATED)
    assert index.counts(index.mask(ViewFilter(year_from=1900))).undated == 0


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Kiev", ["kyiv"]),  # alternate name
        ("kyiv", ["kyiv"]),
        ("Lemberg", ["lviv"]),
        ("Krakow", ["krakow"]),  # accents folded
        ("ЛЬВІВ", ["lviv"]),  # Cyrillic, any case
        ("Ky", ["kyiv"]),  # a word prefix
        ("mos", ["moscow"]),
        ("nowhere", []),
        ("", []),
    ],
)
def test_place_search_knows_alternate_names(query, expected):
    assert PlaceSearch(PLACES).find(query) == expected


def test_place_search_ranks_exact_names_before_prefixes():
    places = pd.DataFrame(
        [("a", "Lvivka", "UA", "", 9), ("b", "Lviv", "UA", "", 1)],
        columns=["place_id", "name", "country", "alt_names", "n_ties"],
    )
    assert PlaceSearch(places).find("Lviv") == ["b"]


def test_city_search_takes_ties_at_either_end_and_by_context(index):
    assert in_view(index, ViewFilter(place_query="Kiev")) == {
        "kyiv--warsaw",
        "kyiv--krakow",
        "kyiv--chicago",
        "kyiv--lviv",
    }
    # Odesa is no end of Kraków-Lviv, but the tie names it as context.
    assert in_view(index, ViewFilter(place_query="Odessa")) == {"krakow--lviv"}


def test_hidden_by_counts_what_each_facet_hides(index):
    view = ViewFilter(statuses=("active",), countries=("UA",))
    assert index.hidden_by(view) == {"country": 2, "status": 4}
    assert ViewFilter().active_facets() == ()
    assert view.active_facets() == ("country", "status")


def test_counts_of_a_view(index):
    counts = index.counts(index.mask(ViewFilter(countries=("UA",))))
    assert (counts.ties, counts.total, counts.places, counts.countries) == (5, 7, 5, 3)
    assert counts.by_status == {"active": 3, "dormant": 0, "suspended": 0, "ended": 1, "proposed": 1, "unknown": 0}


def test_arrays_are_float32_and_read_only(index):
    for name in ("lon_a", "lat_a", "lon_b", "lat_b", "mid_lon", "mid_lat"):
        array = getattr(index, name)
        assert array.dtype == np.float32
        assert not array.flags.writeable


def test_midpoint_lies_on_the_great_circle(index):
    row = index.row_of("kyiv--warsaw")
    assert index.mid_lon[row] == pytest.approx(25.8, abs=0.3)
    assert index.mid_lat[row] == pytest.approx(51.5, abs=0.3)
    assert index.row_of("no--such") is None


def test_unknown_words_match_nothing_rather_than_everything(index):
    assert in_view(index, ViewFilter(statuses=("bogus",))) == set()


def test_filters_module_does_not_import_dash():
    code = "import sys, geodata.filters; sys.exit('dash' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_mask_is_fast_at_25k_ties():
    rng = np.random.default_rng(1)
    n = 25_000
    frame = pd.concat([_frame()] * (n // len(TIES) + 1), ignore_index=True).iloc[:n].copy()
    frame["lon_a"] = rng.uniform(-180, 180, n)
    index = PartnershipIndex(frame, PLACES)
    view = ViewFilter(statuses=("active", "ended"), aid_types=("energy",), countries=("UA",), year_from=2000)
    import time

    best = min(_timed(lambda: index.mask(view), time) for _ in range(5))
    assert best < 0.05


def _timed(fn, time) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def test_place_search_finds_the_ukrainian_name_even_when_geonames_lacks_it():
    places = pd.DataFrame(
        {
            "place_id": ["us-bloomington-normal", "703448"],
            "name": ["Bloomington-Normal", "Kyiv"],
            "alt_names": ["", "Kiev;Київ"],
            "name_uk": ["Блумінгтон-Нормал", "Київ"],
            "n_ties": [1, 60],
        }
    )
    search = PlaceSearch(places)
    assert search.find("Блумінгтон") == ["us-bloomington-normal"]
    assert search.find("київ") == ["703448"] and search.find("Kiev") == ["703448"]
