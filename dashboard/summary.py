"""The counts strip (ties, places, countries in view, by status) and the line saying what the filters hide."""

from __future__ import annotations

import numpy as np
from dash import html

from dashboard import i18n, text
from dashboard.figures.styles import LISTED_STYLE, PLACE_COLOR, STATUS_STYLE, tier_mask
from dashboard.text import short_label
from geodata.filters import PartnershipIndex, ViewCounts
from geodata.vocab import TIER


def hidden_line(counts: ViewCounts, hidden_by: dict[str, int], yours: bool = False) -> str:
    """ "Showing 40 of 120 ties; 80 hidden by: status (70), years (20)." (a tie may be hidden by several).

    With `yours`, the counts are of the user's uploaded ties ("Showing 3 of your 5 ties; ...")."""
    if counts.ties == counts.total:
        return text.fmt(text.SHOWING_ALL_YOURS if yours else text.SHOWING_ALL, total=counts.total)
    facets = ", ".join(text.fmt(text.HIDDEN_FACET, facet=text.FACET_NAMES[f], n=n) for f, n in hidden_by.items() if n)
    return text.fmt(
        text.SHOWING_SOME_YOURS if yours else text.SHOWING_SOME,
        shown=counts.ties,
        total=counts.total,
        hidden=counts.total - counts.ties,
        facets=facets,
    )


def yours_beside_line(counts: ViewCounts) -> str:
    """Beside the bundled ties' line: how many of the user's uploaded ties the map shows too."""
    return text.fmt(text.YOURS_BESIDE, shown=counts.ties, total=counts.total)


def tier_counts(index: PartnershipIndex, mask: np.ndarray) -> dict[str, int]:
    """Ties in view per provenance tier (vocabulary order), e.g. {"cited": 93, "listed": 26730}."""
    return {tier: int((mask & tier_mask(index, tier)).sum()) for tier in TIER}


TIER_SWATCH: dict[str, str] = {"cited": PLACE_COLOR, "listed": LISTED_STYLE["color"]}


def counts_strip(counts: ViewCounts, tiers: dict[str, int] | None = None, yours: bool = False) -> list:
    """Big numbers for ties, places and countries, one chip per status present in view, and the ties in view
    per provenance tier (cited, listed) when given. With `yours`, the ties are the user's uploaded ones."""
    figures = [
        html.Div(
            [html.Span(i18n.number(n), className="count-number"), html.Span(label, className="count-label")],
            className="count",
        )
        for n, label in (
            (counts.ties, text.COUNT_YOUR_TIES if yours else text.COUNT_TIES),
            (counts.places, text.COUNT_PLACES),
            (counts.countries, text.COUNT_COUNTRIES),
        )
    ]
    chips = [
        html.Span(
            [
                html.Span(className="swatch", style={"background": STATUS_STYLE[s]["color"]}),
                f"{short_label(text.label('status', s))} {i18n.number(n)}",
            ],
            className=f"status-chip status-{s}",
        )
        for s, n in counts.by_status.items()
        if n
    ]
    tier_chips = [
        html.Span(
            [
                html.Span(className="swatch", style={"background": TIER_SWATCH.get(t, PLACE_COLOR)}),
                text.fmt(text.COUNT_TIER, label=text.TIER_SHORT.get(t, t), n=n),
            ],
            className=f"tier-chip tier-{t}",
            title=text.label("tier", t),
        )
        for t, n in (tiers or {}).items()
    ]
    strip = [html.Div(figures, className="count-figures"), html.Div(chips, className="status-chips")]
    if counts.undated:  # a year filter's reader must see how many ties it cannot place in time
        strip.append(html.Div(text.fmt(text.COUNT_UNDATED, n=counts.undated), className="count-undated"))
    return strip + ([html.Div(tier_chips, className="tier-chips")] if tier_chips else [])
