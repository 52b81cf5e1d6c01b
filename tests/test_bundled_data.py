"""The bundled dataset: validates clean, and tells the stories the articles tell, each fact with a source."""

import pandas as pd
import pytest

from geodata.build import DATA_DIR, build
from geodata.validate import validate_folder


@pytest.fixture(scope="module")
def layers(tmp_path_factory):
    return build(DATA_DIR, tmp_path_factory.mktemp("bundled-build"))


def tie(ties: pd.DataFrame, city_a: str, city_b: str) -> pd.Series:
    mask = ((ties.city_a == city_a) & (ties.city_b == city_b)) | ((ties.city_a == city_b) & (ties.city_b == city_a))
    assert mask.sum() == 1, f"expected one tie {city_a} - {city_b}, found {mask.sum()}"
    return ties[mask].iloc[0]


def test_the_bundled_data_validates_clean():
    assert [str(p) for p in validate_folder(DATA_DIR).problems] == []


def test_every_row_of_every_layer_has_a_source(layers):
    for frame in (layers.partnerships, layers.aid_events, layers.network_members, layers.networks):
        assert frame["sources"].str.len().gt(0).all()


def test_warsaw_is_kyivs_logistics_hub(layers):
    events = layers.aid_events
    from_warsaw = events[(events.donor == "Warsaw") & (events.recipient == "Kyiv")]
    assert from_warsaw.tonnes.max() == 3500 and from_warsaw.people.max() == 4500
    assert "humanitarian_supplies" in tie(layers.partnerships, "Kyiv", "Warsaw").aid_types


def test_lviv_unbroken_centre_is_backed_by_freiburg_and_vilnius(layers):
    to_lviv = layers.aid_events[layers.aid_events.recipient == "Lviv"]
    for donor in ("Freiburg", "Vilnius"):
        rows = to_lviv[to_lviv.donor == donor]
        assert rows.aid_types.str.contains("medical_rehabilitation").any(), donor
        assert rows.description.str.contains("Unbroken", case=False).any(), donor


def test_kharkiv_cogeneration_units_and_35_million_euros(layers):
    to_kharkiv = layers.aid_events[layers.aid_events.recipient == "Kharkiv"]
    assert 6 in set(to_kharkiv.units) and 35_000_000 in set(to_kharkiv.euros)


def test_the_featured_cities_and_the_reviewed_places_have_their_ukrainian_names(layers):
    names = layers.places.set_index("place_id")["name_uk"]
    expected = {
        "703448": "Київ",
        "702550": "Львів",
        "706483": "Харків",
        "698740": "Одеса",
        "756135": "Варшава",
        "5128581": "Нью-Йорк",
        "ua-uspa": "Адміністрація морських портів України",
    }
    assert {pid: names[pid] for pid in expected} == expected
    assert (layers.places["name_uk"].str.len() > 0).all()


def test_odesa_ports_and_yokohama(layers):
    ties = layers.partnerships
    odesa = layers.places.set_index("name").loc["Odesa", "place_id"]
    port_ties = ties[ties.context.str.contains(odesa)]
    assert len(port_ties) == 2 and set(port_ties.relation) == {"memorandum"}
    assert 300 in set(layers.aid_events[layers.aid_events.donor == "Yokohama"].units)


@pytest.mark.parametrize(
    ("a", "b", "status", "since"),
    [
        ("Kyiv", "Chicago", "active", "1991"),
        ("Chicago", "Moscow", "suspended", None),
        ("Los Angeles", "Saint Petersburg", None, "1989"),
        ("Kyiv", "Los Angeles", "proposed", None),
        ("Dixon", "Dikson", "ended", None),
        ("Flint", "Tolyatti", None, None),
        ("Kalamazoo", "Pushkin", None, None),
        ("Los Alamos", "Sarov", None, None),
        ("Livermore", "Snezhinsk", None, None),
        ("Bloomington-Normal", "Vladimir", "active", None),
        ("Kyiv", "Berlin", "active", "2023-09-14"),
    ],
)
def test_the_articles_ties_are_there(layers, a, b, status, since):
    row = tie(layers.partnerships, a, b)
    if status:
        assert row.status == status
    if since:
        assert row.since == since


def test_chicago_moscow_keeps_the_date_disagreement(layers):
    row = tie(layers.partnerships, "Chicago", "Moscow")
    assert row.status_date == "2022-03-01" and "status_date=2022-03-02" in row.disputed_dates


def test_bloomington_normal_is_in_illinois_not_idaho(layers):
    place = layers.places.set_index("name").loc["Bloomington-Normal"]
    assert place.admin1 == "IL" and -90 < place.geometry.x < -88
    assert "Idaho" in tie(layers.partnerships, "Bloomington-Normal", "Vladimir").note


def test_the_networks_the_articles_name(layers):
    names = " ".join(layers.networks.name)
    for network in (
        "C40",
        "Climate Mayors",
        "Strong Cities Network",
        "100 Resilient Cities",
        "Eurocities",
        "Unbroken Cities",
    ):
        assert network in names
    climate_mayors = layers.network_members[layers.network_members.network_id == "climate_mayors"]
    assert "Los Angeles" in set(climate_mayors.city)


def test_the_four_ukrainian_cities_have_their_partners(layers):
    counts = pd.concat([layers.partnerships.city_a, layers.partnerships.city_b]).value_counts()
    assert counts["Kyiv"] >= 15 and counts["Lviv"] >= 9 and counts["Kharkiv"] >= 10 and counts["Odesa"] >= 25


def test_no_place_sits_on_null_island(layers):
    located = layers.places.dropna(subset=["geometry"])
    assert not ((located.geometry.x.abs() < 0.01) & (located.geometry.y.abs() < 0.01)).any()
