"""The city panel as Dash components: what changed since 2022, partners by status, what flowed, the timeline,
networks and sources, each source a link."""

from __future__ import annotations

from urllib.parse import urlparse

from dash import html

from dashboard import i18n, text
from dashboard.city_panel.facts import AidEntry, CityPanel, PartnerEntry, format_quantity
from dashboard.city_panel.wartime import render_wartime, wartime_changes
from dashboard.figures.styles import LISTED_KEY
from dashboard.text import short_label


def source_link(source: str) -> html.A | html.Span:
    """A source as a link (its site and path, shortened) or, for a document title, as text."""
    parsed = urlparse(source)
    if parsed.scheme in ("http", "https") and parsed.netloc:
        shown = parsed.netloc.removeprefix("www.") + (parsed.path if len(parsed.path) > 1 else "")
        shown = shown if len(shown) <= 60 else shown[:57] + "…"
        return html.A(shown, href=source, target="_blank", rel="noopener noreferrer", className="source-link")
    return html.Span(source, className="source-title")


def _chips(words: tuple[str, ...], vocabulary: str, class_name: str = "chip") -> list[html.Span]:
    return [html.Span(text.label(vocabulary, w), className=class_name) for w in words]


def _source_language(content: str, class_name: str, tag: type = html.Div) -> html.Div:
    """Notes and descriptions quote the English sources: marked as English so screen readers switch voice."""
    return tag(content, className=class_name, lang="en")


def provenance_line(entry: PartnerEntry) -> str:
    """Which lists hold a tie, and whether only one side lists it ("listed in Wikipedia · listed by Kyiv only")."""
    if entry.listed:
        parts = [text.fmt(text.LISTED_IN, lists=entry.lists or text.TIER_SHORT[LISTED_KEY])]
    else:
        parts = [text.fmt(text.ALSO_LISTED, lists=entry.lists)] if entry.lists else []
    if entry.listed_only_by:
        parts.append(text.fmt(text.LISTED_BY_ONLY, name=entry.listed_only_by))
    return " · ".join(parts)


def _partner_item(entry: PartnerEntry) -> html.Li:
    dates = [text.fmt(text.SINCE, date=i18n.date_text(entry.since))] if entry.since else []
    if entry.status_date:
        dates.append(f"{short_label(text.label('status', entry.status)).lower()} {i18n.date_text(entry.status_date)}")
    meta = " · ".join([text.label("relation", entry.relation), *dates])
    provenance = provenance_line(entry)
    tier_badge = (
        html.Span(text.PANEL_LISTED, className="badge-listed", title=text.PANEL_LISTED_TITLE)
        if entry.listed
        else html.Span(text.PANEL_CITED, className="badge-cited", title=text.PANEL_CITED_TITLE)
    )
    return html.Li(
        [
            html.Div(
                [
                    html.Span(entry.partner, className="partner-name"),
                    html.Span(entry.partner_country, className="country-code"),
                    tier_badge,
                    html.Span(text.PANEL_UNCERTAIN, className="badge-uncertain", title=text.UNCERTAIN_TITLE)
                    if entry.uncertain
                    else None,
                ],
                className="partner-head",
            ),
            # A listed tie has no relation, dates or aid of its own: its provenance is what there is to say.
            html.Div(meta, className="partner-meta") if not entry.listed else None,
            html.Div(provenance, className="partner-provenance") if provenance else None,
            html.Div(_chips(entry.aid_types, "aid"), className="chips") if entry.aid_types else None,
            html.Div(entry.tags, className="partner-tags") if entry.tags and not entry.listed else None,
            _source_language(entry.note, "partner-note") if entry.note and not entry.listed else None,
            # A listed tie's sources are its list pages, the same for most partners: the Sources section has them.
            html.Div([source_link(s) for s in entry.sources], className="partner-sources")
            if not entry.listed
            else None,
        ],
        className="partner partner-listed" if entry.listed else "partner",
        title=entry.note if entry.listed else None,
        **{"data-partnership": entry.partnership_id},
    )


def _aid_item(entry: AidEntry) -> html.Li:
    return html.Li(
        [
            html.Div(
                [
                    html.Span(i18n.date_text(entry.date) or text.UNDATED, className="aid-date"),
                    html.Span(
                        text.fmt(text.AID_FLOW, donor=entry.donor, recipient=entry.recipient), className="aid-flow"
                    ),
                ],
                className="aid-head",
            ),
            html.Div(_chips(entry.aid_types, "aid"), className="chips"),
            _source_language(entry.description, "aid-description", html.P),
            html.Div([html.Span(q, className="quantity") for q in entry.quantities], className="quantities")
            if entry.quantities
            else None,
            html.Div([source_link(s) for s in entry.sources], className="partner-sources"),
        ],
        className="aid-event",
    )


def _section(title: str, body: object, count: int | None = None) -> html.Section:
    heading = [title] + ([html.Span(i18n.number(count), className="count-badge")] if count is not None else [])
    return html.Section([html.H3(heading), body], className="panel-section")


def _counts(panel: CityPanel) -> dict[str, object]:
    """The panel's counts and each count's word in its form ("1 tie", "5 зв’язків"), for PANEL_SUMMARY and
    PANEL_ANNOUNCE."""
    places = panel.partner_places
    counts = {"ties": panel.n_ties, "partners": len(places), "countries": len({c for _, c in places})}
    forms = {"ties": text.TIE_WORDS, "partners": text.PARTNER_PLACE_WORDS, "countries": text.COUNTRY_WORDS}
    return {**counts, **{f"{key}_word": i18n.plural(n, forms[key]) for key, n in counts.items()}}


def panel_summary(panel: CityPanel) -> str:
    """ "62 ties · 48 partner places · 21 countries"."""
    return text.fmt(text.PANEL_SUMMARY, **_counts(panel))


def panel_announcement(panel: CityPanel) -> str:
    """What the polite live region says when the panel changes: "Kyiv: 62 ties, 48 partner places"."""
    return text.fmt(text.PANEL_ANNOUNCE, name=panel.name, **_counts(panel))


def render_city_panel(panel: CityPanel) -> list:
    """The panel's content, sections in reading order."""
    partners = [
        html.Div(
            [
                html.H4(
                    [
                        text.PANEL_LISTED_GROUP if status == LISTED_KEY else text.label("status", status),
                        html.Span(i18n.number(len(entries)), className="count-badge"),
                    ],
                    className=f"status-heading status-{status}",
                ),
                html.Ul([_partner_item(e) for e in entries], className="partner-list"),
            ]
        )
        for status, entries in panel.partners.items()
    ]
    return [
        html.Header(
            [
                html.H2(panel.name, className="panel-title"),
                html.Div(
                    " · ".join(p for p in (panel.country_name, panel.admin1, panel.kind) if p),
                    className="panel-subtitle",
                ),
                html.Div(panel_summary(panel), className="panel-summary"),
                html.Div(
                    text.fmt(text.PANEL_TIERS, cited=panel.n_ties - panel.n_listed, listed=panel.n_listed),
                    className="panel-tiers",
                )
                if panel.n_listed
                else None,
            ],
            className="panel-header",
        ),
        render_wartime(wartime_changes(panel.timeline, panel.aid), format_quantity),
        _section(
            text.PANEL_PARTNERS,
            html.Div([html.P(text.PANEL_ALL_TIES_NOTE, className="hint"), *partners])
            if partners
            else html.P(text.fmt(text.PANEL_NOT_IN_DATA, name=panel.name), className="hint"),
            panel.n_ties,
        ),
        _section(
            text.PANEL_AID,
            html.Ul([_aid_item(e) for e in panel.aid], className="aid-list")
            if panel.aid
            else html.P(text.PANEL_NO_AID, className="hint"),
            len(panel.aid),
        ),
        _section(
            text.PANEL_TIMELINE,
            html.Ol(
                [
                    html.Li(
                        [html.Span(i18n.date_text(step.date), className="timeline-date"), html.Span(step.what)],
                        className=f"timeline-step timeline-{step.kind}",
                    )
                    for step in panel.timeline
                ],
                className="timeline",
            ),
        )
        if panel.timeline
        else None,
        _section(
            text.PANEL_NETWORKS,
            html.Ul(
                [
                    html.Li(
                        [
                            html.Span(n.network, className="network-name"),
                            html.Span(text.PANEL_UNCERTAIN, className="badge-uncertain", title=text.UNCERTAIN_TITLE)
                            if n.uncertain
                            else None,
                            html.Span(
                                " · ".join(
                                    x
                                    for x in (
                                        n.role,
                                        text.fmt(text.SINCE, date=i18n.date_text(n.since)) if n.since else "",
                                    )
                                    if x
                                ),
                                className="partner-meta",
                            ),
                            html.Div([source_link(s) for s in n.sources], className="partner-sources"),
                        ]
                    )
                    for n in panel.networks
                ],
                className="network-list",
            )
            if panel.networks
            else html.P(text.PANEL_NO_NETWORKS, className="hint"),
        ),
        _section(
            text.PANEL_SOURCES,
            html.Ol([html.Li(source_link(s)) for s in panel.sources], className="source-list"),
            len(panel.sources),
        ),
    ]


def render_empty_panel() -> list:
    """The panel before any place is chosen."""
    return [
        html.Header([html.H2(text.PANEL_EMPTY_TITLE, className="panel-title")], className="panel-header"),
        html.P(text.PANEL_EMPTY_TEXT, className="hint"),
    ]


def render_missing_place(name: str) -> list:
    """The panel of a featured city that is not in the data."""
    return [
        html.Header([html.H2(name, className="panel-title")], className="panel-header"),
        html.P(text.fmt(text.PANEL_NOT_IN_DATA, name=name), className="hint"),
    ]
