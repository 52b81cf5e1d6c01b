"""Problems found in input data, each with its place: file, row and column."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one cell (or row, or file) of an input file.

    `row` counts the header as row 1, as a spreadsheet does; 0 means the whole file.
    """

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column or '-'}: {self.message}"


class DataError(Exception):
    """Raised when input cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
