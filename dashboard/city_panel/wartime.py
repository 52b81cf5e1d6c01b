"""The city panel's "Since the full-scale invasion" section: ties formed and ended, and what flowed, since 2022.

`wartime_changes` picks the facts from a panel's entries (pure, testable without Dash); `render_wartime` lays
them out. Only dated facts count: a tie with no date is in the partner list, not here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dash import html

from dashboard import i18n, text
from geodata.schema import QUANTITY_COLUMNS

WAR_YEAR = 2022  # the full-scale invasion, 24 February 2022


@dataclass(frozen=True)
class WartimeChanges:
    """What changed in a place's ties since WAR_YEAR: the steps (formed, suspended, ended) and the aid."""

    formed: tuple  # TimelineEntry
    closed: tuple  # TimelineEntry (suspended or ended)
    aid: tuple  # AidEntry
    totals: dict[str, float]  # sum of each quantity column over the aid since WAR_YEAR

    @property
    def empty(self) -> bool:
        return not (self.formed or self.closed or self.aid)


def year_of(date: str) -> int | None:
    """The year a partial date starts in ("2022-03" -> 2022, "1992~" -> 1992, "1970s" -> 1970); None if blank."""
    head = (date or "").strip()[:4]
    return int(head) if len(head) == 4 and head.isdigit() else None


def wartime_changes(timeline: list, aid: list) -> WartimeChanges:
    """The steps (TimelineEntry) and aid (AidEntry, with its `amounts`) dated WAR_YEAR or later."""
    since = [s for s in timeline if (year_of(s.date) or 0) >= WAR_YEAR]
    recent = [e for e in aid if (year_of(e.date) or 0) >= WAR_YEAR]
    totals: dict[str, float] = {}
    for entry in recent:
        for column, value in entry.amounts:
            if not math.isnan(value):
                totals[column] = totals.get(column, 0.0) + value
    return WartimeChanges(
        formed=tuple(s for s in since if s.kind == "formed"),
        closed=tuple(s for s in since if s.kind != "formed"),
        aid=tuple(recent),
        totals={c: totals[c] for c in QUANTITY_COLUMNS if c in totals},
    )


def _steps(title: str, steps: tuple) -> html.Div | None:
    if not steps:
        return None
    return html.Div(
        [
            html.H4([title, html.Span(i18n.number(len(steps)), className="count-badge")]),
            html.Ul(
                [
                    html.Li([html.Span(i18n.date_text(s.date), className="timeline-date"), html.Span(s.what)])
                    for s in steps
                ],
                className="timeline",
            ),
        ]
    )


def render_wartime(changes: WartimeChanges, format_quantity) -> html.Section | None:
    """The section, or None when nothing dated happened since WAR_YEAR."""
    if changes.empty:
        return None
    summary = text.fmt(
        text.WARTIME_SUMMARY, formed=len(changes.formed), closed=len(changes.closed), aid=len(changes.aid)
    )
    totals = [q for c, v in changes.totals.items() if (q := format_quantity(c, v))]
    return html.Section(
        [
            html.H3(text.WARTIME_HEADING),
            html.P(summary, className="panel-summary"),
            html.P(text.fmt(text.WARTIME_TOTALS, totals=" · ".join(totals)), className="wartime-totals")
            if totals
            else None,
            _steps(text.WARTIME_FORMED, changes.formed),
            _steps(text.WARTIME_CLOSED, changes.closed),
        ],
        className="panel-section wartime",
    )
