"""Filters <-> URL: the controls, the query string and the notices kept in step; reset; the mobile toggle."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State, callback, clientside_callback, ctx, html, no_update

from dashboard import i18n, ids, text
from dashboard.dataset import current_atlas
from dashboard.urlstate import CONTROL_FIELDS, control_values, parse_query, to_query, view_from_controls
from geodata.filters import ViewFilter

CONTROL_NAMES = tuple(CONTROL_FIELDS)


def render_notices(notices: tuple[str, ...] | list[str], adjustments: tuple[str, ...] = ()) -> list:
    """The notice box: what the view changed to make sense of (plain lines), then the values it ignored under
    their heading (empty when there is neither)."""
    box = [html.P(a, className="notice-adjusted") for a in adjustments]
    if notices:
        box += [html.P(text.NOTICE_HEADING, className="notice-heading"), html.Ul([html.Li(n) for n in notices])]
    return box


def unknown_network_notices(view: ViewFilter) -> list[str]:
    """A notice per network id of a link that the dataset lacks (the URL parser knows ids' shape, not the data)."""
    known = set(current_atlas().layers.networks["network_id"])
    return [text.fmt(text.NOTICE_UNKNOWN_NETWORK, value=n) for n in view.networks if n not in known]


def filters_summary(view: ViewFilter) -> str:
    """How many filters are on, for the collapsed filters button ("" when none)."""
    n = len(view.active_facets())
    return f" · {n}" if n else ""


def sync_view(trigger: Any, search: str | None, controls: dict[str, Any], lang: str | None = None) -> tuple:
    """Outputs of the sync callback: (control values..., URL search, view query, notices, summary).

    From the URL (page load, back/forward): the controls follow it and bad parts become notices, while the
    address bar keeps what the user typed. From a control: the URL follows. Reset: everything cleared. The page's
    language stays in the URL and the view query whatever happens, so links made from either keep it.
    """
    adjustments: tuple[str, ...] = ()
    if trigger == ids.RESET:
        view, notices, search_out = ViewFilter(), (), to_query(ViewFilter(), lang)
    elif trigger in (None, ids.URL):
        parsed = parse_query(search)
        view, notices, search_out = parsed.view, (*parsed.notices, *unknown_network_notices(parsed.view)), no_update
        adjustments = parsed.adjustments
    else:
        parsed = view_from_controls(controls)
        view, notices, search_out = parsed.view, parsed.notices, to_query(parsed.view, lang)
        adjustments = parsed.adjustments
    values = control_values(view)
    control_out = [values[name] if values[name] != controls.get(name) else no_update for name in CONTROL_NAMES]
    return (*control_out, search_out, to_query(view, lang), render_notices(notices, adjustments), filters_summary(view))


@callback(
    *[Output(*ids.FILTER_CONTROLS[name]) for name in CONTROL_NAMES],
    Output(ids.URL, "search"),
    Output(ids.VIEW_QUERY, "data"),
    Output(ids.NOTICES, "children"),
    Output(ids.FILTERS_SUMMARY, "children"),
    Input(ids.URL, "search"),
    Input(ids.RESET, "n_clicks"),
    *[Input(*ids.FILTER_CONTROLS[name]) for name in CONTROL_NAMES],
    State(ids.LANG, "data"),
)
def sync_filters(search: str | None, _reset: int, *values: Any) -> tuple:
    *controls, lang = values
    with i18n.language(lang):
        return sync_view(ctx.triggered_id, search, dict(zip(CONTROL_NAMES, controls)), lang)


def place_matches_text(query: str | None) -> str:
    """Which places the search text matches ("Matches: Kyiv (UA)"), or that none does."""
    view = parse_query(query).view
    if not view.place_query:
        return ""
    atlas = current_atlas()
    found = atlas.index.matching_places(view.place_query)
    if not found:
        return text.fmt(text.PLACE_NO_MATCH, query=view.place_query)
    labels = [str(atlas.place_labels[atlas.index.place_code_of[p]]) for p in found[:5]]
    return text.fmt(text.PLACE_MATCHES, names=", ".join(labels) + (" …" if len(found) > 5 else ""))


def show_place_matches(query: str | None, lang: str | None = None) -> str:
    with i18n.language(lang):
        return place_matches_text(query)


# On a phone the filters fold away behind a button; on a wide screen the CSS ignores the fold.
clientside_callback(
    """
    function(n, className) {
        const open = n % 2 === 1;
        const base = (className || "").replace(" collapsed", "");
        return [open ? base : base + " collapsed", open ? "true" : "false"];
    }
    """,
    Output(ids.FILTERS, "className"),
    Output(ids.FILTERS_TOGGLE, "aria-expanded"),
    Input(ids.FILTERS_TOGGLE, "n_clicks"),
    State(ids.FILTERS, "className"),
    prevent_initial_call=True,
)
