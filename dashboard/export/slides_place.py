"""The slide of a view's selected place: its partners by status and what flowed, from the city panel's facts
(`city_panel.city_panel_data`), cut to what one slide holds."""

from __future__ import annotations

from collections.abc import Sequence

from pptx.presentation import Presentation as Deck
from pptx.util import Emu, Inches

from dashboard import i18n, text
from dashboard.city_panel import AidEntry, CityPanel, panel_summary
from dashboard.export.slides_draw import (
    CONTENT_WIDTH,
    HEADING_BOTTOM,
    MARGIN,
    MUTED,
    Line,
    add_heading,
    add_text,
    blank_slide,
    cut,
)
from dashboard.figures.styles import LISTED_KEY

COLUMN_GAP = Inches(0.5)
COLUMN_WIDTH = Emu((CONTENT_WIDTH - COLUMN_GAP) // 2)
COLUMN_HEIGHT = Inches(5.7)
LINE_CHARS = 62  # characters on a line of a column at 13 points
COLUMN_LINES = 22  # lines of 13 points a column holds under its heading
AID_SHOWN = 7


def join_within(names: Sequence[str], limit: int) -> str:
    """Names joined by commas, as many as fit in `limit` characters, then "… and 12 more"."""
    shown: list[str] = []
    for i, name in enumerate(names):
        rest = len(names) - i
        more = text.fmt(text.NOTICE_MORE, n=rest) if rest > 1 else ""
        if len(", ".join([*shown, name])) + len(more) + 2 > limit and shown:
            return ", ".join(shown) + " " + text.fmt(text.NOTICE_MORE, n=rest)
        shown.append(name)
    return ", ".join(shown)


def partner_lines(panel: CityPanel) -> list[Line]:
    """Per status group (cited ones, then the listed-only ties), its name and count, then its partners."""
    if not panel.partners:
        return [Line(text.fmt(text.PANEL_NOT_IN_DATA, name=panel.name), 13, color=MUTED, space_before=8)]
    groups = len(panel.partners)
    per_group = max(1, (COLUMN_LINES - groups) // max(groups, 1))
    lines = []
    for status, entries in panel.partners.items():
        label = text.PANEL_LISTED_GROUP if status == LISTED_KEY else text.label("status", status)
        lines.append(Line(f"{label} · {i18n.number(len(entries))}", 14, bold=True, space_before=8))
        names = [f"{e.partner} ({e.partner_country})" for e in entries]
        lines.append(Line(join_within(names, per_group * LINE_CHARS), 13, space_before=2))
    return lines


def aid_line(entry: AidEntry) -> list[Line]:
    """An aid event: when, who gave to whom, and what with its quantities (else its kinds of aid)."""
    flow = text.fmt(text.AID_FLOW, donor=entry.donor, recipient=entry.recipient)
    head = f"{i18n.date_text(entry.date) or text.UNDATED} · {flow}"
    what = ", ".join(entry.quantities) or ", ".join(text.label("aid", w) for w in entry.aid_types)
    lines = [Line(cut(head, LINE_CHARS), 13, bold=True, space_before=8)]
    return lines + ([Line(cut(what, 2 * LINE_CHARS), 13, color=MUTED, space_before=1)] if what else [])


def aid_lines(panel: CityPanel) -> list[Line]:
    """The first aid events to or from the place, then how many more there are."""
    if not panel.aid:
        return [Line(text.PANEL_NO_AID, 13, color=MUTED, space_before=8)]
    lines = [line for entry in panel.aid[:AID_SHOWN] for line in aid_line(entry)]
    if len(panel.aid) > AID_SHOWN:
        lines.append(Line(text.fmt(text.NOTICE_MORE, n=len(panel.aid) - AID_SHOWN), 13, space_before=8))
    return lines


def place_slide(deck: Deck, panel: CityPanel) -> None:
    """The selected place: its name, country and counts; partners by status on the left, what flowed right."""
    slide = blank_slide(deck)
    summary = panel_summary(panel)
    add_heading(slide, panel.name, f"{panel.country_name} · {panel.kind} · {summary}")
    left = [Line(text.PANEL_PARTNERS, 18, bold=True), Line(text.PANEL_ALL_TIES_NOTE, 12, color=MUTED)]
    add_text(slide, left + partner_lines(panel), (MARGIN, HEADING_BOTTOM, COLUMN_WIDTH, COLUMN_HEIGHT))
    right = [Line(text.PANEL_AID, 18, bold=True)] + aid_lines(panel)
    add_text(slide, right, (Emu(MARGIN + COLUMN_WIDTH + COLUMN_GAP), HEADING_BOTTOM, COLUMN_WIDTH, COLUMN_HEIGHT))
