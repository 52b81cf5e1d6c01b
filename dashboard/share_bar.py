"""The "Present this view" bar: Copy link, the Embed dialog and the Export dialog (images, files, citation).

A named piece of the page (composed in `layout.page`); its callbacks are in `dashboard/callbacks/share.py`, its
browser-side helpers in `assets/sharing.js`, its styles in `assets/sharing.css`.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids, text
from dashboard.controls import checklist, radio_row
from dashboard.share import DEFAULT_SIZE, SIZES


def _dialog_header(heading: str, close_id: str) -> html.Div:
    return html.Div(
        [
            html.H2(heading, className="card-heading"),
            html.Button(
                "×", id=close_id, n_clicks=0, className="dialog-close", title=text.CLOSE, **{"aria-label": text.CLOSE}
            ),
        ],
        className="dialog-header",
    )


def embed_dialog() -> html.Dialog:
    """The ready <iframe> of the current view, with its options."""
    return html.Dialog(
        [
            _dialog_header(text.EMBED_HEADING, ids.EMBED_CLOSE),
            html.P(text.EMBED_HELP, className="hint"),
            html.Label(text.EMBED_TITLE_LABEL, htmlFor=ids.EMBED_TITLE, className="field-label"),
            dcc.Input(id=ids.EMBED_TITLE, type="text", value="", debounce=True, className="text-input", maxLength=120),
            html.Div(
                [
                    html.Span(text.EMBED_OPTIONS_LABEL, className="field-label"),
                    checklist(ids.EMBED_OPTIONS, text.EMBED_OPTIONS, list(text.EMBED_OPTIONS)),
                ],
                className="field",
            ),
            html.Label(text.EMBED_SNIPPET_LABEL, htmlFor=ids.EMBED_SNIPPET, className="field-label"),
            dcc.Textarea(id=ids.EMBED_SNIPPET, value="", readOnly=True, className="text-input snippet", rows=4),
            html.Button(text.COPY_SNIPPET, id=ids.COPY_SNIPPET, n_clicks=0, className="share-button"),
        ],
        id=ids.EMBED_DIALOG,
        open=False,
        className="share-dialog",
        **{"aria-label": text.EMBED_HEADING},
    )


def export_dialog() -> html.Dialog:
    """Images drawn in the browser, standalone HTML, CSV, GeoJSON and slides of the current view, and its citation."""
    download = {"className": "download-link", "download": ""}
    return html.Dialog(
        [
            _dialog_header(text.EXPORT_HEADING, ids.EXPORT_CLOSE),
            html.Label(text.EXPORT_TITLE_LABEL, htmlFor=ids.EXPORT_TITLE, className="field-label"),
            dcc.Input(
                id=ids.EXPORT_TITLE,
                type="text",
                value="",
                debounce=True,
                className="text-input",
                maxLength=120,
                placeholder=text.APP_TITLE,
            ),
            # Shown while the page holds an upload (callbacks/upload.py): images and files come from the server.
            html.P(text.UPLOAD_NOT_IN_EXPORTS, id=ids.UPLOAD_EXPORT_NOTE, className="hint upload-note", hidden=True),
            html.H3(text.EXPORT_IMAGES, className="dialog-subheading"),
            html.Div(
                [
                    html.Span(text.EXPORT_SIZE_LABEL, className="field-label"),
                    radio_row(ids.EXPORT_SIZE, {name: text.EXPORT_SIZES[name] for name in SIZES}, DEFAULT_SIZE),
                    checklist(ids.EXPORT_HIDPI, {"2": text.EXPORT_HIDPI}, [], class_name="checklist hidpi"),
                ],
                className="field",
            ),
            html.Div(
                [
                    html.Button(text.EXPORT_PNG, id=ids.EXPORT_PNG, n_clicks=0, className="share-button"),
                    html.Button(text.EXPORT_SVG, id=ids.EXPORT_SVG, n_clicks=0, className="share-button"),
                ],
                className="share-actions",
            ),
            html.P(
                id=ids.EXPORT_STATUS,
                className="hint",
                role="status",
                **{
                    "data-working": text.EXPORT_WORKING,
                    "data-done": text.EXPORT_DONE,
                    "data-failed": text.EXPORT_FAILED,
                },
            ),
            html.H3(text.EXPORT_FILES, className="dialog-subheading"),
            html.Div(
                [
                    html.A(text.EXPORT_HTML, id=ids.EXPORT_HTML, href="export/view.html", **download),
                    html.A(text.EXPORT_CSV, id=ids.EXPORT_CSV, href="download/partnerships.csv", **download),
                    html.A(
                        text.EXPORT_GEOJSON, id=ids.EXPORT_GEOJSON, href="download/partnerships.geojson", **download
                    ),
                    html.A(text.EXPORT_PACKAGE, id=ids.EXPORT_PACKAGE, href="download/partnerships.zip", **download),
                    html.A(text.EXPORT_PPTX, id=ids.EXPORT_PPTX, href="export/view.pptx", **download),
                ],
                className="share-actions",
            ),
            html.H3(text.CITE_HEADING, className="dialog-subheading"),
            html.Blockquote(
                [html.Span(id=ids.CITATION_TEXT), " ", html.A(id=ids.CITATION_LINK, href="", className="cite-link")],
                id=ids.CITATION,
                className="citation",
            ),
            html.Button(text.COPY_CITATION, id=ids.COPY_CITATION, n_clicks=0, className="share-button"),
        ],
        id=ids.EXPORT_DIALOG,
        open=False,
        className="share-dialog",
        **{"aria-label": text.EXPORT_HEADING},
    )


def share_bar() -> html.Div:
    """The bar under the header: the link of the current view and the buttons that share, embed and export it."""
    stores = [
        dcc.Store(id=ids.MAP_VIEW, data={}),
        dcc.Store(id=ids.MAP_VIEW_EDITS, data={}),
        dcc.Store(id=ids.LINK_QUERY),
        dcc.Store(id=ids.SHARE_QUERY, data=""),
    ]
    return html.Div(
        [
            *stores,
            html.Span(text.SHARE_BAR_LABEL, className="share-label"),
            html.Label(text.SHARE_LINK_LABEL, htmlFor=ids.SHARE_LINK, className="sr-only"),
            dcc.Input(id=ids.SHARE_LINK, type="text", value="", readOnly=True, className="text-input share-link"),
            html.Button(
                text.COPY_LINK,
                id=ids.COPY_LINK,
                n_clicks=0,
                className="share-button primary",
                **{"data-copied": text.LINK_COPIED},
            ),
            html.Button(
                text.EMBED, id=ids.EMBED_OPEN, n_clicks=0, className="share-button", **{"aria-haspopup": "dialog"}
            ),
            html.Button(
                text.EXPORT, id=ids.EXPORT_OPEN, n_clicks=0, className="share-button", **{"aria-haspopup": "dialog"}
            ),
            embed_dialog(),
            export_dialog(),
        ],
        id=ids.SHARE_BAR,
        className="share-bar",
        role="region",
        **{"aria-label": text.SHARE_BAR_LABEL},
    )
