"""How the map draws ties: line styles per status, tier and aid type, and the categories (one trace each)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dashboard import text
from dashboard.text import short_label
from geodata.filters import PartnershipIndex
from geodata.vocab import AID_TYPE, STATUS

COLOR_MODES: tuple[str, ...] = ("status", "aid")
# Line style per status. Each status has a dash pattern of its own (the legend draws it), so status is never
# told by colour alone; colours are Okabe & Ito's colour-blind-safe set ("Color Universal Design", 2008) plus a
# neutral grey. Least CIEDE2000 difference between two statuses, in Machado et al.'s (2009) simulations: 21.5
# normal vision, 12.2 protanopia, 12.5 deuteranopia, 10.9 tritanopia (the colours before: 12.2, 12.4, 9.6, 11.0;
# tests/test_colours.py).
STATUS_STYLE: dict[str, dict[str, Any]] = {
    "active": {"color": "#0072b2", "dash": "solid", "width": 2.0, "opacity": 0.85},  # blue
    "dormant": {"color": "#56b4e9", "dash": "12px,4px", "width": 1.5, "opacity": 0.8},  # sky blue; long dashes
    "suspended": {"color": "#d55e00", "dash": "dash", "width": 1.8, "opacity": 0.85},  # vermillion
    "ended": {"color": "#cc79a7", "dash": "dot", "width": 1.8, "opacity": 0.8},  # reddish purple
    "proposed": {"color": "#e69f00", "dash": "dashdot", "width": 1.7, "opacity": 0.9},  # orange
    # Cited ties of unknown status; the listed tier (also of unknown status) is drawn apart, as LISTED_STYLE.
    "unknown": {"color": "#6e6e6e", "dash": "longdashdot", "width": 1.2, "opacity": 0.7},  # grey
}
# The listed tier (Wikipedia / Wikidata lists): ~27,000 ties, drawn underneath as one thin, faint haze so the
# cited ties tell the story on top. Trace opacity fades the whole trace at once: crossings do not darken.
LISTED_KEY = "listed"
LISTED_STYLE: dict[str, Any] = {"color": "#9aa6b8", "dash": "solid", "width": 0.5, "opacity": 0.25}
# Colouring by aid type, each status group keeps its line style.
STATUS_GROUP: dict[str, str] = {
    "active": "in_force",
    "dormant": "in_force",
    "unknown": "in_force",
    "suspended": "closed",
    "ended": "closed",
    "proposed": "proposed",
}
GROUP_STYLE: dict[str, dict[str, Any]] = {
    "in_force": {"dash": "solid", "width": 1.6, "opacity": 0.8},
    "closed": {"dash": "dash", "width": 1.3, "opacity": 0.45},
    "proposed": {"dash": "dashdot", "width": 1.4, "opacity": 0.8},
}
# One colour per aid type, in vocabulary order, picked from Okabe & Ito's set and Paul Tol's colour-blind-safe
# schemes (bright, vibrant, muted, light) for the largest least difference: 14 colours cannot all stay apart for
# colour-blind readers (the legend names each; a double click on it shows one aid type alone), but the least
# CIEDE2000 difference of two of them, "no aid" and the highlight is 8.2 under protanopia and deuteranopia
# (before: 3.7).
AID_PALETTE: tuple[str, ...] = (
    "#ee6677",  # humanitarian supplies: Tol red
    "#0077bb",  # evacuation and shelter: Tol blue
    "#228833",  # medical and rehabilitation: Tol green
    "#999933",  # reconstruction: Tol olive
    "#ccbb44",  # energy: Tol yellow
    "#88ccee",  # water and infrastructure: Tol cyan
    "#332288",  # transport and vehicles: Tol indigo
    "#44bb99",  # ports and logistics: Tol mint
    "#aa4499",  # education: Tol purple
    "#cc79a7",  # culture: Okabe-Ito reddish purple
    "#cc3311",  # economy and trade: Tol vibrant red
    "#009e73",  # climate: Okabe-Ito bluish green
    "#77aadd",  # governance expertise: Tol light blue
    "#882255",  # financial support: Tol wine
)
AID_COLORS: dict[str, str] = dict(zip(AID_TYPE, AID_PALETTE))
NO_AID_KEY, NO_AID_COLOR = "none", "#b0b7c3"
# Bottom to top: the many ties of unknown status must not bury the active and suspended ones.
STATUS_DRAW_ORDER: tuple[str, ...] = ("unknown", "ended", "dormant", "proposed", "suspended", "active")
PLACE_COLOR, LISTED_PLACE_COLOR = "#1e293b", "#8391a5"
# The selected ties and place: a dark red that no status, aid type, tier or chip uses (least CIEDE2000 difference
# 14.2 to any of them, in every simulation of tests/test_colours.py); near-black read as the "Cited" chip.
HIGHLIGHT_COLOR = "#8b0000"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


@dataclass(frozen=True)
class Category:
    """The ties of one trace: a legend entry (key, label) and how its lines look."""

    key: str
    label: str
    rows: np.ndarray
    color: str
    dash: str
    width: float
    opacity: float
    show_legend: bool = True
    legend_rank: int = 1000


def arc_categories(index: PartnershipIndex, mask: np.ndarray, color_by: str) -> list[Category]:
    """The non-empty categories of the ties in view, in legend order.

    By status: one per status. By aid type: one per aid type (a tie with several is drawn in each, so hiding
    one in the legend keeps ties that have others) plus "no aid", each split by status group for line style.
    """
    categories: list[Category] = []
    listed = tier_mask(index, LISTED_KEY)
    if len(listed_rows := np.flatnonzero(mask & listed)):
        rank = len(STATUS) + len(AID_TYPE)  # after every status and aid type
        categories.append(
            Category(LISTED_KEY, text.LISTED_TRACE, listed_rows, **LISTED_STYLE, show_legend=False, legend_rank=rank)
        )
    mask = mask & ~listed  # the statuses and aid types below colour the cited ties only
    if color_by == "aid":
        groups = {
            g: np.isin(index.status_code, [index.statuses.index(s) for s, sg in STATUS_GROUP.items() if sg == g])
            for g in GROUP_STYLE
        }
        aid_masks = [(NO_AID_KEY, text.NO_AID, NO_AID_COLOR, index.aid_bits == 0, len(AID_TYPE))]
        aid_masks += [
            (key, label, AID_COLORS[key], (index.aid_bits >> np.uint64(i)) & np.uint64(1) == 1, i)
            for i, (key, label) in enumerate(text.labels("aid").items())
        ]
        for key, label, color, has_aid, rank in aid_masks:
            first = True
            for group, style in GROUP_STYLE.items():
                rows = np.flatnonzero(mask & has_aid & groups[group])
                if len(rows):
                    categories.append(
                        Category(
                            key,
                            label,
                            rows,
                            color,
                            style["dash"],
                            style["width"],
                            style["opacity"],
                            show_legend=first,
                            legend_rank=rank,
                        )
                    )
                    first = False
        return categories
    for status in STATUS_DRAW_ORDER:
        rows = np.flatnonzero(mask & (index.status_code == index.statuses.index(status)))
        if len(rows):
            style = STATUS_STYLE[status]
            categories.append(
                Category(
                    status,
                    short_label(text.label("status", status)),
                    rows,
                    style["color"],
                    style["dash"],
                    style["width"],
                    style["opacity"],
                    legend_rank=list(STATUS).index(status),
                )
            )
    return categories


def tier_mask(index: PartnershipIndex, tier: str) -> np.ndarray:
    """The ties of one provenance tier (none when the index has no such tier)."""
    if tier not in index.tiers:
        return np.zeros(index.size, dtype=bool)
    return index.tier_code == index.tiers.index(tier)
