"""What the page says of an upload: how the file was read, the counts and "hidden by" line of your ties when they
are shown alone, the map's and table's notes, and exports that say plainly your ties are not in them."""

from __future__ import annotations

import base64

import dash
import pytest

from dashboard import i18n, ids, text
from dashboard import upload as ui
from dashboard.callbacks import counts
from dashboard.callbacks import upload as upload_callbacks
from dashboard.callbacks.table import rows_for_view
from geodata import upload
from tests.conftest import MINI
from tests.drawing import update_map_drawn

SHORT_HEADER = "city_a,country_a,city_b,country_b,relation,status,sources"
MINE = [
    "Kyiv,UA,Berlin,DE,sister_city,active,https://example.org/kyiv-berlin",
    "Lviv,UA,Wrocław,PL,partner_city,active,https://example.org/lviv",
    "Kharkiv,UA,Nuremberg,DE,sister_city,suspended,https://example.org/kharkiv",
]


def csv_bytes(*lines: str, header: str = SHORT_HEADER, separator: str = ",", encoding: str = "utf-8") -> bytes:
    return ("\n".join([header, *lines]).replace(",", separator) + "\n").encode(encoding)


def request(raw: bytes, name: str = "mine.csv") -> dict:
    return {"name": name, "bytes": len(raw), "contents": "data:text/csv;base64," + base64.b64encode(raw).decode()}


def flatten(component) -> str:
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return " ".join(flatten(c) for c in component)
    return flatten(getattr(component, "children", None))


@pytest.fixture(scope="module")
def stored() -> dict:
    result = upload.validate_upload(csv_bytes(*MINE), "mine.csv", MINI)
    assert len(result.ties) == 3
    return ui.ties_to_store(result)


# --- how the file was read -----------------------------------------------------------------------------------
def test_the_report_says_how_the_file_was_read_and_which_optional_columns_are_absent(mini_env):
    raw = csv_bytes(MINE[0], "Zürich,CH,Kraków,PL,sister_city,active,https://example.org/z", separator=";")
    raw = raw.decode("utf-8").encode("cp1252")
    ties, _, status, report, _ = upload_callbacks.upload_outcome(request(raw))
    said = flatten(report)
    assert "Read as Windows-1252, separator ';'." in said
    assert "Optional columns absent (read as blank, not problems): admin1_a, admin1_b, since," in said
    assert status == "mine.csv: all 2 ties are on the map."
    assert "Zürich" in ties["columns"]["city_a"] and "Kraków" in ties["columns"]["city_b"]


def test_missing_optional_columns_do_not_count_as_problems(mini_env):
    bad = [f"Kyiv,UA,Atlantis{i},GR,sister_city,active,https://example.org/{i}" for i in range(5)]
    _, problems, status, report, _ = upload_callbacks.upload_outcome(request(csv_bytes(*MINE, *bad)))
    assert status == "mine.csv: 3 ties on the map; 5 rows left out (5 problems)."
    assert [row for row, _, _ in problems["problems"]] == [5, 6, 7, 8, 9]
    said = flatten(report)
    assert said.count("Optional columns absent") == 1 and "missing column" not in said


def test_a_header_only_file_says_it_has_no_rows(mini_env):
    _, _, status, _, _ = upload_callbacks.upload_outcome(request(csv_bytes()))
    assert status == "mine.csv was not read: no rows: the file has a header but no data rows"


def test_a_missing_required_column_is_named(mini_env):
    _, _, status, _, _ = upload_callbacks.upload_outcome(request(b"city_a,country_a,city_b\nKyiv,UA,Berlin\n"))
    assert status.startswith("mine.csv was not read: missing required column 'country_b'")


def test_a_garbled_file_is_refused_with_how_to_fix(mini_env):
    raw = csv_bytes("Київ,UA,Львів,UA,sister_city,active,https://example.org/k", encoding="cp1251")
    ties, _, status, _, _ = upload_callbacks.upload_outcome(request(raw))
    assert ties is None and status.startswith("mine.csv was not read: file is not UTF-8")
    assert "save it as a UTF-8 CSV" in status


def test_the_read_notice_is_in_ukrainian_too(mini_env):
    raw = csv_bytes(*MINE, separator="\t")
    with i18n.language("uk"):
        _, _, _, report, _ = upload_callbacks.upload_outcome(request(raw))
    assert "Прочитано як UTF-8, роздільник табуляція." in flatten(report)


# --- counts, the hidden line and notes: of your ties when they are shown alone --------------------------------
def test_alone_the_counts_and_hidden_line_are_of_your_ties(mini_env, stored):
    strip, line = counts.update_counts("", stored, "alone")
    assert line == "Showing all 3 of your ties."
    assert flatten(strip).startswith("3 of your ties 6 places 3 countries")
    strip, line = counts.update_counts("?status=active", stored, "alone")
    assert line == "Showing 2 of your 3 ties; 1 hidden by: status (1)."
    assert "2 " + text.COUNT_YOUR_TIES in flatten(strip)


def test_alone_a_tier_filter_does_not_hide_your_ties(mini_env, stored):
    _, line = counts.update_counts("?tier=cited", stored, "alone")
    assert line == "Showing all 3 of your ties."


def test_beside_the_counts_stay_the_bundled_ones_and_the_line_adds_yours(mini_env, stored):
    strip, line = counts.update_counts("", stored, "beside")
    assert line == "Showing all 6 ties. Also on the map: 3 of your 3 ties."
    _, line = counts.update_counts("?status=suspended", stored, "beside")
    assert line.endswith("Also on the map: 1 of your 3 ties.")


def test_without_an_upload_alone_changes_nothing(mini_env):
    assert counts.update_counts("", None, "alone")[1] == "Showing all 6 ties."


def test_the_alone_counts_in_ukrainian(mini_env, stored):
    _, line = counts.update_counts("?status=active", stored, "alone", "uk")
    assert line.startswith("Показано ваших зв’язків: 2 із 3")


def test_alone_the_maps_note_is_of_your_ties(mini_env, stored, monkeypatch):
    from dashboard.figures import traces

    monkeypatch.setattr(traces, "ARC_LIMIT", 2)
    _, _, bundled_notes = update_map_drawn("", "status", None, None, None, None, "beside")
    assert "of the 6 ties in view" in bundled_notes
    _, _, notes = update_map_drawn("", "status", None, None, None, stored, "alone")
    assert "Drawing 2 of the 3 ties in view" in notes and "of the 6 ties" not in notes
    monkeypatch.setattr(traces, "ARC_LIMIT", 30_000)
    _, _, notes = update_map_drawn("", "status", None, None, None, stored, "alone")
    assert notes == ""


def test_alone_the_table_is_capped_and_says_so(mini_env, stored, monkeypatch):
    from dashboard import table

    monkeypatch.setattr(table, "TABLE_LIMIT", 2)
    rows, note = rows_for_view(mini_env, "", stored, "alone")
    assert len(rows) == 2 and note.startswith("The table lists the first 2 of your 3 ties in view;")


# --- exports and downloads: your ties are not in them; downloading your own -----------------------------------
def _by_id(component, found=None) -> dict:
    found = {} if found is None else found
    if isinstance(getattr(component, "id", None), str):
        found[component.id] = component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, (str, int, float)):
            _by_id(child, found)
    return found


def test_the_export_dialog_and_downloads_say_your_ties_are_not_in_them(mini_env):
    from dashboard.layout import page

    by_id = _by_id(page(mini_env, topojson_url="/assets/"))
    export_note, downloads_note = by_id[ids.UPLOAD_EXPORT_NOTE], by_id[ids.UPLOAD_DOWNLOADS_NOTE]
    assert export_note.hidden is True and downloads_note.hidden is True  # until the page holds an upload
    assert export_note.children.startswith("Your uploaded ties are not in these images and files")
    assert downloads_note.children.startswith("Your uploaded ties are not in these files: they stay in this tab.")
    assert text.UPLOAD_TIES_BUTTON in downloads_note.children
    assert ids.UPLOAD_TIES_BUTTON in by_id and ids.UPLOAD_TIES_DOWNLOAD in by_id


def test_the_notes_show_whenever_the_page_holds_ties(mini_env):
    import importlib

    client = importlib.import_module("app").server.test_client()
    outputs = [c["output"] for c in client.get("/_dash-dependencies").get_json()]
    toggle = next(o for o in outputs if f"{ids.UPLOAD_EXPORT_NOTE}.hidden" in o)
    assert f"{ids.UPLOAD_DOWNLOADS_NOTE}.hidden" in toggle and f"{ids.UPLOAD_OPTIONS}.hidden" in toggle


def test_your_ties_download_as_csv(stored):
    sent = upload_callbacks.download_ties(1, stored)
    assert sent["filename"] == text.UPLOAD_TIES_FILE
    lines = sent["content"].splitlines()
    assert lines[0].startswith("place_a,city_a,country_a,") and lines[0].endswith(",row_in_your_file")
    assert len(lines) == 4 and "Wrocław" in sent["content"] and lines[1].endswith(",2")
    assert upload_callbacks.download_ties(1, None) is dash.no_update
