"""The listed tier: re-geocoded Wikipedia pairs and Wikidata edges, merged with the cited ties, deduplicated."""

from pathlib import Path

import pandas as pd
import pytest

from geodata.build import build
from geodata.gazetteer import load_gazetteer
from geodata.geocode import Geocoder
from geodata.listed import name_variants

FIXTURE = Path(__file__).parent / "fixtures" / "mini_listed"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("listed-build")
    return build(FIXTURE, out, progress=False), out


def ties_of(layers, city: str) -> pd.DataFrame:
    t = layers.partnerships
    return t[(t.city_a == city) | (t.city_b == city)]


def pair(layers, a: str, b: str) -> pd.DataFrame:
    t = layers.partnerships
    return t[((t.city_a == a) & (t.city_b == b)) | ((t.city_a == b) & (t.city_b == a))]


def test_name_variants_and_both_directions_collapse_into_one_cited_tie(built):
    layers, _ = built
    kyiv_warsaw = pair(layers, "Kyiv", "Warsaw")  # listed as Kiev-Warsaw, Warsaw-Kyiv, and Warschau-Kiew
    assert len(kyiv_warsaw) == 1
    row = kyiv_warsaw.iloc[0]
    assert row.tier == "cited" and row.status == "active", "the cited tie wins"
    assert row.listed_in == "wikipedia;wikidata" and not row.one_sided


@pytest.mark.parametrize(("a", "b"), [("Kyiv", "Chisinau"), ("Lviv", "Freiburg")])
def test_spelling_variants_are_one_tie(built, a, b):
    layers, _ = built
    rows = pair(layers, a, b)
    assert len(rows) == 1 and rows.iloc[0].tier == "listed" and not rows.iloc[0].one_sided


def test_a_tie_listed_by_one_side_only_is_one_sided(built):
    layers, _ = built
    row = pair(layers, "Toulon", "Norfolk").iloc[0]
    assert row.one_sided and row.listed_by_a != row.listed_by_b


def test_homonyms_are_re_geocoded_not_taken_from_the_scraped_coordinates(built):
    layers, _ = built
    norfolk = pair(layers, "Toulon", "Norfolk").iloc[0]
    assert (norfolk.country_b, norfolk.admin1_b) == ("US", "VA")  # the scraped file put it in England
    vladimir = pair(layers, "Vladimir", "Bloomington-Normal")
    assert len(vladimir) == 1 and vladimir.iloc[0].tier == "cited"  # not Bloomington, Indiana
    places = layers.places
    assert not ((places.name == "Milan") & (places.country == "IT")).any(), "Milan, US is never placed in Italy"
    assert not ((places.country == "US") & (places.geometry.x > 0)).any()


def test_what_cannot_be_placed_is_kept_with_its_reason(built):
    _, out = built
    unresolved = pd.read_csv(out / "unresolved_listed.csv")
    reasons = dict(zip(unresolved.name, unresolved.reason))
    assert "ambiguous place 'Milan'" in reasons["Milan"]
    assert "unknown country" in reasons["Atlantis"]
    assert "no place of the Wikipedia lists" in reasons["Kiew -> Zzyzxville"]


def test_places_far_from_the_source_coordinate_are_flagged(built):
    _, out = built
    far = pd.read_csv(out / "far_from_source.csv").set_index("name")
    assert far.loc["Norfolk", "km"] > 5000 and far.loc["Christchurch", "km"] > 15000


def test_wikidata_edges_reach_places_the_lists_lack_only_by_a_dominant_name(built):
    layers, _ = built
    helsinki = pair(layers, "Kyiv", "Helsinki").iloc[0]
    assert helsinki.listed_in == "wikidata" and helsinki.certainty == "uncertain"
    assert "label alone" in helsinki.note


def test_listed_ties_cite_the_list_pages(built):
    layers, _ = built
    listed = layers.partnerships[layers.partnerships.tier == "listed"]
    assert listed.sources.str.contains("wikipedia.org/wiki/List_of_twin_towns|wikidata.org/wiki/Q").all()
    assert (listed.status == "unknown").all() and (listed.since == "").all()


def test_the_bare_name_is_tried_after_its_qualifier():
    assert name_variants("Córdoba, Bolívar", "CO") == [("Córdoba, Bolívar", ""), ("Córdoba", "")]
    assert name_variants("Springfield, Illinois", "US")[-1] == ("Springfield", "IL")
    assert ("Setagaya", "") in name_variants("Setagaya (Tokyo)", "JP")


def test_alternate_names_never_override_an_ambiguous_main_name():
    geocoder = Geocoder(load_gazetteer(), suggest=False)
    with pytest.raises(ValueError, match="ambiguous place 'Hollywood'"):
        geocoder.resolve("Hollywood", "US")  # not Daphne, Alabama, which GeoNames also calls Hollywood
