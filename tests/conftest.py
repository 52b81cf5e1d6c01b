"""Shared fixtures: a small valid dataset folder and a helper to break one file of a copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the small valid dataset."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


def append_row(folder: Path, file_name: str, line: str) -> int:
    """Append one raw CSV line to a file; return its spreadsheet row number (header = 1)."""
    path = folder / file_name
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return len([row for row in (text + line).splitlines()])
