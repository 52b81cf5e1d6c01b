"""Property-based tests of the CSV reader and cell checks: no input crashes them, and no row is lost silently."""

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from geodata import cells
from geodata.reading import parse_table
from geodata.schema import NETWORKS

HEADER = list(NETWORKS.columns)
cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash_the_reader(raw):
    rows, problems = parse_table(raw, NETWORKS, "networks.csv")
    assert all(p.file == "networks.csv" and p.row >= 0 for p in problems)
    assert rows or problems


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(cell_text, min_size=0, max_size=9), max_size=12))
def test_every_data_row_is_either_kept_or_reported(records):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(HEADER)
    writer.writerows(records)
    rows, problems = parse_table(buffer.getvalue().encode(), NETWORKS, "networks.csv")
    kept = {r.number for r in rows}
    reported = {p.row for p in problems}
    for number, record in enumerate(records, start=2):
        if any(cell.strip() for cell in record):
            assert number in kept or number in reported, f"row {number} vanished"
    assert all(len(r.cells) == len(HEADER) for r in rows)


@settings(max_examples=300, deadline=None)
@given(cell_text)
def test_cell_checks_either_accept_or_explain(value):
    for check in (
        cells.country_code,
        cells.sources,
        cells.quantity,
        lambda v: cells.vocabulary_list(v, {"energy": "Energy"}, "aid type"),
        lambda v: cells.coordinate(v, 90, "latitude"),
    ):
        try:
            check(value)
        except cells.CellError as error:
            assert str(error)
