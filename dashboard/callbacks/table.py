"""The table of ties in view, its search box, and the download links of the same view."""

from __future__ import annotations

from typing import Any

import numpy as np
from dash import ClientsideFunction, Input, Output, Patch, callback, clientside_callback

from dashboard import i18n, ids, table
from dashboard.dataset import Atlas, current_atlas
from dashboard.export.routes import CSV_PATH, GEOJSON_PATH, PACKAGE_PATH
from dashboard.figures.references import rows_spec
from dashboard.ties_pack import pack_url
from dashboard.upload import uploaded_table_rows
from dashboard.urlstate import parse_query
from geodata.filters import ViewFilter


def rows_sent(
    atlas: Atlas, view: ViewFilter, yours: list[dict] | None, upload_mode: str | None
) -> tuple[list[dict], str] | None:
    """The rows sent whole with a view, and their note: your ties shown alone (the cap and note are of yours), or
    a dataset too big to pack (your ties first, then its first TABLE_LIMIT rows in view); None when the page's
    rows pack shows the view."""
    if yours is not None and upload_mode == "alone":
        return yours[: table.TABLE_LIMIT], table.table_note(len(yours), table.TABLE_LIMIT, yours=True)
    if atlas.index.size <= table.PACKED_ROWS_LIMIT:
        return None
    mask = atlas.index.mask(view)
    rows = table.rows_in_view(atlas.table_rows, atlas.table_order, mask, limit=table.TABLE_LIMIT)
    return (yours or []) + rows, table.table_note(int(mask.sum()), table.TABLE_LIMIT)


def rows_for_view(
    atlas: Atlas, query: str | None, uploaded: Any = None, upload_mode: str | None = None
) -> tuple[list[dict], str]:
    """The table rows of a view as the page shows them (the page's uploaded ties first, as the map draws them),
    and the note saying how many it leaves out: the reference for what `table_view` makes the browser show."""
    view = parse_query(query).view
    yours = uploaded_table_rows(uploaded, view)
    if (sent := rows_sent(atlas, view, yours, upload_mode)) is not None:
        return sent
    mask = atlas.index.mask(view)
    return (yours or []) + table.rows_in_view(atlas.table_rows, atlas.table_order, mask, limit=None), ""


def table_view(
    atlas: Atlas, query: str | None, uploaded: Any = None, upload_mode: str | None = None, lang: str | None = None
) -> tuple[dict[str, Any], str]:
    """What the browser's table shows for a view: the rows pack (every bundled tie's row, fetched once), which of
    its rows are in view, and your rows in view, sent whole; and the note. assets/ties_table.js filters the grid
    with it, in the table's order. Your ties shown alone, or a dataset of more than PACKED_ROWS_LIMIT ties (its
    rows would be tens of megabytes for the page to read), come as `rows_sent`, with no pack."""
    view = parse_query(query).view
    yours = uploaded_table_rows(uploaded, view)
    shown = {"pack": None, "rows": None, "yours": yours or [], "query": query or ""}
    if (sent := rows_sent(atlas, view, yours, upload_mode)) is not None:
        rows, note = sent
        return {**shown, "yours": rows}, note
    rows = np.flatnonzero(atlas.index.mask(view))
    url = pack_url(atlas, "rows", i18n.lang_or_default(lang))
    return {**shown, "pack": url, "rows": rows_spec(rows, atlas.index.size)}, ""


def download_links(query: str | None) -> tuple[str, str, str]:
    """The CSV, GeoJSON and data package URLs of a view, relative to the page (so they work under a path prefix)."""
    return tuple(path.lstrip("/") + (query or "") for path in (CSV_PATH, GEOJSON_PATH, PACKAGE_PATH))


def update_table(
    query: str | None, uploaded: Any = None, upload_mode: str | None = None, lang: str | None = None
) -> tuple:
    with i18n.language(lang):
        return (*table_view(current_atlas(), query, uploaded, upload_mode, lang), *download_links(query))


# The grid holds every row of the rows pack (fetched once) and shows those in view: no row crosses the network on
# a filter change.
clientside_callback(
    ClientsideFunction(namespace="tiesTable", function_name="show"),
    Output(ids.TABLE, "rowData"),
    Input(ids.TABLE_VIEW, "data"),
)


@callback(Output(ids.TABLE, "dashGridOptions"), Input(ids.TABLE_SEARCH, "value"), prevent_initial_call=True)
def search_table(search: str | None) -> Patch:
    options = Patch()
    options["quickFilterText"] = search or ""
    return options
