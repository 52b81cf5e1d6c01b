"""The counts strip (ties, places, countries in view, by status) and the line saying what the filters hide."""

from __future__ import annotations

from dash import html

from dashboard import text
from dashboard.figures import STATUS_STYLE, short_label
from geodata.filters import ViewCounts
from geodata.vocab import STATUS


def hidden_line(counts: ViewCounts, hidden_by: dict[str, int]) -> str:
    """ "Showing 40 of 120 ties; 80 hidden by: status (70), years (20)." (a tie may be hidden by several)."""
    if counts.ties == counts.total:
        return text.SHOWING_ALL.format(total=counts.total)
    facets = ", ".join(text.HIDDEN_FACET.format(facet=text.FACET_NAMES[f], n=n) for f, n in hidden_by.items() if n)
    return text.SHOWING_SOME.format(
        shown=counts.ties, total=counts.total, hidden=counts.total - counts.ties, facets=facets
    )


def counts_strip(counts: ViewCounts) -> list:
    """Big numbers for ties, places and countries, then one chip per status present in view."""
    figures = [
        html.Div(
            [html.Span(f"{n:,}", className="count-number"), html.Span(label, className="count-label")],
            className="count",
        )
        for n, label in (
            (counts.ties, text.COUNT_TIES),
            (counts.places, text.COUNT_PLACES),
            (counts.countries, text.COUNT_COUNTRIES),
        )
    ]
    chips = [
        html.Span(
            [
                html.Span(className="swatch", style={"background": STATUS_STYLE[s]["color"]}),
                f"{short_label(STATUS[s])} {n:,}",
            ],
            className=f"status-chip status-{s}",
        )
        for s, n in counts.by_status.items()
        if n
    ]
    return [html.Div(figures, className="count-figures"), html.Div(chips, className="status-chips")]
