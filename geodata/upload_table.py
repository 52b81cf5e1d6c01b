"""An uploaded partnerships file read as people save it, then checked with the rules of the bundled partnerships.csv.

`read_upload_table` finds the file's encoding and separator (geodata/upload_encoding.py), and lets optional
columns be absent (they are read as blank and listed once, not reported as problems); required columns stay
required. `validate_partnerships_csv` checks the rows like the bundled data's (geodata/validate.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geodata import schema
from geodata.geocode import Geocoder
from geodata.problems import Problem
from geodata.reading import Row, parse_text
from geodata.upload_encoding import EncodingRefused, damage, decode_text, sniff_separator
from geodata.validate import ValidatedData, check_partnership_rows


@dataclass(frozen=True)
class UploadTable:
    """The rows of an uploaded file and its problems; how it was read; the optional columns it leaves out."""

    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""  # as shown: "UTF-8", "Windows-1252", ... ("" when the file could not be decoded)
    separator: str = ","
    absent: tuple[str, ...] = ()


def read_upload_table(raw: bytes, spec: schema.TableSpec, label: str) -> UploadTable:
    """Decode an uploaded file, find its separator and parse it against a spec (see the module docstring)."""
    try:
        decoded = decode_text(raw)
    except EncodingRefused as error:
        return UploadTable(problems=[Problem(label, error.line, "", str(error))])
    text = decoded.text
    separator = sniff_separator(text, spec.columns)
    parsed = parse_text(text, spec, label, delimiter=separator, optional_may_be_absent=True)
    rows, problems = undamaged_rows(parsed.rows, label)
    return UploadTable(rows, sorted(parsed.problems + problems), decoded.encoding, separator, parsed.absent)


def undamaged_rows(rows: list[Row], label: str) -> tuple[list[Row], list[Problem]]:
    """The rows whose cells hold no damage done before the upload (see upload_encoding.damage), and a problem for
    each damaged cell: such a row is reported on its row and column, never put on the map."""
    kept, problems = [], []
    for row in rows:
        found = [(column, damage(value)) for column, value in row.cells.items()]
        bad = [Problem(label, row.number, column, what[1]) for column, what in found if what is not None]
        problems += bad
        if not bad:
            kept.append(row)
    return kept, problems


def validate_partnerships_table(
    table: UploadTable, label: str, geocoder: Geocoder, max_rows: int | None = None
) -> ValidatedData:
    """Check the rows of an uploaded partnerships file with the rules of a dataset's partnerships.csv.

    Places resolve through `geocoder` (the gazetteer plus a dataset's override table); problems name `label`.
    A file of more than `max_rows` data rows is refused whole, with one problem saying so.
    """
    data = ValidatedData(overrides=list(geocoder.overrides))
    rows, data.problems = table.rows, list(table.problems)
    if max_rows is not None and len(rows) > max_rows:
        data.problems = [
            Problem(
                label,
                0,
                "",
                f"file has {len(rows):,} data rows; the limit is {max_rows:,}: split it into smaller files",
            )
        ]
        return data
    check_partnership_rows(rows, label, geocoder, data)
    data.problems.sort(key=lambda p: (p.file, p.row, p.column))
    return data


def validate_partnerships_csv(raw: bytes, label: str, geocoder: Geocoder, max_rows: int | None = None) -> ValidatedData:
    """Read and check one partnerships file given as bytes (see read_upload_table, validate_partnerships_table)."""
    return validate_partnerships_table(read_upload_table(raw, schema.PARTNERSHIPS, label), label, geocoder, max_rows)
