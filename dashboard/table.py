"""The table of ties in view (dash-ag-grid): its columns, and its rows (formatted once, picked per view).

The grid holds every bundled tie's row, fetched once (`ties_pack`; up to PACKED_ROWS_LIMIT ties), and shows those
in view: cited ties first, then by place; it sorts and searches in the browser. Uploaded ties are sent with each
view, at most TABLE_LIMIT of them; beyond that the note under the heading says how many are left out.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from dashboard import i18n, text
from dashboard.figures.hover_texts import lists_label
from dashboard.text import short_label
from geodata.vocab import TIER

ROW_ID = "partnership_id"
# A hidden column with the ends' names in the other script (Kyiv in a Ukrainian table, Київ in an English one):
# the grid's quick search reads it, so the table finds places typed in Latin or Cyrillic in either language.
OTHER_NAMES = "other_names"
TABLE_LIMIT = 2000  # rows sent with a view: your uploaded ties shown alone, or the ties of an unpacked dataset
# Up to this many ties, the page holds every row (the rows pack, 0.9 MB gzipped and 11 MB of JSON to read for the
# bundled 27,000); a bigger dataset's rows would take seconds to read, so its table is sent per view, as before.
PACKED_ROWS_LIMIT = 40_000
TABLE_FIELDS: tuple[str, ...] = tuple(text.TABLE_COLUMNS)


def column_defs() -> list[dict]:
    """AG Grid column definitions: sortable, filterable, with readable headers."""
    widths = {"country_a": 96, "country_b": 96, "distance_km": 90, "n_sources": 100, "since": 100, "status_date": 120}
    defs = []
    for column, header in text.TABLE_COLUMNS.items():
        spec: dict = {"field": column, "headerName": header, "headerTooltip": header, "tooltipField": column}
        if column in widths:
            spec.update(minWidth=widths[column], maxWidth=widths[column] + 40)
        if column in {"distance_km", "n_sources"}:
            spec.update(type="numericColumn", filter="agNumberColumnFilter")
        if column in {"city_a", "city_b"}:
            spec.update(minWidth=130)
        if column in {"aid_types", "tags"}:
            spec.update(minWidth=180, flex=2)
        if column == "tier":
            spec.update(minWidth=110, maxWidth=130, cellClassRules={"tier-listed": _equals(text.TIER_SHORT["listed"])})
        if column == "certainty":
            spec.update(minWidth=110, maxWidth=130, cellClassRules={"cell-uncertain": _equals(text.PANEL_UNCERTAIN)})
        if column == "provenance":
            spec.update(minWidth=160)
        defs.append(spec)
    defs.append({"field": OTHER_NAMES, "hide": True, "suppressColumnsToolPanel": True})
    return defs


def _equals(label: str) -> str:
    """An AG Grid class rule matching cells that show `label` (labels change with the language)."""
    return f"params.value === {json.dumps(label)}"


def provenance_cells(partnerships: pd.DataFrame) -> list[str]:
    """Per tie, the lists that hold it and, when only one end lists it, which ("Wikipedia · listed by Kyiv only")."""
    if "listed_in" not in partnerships:
        return [""] * len(partnerships)
    labels = {value: lists_label(value) for value in set(partnerships["listed_in"].fillna(""))}
    one_sided = partnerships["one_sided"].fillna(False).astype(bool).to_numpy()
    by_a = partnerships["listed_by_a"].fillna(False).astype(bool).to_numpy()
    name_a = partnerships[i18n.name_column("city_a", partnerships.columns)]
    name_b = partnerships[i18n.name_column("city_b", partnerships.columns)]
    lister = np.where(one_sided, np.where(by_a, name_a, name_b), "")
    cells = []
    for lists, name in zip(partnerships["listed_in"].fillna(""), lister):
        parts = [labels[lists], text.fmt(text.LISTED_BY_ONLY, name=name) if name else ""]
        cells.append(" · ".join(p for p in parts if p))
    return cells


def tags_cells(partnerships: pd.DataFrame) -> list[str]:
    """Per tie, its conflict and theme tags, derived ones marked."""
    columns = ("conflicts", "conflicts_derived", "themes", "themes_derived")
    blank = pd.Series([""] * len(partnerships), index=partnerships.index)
    values = [partnerships.get(c, blank).fillna("").astype(str) for c in columns]
    cache: dict[tuple[str, ...], str] = {}  # few combinations among many ties
    cells = []
    for key in zip(*values):
        if key not in cache:
            cache[key] = text.tags_label(*key)
        cells.append(cache[key])
    return cells


def format_rows(partnerships: pd.DataFrame) -> list[dict]:
    """One dict per tie (in frame order), vocabulary words shown as labels."""
    frame = partnerships
    rows = pd.DataFrame(
        {
            ROW_ID: frame[ROW_ID],
            "city_a": frame[i18n.name_column("city_a", frame.columns)],
            "country_a": frame["country_a"],
            "city_b": frame[i18n.name_column("city_b", frame.columns)],
            "country_b": frame["country_b"],
            "relation": frame["relation"].map(lambda w: text.label("relation", w)),
            "status": frame["status"].map(lambda w: short_label(text.label("status", w))),
            "tier": frame["tier"].map(lambda w: text.TIER_SHORT.get(w, w)),
            "certainty": frame["certainty"].map(lambda w: text.PANEL_UNCERTAIN if w == "uncertain" else ""),
            "since": frame["since"],
            "status_date": frame["status_date"],
            "aid_types": frame["aid_types"].map(lambda w: text.list_label("aid", w)),
            "tags": tags_cells(frame),
            "provenance": provenance_cells(frame),
            "distance_km": frame["distance_km"].fillna(0).round(0).astype("int64"),
            "n_sources": frame["n_sources"].fillna(0).astype("int64"),
            OTHER_NAMES: _other_names(frame),
        }
    )
    return rows.to_dict("records")


def _other_names(frame: pd.DataFrame) -> pd.Series:
    """Per tie, its ends' names as the other language writes them ("" where they are the same)."""
    shown = [frame[i18n.name_column(c, frame.columns)] for c in ("city_a", "city_b")]
    others = [frame[c] if i18n.current_lang() != "en" else frame.get(f"{c}_uk", frame[c]) for c in ("city_a", "city_b")]
    a = others[0].where(others[0] != shown[0], "")
    b = others[1].where(others[1] != shown[1], "")
    return (a + " " + b).str.strip()


def display_order(partnerships: pd.DataFrame) -> np.ndarray:
    """Row positions in the table's default order: cited ties first, then by place A and place B."""
    tier_rank = partnerships["tier"].map({t: i for i, t in enumerate(TIER)}).fillna(len(TIER))
    keys = pd.DataFrame(
        {
            "tier": tier_rank.to_numpy(),
            "a": partnerships["city_a"].str.casefold().to_numpy(),
            "b": partnerships["city_b"].str.casefold().to_numpy(),
        }
    )
    return keys.sort_values(["tier", "a", "b"], kind="stable").index.to_numpy()


def positions_in_view(order: np.ndarray, mask: np.ndarray, limit: int | None = TABLE_LIMIT) -> np.ndarray:
    """The tie rows of the first `limit` ties in view (all with None), in display order."""
    return order[mask[order]][:limit]


def rows_in_view(rows: list[dict], order: np.ndarray, mask: np.ndarray, limit: int | None = TABLE_LIMIT) -> list[dict]:
    """The first `limit` rows in view (all with None), in display order."""
    return [rows[i] for i in positions_in_view(order, mask, limit)]


def table_note(in_view: int, limit: int = TABLE_LIMIT, yours: bool = False) -> str:
    """Says how many ties the table leaves out ("" when it shows them all); with `yours`, of the user's ties."""
    if in_view <= limit:
        return ""
    return text.fmt(text.TABLE_CAPPED_YOURS if yours else text.TABLE_CAPPED, shown=limit, total=in_view)
