"""The page, built from named pieces: header, featured cities, filters, counts, map, panel, table, about."""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from dashboard import i18n, ids, table, text
from dashboard.dataset import Atlas
from dashboard.figures import graph_config
from dashboard.filters_panel import filters
from dashboard.share_bar import share_bar
from dashboard.upload import your_data_card


def skip_links() -> html.Nav:
    """The first things Tab reaches, shown only when focused: past the header and filters to the map or table."""
    return html.Nav(
        [
            html.A(text.SKIP_TO_MAP, href="#" + ids.MAP_CARD, className="skip-link"),
            html.A(text.SKIP_TO_TABLE, href="#" + ids.TABLE_CARD, className="skip-link"),
        ],
        id=ids.SKIP_LINKS,
        className="skip-links",
        **{"aria-label": text.SKIP_LINKS_LABEL},
    )


def header() -> html.Header:
    return html.Header(
        [
            html.Div(
                [
                    html.H1([html.Span("◍", className="logo", **{"aria-hidden": "true"}), text.APP_TITLE]),
                    html.P(text.TAGLINE, className="tagline"),
                ],
                className="brand",
            ),
            html.Nav(
                [
                    html.A(text.QUALITY_HEADING, href="#" + ids.DATA_QUALITY, className="header-link"),
                    html.A(text.ABOUT_HEADING, href="#" + ids.ABOUT, className="header-link"),
                    language_switch(),
                ],
                className="header-links",
            ),
        ],
        className="site-header",
    )


def language_switch() -> html.A:
    """A link to this view in the other language, named in that language; callbacks keep its query current."""
    other = next(lang for lang in i18n.LANGS if lang != i18n.current_lang())
    return html.A(
        i18n.LANGUAGE_NAMES[other],
        id=ids.LANG_SWITCH,
        href="?" + ("" if other == i18n.DEFAULT_LANG else f"{i18n.LANG_KEY}={other}"),
        hrefLang=other,
        lang=other,
        title=text.LANGUAGE_SWITCH_TITLE,
        className="header-link language-switch",
        **{"data-lang": other},
    )


def featured_cities(atlas: Atlas) -> html.Nav:
    buttons = [
        html.Button(
            label,
            id=ids.featured_city_button(name),  # the data's name: ids do not change with the language
            n_clicks=0,
            className="city-button",
            title=label if atlas.featured.get(name) else text.fmt(text.PANEL_NOT_IN_DATA, name=label),
        )
        for label, name, _ in text.FEATURED_CITIES
    ]
    return html.Nav(
        [html.Span(text.FEATURED_HEADING, className="nav-label"), *buttons],
        className="featured",
        **{"aria-label": text.FEATURED_HEADING},
    )


def counts_bar() -> html.Section:
    return html.Section(
        [
            html.Div(id=ids.COUNTS, className="counts", **{"aria-live": "polite"}),
            html.P(id=ids.HIDDEN_LINE, className="hidden-line"),
        ],
        className="counts-bar",
    )


def loading_state(
    child, target: tuple[str, str] | dict[str, str] | None, label: str, announced: bool = False
) -> dcc.Loading:
    """`child` dimmed under a spinner and `label` while the callback that sets `target` (an id and property, or
    several in a dict) works (after 250 ms). Only the map's says it to screen readers: one "Loading ties..." per
    update, not one per card."""
    spinner = html.Div(
        [html.Span(className="spinner", **{"aria-hidden": "true"}), label],
        className="map-loading",
        **({"role": "status"} if announced else {"aria-hidden": "true"}),
    )
    return dcc.Loading(
        child,
        target_components=dict([target]) if isinstance(target, tuple) else target,
        custom_spinner=spinner,
        overlay_style={"visibility": "visible", "opacity": 0.55},
        delay_show=250,
        show_initially=True,
        parent_style={"height": "100%", "width": "100%"} if announced else None,
    )


def map_card(topojson_url: str) -> html.Section:
    return html.Section(
        [
            # The frame fixes the height: a responsive graph fills its parent, so the parent must not size by content.
            html.Div(
                # While the map callback works (first load: seconds), a visible, announced "Loading ties..."
                # over the old map, instead of a blank card; shown only when it takes longer than a blink.
                loading_state(
                    [
                        dcc.Graph(
                            id=ids.MAP_GRAPH,
                            config=graph_config(topojson_url),
                            className="map-graph",
                            style={"height": "100%", "width": "100%"},
                            figure={"data": [], "layout": {"geo": {"fitbounds": False}}},
                        ),
                        # The server's figure, ties by reference; assets/ties_pack.js fills it in and draws.
                        dcc.Store(id=ids.MAP_DRAWING),
                        # The view of the map just filled in: what shows the view's counts, table and the rest
                        # follows it, so that their requests go out after the map's.
                        dcc.Store(id=ids.VIEW_DRAWN),
                    ],
                    {ids.MAP_DRAWING: "data", ids.MAP_GRAPH: "figure"},
                    text.MAP_LOADING,
                    announced=True,
                ),
                className="map-frame",
            ),
            html.P(id=ids.STYLE_KEY, className="style-key"),
            html.P(id=ids.MAP_NOTES, className="style-key map-notes"),
            html.Div(id=ids.NETWORK_KEY, className="network-key"),
            html.P(text.MAP_KEYBOARD_HINT, id=ids.MAP_HINT, className="sr-only"),
        ],
        id=ids.MAP_CARD,
        className="card map-card",
        tabIndex="-1",  # a skip link's target takes the focus
        **{"aria-label": text.MAP_LABEL, "aria-describedby": ids.MAP_HINT},
    )


def panel() -> html.Aside:
    return html.Aside(
        [
            html.Button(
                "×",
                id=ids.PANEL_CLOSE,
                n_clicks=0,
                className="panel-close",
                hidden=True,
                title=text.PANEL_CLOSE,
                **{"aria-label": text.PANEL_CLOSE},
            ),
            loading_state(html.Div(id=ids.PANEL, className="panel-content"), (ids.PANEL, "children"), text.LOADING),
            html.P(id=ids.PANEL_ANNOUNCE, className="sr-only", role="status", **{"aria-atomic": "true"}),
        ],
        id=ids.PANEL_CARD,
        className="card panel-card",
        tabIndex="-1",  # the focus goes here when the panel is closed (assets/a11y.js)
        **{"aria-label": text.PANEL_EMPTY_TITLE},
    )


def table_card() -> html.Section:
    return html.Section(
        [
            html.Div(
                [
                    html.H2(text.TABLE_HEADING, id=ids.TABLE_HEADING, className="card-heading"),
                    html.Label(text.TABLE_SEARCH_PLACEHOLDER, htmlFor=ids.TABLE_SEARCH, className="sr-only"),
                    dcc.Input(
                        id=ids.TABLE_SEARCH,
                        type="search",
                        debounce=False,
                        placeholder=text.TABLE_SEARCH_PLACEHOLDER,
                        className="text-input table-search",
                    ),
                    html.Div(
                        [
                            html.A(
                                text.DOWNLOAD_CSV,
                                id=ids.DOWNLOAD_CSV,
                                href="download/partnerships.csv",
                                className="download-link",
                                title=text.DOWNLOADS_NOTE,
                            ),
                            html.A(
                                text.DOWNLOAD_GEOJSON,
                                id=ids.DOWNLOAD_GEOJSON,
                                href="download/partnerships.geojson",
                                className="download-link",
                                title=text.DOWNLOADS_NOTE,
                            ),
                            html.A(
                                text.DOWNLOAD_PACKAGE,
                                id=ids.DOWNLOAD_PACKAGE,
                                href="download/partnerships.zip",
                                className="download-link",
                                title=text.DOWNLOAD_PACKAGE_NOTE,
                            ),
                        ],
                        className="downloads",
                    ),
                ],
                className="card-header",
            ),
            # Shown while the page holds an upload (callbacks/upload.py): the downloads come from the server.
            html.P(text.UPLOAD_NOT_IN_FILES, id=ids.UPLOAD_DOWNLOADS_NOTE, className="hint upload-note", hidden=True),
            html.P(id=ids.TABLE_NOTE, className="hint table-note"),
            html.P(text.TABLE_KEYBOARD_HINT, id=ids.TABLE_HINT, className="hint table-hint"),
            loading_state(
                [
                    # Which rows are in view (the server's answer); assets/ties_table.js shows them in the grid.
                    dcc.Store(id=ids.TABLE_VIEW),
                    dag.AgGrid(
                        id=ids.TABLE,
                        rowData=[],
                        columnDefs=table.column_defs(),
                        getRowId=f"params.data.{table.ROW_ID}",
                        defaultColDef={
                            "sortable": True,
                            "filter": True,
                            "resizable": True,
                            "minWidth": 90,
                            "flex": 1,
                            # Headers wrap to a second line rather than end in "Coun…" (Ukrainian words are long).
                            "wrapHeaderText": True,
                            "autoHeaderHeight": True,
                        },
                        dashGridOptions={
                            "rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": True},
                            "animateRows": False,
                            "tooltipShowDelay": 400,
                            "suppressCellFocus": False,
                            "localeText": text.GRID_LOCALE,
                            "loading": True,  # until the rows pack lands (assets/ties_table.js ends it)
                            "includeHiddenColumnsInQuickFilter": True,  # table.OTHER_NAMES: search in either script
                            # One Tab stop: Tab leaves the grid (its cells are reached with the arrow keys), so a
                            # keyboard user is not walked through every cell of thousands of rows to reach what follows.
                            "tabToNextCell": {"function": "false"},
                            "tabToNextHeader": {"function": "false"},
                            # The grid holds every tie; assets/ties_table.js says which are in view.
                            "isExternalFilterPresent": {"function": "atlasTableFiltered()"},
                            "doesExternalFilterPass": {"function": "atlasTableRowInView(params)"},
                        },
                        # Enter on a row selects it as Space does; a place cell (click or Enter) opens its panel.
                        eventListeners={
                            event: ["atlasTableEvent(params, setEventData)"] for event in ("cellKeyDown", "cellClicked")
                        },
                        columnSize="responsiveSizeToFit",
                        className="ties-grid",
                        style={"height": "420px"},
                    ),
                ],
                None,  # any of the grid's props: Dash's Loading does not see a target prop of AG Grid's
                text.LOADING,
            ),
        ],
        id=ids.TABLE_CARD,
        className="card table-card",
        tabIndex="-1",  # a skip link's target takes the focus
        **{"aria-labelledby": ids.TABLE_HEADING},
    )


def data_quality(atlas: Atlas) -> html.Section | None:
    """What the data-quality checks find (geodata.quality), as counts; the report gives them tie by tie."""
    if atlas.quality is None:
        return None
    items = [html.Li(text.fmt(sentence, n=getattr(atlas.quality, name))) for name, sentence in text.QUALITY_ITEMS]
    return html.Section(
        [
            html.H3(text.QUALITY_HEADING),
            html.P(text.QUALITY_INTRO, className="hint"),
            html.Ul(items, className="quality-list"),
        ],
        id=ids.DATA_QUALITY,
        className="data-quality",
    )


def about(atlas: Atlas) -> html.Section:
    layers = atlas.layers
    paragraphs = [html.P(p) for p in text.ABOUT_PARAGRAPHS]
    tiers = layers.partnerships["tier"].value_counts() if "tier" in layers.partnerships else {}
    stats = text.fmt(
        text.ABOUT_STATS,
        ties=len(layers.partnerships),
        cited=int(tiers.get("cited", 0)),
        listed=int(tiers.get("listed", 0)),
        events=len(layers.aid_events),
        members=len(layers.network_members),
        sources=atlas.source_count,
    )
    version = layers.manifest.get("dataset_version")
    facts = (
        [stats]
        + ([text.fmt(text.ABOUT_VERSION, version=version)] if version else [])
        + ([text.fmt(text.ABOUT_PROBLEMS, n=len(layers.problems))] if layers.problems else [])
    )
    licences = html.Ul(
        [
            html.Li(
                [
                    html.A(what, href=link, target="_blank", rel="noopener noreferrer") if link else what,
                    ": ",
                    html.Strong(licence),
                ]
            )
            for what, licence, link in text.LICENCES
        ],
        className="licences",
    )
    return html.Section(
        [
            html.H2(text.ABOUT_HEADING, className="card-heading"),
            *paragraphs,
            html.P(" ".join(facts), className="about-stats"),
            data_quality(atlas),
            html.H3(text.LICENCES_HEADING),
            licences,
        ],
        id=ids.ABOUT,
        className="card about-card",
    )


def page(atlas: Atlas, topojson_url: str) -> html.Div:
    """The whole page for one dataset; the stores hold per-user state, the URL holds the filters."""
    stores = [
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.VIEW_QUERY, data=""),
        # The page's language, read by every callback that writes text.
        dcc.Store(id=ids.LANG, data=i18n.current_lang()),
        dcc.Store(id=ids.SELECTED_PLACE, data=None),
        dcc.Store(id=ids.SELECTED_TIE, data=None),
        dcc.Store(id=ids.MAP_CLICK, data=None),
    ]
    notices = html.Div(id=ids.NOTICES, className="notices", role="alert")
    layout = html.Div(
        [
            featured_cities(atlas),
            filters(atlas),
            counts_bar(),
            map_card(topojson_url),
            panel(),
            table_card(),
        ],
        className="layout",
    )
    # One <main> holds all the content (landmarks: banner, share region, main, contentinfo).
    main = html.Main(
        [
            notices,
            layout,
            your_data_card(),  # the user's own ties: upload, report; kept in this page only
            about(atlas),
        ]
    )
    return html.Div(
        [
            *stores,
            skip_links(),
            header(),
            share_bar(),
            main,
            html.Footer(text.FOOTER, className="site-footer"),
        ],
        className="app",
    )
