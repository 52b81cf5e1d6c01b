"""Offline geocoding: alternate names, homonyms, small places, and clear errors instead of guesses."""

import pytest

from geodata.gazetteer import load_gazetteer, normalise_name
from geodata.geocode import GeocodeError, Geocoder, Place


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    bloomington_normal = Place(
        "us-bloomington-normal",
        "Bloomington-Normal",
        "US",
        "IL",
        "metro_area",
        40.4842,
        -88.99369,
        0,
        ("Bloomington Normal",),
        4885164,
    )
    return Geocoder(load_gazetteer(), [bloomington_normal])


@pytest.mark.parametrize(
    ("name", "country", "expected_id"),
    [
        ("Kiev", "UA", 703448),
        ("Київ", "UA", 703448),
        ("Lemberg", "UA", 702550),
        ("Odessa", "UA", 698740),
        ("Freiburg im Breisgau", "DE", 2925177),
        ("St. Petersburg", "RU", 498817),
        ("Chişinău", "MD", 618426),  # cedilla
        ("Chișinău", "MD", 618426),  # comma below
    ],
)
def test_alternate_names_and_spellings_resolve(geocoder, name, country, expected_id):
    assert geocoder.resolve(name, country).geonameid == expected_id


def test_a_small_place_resolves():
    dikson = Geocoder(load_gazetteer()).resolve("Dikson", "RU")
    assert dikson.population < 2000 and dikson.lat > 73


def test_normal_illinois_is_not_normal_anywhere_else(geocoder):
    normal = geocoder.resolve("Normal", "US", "IL")
    assert (normal.admin1, round(normal.lat), round(normal.lon)) == ("IL", 41, -89)
    assert geocoder.resolve("Normal", "US", "Illinois") == normal


def test_bloomington_without_a_state_is_ambiguous_and_lists_candidates(geocoder):
    with pytest.raises(GeocodeError, match="ambiguous place 'Bloomington'") as error:
        geocoder.resolve("Bloomington", "US")
    assert "IN" in str(error.value) and "IL" in str(error.value)


def test_bloomington_illinois_resolves_with_its_state(geocoder):
    assert geocoder.resolve("Bloomington", "US", "IL").geonameid == 4885164


def test_the_override_table_wins(geocoder):
    place = geocoder.resolve("Bloomington Normal", "US")
    assert place.place_id == "us-bloomington-normal" and place.kind == "metro_area"


def test_name_alone_never_resolves_across_countries(geocoder):
    with pytest.raises(GeocodeError, match="unknown place 'Kyiv' in PL"):
        geocoder.resolve("Kyiv", "PL")


def test_a_dominant_place_wins_over_villages_of_the_same_name(geocoder):
    assert geocoder.resolve("Moscow", "RU").geonameid == 524901


def test_unknown_place_suggests_close_names(geocoder):
    with pytest.raises(GeocodeError, match="did you mean 'Kharkiv'"):
        geocoder.resolve("Kharkiw", "UA")


def test_results_are_never_null_island(geocoder):
    for name, country in [("Kyiv", "UA"), ("Dikson", "RU"), ("Normal", "US")]:
        place = geocoder.resolve(name, country, "IL" if country == "US" else "")
        assert (place.lat, place.lon) != (0, 0)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Chişinău", "Chișinău"),
        ("KYIV", "kyiv"),
        ("St. Louis", "Saint Louis"),
        ("Kraków", "Krakow"),
        ("Freiburg-im-Breisgau", "Freiburg im Breisgau"),
    ],
)
def test_name_normalisation(a, b):
    assert normalise_name(a) == normalise_name(b)
