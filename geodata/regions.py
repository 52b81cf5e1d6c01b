"""Names of GeoNames' first-level regions (admin1), to tell same-name places apart: Yichun, Heilongjiang and
Yichun, Jiangxi rather than "Yichun (CN, 08)" and "Yichun (CN, 03)".

`data/geography/admin1_names.csv` is an extract of GeoNames' `admin1CodesASCII.txt` (CC BY 4.0) holding the
regions of the bundled places that share a name and country with another; a code it lacks is shown as the code.
US states keep their two-letter codes (IL, MA), which readers know.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from geodata.paths import DATA_DIR

ADMIN1_NAMES = DATA_DIR / "geography" / "admin1_names.csv"


@lru_cache(maxsize=1)
def admin1_names() -> dict[tuple[str, str], str]:
    """(ISO2, admin1 code) -> the region's GeoNames name."""
    if not ADMIN1_NAMES.exists():
        return {}
    with ADMIN1_NAMES.open(encoding="utf-8", newline="") as handle:
        return {(row["country"], row["admin1"]): row["name"] for row in csv.DictReader(handle)}


def region_name(country: str, admin1: str) -> str:
    """The region's name where known (Heilongjiang for CN 08), else its code; US states as their codes."""
    if country == "US":
        return admin1
    return admin1_names().get((country, admin1), admin1)
