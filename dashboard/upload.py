"""The user's own ties in the browser session: decode an upload, keep its valid ties in a dcc.Store, draw them.

The ties live only in the page's memory store: never on the server's disk, never in another visitor's page, gone
when the tab closes. The store comes back from the browser with each map update, so it is checked again
(`ties_from_store`) like any other input: anything malformed counts as no upload. Uploaded ties are drawn by the
same figure code as the bundled ones (`figures.map_figure` over their own index), as an extra "Your data" group.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import math
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd
from dash import dcc, html

from dashboard import figures, ids, table, text
from dashboard.controls import radio_row
from dashboard.figures import hover_texts
from dashboard.figures.map_layout import capped_notices, notice_annotation, take_notices
from geodata.filters import PartnershipIndex, ViewCounts, ViewFilter
from geodata.layers import partnership_id
from geodata.problems import Problem
from geodata.upload import MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS, TIE_COLUMNS, UPLOAD_TIER, UploadResult, clean_label
from geodata.vocab import CERTAINTY, RELATION, STATUS

STORE_VERSION = 1
MODES: tuple[str, ...] = ("beside", "alone")
UPLOAD_COLOR = "#c026d3"  # beside the bundled ties, yours are drawn in one colour of their own (dash = status)
REPORT_ROWS_SHOWN = 200
MAX_TEXT = 200
MAX_NAME = 200
MAX_PROBLEMS_STORED = MAX_UPLOAD_ROWS * 3

# Store column -> how a value is checked when the store comes back from the browser.
_TEXT_COLUMNS = (
    "place_a",
    "city_a",
    "country_a",
    "place_b",
    "city_b",
    "country_b",
    "since",
    "status_date",
    "aid_types",
    "themes",
    "conflicts",
    "context",
)
_WORD_COLUMNS = {"relation": RELATION, "status": STATUS, "certainty": CERTAINTY}
_NUMBER_COLUMNS = {"lon_a": 180.0, "lon_b": 180.0, "lat_a": 90.0, "lat_b": 90.0, "distance_km": 25_000.0}
_YEAR_COLUMNS = ("from_year", "to_year")
STORE_COLUMNS: tuple[str, ...] = tuple(c for c in TIE_COLUMNS if c not in ("partnership_id", "tier"))


class UploadError(ValueError):
    """An upload that cannot be read as a file at all."""


# --- reading the upload -----------------------------------------------------------------------------------
def decode_contents(contents: Any) -> bytes:
    """The bytes of a dcc.Upload `contents` value (a `data:...;base64,...` URL)."""
    if not isinstance(contents, str):
        raise UploadError(text.UPLOAD_NOT_A_FILE)
    header, comma, payload = contents.partition(",")
    if not comma or not header.startswith("data:") or not header.endswith(";base64"):
        raise UploadError(text.UPLOAD_NOT_A_FILE)
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise UploadError(text.UPLOAD_NOT_A_FILE) from None


# --- the store: columnar, JSON-safe, checked on the way back ----------------------------------------------
def ties_to_store(result: UploadResult) -> dict[str, Any] | None:
    """The valid ties of an upload as the store holds them (None when there are none)."""
    if result.ties.empty:
        return None
    ties = result.ties
    columns: dict[str, list] = {}
    for column in STORE_COLUMNS:
        values = ties[column].tolist()
        if column in _NUMBER_COLUMNS or column in _YEAR_COLUMNS:
            values = [
                None if v is None or (isinstance(v, float) and math.isnan(v)) else round(float(v), 5) for v in values
            ]
        elif column == "source_row":
            values = [int(v) for v in values]
        else:
            values = ["" if v is None else str(v) for v in values]
        columns[column] = values
    return {"v": STORE_VERSION, "label": result.label, "columns": columns}


def _text_ok(value: Any, limit: int = MAX_TEXT) -> bool:
    return (
        isinstance(value, str) and len(value) <= limit and value.isprintable() and "<" not in value and ">" not in value
    )


def _number_ok(value: Any, limit: float) -> bool:
    return (
        isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and abs(value) <= limit
    )


def ties_from_store(data: Any) -> pd.DataFrame | None:
    """The uploaded ties held by the store, or None when it holds none or anything malformed."""
    if not isinstance(data, dict) or data.get("v") != STORE_VERSION or not isinstance(data.get("columns"), dict):
        return None
    columns = data["columns"]
    if set(columns) != set(STORE_COLUMNS) or not all(isinstance(v, list) for v in columns.values()):
        return None
    n = len(columns["place_a"])
    if not 0 < n <= MAX_UPLOAD_ROWS or any(len(v) != n for v in columns.values()):
        return None
    checks = [
        *((c, _text_ok) for c in _TEXT_COLUMNS),
        *((c, lambda v, words=words: v in words) for c, words in _WORD_COLUMNS.items()),
        *((c, lambda v, lim=lim: _number_ok(v, lim)) for c, lim in _NUMBER_COLUMNS.items()),
        *((c, lambda v: v is None or _number_ok(v, 9999)) for c in _YEAR_COLUMNS),
        ("source_row", lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10 * MAX_UPLOAD_ROWS),
    ]
    for column, ok in checks:
        if not all(ok(v) for v in columns[column]):
            return None
    ties = pd.DataFrame({c: columns[c] for c in STORE_COLUMNS})
    for column in (*_NUMBER_COLUMNS, *_YEAR_COLUMNS):
        ties[column] = pd.to_numeric(ties[column], errors="coerce").astype(float)
    ties.insert(0, "tier", UPLOAD_TIER)
    ties.insert(0, "partnership_id", [partnership_id(a, b) for a, b in zip(ties["place_a"], ties["place_b"])])
    return ties


def store_label(data: Any) -> str:
    """The file name the store's ties came from."""
    return clean_label(data.get("label")) if isinstance(data, dict) else ""


# --- drawing ----------------------------------------------------------------------------------------------
def upload_places(ties: pd.DataFrame) -> pd.DataFrame:
    """The places at the ends of the uploaded ties (id, name, country, ties), for the index and its search."""
    ends = pd.concat(
        [
            ties[["place_a", "city_a", "country_a"]].set_axis(["place_id", "name", "country"], axis=1),
            ties[["place_b", "city_b", "country_b"]].set_axis(["place_id", "name", "country"], axis=1),
        ]
    )
    counts = ends["place_id"].value_counts()
    places = ends.drop_duplicates("place_id").reset_index(drop=True)
    places["alt_names"] = ""
    places["n_ties"] = places["place_id"].map(counts).astype(int)
    return places


def uploaded_index(ties: pd.DataFrame) -> PartnershipIndex:
    """The index of the uploaded ties (their own places), as the map, table and counts filter them."""
    return PartnershipIndex(ties, upload_places(ties))


def uploaded_view(view: ViewFilter) -> ViewFilter:
    """The view as it applies to your ties: the tier filter names the bundled data's tiers; yours is its own."""
    return replace(view, tiers=())


def uploaded_counts(store: Any, view: ViewFilter) -> tuple[ViewCounts, dict[str, int]] | None:
    """Your ties in view (ties, places, countries, by status) and how many each filter hides, or None when the
    page holds no upload."""
    ties = ties_from_store(store)
    if ties is None:
        return None
    index, view = uploaded_index(ties), uploaded_view(view)
    return index.counts(index.mask(view)), index.hidden_by(view)


def uploaded_traces(ties: pd.DataFrame, view: ViewFilter, alone: bool, color_by: str = "status") -> list[dict]:
    """The map traces of the uploaded ties in view: the bundled figure code, relabelled "Your data".

    Beside the bundled ties they take one colour of their own; alone they keep the colours of `color_by`. They
    carry no click targets: a click on them must not open a bundled place's panel.
    """
    places = upload_places(ties)
    index = PartnershipIndex(ties, places)
    mask = index.mask(uploaded_view(view))
    hover = hover_texts.tie_hover_texts(ties)
    hover = np.array(
        [f"{h}<br><i>{text.fmt(text.UPLOAD_HOVER_TAG, row=r)}</i>" for h, r in zip(hover, ties["source_row"])],
        dtype=object,
    )
    figure = figures.map_figure(
        index,
        mask,
        color_by=color_by if alone else "status",
        tie_hover=hover,
        place_labels=hover_texts.place_labels(places, index.place_ids),
    )
    traces = []
    for trace in figure["data"]:
        trace = {
            **trace,
            "legendgroup": f"upload-{trace.get('legendgroup', '')}",
            "name": f"{text.UPLOAD_LEGEND}: {trace.get('name', '')}",
        }
        trace.pop("customdata", None)
        if "hovertemplate" in trace:
            trace["hovertemplate"] = "%{text}<extra></extra>"
        if not alone:
            if "line" in trace:
                trace["line"] = {**trace["line"], "color": UPLOAD_COLOR}
            if "marker" in trace:
                trace["marker"] = {**trace["marker"], "color": UPLOAD_COLOR}
        traces.append(trace)
    return traces


UPLOAD_ROW_PREFIX = "upload:"  # table row ids of your ties: never the id of a bundled tie of the same pair


def uploaded_table_rows(store: Any, view: ViewFilter) -> list[dict] | None:
    """The table rows of the uploaded ties in view (the table is the map's keyboard and screen-reader twin), or
    None when the page holds no upload."""
    ties = ties_from_store(store)
    if ties is None:
        return None
    shown = ties[uploaded_index(ties).mask(uploaded_view(view))]
    if shown.empty:
        return []
    shown = shown.assign(n_sources=1)  # an uploaded tie needs a source to be valid; the store keeps no more
    rows = table.format_rows(shown)
    for row, source_row in zip(rows, shown["source_row"]):
        row[table.ROW_ID] = UPLOAD_ROW_PREFIX + row[table.ROW_ID]
        row["tier"] = text.UPLOAD_LEGEND
        row["provenance"] = text.fmt(text.UPLOAD_HOVER_TAG, row=source_row)
    return rows


def with_uploaded_ties(figure: dict, store: Any, mode: Any, view: ViewFilter, color_by: str = "status") -> dict:
    """The map figure with the session's uploaded ties added (beside) or in place of the bundled ones (alone).

    Alone, the notice of what the map leaves out is that of your ties, not of the bundled ones it no longer draws.
    """
    ties = ties_from_store(store)
    if ties is None:
        return figure
    alone = mode == "alone"
    traces = uploaded_traces(ties, view, alone, color_by)
    if not alone:
        return {**figure, "data": [*figure.get("data", []), *traces]}
    figure = {**figure, "layout": {**figure.get("layout", {})}, "data": traces}
    figure["layout"]["annotations"] = list(figure["layout"].get("annotations", []))
    take_notices(figure)
    index = uploaded_index(ties)
    if notices := capped_notices(index, index.mask(uploaded_view(view))):
        figure["layout"]["annotations"].append(notice_annotation("<br>".join(notices)))
    return figure


def uploaded_ties_csv(store: Any) -> str | None:
    """Your valid ties as the page holds them (places found, coordinates, row of your file), as CSV text; None
    when the page holds no upload. The server never kept them: this is the only way to take them away."""
    ties = ties_from_store(store)
    if ties is None:
        return None
    columns = [c for c in STORE_COLUMNS if c != "source_row"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*columns, "row_in_your_file"])
    for record in ties[[*columns, "source_row"]].itertuples(index=False):
        writer.writerow(["" if isinstance(v, float) and math.isnan(v) else v for v in record])
    return out.getvalue()


# --- the report -------------------------------------------------------------------------------------------
def problems_to_store(problems: tuple[Problem, ...] | list[Problem]) -> list[list]:
    """Every problem as [row, column, message] (the report download reads them)."""
    return [[p.row, p.column, p.message] for p in problems[:MAX_PROBLEMS_STORED]]


def problems_csv(stored: Any, label: str) -> str:
    """The stored problems as CSV text: file, row, column, problem."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["file", "row", "column", "problem"])
    for item in stored if isinstance(stored, list) else []:
        if isinstance(item, list) and len(item) == 3:
            writer.writerow([label, *(str(v)[:1000] for v in item)])
    return out.getvalue()


def summary_line(result: UploadResult) -> str:
    """One sentence on what became of an upload."""
    if result.refused:
        reason = "; ".join(p.message for p in result.problems[:3])
        return text.fmt(text.UPLOAD_REFUSED, name=result.label, reason=reason)
    if not result.problems:
        return text.fmt(text.UPLOAD_SUMMARY_CLEAN, name=result.label, ties=len(result.ties))
    return text.fmt(
        text.UPLOAD_SUMMARY,
        name=result.label,
        ties=len(result.ties),
        bad=result.bad_rows,
        problems=len(result.problems),
    )


def read_notices(result: UploadResult) -> list[str]:
    """What the user should know of how the file was read, not problems: its encoding and separator, and the
    optional columns it leaves out (one line for all of them)."""
    notices = []
    if result.encoding:
        encoding = text.UPLOAD_ENCODING_NAMES.get(result.encoding, result.encoding)
        separator = text.UPLOAD_SEPARATOR_NAMES.get(result.separator, repr(result.separator))
        notices.append(text.fmt(text.UPLOAD_READ_AS, encoding=encoding, separator=separator))
    if result.absent:
        notices.append(text.fmt(text.UPLOAD_OPTIONAL_ABSENT, columns=", ".join(result.absent)))
    return notices


def report_children(result: UploadResult) -> list:
    """The report under the status line: how the file was read (info notices), then its problems by row."""
    notices = [html.P(line, className="hint upload-notice") for line in read_notices(result)]
    return notices + report_table(result.problems)


def report_table(problems: tuple[Problem, ...] | list[Problem]) -> list:
    """The per-row report: a table of (row, column, problem), the first REPORT_ROWS_SHOWN of them."""
    if not problems:
        return []
    shown = problems[:REPORT_ROWS_SHOWN]
    head = html.Thead(html.Tr([html.Th(label, scope="col") for label in text.UPLOAD_REPORT_COLUMNS]))
    body = html.Tbody([html.Tr([html.Td(p.row or "–"), html.Td(p.column or "–"), html.Td(p.message)]) for p in shown])
    parts: list = [html.Table([head, body], className="upload-report-table")]
    if len(problems) > len(shown):
        parts.insert(
            0, html.P(text.fmt(text.UPLOAD_REPORT_CAPPED, shown=len(shown), total=len(problems)), className="hint")
        )
    return parts


# --- the page piece ---------------------------------------------------------------------------------------
def your_data_card() -> html.Section:
    """The "Your data" card: the upload, how to show it, what became of it, and its memory stores."""
    return html.Section(
        [
            dcc.Store(id=ids.UPLOAD_REQUEST, storage_type="memory"),
            dcc.Store(id=ids.UPLOAD_TIES, storage_type="memory"),
            dcc.Store(id=ids.UPLOAD_PROBLEMS, storage_type="memory"),
            dcc.Download(id=ids.UPLOAD_REPORT_DOWNLOAD),
            dcc.Download(id=ids.UPLOAD_TIES_DOWNLOAD),
            html.H2(text.YOUR_DATA_HEADING, className="card-heading"),
            html.P(text.YOUR_DATA_INTRO, className="hint"),
            dcc.Upload(
                html.Div(
                    [
                        text.UPLOAD_PROMPT,
                        html.Br(),
                        html.Small(text.fmt(text.UPLOAD_LIMITS, mb=MAX_UPLOAD_BYTES / 1e6, rows=MAX_UPLOAD_ROWS)),
                    ]
                ),
                id=ids.UPLOAD,
                accept=".csv,text/csv",
                multiple=False,
                className="upload-drop",
            ),
            html.Div(
                [
                    html.Span(text.UPLOAD_MODE_LABEL, className="field-label"),
                    radio_row(ids.UPLOAD_MODE, text.UPLOAD_MODES, "beside"),
                    html.Button(text.UPLOAD_CLEAR, id=ids.UPLOAD_CLEAR, n_clicks=0, className="reset-button"),
                    html.Button(
                        text.UPLOAD_TIES_BUTTON, id=ids.UPLOAD_TIES_BUTTON, n_clicks=0, className="download-link"
                    ),
                ],
                id=ids.UPLOAD_OPTIONS,
                className="upload-options",
                hidden=True,
            ),
            html.P(id=ids.UPLOAD_STATUS, className="upload-status", **{"aria-live": "polite"}),
            html.Div(id=ids.UPLOAD_REPORT, className="upload-report"),
            html.Button(
                text.UPLOAD_REPORT_BUTTON,
                id=ids.UPLOAD_REPORT_BUTTON,
                n_clicks=0,
                hidden=True,
                className="download-link",
            ),
        ],
        id=ids.YOUR_DATA,
        className="card your-data-card",
    )
