"""The user's own ties: validated like the bundled data, reported row by row, kept in the page, drawn on the map."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from dashboard import text
from dashboard import upload as ui
from dashboard.callbacks import upload as upload_callbacks
from geodata import upload
from geodata.__main__ import main as geodata_cli
from geodata.filters import ViewFilter
from tests.conftest import MINI
from tests.drawing import update_map_drawn

HEADER = (MINI / "partnerships.csv").read_text(encoding="utf-8").splitlines()[0]
GOOD = [
    "Kyiv,UA,,Berlin,DE,,sister_city,active,2023-09-14,,,,,,,,,https://example.org/kyiv-berlin",
    "Lviv,UA,,Wrocław,PL,,partner_city,active,1995,,humanitarian_supplies,,,,,,,https://example.org/lviv",
    "Kharkiv,UA,,Nuremberg,DE,,sister_city,active,1990,,,,,,,,,https://example.org/kharkiv",
]
BAD = [
    ("Kyiv,UA,,Atlantis,GR,,sister_city,active,,,,,,,,,,https://example.org/x", "city_b"),
    ("Kyiv,UA,,Paris,FR,,twinned,active,,,,,,,,,,https://example.org/x", "relation"),
    ("Kyiv,UA,,Rome,IT,,sister_city,active,,,,,,,,,,", "sources"),
    ("Kyiv,UA,,Madrid,ES,,sister_city,active,2099,,,,,,,,,https://example.org/x", "since"),
    ("Kyiv,XX,,Oslo,NO,,sister_city,active,,,,,,,,,,https://example.org/x", "country_a"),
    ("Kyiv,UA,,Kyiv,UA,,sister_city,active,,,,,,,,,,https://example.org/x", "city_b"),
    ("Kyiv,UA,,Berlin,DE,,sister_city,active,,,,,,,,,,https://example.org/dup", "city_b"),  # same pair as row 2
]


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")


def data_url(raw: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(raw).decode("ascii")


@pytest.fixture(scope="module")
def mixed() -> upload.UploadResult:
    return upload.validate_upload(csv_bytes(*GOOD, *(line for line, _ in BAD)), "mine.csv", MINI)


# --- validation: the same rules as the bundled data, nothing silently dropped ---------------------------
def test_valid_rows_become_ties_of_their_own_tier(mixed):
    assert len(mixed.ties) == len(GOOD)
    assert set(mixed.ties["tier"]) == {upload.UPLOAD_TIER}
    assert set(mixed.ties["city_b"]) == {"Berlin", "Wrocław", "Nuremberg"}
    assert list(mixed.ties.columns) == list(upload.TIE_COLUMNS)


def test_every_bad_row_is_reported_with_its_row_and_column(mixed):
    reported = {(p.row, p.column) for p in mixed.problems}
    for offset, (_, column) in enumerate(BAD):
        assert (2 + len(GOOD) + offset, column) in reported
    assert mixed.bad_rows == len(BAD)


def test_no_row_is_silently_dropped(mixed):
    data_rows = set(range(2, 2 + len(GOOD) + len(BAD)))
    accounted = set(mixed.ties["source_row"]) | {p.row for p in mixed.problems}
    assert accounted == data_rows


@pytest.mark.parametrize(
    "raw, words",
    [
        (b"", ["empty"]),
        (b"\xff\xfe\x00junk", ["UTF-8"]),
        (HEADER.encode() + b"\n", ["no data rows"]),
        (b"name,country\nKyiv,UA\n", ["missing required column"]),
        (b'city_a,country_a\n"unclosed,UA\n', ["malformed CSV"]),
        (HEADER.encode() + b"\nKyiv,UA\n", ["row has 2 fields"]),
        (b"\x00" * 64, []),
    ],
)
def test_a_file_that_is_not_a_partnerships_csv_is_refused_with_a_reason(raw, words):
    result = upload.validate_upload(raw, "odd.csv", MINI)
    assert result.refused and result.ties.empty
    message = " ".join(p.message for p in result.problems)
    for word in words:
        assert word in message


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(upload, "MAX_UPLOAD_BYTES", 1000)
    result = upload.validate_upload(csv_bytes(*GOOD * 10), "big.csv", MINI)
    assert result.refused and "limit is 0.0 MB" in result.problems[0].message


def test_a_file_over_the_row_limit_is_refused_whole(monkeypatch):
    monkeypatch.setattr(upload, "MAX_UPLOAD_ROWS", 2)
    result = upload.validate_upload(csv_bytes(*GOOD), "rows.csv", MINI)
    assert result.refused and result.ties.empty
    assert "3 data rows; the limit is 2" in result.problems[0].message


@pytest.mark.parametrize(
    "name, shown",
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\ties.csv", "ties.csv"),
        ("ties\u202e.csv\x00\r\n", "ties.csv"),
        ("", upload.DEFAULT_LABEL),
        (None, upload.DEFAULT_LABEL),
        ("a" * 500 + ".csv", "a" * 79 + "…"),
    ],
)
def test_file_names_are_cleaned_before_they_are_shown(name, shown):
    assert upload.clean_label(name) == shown


def test_the_command_line_validates_one_partnerships_file(tmp_path, capsys):
    path = tmp_path / "mine.csv"
    path.write_bytes(csv_bytes(*GOOD, BAD[1][0]))
    assert geodata_cli(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"mine.csv:{2 + len(GOOD)}:relation: unknown relation 'twinned'" in out
    path.write_bytes(csv_bytes(*GOOD))
    assert geodata_cli(["validate", str(path)]) == 0


def test_build_with_a_file_instead_of_a_folder_says_what_to_do(tmp_path, capsys):
    path = tmp_path / "mine.csv"
    path.write_bytes(csv_bytes(*GOOD))
    assert geodata_cli(["build", "--data", str(path)]) == 2
    assert "validate FILE" in capsys.readouterr().err


# --- the store: in the page only, checked on its way back ------------------------------------------------
def test_the_store_round_trips_the_ties(mixed):
    stored = ui.ties_to_store(mixed)
    back = ui.ties_from_store(stored)
    assert back is not None and list(back["partnership_id"]) == list(mixed.ties["partnership_id"])
    assert list(back["status"]) == list(mixed.ties["status"])
    assert ui.store_label(stored) == "mine.csv"


def _tampered(stored: dict, column: str, value) -> dict:
    columns = {k: list(v) for k, v in stored["columns"].items()}
    columns[column][0] = value
    return {**stored, "columns": columns}


@pytest.mark.parametrize(
    "column, value",
    [
        ("city_a", "<img src=x onerror=alert(1)>"),
        ("city_a", "Kyiv\u0000"),
        ("city_a", "x" * 10_000),
        ("city_a", 42),
        ("status", "'; DROP TABLE ties; --"),
        ("lon_a", 1e308),
        ("lat_a", "51.5"),
        ("lat_a", True),
        ("from_year", [1990]),
        ("source_row", -1),
    ],
)
def test_a_tampered_store_counts_as_no_upload(mixed, column, value):
    assert ui.ties_from_store(_tampered(ui.ties_to_store(mixed), column, value)) is None


@pytest.mark.parametrize(
    "stored",
    [None, [], "ties", {"v": 99}, {"v": 1, "columns": []}, {"v": 1, "columns": {"place_a": []}}],
)
def test_a_malformed_store_counts_as_no_upload(stored):
    assert ui.ties_from_store(stored) is None


def test_a_store_with_columns_of_unequal_length_counts_as_no_upload(mixed):
    stored = ui.ties_to_store(mixed)
    stored["columns"]["city_a"] = stored["columns"]["city_a"][:-1]
    assert ui.ties_from_store(stored) is None


# --- drawing -----------------------------------------------------------------------------------------------
def test_uploaded_ties_are_drawn_beside_the_bundled_ones(mixed):
    figure = {"data": [{"type": "scattergeo", "name": "Active"}], "layout": {}}
    drawn = ui.with_uploaded_ties(figure, ui.ties_to_store(mixed), "beside", ViewFilter())
    names = [t["name"] for t in drawn["data"]]
    assert names[0] == "Active" and any(n.startswith(text.UPLOAD_LEGEND) for n in names[1:])
    mine = drawn["data"][1:]
    assert all("customdata" not in t for t in mine)  # a click on your ties opens no bundled panel
    assert {t["line"]["color"] for t in mine if "line" in t} == {ui.UPLOAD_COLOR}


def test_uploaded_ties_alone_replace_the_bundled_ones_and_follow_the_filters(mixed):
    figure = {"data": [{"type": "scattergeo", "name": "Active"}], "layout": {}}
    alone = ui.with_uploaded_ties(figure, ui.ties_to_store(mixed), "alone", ViewFilter())
    assert alone["data"] and all(t["name"].startswith(text.UPLOAD_LEGEND) for t in alone["data"])
    hidden = ui.with_uploaded_ties(figure, ui.ties_to_store(mixed), "alone", ViewFilter(statuses=("ended",)))
    assert not [t for t in hidden["data"] if t.get("mode") == "lines"]
    # a tier filter names the bundled data's tiers: it does not hide your ties
    tiered = ui.with_uploaded_ties(figure, ui.ties_to_store(mixed), "alone", ViewFilter(tiers=("cited",)))
    assert [t for t in tiered["data"] if t.get("mode") == "lines"]


def test_the_map_callback_draws_only_this_pages_upload(mini_env, mixed):
    stored = ui.ties_to_store(mixed)
    mine, *_ = update_map_drawn("", "status", None, None, None, stored, "beside")
    theirs, *_ = update_map_drawn("", "status", None, None, None, None, "beside")
    assert any(t["name"].startswith(text.UPLOAD_LEGEND) for t in mine["data"])
    assert not any(t["name"].startswith(text.UPLOAD_LEGEND) for t in theirs["data"])


# --- the callback: the browser's request in, the page's stores and report out ------------------------------
def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def test_an_upload_is_checked_reported_and_never_written_on_the_server(mini_env, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = _tree_digest(MINI)
    raw = csv_bytes(*GOOD, BAD[0][0])
    ties, problems, status, report, hidden = upload_callbacks.upload_outcome(
        {"name": "mine.csv", "bytes": len(raw), "contents": data_url(raw)}
    )
    assert ui.ties_from_store(ties) is not None and len(ties["columns"]["city_a"]) == len(GOOD)
    assert problems["problems"] == [[2 + len(GOOD), "city_b", problems["problems"][0][2]]]
    assert "3 ties on the map" in status and "1 rows left out" in status
    assert report and hidden is False
    assert _tree_digest(MINI) == before and not list(tmp_path.iterdir())


def test_the_report_downloads_as_csv(mini_env):
    raw = csv_bytes(BAD[0][0], BAD[1][0])
    _, problems, *_ = upload_callbacks.upload_outcome({"name": "m.csv", "bytes": len(raw), "contents": data_url(raw)})
    sent = upload_callbacks.download_report(1, problems)
    lines = sent["content"].splitlines()
    assert lines[0] == "file,row,column,problem" and len(lines) == 3 and lines[1].startswith("m.csv,2,city_b,")


@pytest.mark.parametrize(
    "request_, words",
    [
        ({"name": "huge.csv", "bytes": 11_000_000}, ["huge.csv", "11.0 MB", "limit"]),
        ({"name": "x.csv", "bytes": 10, "contents": "data:text/csv;base64,@@@"}, [text.UPLOAD_NOT_A_FILE]),
        ({"name": "x.csv", "bytes": 10, "contents": "not a data url"}, [text.UPLOAD_NOT_A_FILE]),
        ({"name": "x.csv", "bytes": 10, "contents": 12}, [text.UPLOAD_NOT_A_FILE]),
        ({"name": ["x"], "bytes": "10"}, [upload.DEFAULT_LABEL]),
    ],
)
def test_an_unreadable_upload_gets_a_clear_message(mini_env, request_, words):
    ties, problems, status, report, hidden = upload_callbacks.upload_outcome(request_)
    assert ties is None and problems is None and hidden
    for word in words:
        assert word in status


@pytest.mark.parametrize("request_", [None, "x", 3, [], {"contents": None}])
def test_nothing_sensible_uploaded_changes_nothing_harmful(mini_env, request_):
    ties, *_ = upload_callbacks.upload_outcome(request_)
    assert ties is None


def test_uploaded_ties_are_in_the_table_too(mini_env, mixed):
    from dashboard.callbacks.table import rows_for_view

    stored = ui.ties_to_store(mixed)
    beside, _ = rows_for_view(mini_env, "", stored, "beside")
    bundled, _ = rows_for_view(mini_env, "", None, "beside")
    yours = [r for r in beside if r["partnership_id"].startswith(ui.UPLOAD_ROW_PREFIX)]
    assert len(yours) == len(mixed.ties) and len(beside) == len(bundled) + len(yours)
    assert {r["tier"] for r in yours} == {text.UPLOAD_LEGEND} and all("row" in r["provenance"] for r in yours)
    assert len({r["partnership_id"] for r in beside}) == len(beside)  # row ids stay unique beside bundled twins
    alone, note = rows_for_view(mini_env, "", stored, "alone")
    assert alone == yours and note == ""
    filtered, _ = rows_for_view(mini_env, "?status=ended", stored, "alone")
    assert filtered == []
