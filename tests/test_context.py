"""Geocoding by context (issue 13): short forms, historic alternate names, the list's point, the partner."""

import pytest

from geodata.context import by_partner, by_point, chooser
from geodata.gazetteer import load_gazetteer
from geodata.geocode import Geocoder, is_short_form


@pytest.fixture(scope="module")
def geocoder():
    return Geocoder(load_gazetteer(), [], suggest=False)


def test_a_current_short_form_beats_a_hamlet_whose_main_name_it_is(geocoder):
    place = geocoder.resolve("Querétaro", "MX")
    assert (place.name, place.admin1, place.method) == ("Santiago de Querétaro", "22", "population")


def test_a_renamed_town_keeps_its_ties(geocoder):
    assert geocoder.resolve("Lake Worth", "US").admin1 == "FL"  # GeoNames: Lake Worth Beach
    assert geocoder.resolve("Novomoskovsk", "UA").name == "Samar"  # renamed 2024, still its common name


def test_a_short_form_does_not_take_a_bigger_town_s_name(geocoder):
    assert geocoder.resolve("Clichy", "FR").name == "Clichy"  # not Clichy-sous-Bois
    assert not is_short_form("Clichy", "Clichy")


def test_a_historic_alternate_name_names_nothing(geocoder):
    with pytest.raises(ValueError, match="unknown place"):
        geocoder.resolve("Dartmouth", "US")  # Jefferson, NH was once Dartmouth; Dartmouth, NS is 60x bigger
    with pytest.raises(ValueError, match="unknown place"):
        geocoder.resolve("Lund", "NO")  # not Lundamo, Trøndelag


@pytest.mark.parametrize(("name", "country", "admin1"), [("Kiev", "UA", "12"), ("Odessa", "UA", "17")])
def test_well_known_exonyms_still_resolve(geocoder, name, country, admin1):
    assert geocoder.resolve(name, country).admin1 == admin1


def test_the_list_point_chooses_among_same_name_places(geocoder):
    # Heringsdorf on Usedom (the Seebad) and in Schleswig-Holstein: the list puts Świnoujście's partner on Usedom
    place = geocoder.resolve_in_context("Heringsdorf", "DE", "", chooser((14.1667, 53.9667), None))
    assert (place.name, place.method) == ("Seebad Heringsdorf", "list_coordinates")
    assert geocoder.resolve("Heringsdorf", "DE").name == "Heringsdorf"  # by name alone: the main name


def test_a_point_far_from_every_candidate_says_nothing(geocoder):
    _, entries = geocoder.contenders("Milan", "US")
    assert by_point(entries, (9.19, 45.4669)) is None  # the scraped list put Milan, US in Italy


def test_the_partner_chooses_a_cross_border_homonym(geocoder):
    _, entries = geocoder.contenders("Yichun", "CN")
    entry, method = by_partner(entries, (132.9333, 48.8))  # Birobidzhan
    assert (entry.admin1, method) == ("08", "partner_near")  # Heilongjiang, not Jiangxi
    assert by_partner(entries, (9.1167, 51.1167)) is None  # Bad Wildungen is far from both


def test_the_population_rule_still_decides_without_context(geocoder):
    place = geocoder.resolve("Yichun", "CN")
    assert (place.admin1, place.method) == ("03", "population")
    assert geocoder.resolve("Norfolk", "US", "VA").method == "admin1"


def test_lemberg_is_lviv(geocoder):
    assert geocoder.resolve("Lemberg", "UA").admin1 == "15"


def test_the_partner_does_not_overrule_a_city_25_times_bigger(geocoder):
    _, entries = geocoder.contenders("Puebla", "MX")
    assert by_partner(entries, (-118.225, 33.98)) is None  # Huntington Park: a town near Mexicali is not Puebla


def test_the_partner_comes_before_the_list_point_for_the_name(geocoder):
    # the list's one point for every Yichun is Jiangxi's; Birobidzhan's Yichun is across the Amur in Heilongjiang
    place = geocoder.resolve_in_context("Yichun", "CN", "", chooser((115.0154, 28.3803), (132.9333, 48.8)))
    assert (place.admin1, place.method) == ("08", "partner_near")


def test_an_alternate_name_near_the_list_point_beats_a_far_main_name(geocoder):
    assert geocoder.resolve("Naruto", "JP").admin1 == "04"  # by name alone: the former town in Chiba
    place = geocoder.alternate_near("Naruto", "JP", "", (134.6084, 34.1726))
    assert (place.name, place.admin1, place.method) == ("Narutochō-mitsuishi", "39", "list_coordinates")
    assert geocoder.alternate_near("Naruto", "JP", "", (9.19, 45.4669)) is None  # a point far from all


def test_mount_pleasant_is_never_frostburg(geocoder):
    _, entries = geocoder.contenders("Mount Pleasant", "US")
    assert "Frostburg" not in {e.name for e in entries}
    assert geocoder.alternate_near("Mount Pleasant", "US", "", (-78.93, 39.66)) is None  # historic for Frostburg


def test_a_qualifier_names_the_place_a_name_lies_in():
    from geodata.context import in_qualifier, qualifier_of
    from geodata.geocode import Place

    assert (qualifier_of("Kōtō (Tokyo)"), qualifier_of("Springfield, Illinois")) == ("Tokyo", "")
    moscow = Place("524901", "Moscow", "RU", "48", "city", 55.75, 37.62, 10_000_000)
    assert in_qualifier((37.79, 55.75), moscow)  # Perovo, a Moscow district
    assert not in_qualifier((92.9, 55.0), moscow, "91")  # Partizanskoye, Krasnoyarsk Krai: once called Perovo


def test_a_reviewed_homonym_pins_an_end_or_leaves_it_unplaced(geocoder):
    from geodata.listed import ListedPlaceResolver

    homonyms = {
        ("Plymouth", "United States", "Plymouth", "England"): ("Plymouth", "US", "MA", "the council names MA"),
        ("Yanbian", "China", "Vladivostok", "Russia"): ("", "", "", "a prefecture of Jilin, not a GeoNames town"),
    }
    resolver = ListedPlaceResolver(geocoder, {}, {}, homonyms)
    place = resolver.resolve_in_pair("Plymouth", "United States", ("Plymouth", "England"))
    assert (place.admin1, place.method) == ("MA", "override")
    with pytest.raises(ValueError, match="left unplaced by review.*a prefecture of Jilin"):
        resolver.resolve_in_pair("Yanbian", "China", ("Vladivostok", "Russia"))
