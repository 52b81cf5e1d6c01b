"""Building and loading layers: GeoParquet, EPSG:4326, rebuilt when stale or corrupt, written atomically."""

import logging
from pathlib import Path

import geopandas as gpd
import pytest

from geodata.build import build, load_layers
from tests.conftest import MINI, append_row


@pytest.fixture
def built(tmp_path: Path, mini_copy: Path) -> tuple[Path, Path]:
    out = tmp_path / "build"
    build(mini_copy, out)
    return mini_copy, out


def test_layers_are_geodataframes_in_wgs84(built):
    layers = load_layers(*built)
    for frame in (layers.places, layers.partnerships, layers.aid_events, layers.network_members):
        assert isinstance(frame, gpd.GeoDataFrame) and frame.crs.to_epsg() == 4326


def test_partnerships_have_the_documented_columns(built):
    ties = load_layers(*built).partnerships
    for column in (
        "partnership_id",
        "city_a",
        "country_a",
        "city_b",
        "country_b",
        "relation",
        "status",
        "since",
        "status_date",
        "aid_types",
        "themes",
        "conflicts",
        "note",
        "sources",
        "geometry",
    ):
        assert column in ties.columns
    kyiv_warsaw = ties[ties.city_b == "Warsaw"].iloc[0]
    assert kyiv_warsaw.city_a == "Kyiv" and "humanitarian_supplies" in kyiv_warsaw.aid_types
    assert kyiv_warsaw.n_aid_events == 1


def test_aid_events_link_to_their_tie_and_groups_to_none(built):
    events = load_layers(*built).aid_events.set_index("description")
    assert events.loc["more than 3500 tonnes of supplies", "tonnes"] == 3500
    assert events.loc["more than 3500 tonnes of supplies", "partnership_id"] == "703448--756135"
    assert events.loc["six cogeneration units", "partnership_id"] == ""
    assert events.loc["six cogeneration units", "geometry"] is None


def test_places_count_their_ties_and_keep_search_names(built):
    places = load_layers(*built).places.set_index("name")
    assert places.loc["Kyiv", "n_ties"] == 1
    assert "Kiev" in places.loc["Kyiv", "alt_names"].split(";")
    assert "Київ" in places.loc["Kyiv", "alt_names"].split(";")


NAMES_UK = "geonameid,place_id,name,name_uk,source\n756135,,Warsaw,Варшава,GeoNames alternate name\n"


def test_every_layer_names_its_places_in_ukrainian_where_known_else_in_latin(built):
    data, out = built
    (data / "place_names_uk.csv").write_text(NAMES_UK, encoding="utf-8")
    layers = load_layers(data, out)
    places = layers.places.set_index("name")
    assert places.loc["Kyiv", "name_uk"] == "Київ"  # GeoNames' alternate names
    assert places.loc["Warsaw", "name_uk"] == "Варшава"  # the reviewed table
    assert places.loc["Port of Trieste", "name_uk"] == "Port of Trieste"  # none: the Latin name
    kyiv_warsaw = layers.partnerships[layers.partnerships.city_b == "Warsaw"].iloc[0]
    assert (kyiv_warsaw.city_a_uk, kyiv_warsaw.city_b_uk) == ("Київ", "Варшава")
    from_warsaw = layers.aid_events[layers.aid_events.donor == "Warsaw"].iloc[0]
    assert (from_warsaw.donor_uk, from_warsaw.recipient_uk) == ("Варшава", "Київ")
    assert layers.network_members.set_index("city").loc["Los Angeles", "city_uk"] == "Los Angeles"
    for frame, columns in (
        (layers.places, ["name_uk"]),
        (layers.partnerships, ["city_a_uk", "city_b_uk"]),
        (layers.aid_events, ["donor_uk", "recipient_uk"]),
        (layers.network_members, ["city_uk"]),
    ):
        for column in columns:
            assert frame[column].str.len().gt(0).all(), column


def test_a_stale_build_is_rebuilt(built, caplog):
    data, out = built
    append_row(data, "partnerships.csv", "Kyiv,UA,,Berlin,DE,,sister_city,active,2023-09-14,,,,,,,,,https://e.org/b")
    with caplog.at_level(logging.INFO, logger="geodata"):
        layers = load_layers(data, out)
    assert "stale" in caplog.text
    assert "Berlin" in set(layers.partnerships.city_b)


def test_a_current_build_is_read_not_rebuilt(built, caplog):
    with caplog.at_level(logging.INFO, logger="geodata"):
        load_layers(*built)
    assert "building" not in caplog.text


def test_a_corrupt_layer_is_detected_and_rebuilt(built, caplog):
    data, out = built
    (out / "partnerships.parquet").write_bytes(b"PAR1 truncated")
    with caplog.at_level(logging.WARNING, logger="geodata"):
        layers = load_layers(data, out)
    assert "corrupt" in caplog.text and len(layers.partnerships) == 6
    assert len(gpd.read_parquet(out / "partnerships.parquet")) == 6


def test_the_build_leaves_no_temporary_files(built):
    _, out = built
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_invalid_rows_are_reported_in_the_build_not_silently_dropped(tmp_path, mini_copy):
    append_row(mini_copy, "partnerships.csv", "Kyiv,UA,,Atlantis,GR,,sister_city,active,,,,,,,,,,https://e.org/x")
    layers = build(mini_copy, tmp_path / "out")
    assert len(layers.problems) == 1 and "Atlantis" in layers.problems[0]
    assert layers.manifest["problems"] == layers.problems


def test_the_bundled_mini_fixture_is_unchanged_by_tests():
    assert "Berlin" not in (MINI / "partnerships.csv").read_text()
