"""A view of the atlas read from a query string, and its citation.

A view is a query string (filters of `urlstate`, plus the place, colouring, map view and presentation options
of `share`). Every export builder takes the dataset and the view's link explicitly, so the command line
(`python -m dashboard.export`), the routes and the tests share them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import numpy as np

from dashboard import i18n, text
from dashboard.dataset import Atlas, current_atlas
from dashboard.share import ShareView, parse_share, share_query, without_presentation
from dashboard.urlstate import parse_query, to_query
from geodata.schema import SOURCE_SEPARATOR

SUBTITLE_WORDS: tuple[tuple[str, str], ...] = (  # (URL key and vocabulary, ViewFilter field)
    ("status", "statuses"),
    ("aid", "aid_types"),
    ("relation", "relations"),
    ("theme", "themes"),
    ("conflict", "conflicts"),
    ("tier", "tiers"),
)


@dataclass(frozen=True)
class View:
    """A view read from a query: its filter mask, share options, canonical link query and notices."""

    mask: np.ndarray
    share: ShareView
    link_query: str  # filters, place, colouring, map view: what "Copy link" gives (no presentation options)
    filter_query: str
    notices: tuple[str, ...]


def read_view(atlas: Atlas, query: str | None) -> View:
    """Read a query string into the ties it shows and how; bad values become notices, never errors."""
    parsed = parse_query(query)
    share = parse_share(query).share
    if share.place and share.place not in atlas.index.place_code_of:
        share = replace(share, place=None)  # a place not in this dataset: no panel, no highlight
    filter_query = to_query(parsed.view, parsed.lang)
    return View(
        mask=atlas.index.mask(parsed.view),
        share=share,
        link_query=share_query(filter_query, without_presentation(share)),
        filter_query=filter_query,
        notices=parsed.notices,
    )


@dataclass(frozen=True)
class Citation:
    """What a reader needs to cite a view: dataset version and date, how many ties and sources, the link."""

    version: str
    date: str
    ties: int
    sources: int
    link: str
    accessed: str

    def summary(self) -> str:
        """The citation without its link ("Twinning Atlas, dataset version ... View of 12 ties from 9 sources.")."""
        return text.fmt(
            text.CITATION,
            app=text.APP_TITLE,
            version=self.version,
            date=i18n.date_text(self.date),
            ties=self.ties,
            sources=self.sources,
        )

    def accessed_text(self) -> str:
        """ "Accessed 22 Nov 2026." in the active language."""
        return text.fmt(text.CITATION_ACCESSED, date=i18n.date_text(self.accessed))

    def full_text(self) -> str:
        """The citation as one line of plain text, link and access date included."""
        return f"{self.summary()} {self.link} {self.accessed_text()}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.full_text(),
            "dataset": text.APP_TITLE,
            "dataset_version": self.version,
            "dataset_date": self.date,
            "ties": self.ties,
            "sources": self.sources,
            "link": self.link,
            "accessed": self.accessed,
            "licences": [f"{what}: {licence}" for what, licence, _ in text.LICENCES],
        }


def cited_sources(cells: Iterable[object]) -> tuple[str, ...]:
    """The distinct sources of `sources` cells, in the order they first appear."""
    found = (s.strip() for cell in cells for s in str(cell or "").split(SOURCE_SEPARATOR))
    return tuple(dict.fromkeys(s for s in found if s))


def sources_in_view(atlas: Atlas, mask: np.ndarray) -> int:
    """How many distinct sources the ties in view cite."""
    return len(cited_sources(atlas.layers.partnerships["sources"].to_numpy()[mask]))


def cite_view(atlas: Atlas, mask: np.ndarray, link: str, today: str | None = None) -> Citation:
    """The citation of the ties in `mask`, reached at `link`."""
    manifest = atlas.layers.manifest
    return Citation(
        version=str(manifest.get("dataset_version") or "unversioned"),
        date=str(manifest.get("built_at") or "")[:10] or "undated",
        ties=int(mask.sum()),
        sources=sources_in_view(atlas, mask),
        link=link,
        accessed=today or datetime.now(UTC).date().isoformat(),
    )


def view_subtitle(atlas: Atlas, query: str | None, share: ShareView) -> str:
    """One line saying what the view shows: "1,204 ties · status: Active · place search: Kyiv"."""
    view = parse_query(query).view
    parts = []
    if view.countries:
        parts.append(f"{text.FACET_NAMES['country']}: {', '.join(i18n.country_name(c) for c in view.countries)}")
    for key, field_name in SUBTITLE_WORDS:
        words = getattr(view, field_name)
        if words:
            labels = ", ".join(text.short_label(text.label(key, w)) for w in words)
            parts.append(f"{text.FACET_NAMES[key]}: {labels}")
    if view.year_from is not None or view.year_to is not None:
        parts.append(f"{text.FACET_NAMES['years']}: {view.year_from or '…'}–{view.year_to or '…'}")
    if "years" in view.active_facets():
        parts.append(text.UNDATED_INCLUDED if view.include_undated else text.UNDATED_HIDDEN)
    if view.place_query:
        parts.append(f"{text.FACET_NAMES['city']}: {view.place_query}")
    if share.place:
        parts.append(text.fmt(text.VIEW_PLACE, place=atlas.place_labels[atlas.index.place_code_of[share.place]]))
    ties = int(atlas.index.mask(view).sum())
    return text.fmt(text.VIEW_SUBTITLE, ties=ties, filters=" · ".join(parts) or text.VIEW_ALL_TIES)


def link_for(query: str | None, app_url: str) -> str:
    """The absolute link of a view: the app's address and the view's canonical query."""
    return app_url + read_view(current_atlas(), query).link_query
