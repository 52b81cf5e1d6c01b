"""The frame of a view: the core of its ties' ends, the short way across the antimeridian, centred on a place."""

import numpy as np
import pytest

from geodata.extent import WORLD, core_extent, tie_ends, wrap

KYIV, WARSAW, LVIV, BERLIN, CHICAGO, TOKYO = (30.52, 50.45), (21.01, 52.23), (24.03, 49.84), (13.4, 52.52), (
    -87.65, 41.85), (139.69, 35.69)  # fmt: skip
ANCHORAGE, MAGADAN = (-149.9, 61.22), (150.8, 59.56)


def ends(*pairs):
    lon_a = np.array([a[0] for a, _ in pairs])
    lat_a = np.array([a[1] for a, _ in pairs])
    lon_b = np.array([b[0] for _, b in pairs])
    lat_b = np.array([b[1] for _, b in pairs])
    return tie_ends(lon_a, lat_a, lon_b, lat_b)


def inside(extent, point) -> bool:
    d_lon = abs(wrap(point[0] - extent.lon))
    return d_lon <= extent.lon_span / 2 and abs(point[1] - extent.lat) <= extent.lat_span / 2


def test_kyivs_ties_frame_europe_not_the_world_the_far_partners_leave_the_frame():
    european = [(KYIV, p) for p in (WARSAW, LVIV, BERLIN)] * 4
    lon, lat = ends(*european, (KYIV, CHICAGO), (KYIV, TOKYO))
    extent = core_extent(lon, lat, centre=KYIV)
    assert (extent.lon, extent.lat) == KYIV
    assert extent.lon_span < 60 and all(inside(extent, p) for p in (WARSAW, LVIV, BERLIN))
    assert not inside(extent, CHICAGO) and not inside(extent, TOKYO)


def test_ukraines_ties_without_a_place_frame_their_core():
    lon, lat = ends(*[(KYIV, WARSAW), (LVIV, BERLIN), (LVIV, WARSAW)] * 5, (KYIV, CHICAGO))
    extent = core_extent(lon, lat)
    assert 10 <= extent.lon < 30 and extent.lon_span < 40 and not inside(extent, CHICAGO)


def test_anchorage_magadan_crosses_the_antimeridian_the_short_way():
    lon, lat = ends((ANCHORAGE, MAGADAN))
    extent = core_extent(lon, lat)
    assert abs(wrap(extent.lon - 180)) < 10  # centred over the Bering Sea, not over Europe
    assert extent.lon_span < 90 and inside(extent, ANCHORAGE) and inside(extent, MAGADAN)


def test_one_tie_or_one_city_keeps_a_minimum_frame():
    lon, lat = ends((KYIV, (30.6, 50.5)))
    extent = core_extent(lon, lat)
    assert extent.lon_span >= 10 and extent.lat_span >= 6


@pytest.mark.parametrize("share", [0.85, 1.0])
def test_no_ties_is_the_world_and_ties_all_round_it_too(share):
    assert core_extent(np.array([]), np.array([])) == WORLD
    lon = np.linspace(-180, 179, 50)
    assert core_extent(lon, np.zeros(50), share=share).is_world


def test_the_frame_stays_within_the_latitudes_there_are():
    lon, lat = ends(((20.0, 78.0), (15.6, 78.2)))  # Svalbard
    extent = core_extent(lon, lat)
    assert extent.lat + extent.lat_span / 2 <= 84
