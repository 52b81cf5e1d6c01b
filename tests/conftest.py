"""Shared fixtures: the small valid dataset (tests/fixtures/mini), a writable copy of it to break, the same
dataset loaded once for the dashboard, and an environment pointing the dashboard at it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

MINI_DIR = Path(__file__).resolve().parent / "fixtures" / "mini"
MINI = MINI_DIR


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the small valid dataset."""
    target = tmp_path / "data"
    shutil.copytree(MINI_DIR, target)
    return target


def append_row(folder: Path, file_name: str, line: str) -> int:
    """Append one raw CSV line to a file; return its spreadsheet row number (header = 1)."""
    path = folder / file_name
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return len((text + line).splitlines())


@pytest.fixture(scope="session")
def mini_build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mini-build")


@pytest.fixture(scope="session")
def mini_atlas(mini_build_dir: Path):
    from dashboard.dataset import load_atlas

    return load_atlas(MINI_DIR, mini_build_dir)


@pytest.fixture
def mini_env(monkeypatch: pytest.MonkeyPatch, mini_build_dir: Path, mini_atlas):
    """The dashboard's configuration pointed at the mini dataset (callbacks read it per call)."""
    monkeypatch.setenv("TWINNING_DATA_DIR", str(MINI_DIR))
    monkeypatch.setenv("TWINNING_BUILD_DIR", str(mini_build_dir))
    return mini_atlas
