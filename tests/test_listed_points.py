"""The lists' own points: one per written name, and the reasons a place far from its point is where it is."""

from geodata.geocode import Place
from geodata.listed import ListedImport
from geodata.listed_points import far_review, flag_far, read_row_points, region_points

HEADER = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
CHRISTCHURCH = Place("2653075", "Christchurch", "GB", "ENG", "city", 50.7358, -1.7813, 54000)


def test_a_point_given_to_several_names_is_a_region_s_centre(tmp_path):
    path = tmp_path / "coords.csv"
    path.write_text(
        HEADER + "Street,England,55,-3,Brest,France,48.39,-4.49\nWells,England,55,-3,Kyiv,Ukraine,50.45,30.52\n",
        encoding="utf-8",
    )
    assert region_points(path) == {(-3.0, 55.0)}
    assert read_row_points(path)[("Street", "England", "Brest", "France")] == ((-3.0, 55.0), (-4.49, 48.39))


def test_a_list_point_in_another_country_is_the_list_s_mistake():
    rule, reason = far_review(CHRISTCHURCH, ("Christchurch", "England"), (172.64, -43.53), ListedImport())
    assert rule == "outside_country" and "outside GB" in reason


def test_a_reviewed_row_wins_and_an_unexplained_far_place_stays_unreviewed():
    result = ListedImport(far_reviewed={("Christchurch", "England", "2653075"): "checked: the list is wrong"})
    flag_far(CHRISTCHURCH, ("Christchurch", "England"), (172.64, -43.53), result)
    flag_far(CHRISTCHURCH, ("Christchurch", "England"), (-1.78, 50.74), result)  # at the place: not far
    assert [(r["review"], r["review_reason"]) for r in result.far_from_source] == [
        ("reviewed", "checked: the list is wrong")
    ]
    rule, _ = far_review(CHRISTCHURCH, ("Christchurch", "England"), (-3.5, 53.0), ListedImport())
    assert rule == ""  # in the country, 200 km off, no rule: left for a review
