"""Reading CSV files strictly: every encoding, header and shape problem is reported with its place."""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from pathlib import Path

from geodata.problems import Problem
from geodata.schema import TableSpec


@dataclass(frozen=True)
class Row:
    """One data row: its spreadsheet row number (header = 1) and its cells by column name."""

    number: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


def read_table(path: Path, spec: TableSpec, label: str | None = None) -> tuple[list[Row], list[Problem]]:
    """Read a CSV file against its spec; return the well-shaped rows and every problem found."""
    label = label or path.name
    try:
        raw = path.read_bytes()
    except OSError as error:
        return [], [Problem(label, 0, "", f"cannot read file: {error.strerror or error}")]
    return parse_table(raw, spec, label)


def parse_table(raw: bytes, spec: TableSpec, label: str) -> tuple[list[Row], list[Problem]]:
    """Parse CSV bytes (UTF-8, with or without a byte-order mark, comma-separated) against a spec (see read_table)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return [], [
            Problem(
                label,
                line,
                "",
                f"file is not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}); save it as UTF-8",
            )
        ]
    table = parse_text(text, spec, label)
    return table.rows, table.problems


@dataclass(frozen=True)
class ParsedTable:
    """The well-shaped rows of a CSV text, its problems, and the optional columns its header leaves out (when
    those are allowed to be absent: else each is a problem)."""

    rows: list[Row]
    problems: list[Problem]
    absent: tuple[str, ...] = ()


def parse_text(
    text: str, spec: TableSpec, label: str, *, delimiter: str = ",", optional_may_be_absent: bool = False
) -> ParsedTable:
    """Parse CSV text against a spec. With `optional_may_be_absent` (an upload), a header without some optional
    columns is fine: they are read as blank and listed in `absent`, not reported as problems."""
    if not text.strip():
        return ParsedTable(
            [], [Problem(label, 0, "", "file is empty: expected a header row " + ",".join(spec.columns))]
        )
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as error:
        return ParsedTable([], [Problem(label, reader.line_num, "", f"malformed CSV: {error}")])
    header = [name.strip() for name in records[0]]
    problems = _header_problems(header, spec, label)
    absent: tuple[str, ...] = ()
    if optional_may_be_absent:
        absent = tuple(c for c in spec.columns if c not in header and c not in spec.required)
        problems = [p for p in problems if p.column not in absent]
    if any(p.column in spec.required or p.message.startswith("duplicate") for p in problems):
        return ParsedTable([], problems, absent)
    rows: list[Row] = []
    for offset, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # blank lines separate groups of rows for the human editor
        if len(record) != len(header):
            problems.append(Problem(label, offset, "", f"row has {len(record)} fields, the header has {len(header)}"))
            continue
        rows.append(Row(offset, {name: cell for name, cell in zip(header, record) if name in spec.columns}))
    if not rows and not problems:
        problems.append(Problem(label, 0, "", "no rows: the file has a header but no data rows"))
    return ParsedTable(rows, problems, absent)


def _header_problems(header: list[str], spec: TableSpec, label: str) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(label, 1, name, f"duplicate column {name!r}"))
        seen.add(name)
        if name not in spec.columns:
            close = difflib.get_close_matches(name, spec.columns, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; expected columns: {', '.join(spec.columns)}"
            problems.append(Problem(label, 1, name, f"unknown column {name!r}{hint}"))
    for name in spec.columns:
        if name not in seen:
            kind = "required column" if name in spec.required else "column"
            problems.append(Problem(label, 1, name, f"missing {kind} {name!r}"))
    return problems
