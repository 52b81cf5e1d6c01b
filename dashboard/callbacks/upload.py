"""Your own data: the file read in the browser, checked on the server, its valid ties kept in the page.

A file over the size limit is stopped in the browser (only its size is sent), so the message is the same for
11 MB as for 11 GB. Nothing of an upload is written on the server: the ties and problems go back to the page's
memory stores, which only this tab holds.
"""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, callback, clientside_callback, ctx, dcc, no_update

from dashboard import i18n, ids, text
from dashboard.config import read_config
from dashboard.limits import UPLOAD_SLOTS, Busy
from dashboard.upload import (
    UploadError,
    decode_contents,
    problems_csv,
    problems_to_store,
    report_children,
    summary_line,
    ties_to_store,
    uploaded_ties_csv,
)
from geodata.upload import MAX_UPLOAD_BYTES, clean_label, validate_upload

NOTHING: tuple = (None, None, "", [], True)

# In the browser: pass the file on, or only its size when it is over the limit; then empty the upload, so the
# same file can be chosen again.
clientside_callback(
    """
    function(contents, filename) {
        const no = window.dash_clientside.no_update;
        if (typeof contents !== "string" || !contents) { return [no, no]; }
        const comma = contents.indexOf(",");
        const bytes = Math.floor((contents.length - comma - 1) * 3 / 4);
        const request = {name: String(filename || ""), bytes: bytes};
        if (bytes <= LIMIT) { request.contents = contents; }
        const input = document.querySelector("#UPLOAD_ID input[type=file]");
        if (input) { input.value = ""; }  // else the browser ignores the same file chosen again
        return [request, null];
    }
    """.replace("LIMIT", str(MAX_UPLOAD_BYTES)).replace("UPLOAD_ID", ids.UPLOAD),
    Output(ids.UPLOAD_REQUEST, "data"),
    Output(ids.UPLOAD, "contents"),
    Input(ids.UPLOAD, "contents"),
    State(ids.UPLOAD, "filename"),
    prevent_initial_call=True,
)


def upload_outcome(request: Any) -> tuple:
    """(ties store, problems store, status line, report, report button hidden) for what the browser sent."""
    if not isinstance(request, dict):
        return NOTHING
    name = clean_label(request.get("name") if isinstance(request.get("name"), str) else "")
    contents, size = request.get("contents"), request.get("bytes")
    if contents is None:
        if isinstance(size, (int, float)) and size > MAX_UPLOAD_BYTES:
            reason = text.fmt(text.UPLOAD_TOO_BIG, mb=size / 1e6, limit=MAX_UPLOAD_BYTES / 1e6)
        else:
            reason = text.UPLOAD_NOT_A_FILE
        return None, None, text.fmt(text.UPLOAD_REFUSED, name=name, reason=reason), [], True
    try:
        raw = decode_contents(contents)
    except UploadError as error:
        return None, None, text.fmt(text.UPLOAD_REFUSED, name=name, reason=str(error)), [], True
    try:
        with UPLOAD_SLOTS.hold():
            result = validate_upload(raw, name, read_config().data_dir)
    except Busy:
        return no_update, no_update, text.fmt(text.UPLOAD_BUSY, name=name), no_update, no_update
    problems = {"label": result.label, "problems": problems_to_store(result.problems)} if result.problems else None
    report = report_children(result)
    return ties_to_store(result), problems, summary_line(result), report, not result.problems


@callback(
    Output(ids.UPLOAD_TIES, "data"),
    Output(ids.UPLOAD_PROBLEMS, "data"),
    Output(ids.UPLOAD_STATUS, "children"),
    Output(ids.UPLOAD_REPORT, "children"),
    Output(ids.UPLOAD_REPORT_BUTTON, "hidden"),
    Input(ids.UPLOAD_REQUEST, "data"),
    Input(ids.UPLOAD_CLEAR, "n_clicks"),
    State(ids.LANG, "data"),
    prevent_initial_call=True,
)
def receive_upload(request: Any, _clear: int, lang: str | None = None) -> tuple:
    if ctx.triggered_id == ids.UPLOAD_CLEAR:
        return NOTHING
    with i18n.language(lang):
        return upload_outcome(request)


# How to show your ties, removing and downloading them, only once there are some; and then, by the exports and
# downloads (served from the bundled data: the server never had your ties), a line saying they are not in them.
clientside_callback(
    "function (ties) { return [!ties, !ties, !ties]; }",
    Output(ids.UPLOAD_OPTIONS, "hidden"),
    Output(ids.UPLOAD_EXPORT_NOTE, "hidden"),
    Output(ids.UPLOAD_DOWNLOADS_NOTE, "hidden"),
    Input(ids.UPLOAD_TIES, "data"),
)


@callback(
    Output(ids.UPLOAD_TIES_DOWNLOAD, "data"),
    Input(ids.UPLOAD_TIES_BUTTON, "n_clicks"),
    State(ids.UPLOAD_TIES, "data"),
    State(ids.LANG, "data"),
    prevent_initial_call=True,
)
def download_ties(_clicks: int, stored: Any, lang: str | None = None) -> Any:
    """Your valid ties, from this page's store, as a CSV file."""
    ties = uploaded_ties_csv(stored)
    if ties is None:
        return no_update
    with i18n.language(lang):
        return dcc.send_string(ties, text.UPLOAD_TIES_FILE, type="text/csv")


@callback(
    Output(ids.UPLOAD_REPORT_DOWNLOAD, "data"),
    Input(ids.UPLOAD_REPORT_BUTTON, "n_clicks"),
    State(ids.UPLOAD_PROBLEMS, "data"),
    State(ids.LANG, "data"),
    prevent_initial_call=True,
)
def download_report(_clicks: int, stored: Any, lang: str | None = None) -> Any:
    if not isinstance(stored, dict):
        return no_update
    label = clean_label(stored.get("label") if isinstance(stored.get("label"), str) else "")
    with i18n.language(lang):
        report = problems_csv(stored.get("problems"), label)
    return dcc.send_string(report, text.UPLOAD_REPORT_FILE, type="text/csv")
