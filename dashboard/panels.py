"""The city panel: what changed since 2022, a place's partners by status, what flowed, its timeline, networks,
sources.

Cited ties are grouped by status; ties known only from the Wikipedia / Wikidata lists come last, in a group of
their own (their status is unknown), each saying which lists hold it and whether only one side lists it.

`city_panel_data` gathers the facts (pure, testable without Dash rendering); `render_city_panel` lays them out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pandas as pd
from dash import html

from dashboard import i18n, text
from dashboard.dataset import Atlas
from dashboard.figures.hover_texts import listed_by_only, lists_label, local_name, tie_tags_label
from dashboard.figures.styles import LISTED_KEY
from dashboard.text import short_label
from dashboard.wartime_panel import render_wartime, wartime_changes
from geodata.schema import LIST_SEPARATOR, QUANTITY_COLUMNS, SOURCE_SEPARATOR
from geodata.vocab import CLOSED_STATUSES, STATUS


@dataclass(frozen=True)
class PartnerEntry:
    """One tie seen from the panel's place."""

    partnership_id: str
    partner: str
    partner_country: str
    relation: str
    status: str
    since: str
    status_date: str
    aid_types: tuple[str, ...]
    note: str
    uncertain: bool
    sources: tuple[str, ...]
    context_of: str = ""  # set when the place is not an end but the tie concerns it ("Kyiv – Trieste")
    listed: bool = False  # from the Wikipedia / Wikidata lists only
    lists: str = ""  # the lists that hold the tie, by name ("Wikipedia, Wikidata"); "" for none
    listed_only_by: str = ""  # a one-sided tie: the name of the only end whose list holds it
    tags: str = ""  # its conflict and theme tags, derived ones marked ("Russia-Ukraine war (derived), Health")


@dataclass(frozen=True)
class AidEntry:
    """One aid event to or from the place."""

    date: str
    donor: str
    recipient: str
    aid_types: tuple[str, ...]
    description: str
    quantities: tuple[str, ...]
    uncertain: bool
    sources: tuple[str, ...]
    amounts: tuple[tuple[str, float], ...] = ()  # (quantity column, number) as the data gives them


@dataclass(frozen=True)
class TimelineEntry:
    """A dated step: an agreement signed, a tie suspended or ended."""

    date: str
    what: str
    kind: str  # "formed" | "suspended" | "ended"


@dataclass(frozen=True)
class NetworkEntry:
    """A city network the place belongs to."""

    network: str
    role: str
    since: str
    sources: tuple[str, ...]
    uncertain: bool = False


@dataclass(frozen=True)
class CityPanel:
    """Everything the panel of one place shows."""

    place_id: str
    name: str
    country: str
    country_name: str
    kind: str
    admin1: str = ""  # shown only where another place shares its name and country (Yichun, Heilongjiang: 08)
    # Cited ties by status (vocabulary order), then the listed-only ties under LISTED_KEY.
    partners: dict[str, list[PartnerEntry]] = field(default_factory=dict)
    aid: list[AidEntry] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    networks: list[NetworkEntry] = field(default_factory=list)
    sources: tuple[str, ...] = ()

    @property
    def n_ties(self) -> int:
        return sum(len(entries) for entries in self.partners.values())

    @property
    def n_listed(self) -> int:
        return len(self.partners.get(LISTED_KEY, []))

    @property
    def partner_places(self) -> set[tuple[str, str]]:
        """(name, country) of the places at the other end of its ties (ties it only concerns left out)."""
        return {(e.partner, e.partner_country) for es in self.partners.values() for e in es if not e.context_of}


def _words(value: object) -> tuple[str, ...]:
    return tuple(w for w in str(value or "").split(LIST_SEPARATOR) if w)


def _sources(value: object) -> tuple[str, ...]:
    return tuple(s.strip() for s in str(value or "").split(SOURCE_SEPARATOR.strip()) if s.strip())


def format_quantity(column: str, value: object) -> str | None:
    """A quantity with its unit ("3,500 tonnes", "€2,000,000"), or None when blank."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if math.isnan(number):
        return None
    shown = i18n.number(number, 0 if number.is_integer() else 1)
    return text.fmt(text.QUANTITY_UNITS[column], value=shown)


def _partner_entries(atlas: Atlas, place_id: str) -> list[PartnerEntry]:
    ties = atlas.layers.partnerships.iloc[atlas.index.touches([place_id]).nonzero()[0]]
    entries = []
    for tie in ties.itertuples(index=False):
        if tie.place_a == place_id or tie.place_b == place_id:
            a_side = tie.place_a == place_id
            partner = local_name(tie, "city_b" if a_side else "city_a")
            country = tie.country_b if a_side else tie.country_a
            context_of = ""
        else:
            partner = f"{local_name(tie, 'city_a')} – {local_name(tie, 'city_b')}"
            country = f"{tie.country_a}/{tie.country_b}"
            context_of = partner
        entries.append(
            PartnerEntry(
                partnership_id=tie.partnership_id,
                partner=partner,
                partner_country=country,
                relation=tie.relation,
                status=tie.status,
                since=tie.since or "",
                status_date=tie.status_date or "",
                aid_types=_words(tie.aid_types),
                note=tie.note or "",
                uncertain=tie.certainty == "uncertain",
                sources=_sources(tie.sources),
                context_of=context_of,
                listed=getattr(tie, "tier", "cited") == LISTED_KEY,
                lists=lists_label(getattr(tie, "listed_in", "")),
                listed_only_by=listed_by_only(tie),
                tags=tie_tags_label(tie),
            )
        )
    return sorted(entries, key=lambda e: (e.listed, e.context_of != "", i18n.sort_key(e.partner)))


def _aid_entries(atlas: Atlas, place_id: str) -> list[AidEntry]:
    events = atlas.layers.aid_events
    if events.empty:
        return []
    mine = events[(events["donor_id"] == place_id) | (events["recipient_id"] == place_id)]
    entries = []
    for _, event in mine.sort_values("date", kind="stable").iterrows():
        amounts = _amounts(event)
        quantities = tuple(q for c, number in amounts if (q := format_quantity(c, number)))
        entries.append(
            AidEntry(
                date=event["date"] or "",
                donor=local_name(event, "donor"),
                recipient=local_name(event, "recipient"),
                aid_types=_words(event["aid_types"]),
                description=event["description"] or "",
                quantities=quantities,
                uncertain=event["certainty"] == "uncertain",
                sources=_sources(event["sources"]),
                amounts=amounts,
            )
        )
    return entries


def _amounts(event: pd.Series) -> tuple[tuple[str, float], ...]:
    """An aid event's figures as numbers, for totals ("vehicles", 6.0)."""
    out = []
    for column in QUANTITY_COLUMNS:
        try:
            number = float(event.get(column))
        except (TypeError, ValueError):
            continue
        if not math.isnan(number):
            out.append((column, number))
    return tuple(out)


def _timeline(partners: list[PartnerEntry]) -> list[TimelineEntry]:
    steps = []
    for entry in partners:
        relation = text.label("relation", entry.relation)
        if entry.since:
            steps.append(
                TimelineEntry(
                    entry.since, text.fmt(text.TIMELINE_FORMED, relation=relation, partner=entry.partner), "formed"
                )
            )
        if entry.status in CLOSED_STATUSES and entry.status_date:
            verb = text.TIMELINE_STATUS_VERB[entry.status]
            steps.append(
                TimelineEntry(
                    entry.status_date, text.fmt(text.TIMELINE_CLOSED, status=verb, partner=entry.partner), entry.status
                )
            )
    return sorted(steps, key=lambda s: s.date)


def _network_entries(atlas: Atlas, place_id: str) -> list[NetworkEntry]:
    members = atlas.layers.network_members
    if members.empty:
        return []
    mine = members[members["place_id"] == place_id]
    return [
        NetworkEntry(
            m["network"], m["role"] or "", m["since"] or "", _sources(m["sources"]), m["certainty"] == "uncertain"
        )
        for _, m in mine.sort_values("network").iterrows()
    ]


def city_panel_data(atlas: Atlas, place_id: str) -> CityPanel | None:
    """The facts of one place's panel, or None if the place is unknown."""
    place = atlas.place_row(place_id)
    if place is None:
        return None
    partners = _partner_entries(atlas, place_id)
    grouped = {s: [e for e in partners if e.status == s and not e.listed] for s in STATUS}
    grouped[LISTED_KEY] = [e for e in partners if e.listed]
    aid = _aid_entries(atlas, place_id)
    networks = _network_entries(atlas, place_id)
    every_source = (
        [s for e in partners for s in e.sources]
        + [s for e in aid for s in e.sources]
        + [s for e in networks for s in e.sources]
    )
    return CityPanel(
        place_id=place_id,
        name=str(place.get(i18n.name_key("name") or "name") or place["name"]),
        country=place["country"],
        country_name=i18n.country_name(place["country"]),
        kind=text.label("kind", place["kind"]),
        admin1=_homonym_admin1(atlas.layers.places, place),
        partners={s: entries for s, entries in grouped.items() if entries},
        aid=aid,
        timeline=_timeline(partners),
        networks=networks,
        sources=tuple(dict.fromkeys(every_source)),
    )


def _homonym_admin1(places: pd.DataFrame, place: dict) -> str:
    """The place's admin1 where another place of the layer has its name and country, else ""."""
    same = (places["name"] == place["name"]) & (places["country"] == place["country"])
    return str(place.get("admin1") or "") if int(same.sum()) > 1 else ""


# --- rendering --------------------------------------------------------------------------------------------
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
    partner_places = panel.partner_places
    countries = {c for _, c in partner_places}
    return [
        html.Header(
            [
                html.H2(panel.name, className="panel-title"),
                html.Div(
                    " · ".join(p for p in (panel.country_name, panel.admin1, panel.kind) if p),
                    className="panel-subtitle",
                ),
                html.Div(
                    text.fmt(
                        text.PANEL_SUMMARY, ties=panel.n_ties, partners=len(partner_places), countries=len(countries)
                    ),
                    className="panel-summary",
                ),
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
