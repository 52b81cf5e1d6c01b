"""Geocoding by context on the bundled lists (issue 13): each tie's ends where that tie means them."""

import pandas as pd
import pytest

from geodata.build import DATA_DIR, build


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("context-build")
    return build(DATA_DIR, out, progress=False), out


def ties_between(layers, a: str, b: str) -> pd.DataFrame:
    t = layers.partnerships
    a_side = t.city_a.str.startswith(a) & t.city_b.str.startswith(b)
    b_side = t.city_b.str.startswith(a) & t.city_a.str.startswith(b)
    return t[a_side | b_side]


def end(layers, a: str, b: str) -> tuple[str, str, str]:
    """(name, country, admin1) of the end named `b` in the one tie between `a` and `b`."""
    rows = ties_between(layers, a, b)
    assert len(rows) == 1, f"expected one tie {a} - {b}, found {len(rows)}"
    row = rows.iloc[0]
    side = "b" if row.city_b.startswith(b) and not row.city_a.startswith(b) else "a"
    return row[f"city_{side}"], row[f"country_{side}"], row[f"admin1_{side}"]


def test_yichun_is_two_places_each_with_its_own_ties(built):
    layers, _ = built
    assert end(layers, "Birobidzhan", "Yichun")[2] == "08"  # Heilongjiang, by its partner across the Amur
    assert end(layers, "Bad Wildungen", "Yichun")[2] == "03"  # Jiangxi
    yichuns = layers.places[(layers.places.name == "Yichun") & (layers.places.country == "CN")]
    assert set(yichuns.admin1) == {"03", "08"} and yichuns.place_id.is_unique
    assert "partner_near" in yichuns.set_index("admin1").loc["08", "method"]


def test_plymouth_uk_is_twinned_with_plymouth_massachusetts(built):
    layers, _ = built
    rows = ties_between(layers, "Plymouth", "Plymouth")
    us = rows[(rows.country_a == "US") | (rows.country_b == "US")].iloc[0]
    assert "MA" in (us.admin1_a, us.admin1_b)  # not Minnesota


def test_naruto_is_the_tokushima_city_not_the_chiba_town(built):
    layers, _ = built
    assert end(layers, "Lüneburg", "Naruto") == ("Narutochō-mitsuishi", "JP", "39")


def test_polotsks_sokol_is_the_moscow_district(built):
    """Sokol, Vologda Oblast and Valkeakoski: no page but wiki mirrors says it, so no override places it."""
    layers, _ = built
    assert end(layers, "Polotsk", "Sokol")[2] == "48"


@pytest.mark.parametrize("partner", ["Świnoujście", "Kobleve"])
def test_heringsdorf_is_the_usedom_resort(built, partner):
    layers, _ = built
    assert end(layers, partner, "Seebad Heringsdorf")[2] == "12"  # Mecklenburg-Vorpommern, not Holstein


def test_a_historic_alternate_name_never_pulls_a_tie(built):
    layers, _ = built
    assert end(layers, "Okaya", "Mount Pleasant")[:2] == ("Mount Pleasant", "US")  # not Frostburg, MD
    t = layers.partnerships
    frostburg = t[t.city_a.eq("Frostburg") | t.city_b.eq("Frostburg")]
    assert set(frostburg.city_a) | set(frostburg.city_b) == {"Frostburg", "Viljandi"}  # its own tie, by its name


def test_a_borough_and_its_seat_are_one_partner(built):
    layers, _ = built
    rows = ties_between(layers, "Yakutsk", "Fairbanks")
    assert len(rows) == 1, "Fairbanks North Star Borough - Yakutsk (cited) and Fairbanks - Yakutsk (listed)"
    assert rows.iloc[0].tier == "cited" and "wikipedia" in rows.iloc[0].listed_in
    assert len(ties_between(layers, "Pune", "Fairbanks")) == 1  # Wikidata gives it to the city and the borough


@pytest.mark.parametrize("partner", ["Vladimir", "Asahikawa"])
def test_bloomington_normal_illinois_keeps_its_ties(built, partner):
    layers, _ = built
    assert end(layers, partner, "Bloomington") == ("Bloomington-Normal", "US", "IL")


def test_bloomington_minnesota_keeps_izumi(built):
    layers, _ = built
    assert end(layers, "Izumi", "Bloomington")[1:] == ("US", "MN")  # not Indiana, where the list puts every one


def test_cases_the_rules_already_got_right_stay_right(built):
    layers, out = built
    assert end(layers, "Kaliningrad", "Norfolk")[1:] == ("US", "VA")
    assert end(layers, "Toulon", "Norfolk")[1:] == ("US", "VA")  # the scraped file puts it in England
    assert end(layers, "Dixon", "Dikson")[1:] == ("RU", "91")
    places = layers.places
    assert not ((places.country == "US") & (places.geometry.x > 0)).any(), "no US place in Italy (Milan)"
    unresolved = pd.read_csv(out / "unresolved_listed.csv")
    milan = unresolved[(unresolved.name == "Milan") & (unresolved.country == "United States")]
    assert len(milan) and milan.reason.str.contains("ambiguous place 'Milan'").all()


def test_every_place_says_how_it_was_chosen(built):
    layers, _ = built
    methods = set(";".join(layers.places["method"].fillna("")).split(";"))
    assert {"override", "admin1", "unique", "population", "list_coordinates", "partner_near"} <= methods


def test_the_dashboard_keeps_same_name_places_apart(built):
    from dashboard.figures.hover_texts import place_labels

    layers, _ = built
    places = layers.places
    yichun = places[(places.name == "Yichun") & (places.country == "CN")].sort_values("admin1")
    others = [places.loc[places.name == n, "place_id"].iloc[0] for n in ("Kyiv", "Lviv")]
    labels = place_labels(places, [*yichun.place_id, *others])
    assert list(labels) == ["Yichun (CN, Jiangxi)", "Yichun (CN, Heilongjiang)", "Kyiv (UA)", "Lviv (UA)"]
    assert yichun.place_id.tolist() == ["1786746", "2033413"]  # GeoNames ids: stable URL `place` ids


@pytest.mark.parametrize(("written", "lat_range"), [("Perovo (Moscow)", (55.5, 56.0)), ("Kōtō (Tokyo)", (35.5, 35.8))])
def test_a_name_s_qualifier_keeps_it_in_that_city(built, written, lat_range):
    layers, _ = built
    t = layers.partnerships
    rows = t[(t.city_a == written) | (t.city_b == written)]
    assert len(rows)
    lats = [r.lat_a if r.city_a == written else r.lat_b for r in rows.itertuples()]
    assert all(lat_range[0] < lat < lat_range[1] for lat in lats)  # not Krasnoyarsk Krai, not Shiga


def test_far_places_say_why_the_list_s_point_is_not_theirs(built):
    _, out = built
    far = pd.read_csv(out / "far_from_source.csv").fillna("")
    rows = {(r.name, r.country): r for r in far.itertuples()}
    assert rows[("Rabat", "Malta")].review == "outside_country"  # the list put it in Morocco
    assert rows[("Christchurch", "England")].review == "outside_country"
    assert rows[("Douglas", "United States")].review == "partner"  # Douglas, AZ - Agua Prieta; the list: Illinois
    rules = {"", "outside_country", "region_point", "partner", "qualifier_point", "override", "reviewed"}
    assert set(far.review) <= rules


def test_every_far_place_is_explained_by_a_rule_or_a_reviewed_row(built):
    _, out = built
    far = pd.read_csv(out / "far_from_source.csv", dtype={"place_id": str}).fillna("")
    assert (far.review != "").all(), far[far.review == ""][["name", "country", "resolved_as"]].head().to_string()
    reviewed = pd.read_csv(DATA_DIR / "listed" / "far_reviewed.csv", dtype={"place_id": str}).fillna("")
    assert (reviewed.reason.str.len() > 20).all()
    stale = set(zip(reviewed.name, reviewed.country, reviewed.place_id)) - set(zip(far.name, far.country, far.place_id))
    assert not stale, f"far_reviewed.csv rows no far place needs: {sorted(stale)[:5]}"


def test_a_reviewed_move_has_a_source_and_a_reviewed_unplacing_says_why():
    homonyms = pd.read_csv(DATA_DIR / "listed" / "homonyms.csv").fillna("")
    moves, unplaced = homonyms[homonyms.resolve_as != ""], homonyms[homonyms.resolve_as == ""]
    assert moves.sources.str.startswith("http").all()
    assert len(unplaced) and (unplaced.note.str.len() > 20).all()


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Bredstedt", "De Witt", ("De Witt", "US", "IA")),  # not DeWitt, Michigan
        ("Naperville", "Cancún", ("Cancún", "MX", "23")),  # the Quintana Roo municipality, not Mexico City's
        ("Bury", "Woodbury", ("Woodbury", "US", "NJ")),  # Henry Wood of Bury's town, not Minnesota's
        ("Sankt Georgen am Walde", "Linden (Holstein)", ("Linden (Holstein)", "DE", "10")),  # GeoNames' 500+ tier only
    ],
)
def test_a_reviewed_move_puts_the_end_where_its_source_says(built, a, b, expected):
    layers, _ = built
    assert end(layers, a, b) == expected


@pytest.mark.parametrize(
    ("a", "b"), [("Vladivostok", "Yanbian"), ("Tutin", "Gaziosmanpaşa"), ("Chatham", "Harpers Ferry")]
)
def test_a_place_the_gazetteer_lacks_is_not_drawn_at_a_namesake(built, a, b):
    layers, out = built
    # a prefecture, an Istanbul district, a West Virginia town of 300 (the gazetteer's namesakes: in Sichuan,
    # in Ankara, and Athens, Ohio by an alternate name)
    assert (
        ties_between(layers, a, b).empty
        and ties_between(layers, a, {"Harpers Ferry": "Athens", "Yanbian": "Tongzilin"}.get(b, b)).empty
    )
    unresolved = pd.read_csv(out / "unresolved_listed.csv", dtype=str).fillna("")
    assert unresolved[unresolved.name == b].reason.str.contains("left unplaced by review").any()


def test_every_same_name_place_is_told_apart_by_its_region_s_name(built):
    from geodata.regions import region_name

    layers, _ = built
    places = layers.places
    shared = places[places.duplicated(["name", "country"], keep=False) & (places.country != "US")]
    unnamed = {(c, a) for c, a in zip(shared.country, shared.admin1) if a and region_name(c, a) == a}
    assert not unnamed, f"add these regions to geodata/data/geography/admin1_names.csv: {sorted(unnamed)}"
