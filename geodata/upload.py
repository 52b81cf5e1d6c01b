"""The user's own ties: one partnerships CSV, checked with the bundled data's rules, turned into tie rows.

An upload is bytes and a file name, and is never written anywhere. Its places resolve against the GeoNames
gazetteer and the dataset's reviewed override table (`places.csv`), both loaded once per process (the gazetteer
maps its index file from the build; rebuilding a missing one takes seconds). Every row either becomes a tie or
is reported with its row, column and problem. A file over MAX_UPLOAD_BYTES or MAX_UPLOAD_ROWS is refused whole,
with a message that says which limit and by how much.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath

import pandas as pd

from geodata.build import DATA_DIR
from geodata.gazetteer import load_gazetteer
from geodata.geocode import Geocoder, Place
from geodata.layers import build_layers
from geodata.problems import Problem
from geodata.schema import PARTNERSHIPS
from geodata.upload_table import read_upload_table, validate_partnerships_table
from geodata.validate import override_places

# An upload's ties live in the browser and travel with each map update (~200 bytes a tie): keep them modest.
MAX_UPLOAD_BYTES = 5_000_000
MAX_UPLOAD_ROWS = 20_000
SUGGEST_MAX_ROWS = 2_000  # "did you mean" hints cost a fuzzy search per unknown name: small files only
MAX_LABEL = 80
UPLOAD_TIER = "uploaded"
DEFAULT_LABEL = "upload.csv"

# The columns of an uploaded tie: what the map index, the hover text and the report read (no geometry).
TIE_COLUMNS: tuple[str, ...] = (
    "partnership_id",
    "tier",
    "place_a",
    "city_a",
    "country_a",
    "place_b",
    "city_b",
    "country_b",
    "lon_a",
    "lat_a",
    "lon_b",
    "lat_b",
    "relation",
    "status",
    "since",
    "status_date",
    "from_year",
    "to_year",
    "aid_types",
    "themes",
    "conflicts",
    "context",
    "certainty",
    "distance_km",
    "source_row",
)

# Two first uploads at once must not read the override table (or rebuild a missing gazetteer index) twice.
_GAZETTEER_LOCK = threading.Lock()


@dataclass(frozen=True)
class UploadResult:
    """What came of one uploaded file: the valid ties (TIE_COLUMNS), every problem, and the rows read."""

    label: str
    ties: pd.DataFrame
    problems: tuple[Problem, ...] = ()
    refused: bool = False  # the whole file was refused (too big, too many rows, not a CSV)
    places: tuple[Place, ...] = field(default=(), repr=False)
    encoding: str = ""  # what the file was read as ("UTF-8", "Windows-1252", ...; "" when it was not read)
    separator: str = ","
    absent: tuple[str, ...] = ()  # the optional columns the file leaves out (read as blank: not problems)

    @property
    def bad_rows(self) -> int:
        """How many data rows were left out (a row with several problems counts once)."""
        return len({p.row for p in self.problems if p.row > 1})


def clean_label(file_name: str | None) -> str:
    """A file name fit to show: no folders, no control or format characters, at most MAX_LABEL characters."""
    name = PureWindowsPath(PurePosixPath(str(file_name or "")).name).name
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in "CZ" or ch == " ").strip()
    if len(name) > MAX_LABEL:
        name = name[: MAX_LABEL - 1] + "…"
    return name or DEFAULT_LABEL


def size_problem(label: str, n_bytes: int) -> Problem | None:
    """The refusal of a file over MAX_UPLOAD_BYTES, or None."""
    if n_bytes <= MAX_UPLOAD_BYTES:
        return None
    return Problem(
        label,
        0,
        "",
        f"file is {n_bytes / 1e6:.1f} MB; the limit is {MAX_UPLOAD_BYTES / 1e6:.1f} MB: split it into smaller files",
    )


@lru_cache(maxsize=4)
def _override_table(data_dir: Path) -> tuple[Place, ...]:
    with _GAZETTEER_LOCK:
        gazetteer = load_gazetteer()
    places, _ = override_places(data_dir, gazetteer)
    return tuple(places)


def upload_geocoder(data_dir: Path = DATA_DIR, suggest: bool = True) -> Geocoder:
    """A fresh geocoder (its cache dies with the upload) over the shared gazetteer and a dataset's overrides."""
    with _GAZETTEER_LOCK:
        gazetteer = load_gazetteer()
    return Geocoder(gazetteer, list(_override_table(data_dir)), suggest=suggest)


def validate_upload(raw: bytes, file_name: str | None, data_dir: Path = DATA_DIR) -> UploadResult:
    """Check an uploaded partnerships CSV; return its valid ties and every problem (see the module docstring)."""
    label = clean_label(file_name)
    refusal = size_problem(label, len(raw))
    if refusal is not None:
        return UploadResult(label, empty_ties(), (refusal,), refused=True)
    table = read_upload_table(raw, PARTNERSHIPS, label)
    suggest = len(table.rows) <= SUGGEST_MAX_ROWS
    data = validate_partnerships_table(table, label, upload_geocoder(data_dir, suggest), max_rows=MAX_UPLOAD_ROWS)
    # Refused whole: no tie, and every problem concerns the file (its bytes, header or shape), not a cell.
    refused = not data.partnerships and all(p.row <= 1 or not p.column for p in data.problems)
    return UploadResult(
        label,
        ties_frame(data),
        tuple(data.problems),
        refused=refused,
        places=tuple(data.places.values()),
        encoding=table.encoding,
        separator=table.separator,
        absent=table.absent,
    )


def empty_ties() -> pd.DataFrame:
    """No ties, with the columns of uploaded ties."""
    return pd.DataFrame(columns=list(TIE_COLUMNS))


def ties_frame(data) -> pd.DataFrame:  # noqa: ANN001 - a ValidatedData holding partnerships only
    """The valid ties as the partnerships layer's rows (same builder as the bundled data), tier "uploaded"."""
    if not data.partnerships:
        return empty_ties()
    ties = pd.DataFrame(build_layers(data, arcs=False).partnerships.drop(columns="geometry"))
    ties["tier"] = UPLOAD_TIER
    return ties.loc[:, list(TIE_COLUMNS)].reset_index(drop=True)
