"""Where the package's data and build products live (kept apart so low-level modules need not import the build)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
BUILD_DIR = Path(os.environ.get("TWINNING_BUILD_DIR", PACKAGE_DIR / "build"))
