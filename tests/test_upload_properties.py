"""Property-based tests of the upload validator: no file crashes it, and every row is either a tie or reported."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import upload as ui
from geodata import upload
from geodata.schema import PARTNERSHIPS
from geodata.vocab import RELATION, STATUS
from tests.conftest import MINI

HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "'; DROP TABLE partnerships; --",
    "1 OR 1=1",
    '=HYPERLINK("http://evil.example")',
    "\u202eevil\u202c",
    "Ky\u0000iv",
    "ﬁ\u0301\u200d",
    "😀" * 20,
    "x" * 5000,
    "javascript:alert(1)",
    "http://",
    "../../etc/passwd",
)
cells = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from(("Kyiv", "Lviv", "Berlin", "Warsaw", "UA", "DE", "PL", "", "2022", "1990~", "https://e.org/x")),
    st.sampled_from(tuple(RELATION) + tuple(STATUS)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
)
rows = st.lists(st.lists(cells, min_size=len(PARTNERSHIPS.columns), max_size=len(PARTNERSHIPS.columns)), max_size=8)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _csv(records: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)  # a lone \r stays in its cell
    writer.writerow(PARTNERSHIPS.columns)
    writer.writerows(records)
    return buffer.getvalue().encode("utf-8")


@SETTINGS
@given(st.binary(max_size=600), st.text(max_size=300))
def test_arbitrary_bytes_and_names_never_crash_the_validator(raw, name):
    result = upload.validate_upload(raw, name, MINI)
    assert result.problems or not result.ties.empty or raw.strip() == b""
    assert len(result.label) <= upload.MAX_LABEL and result.label.isprintable()


@SETTINGS
@given(rows)
def test_every_row_of_a_hostile_file_is_a_tie_or_reported(records):
    result = upload.validate_upload(_csv(records), "hostile.csv", MINI)
    data_rows = {n for n, record in enumerate(records, start=2) if any(c.strip() for c in record)}
    accounted = set(result.ties["source_row"]) | {p.row for p in result.problems}
    assert data_rows <= accounted
    assert all(0 <= p.row <= len(records) + 1 and p.file == "hostile.csv" for p in result.problems)
    # whatever is kept is a real place with a real position, and survives the trip through the page's store
    if not result.ties.empty:
        assert result.ties[["lon_a", "lat_a", "lon_b", "lat_b"]].notna().all().all()
        assert ui.ties_from_store(ui.ties_to_store(result)) is not None
