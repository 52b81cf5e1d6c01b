"""Region names for telling same-name places apart (geodata.regions)."""

from geodata.regions import region_name


def test_a_known_region_is_named_and_an_unknown_one_keeps_its_code():
    assert (region_name("CN", "08"), region_name("CN", "03")) == ("Heilongjiang", "Jiangxi")
    assert region_name("JP", "39") == "Tokushima"  # Naruto's prefecture
    assert region_name("XX", "99") == "99"


def test_us_states_keep_their_codes():
    assert region_name("US", "MA") == "MA"  # Plymouth (US, MA): the code a reader knows
