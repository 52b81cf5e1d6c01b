"""The filter sidebar: place search, ties and tags radios, status checklist, dropdowns, years, networks."""

from __future__ import annotations

from dash import dcc, html

from dashboard import i18n, ids, text
from dashboard.controls import checklist, radio_row, year_input
from dashboard.dataset import Atlas
from dashboard.figures.styles import STATUS_STYLE
from dashboard.text import short_label


def _field(label: str, control: object, control_id: str, hint: object = None) -> html.Div:
    return html.Div([html.Label(label, htmlFor=control_id, className="field-label"), control, hint], className="field")


def _dropdown(
    control_id: str, options: list[dict], placeholder: str | None = None, class_name: str = "dropdown"
) -> dcc.Dropdown:
    """A searchable multi-select in the page's language; empty means any (the placeholder says so by default)."""
    return dcc.Dropdown(
        id=control_id,
        options=options,
        multi=True,
        value=[],
        placeholder=placeholder or text.ANY_PLACEHOLDER,
        className=class_name,
        clearable=True,
        searchable=True,
        labels=text.DROPDOWN_LABELS,
    )


def _vocab_options(vocabulary: str) -> list[dict]:
    return [{"label": label, "value": word} for word, label in text.labels(vocabulary).items()]


def radio_field(label: str, component_id: str, options: dict[str, str], hint: str) -> html.Div:
    """A labelled row of choices, the first ("") chosen, with a hint under it."""
    return _field(label, radio_row(component_id, options, ""), component_id, html.P(hint, className="hint"))


def tier_field() -> html.Div:
    """The provenance filter: all ties, the cited ones only, or the listed ones only (URL key `tier`)."""
    return radio_field(text.FILTER_TIER, ids.FILTER_TIER, text.TIER_OPTIONS, text.FILTER_TIER_HINT)


def tags_field() -> html.Div:
    """Which tags the theme and conflict filters read: cited and derived, or one kind (URL key `tags`)."""
    return radio_field(text.FILTER_TAGS, ids.FILTER_TAGS, text.TAGS_OPTIONS, text.FILTER_TAGS_HINT)


def networks_field(atlas: Atlas) -> html.Fieldset:
    """The networks layer: a switch, and which networks it shows (URL keys `show=networks`, `network`)."""
    networks = atlas.layers.networks
    options = [{"label": name, "value": nid} for nid, name in zip(networks["network_id"], networks["name"])]
    return html.Fieldset(
        [
            html.Legend(text.FILTER_NETWORKS, className="field-label"),
            checklist(ids.FILTER_SHOW, text.MAP_LAYERS, []),
            html.Label(text.FILTER_NETWORK, htmlFor=ids.FILTER_NETWORK, className="sr-only"),
            _dropdown(ids.FILTER_NETWORK, options, text.NETWORK_PLACEHOLDER, "dropdown network-dropdown"),
            html.P(text.NETWORK_HINT, className="hint"),
        ],
        className="field networks-field",
    )


def filters(atlas: Atlas) -> html.Aside:
    names = i18n.all_country_names()
    countries = sorted(
        ({"label": f"{names.get(c, c)} ({c})", "value": c} for c in atlas.index.countries),
        key=lambda o: i18n.sort_key(o["label"]),
    )
    status_options = [
        {
            "label": html.Span(
                [html.Span(className="swatch", style={"background": STATUS_STYLE[w]["color"]}), short_label(label)],
                className="check-label",
            ),
            "value": w,
        }
        for w, label in text.labels("status").items()
    ]
    body = html.Div(
        [
            _field(
                text.FILTER_LABELS["city"],
                dcc.Input(
                    id=ids.FILTER_CITY,
                    type="search",
                    debounce=True,
                    value="",
                    className="text-input",
                    placeholder=text.PLACE_SEARCH_PLACEHOLDER,
                    autoComplete="off",
                ),
                ids.FILTER_CITY,
                html.Div(id=ids.PLACE_MATCHES, className="hint", **{"aria-live": "polite"}),
            ),
            tier_field(),
            _field(
                text.FILTER_LABELS["status"],
                checklist(ids.FILTER_STATUS, status_options, []),
                ids.FILTER_STATUS,
            ),
            _field(text.FILTER_LABELS["country"], _dropdown(ids.FILTER_COUNTRY, countries), ids.FILTER_COUNTRY),
            _field(text.FILTER_LABELS["aid"], _dropdown(ids.FILTER_AID, _vocab_options("aid")), ids.FILTER_AID),
            _field(
                text.FILTER_LABELS["relation"],
                _dropdown(ids.FILTER_RELATION, _vocab_options("relation")),
                ids.FILTER_RELATION,
            ),
            _field(text.FILTER_LABELS["theme"], _dropdown(ids.FILTER_THEME, _vocab_options("theme")), ids.FILTER_THEME),
            _field(
                text.FILTER_LABELS["conflict"],
                _dropdown(ids.FILTER_CONFLICT, _vocab_options("conflict")),
                ids.FILTER_CONFLICT,
            ),
            tags_field(),
            html.Fieldset(
                [
                    html.Legend(text.FILTER_LABELS["years"], className="field-label"),
                    html.Div(
                        [
                            html.Label(text.YEAR_FROM_LABEL, htmlFor=ids.FILTER_YEAR_FROM, className="sr-only"),
                            year_input(ids.FILTER_YEAR_FROM, text.YEAR_FROM_PLACEHOLDER),
                            html.Span("–", className="year-dash", **{"aria-hidden": "true"}),
                            html.Label(text.YEAR_TO_LABEL, htmlFor=ids.FILTER_YEAR_TO, className="sr-only"),
                            year_input(ids.FILTER_YEAR_TO, text.YEAR_TO_PLACEHOLDER),
                        ],
                        className="year-row",
                    ),
                    checklist(ids.FILTER_UNDATED, {"1": text.INCLUDE_UNDATED}, [], "checklist undated-choice"),
                ],
                className="field years",
            ),
            _field(
                text.FILTER_LABELS["color"],
                radio_row(ids.COLOR_BY, text.COLOR_BY, "status"),
                ids.COLOR_BY,
            ),
            networks_field(atlas),
            html.Button(text.RESET, id=ids.RESET, n_clicks=0, className="reset-button"),
        ],
        className="filters-body",
        id=ids.FILTERS_BODY,
    )
    toggle = html.Button(
        [text.FILTERS_HEADING, html.Span(id=ids.FILTERS_SUMMARY, className="filters-count")],
        id=ids.FILTERS_TOGGLE,
        className="filters-toggle",
        n_clicks=0,
        **{"aria-controls": ids.FILTERS_BODY, "aria-expanded": "false"},
    )
    return html.Aside(
        [html.H2(text.FILTERS_HEADING, className="sidebar-heading"), toggle, body],
        id=ids.FILTERS,
        className="filters collapsed",
        **{"aria-label": text.FILTERS_HEADING},
    )
