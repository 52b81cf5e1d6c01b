"""The table of ties in view, its search box, and the download links of the same view."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, Patch, State, callback

from dashboard import i18n, ids, table
from dashboard.dataset import Atlas, current_atlas
from dashboard.export.routes import CSV_PATH, GEOJSON_PATH, PACKAGE_PATH
from dashboard.upload import uploaded_table_rows
from dashboard.urlstate import parse_query


def rows_for_view(
    atlas: Atlas, query: str | None, uploaded: Any = None, upload_mode: str | None = None
) -> tuple[list[dict], str]:
    """The table rows of a view (the page's uploaded ties first, as the map draws them), and the note saying how
    many it leaves out."""
    view = parse_query(query).view
    yours = uploaded_table_rows(uploaded, view)
    if yours is not None and upload_mode == "alone":  # the table's cap and its note are of your ties
        return yours[: table.TABLE_LIMIT], table.table_note(len(yours), table.TABLE_LIMIT, yours=True)
    mask = atlas.index.mask(view)
    return (yours or []) + table.rows_in_view(atlas.table_rows, atlas.table_order, mask), table.table_note(
        int(mask.sum())
    )


def download_links(query: str | None) -> tuple[str, str, str]:
    """The CSV, GeoJSON and data package URLs of a view, relative to the page (so they work under a path prefix)."""
    return tuple(path.lstrip("/") + (query or "") for path in (CSV_PATH, GEOJSON_PATH, PACKAGE_PATH))


@callback(
    Output(ids.TABLE, "rowData"),
    Output(ids.TABLE_NOTE, "children"),
    Output(ids.DOWNLOAD_CSV, "href"),
    Output(ids.DOWNLOAD_GEOJSON, "href"),
    Output(ids.DOWNLOAD_PACKAGE, "href"),
    Input(ids.VIEW_QUERY, "data"),
    Input(ids.UPLOAD_TIES, "data"),  # the user's own ties, held by this page only
    Input(ids.UPLOAD_MODE, "value"),
    State(ids.LANG, "data"),
)
def update_table(
    query: str | None, uploaded: Any = None, upload_mode: str | None = None, lang: str | None = None
) -> tuple:
    with i18n.language(lang):
        return (*rows_for_view(current_atlas(), query, uploaded, upload_mode), *download_links(query))


@callback(Output(ids.TABLE, "dashGridOptions"), Input(ids.TABLE_SEARCH, "value"), prevent_initial_call=True)
def search_table(search: str | None) -> Patch:
    options = Patch()
    options["quickFilterText"] = search or ""
    return options
