"""Great-circle arcs: the short way round, split cleanly at the antimeridian."""

import numpy as np
import pytest
from shapely.geometry import LineString, MultiLineString

from geodata.arcs import arc_geometry, great_circle_km, great_circle_points

ANCHORAGE = (-149.90028, 61.21806)
MAGADAN = (150.80211, 59.56274)
KYIV = (30.5238, 50.45466)
WARSAW = (21.01178, 52.22977)


def test_anchorage_magadan_takes_the_short_way_across_the_pacific():
    arc = arc_geometry(*ANCHORAGE, *MAGADAN)
    assert isinstance(arc, MultiLineString) and len(arc.geoms) == 2
    lons = np.concatenate([np.asarray(part.coords)[:, 0] for part in arc.geoms])
    # The long way round would pass over Europe (lon near 0); the short way stays near +-180.
    assert np.all(np.abs(lons) >= 149)
    assert great_circle_km(*ANCHORAGE, *MAGADAN) == pytest.approx(3150, abs=50)


def test_split_parts_meet_on_the_antimeridian_at_the_same_latitude():
    east, west = arc_geometry(*ANCHORAGE, *MAGADAN).geoms
    assert abs(east.coords[-1][0]) == 180 and abs(west.coords[0][0]) == 180
    assert east.coords[-1][1] == pytest.approx(west.coords[0][1])


def test_an_ordinary_arc_is_one_line_from_end_to_end():
    arc = arc_geometry(*KYIV, *WARSAW)
    assert isinstance(arc, LineString)
    assert arc.coords[0] == pytest.approx(KYIV) and arc.coords[-1] == pytest.approx(WARSAW)


def test_points_lie_on_the_great_circle_not_the_straight_line():
    chicago, moscow = (-87.65, 41.85), (37.62, 55.75)
    middle = great_circle_points(*chicago, *moscow, n=3)[1]
    assert middle[1] > 62  # the great circle bows north over the Atlantic, far above both ends


def test_points_along_arcs_lie_between_the_ends_on_the_great_circle():
    from geodata.arcs import great_circle_km, points_along

    # Kyiv - Warsaw (about 690 km) and a quarter of the equator
    lon, lat, arc = points_along(
        np.array([30.52, 0.0]), np.array([50.45, 0.0]), np.array([21.01, 90.0]), np.array([52.23, 0.0]), spacing=2.0
    )
    assert (np.bincount(arc) == [3, 45]).all()  # about one point per 2 degrees, at least one per arc
    kyiv_warsaw = great_circle_km(30.52, 50.45, 21.01, 52.23)
    for lo, la in zip(lon[arc == 0], lat[arc == 0]):
        # on the arc: the two legs add up to the whole, and no point sits on an end
        legs = great_circle_km(30.52, 50.45, lo, la) + great_circle_km(lo, la, 21.01, 52.23)
        assert abs(legs - kyiv_warsaw) < 1.0
        assert min(great_circle_km(30.52, 50.45, lo, la), great_circle_km(lo, la, 21.01, 52.23)) > 100
    assert np.allclose(lat[arc == 1], 0.0, atol=1e-4) and 0 < lon[arc == 1].min() and lon[arc == 1].max() < 90


def test_points_along_a_zero_length_tie_give_one_point_at_it():
    from geodata.arcs import points_along

    lon, lat, arc = points_along(np.array([10.0]), np.array([50.0]), np.array([10.0]), np.array([50.0]), spacing=1)
    assert arc.tolist() == [0] and np.allclose([lon[0], lat[0]], [10.0, 50.0], atol=1e-4)
