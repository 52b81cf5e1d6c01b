"""What a city panel holds, gathered from the atlas: a place's partners by status, what flowed through each tie,
its timeline, networks and sources. Pure data (dataclasses), testable without rendering; `render` lays it out.

Cited ties are grouped by status; ties known only from the Wikipedia / Wikidata lists come last, in a group of
their own (their status is unknown), each saying which lists hold it and whether only one side lists it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from dashboard import i18n, text
from dashboard.dataset import Atlas
from dashboard.figures.hover_texts import listed_by_only, lists_label, local_name, tie_tags_label
from dashboard.figures.styles import LISTED_KEY
from geodata.regions import region_name
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
    """The place's region (its name where known, else its admin1 code) where another place of the layer has its
    name and country, else ""."""
    same = (places["name"] == place["name"]) & (places["country"] == place["country"])
    admin1 = str(place.get("admin1") or "")
    return region_name(place["country"], admin1) if admin1 and int(same.sum()) > 1 else ""
