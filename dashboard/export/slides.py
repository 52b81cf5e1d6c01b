"""A slide deck (PPTX) of a view: title, the map, the ties as tables, the selected place, and the sources.

    view_slides(atlas, "city=Kyiv&place=703448", link=link)            # draws the map in Chromium (kaleido)
    view_slides(atlas, query, link=link, image=png_bytes)              # or takes a 16:9 PNG already drawn

Every word comes from the locale catalogues, in the active language (`with i18n.language("uk"):`). The deck
holds no network resource: the map is a picture, the sources are text with hyperlinks.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pptx.enum.text import MSO_ANCHOR
from pptx.presentation import Presentation as Deck
from pptx.util import Emu, Inches

from dashboard import i18n, text
from dashboard.city_panel import CityPanel, city_panel_data
from dashboard.dataset import Atlas
from dashboard.export.figure import presentation_figure
from dashboard.export.render import render_image
from dashboard.export.slides_draw import (
    CONTENT_WIDTH,
    HEADING_BOTTOM,
    MARGIN,
    MUTED,
    SLIDE_HEIGHT,
    Line,
    add_heading,
    add_picture,
    add_table,
    add_text,
    blank_slide,
    cut,
    deck_bytes,
    new_deck,
)
from dashboard.export.slides_place import place_slide
from dashboard.export.view import Citation, cite_view, cited_sources, read_view, view_subtitle
from dashboard.table import positions_in_view

MAP_SIZE: tuple[int, int] = (1920, 1080)  # the map picture, in layout pixels: 16:9 like the slides
TIES_LIMIT = 100  # ties listed in the tables (the CSV has them all)
TIES_PER_SLIDE = 15
SOURCES_PER_SLIDE = 16
TABLE_COLUMNS: tuple[str, ...] = ("city_a", "country_a", "city_b", "country_b", "status", "since")
COLUMN_WIDTHS: tuple[float, ...] = (3.2, 1.1, 3.2, 1.1, 2.1, 1.5)
CELL_CHARS: tuple[int, ...] = (34, 8, 34, 8, 22, 16)  # what fits a column on one line at 13 points
SOURCE_CHARS = 125  # a source on one line at 14 points
NOTE_TOP = Emu(SLIDE_HEIGHT - Inches(0.8))  # a note under a full table


def view_slides(atlas: Atlas, query: str | None, *, link: str, image: bytes | None = None) -> bytes:
    """The .pptx bytes of a view's deck; `image` is the map as a 16:9 PNG (drawn here when None)."""
    view = read_view(atlas, query)
    citation = cite_view(atlas, view.mask, link)
    title = view.share.title or text.APP_TITLE
    deck = new_deck(title)
    title_slide(deck, title, view_subtitle(atlas, query, view.share), citation)
    map_slide(deck, image if image is not None else map_image(atlas, query, link=link))
    shown = positions_in_view(atlas.table_order, view.mask, TIES_LIMIT)
    for first in page_starts(len(shown), TIES_PER_SLIDE):
        last_page = first + TIES_PER_SLIDE >= len(shown)
        capped = len(shown) if last_page and len(shown) < citation.ties else None
        table_slide(deck, tie_rows(atlas, shown[first : first + TIES_PER_SLIDE]), first, citation.ties, capped)
    panel = city_panel_data(atlas, view.share.place) if view.share.place else None
    if panel is not None:
        place_slide(deck, panel)
    sources = deck_sources(atlas, shown, panel)
    for first in page_starts(len(sources), SOURCES_PER_SLIDE):
        page = sources[first : first + SOURCES_PER_SLIDE]
        sources_slide(deck, page, first, len(sources), citation, with_place=panel is not None)
    return deck_bytes(deck)


def map_image(atlas: Atlas, query: str | None, *, link: str, scale: float = 1.0) -> bytes:
    """The view's map with its title, legend and sources, as a 1920x1080 PNG drawn by kaleido in Chromium."""
    return render_image(presentation_figure(atlas, query, link=link, size=MAP_SIZE), "png", scale=scale)


def page_starts(count: int, per_page: int) -> range:
    """The first index of each page of `count` items; one (empty) page when there are none."""
    return range(0, max(count, 1), per_page)


def range_text(template: str, first: int, shown: int, total: int) -> str:
    """ "ties 1–15 of 90" for the page whose items start at index `first`."""
    return text.fmt(template, first=first + 1, last=first + shown, total=total)


def title_slide(deck: Deck, title: str, subtitle: str, citation: Citation) -> None:
    """The view's title, its filters in words, the export date and the dataset version."""
    slide = blank_slide(deck)
    add_text(
        slide,
        [Line(cut(title, 120), 40, bold=True), Line(cut(subtitle, 400), 20, color=MUTED, space_before=14)],
        (MARGIN, Inches(1.6), CONTENT_WIDTH, Inches(3.4)),
        anchor=MSO_ANCHOR.BOTTOM,
    )
    dataset = text.fmt(text.SLIDES_DATASET, version=citation.version, date=i18n.date_text(citation.date))
    add_text(
        slide,
        [
            Line(text.fmt(text.SLIDES_EXPORTED, date=i18n.date_text(citation.accessed)), 16),
            Line(dataset, 16, color=MUTED, space_before=4),
            Line(text.ATTRIBUTION, 11, color=MUTED, space_before=10),
        ],
        (MARGIN, Inches(5.3), CONTENT_WIDTH, Inches(1.7)),
    )


def map_slide(deck: Deck, image: bytes) -> None:
    """The framed map (title, legend and sources drawn in) filling the slide."""
    add_picture(blank_slide(deck), image, text.MAP_LABEL)


def tie_rows(atlas: Atlas, positions: np.ndarray) -> list[list[str]]:
    """The table rows of the ties at `positions`, as the app's table writes them, cut to fit their columns."""
    rows = []
    for position in positions:
        row = atlas.table_rows[position]
        values = [str(row[c] or "") for c in TABLE_COLUMNS]
        values[TABLE_COLUMNS.index("since")] = i18n.date_text(row["since"]) if row["since"] else ""
        rows.append([cut(v, n) for v, n in zip(values, CELL_CHARS)])
    return rows


def table_slide(deck: Deck, rows: Sequence[Sequence[str]], first: int, total: int, capped: int | None = None) -> None:
    """One page of the ties in view: a heading with its range of the total, the table, and on the last page of
    a long view a note that the slides list only the first `capped` ties."""
    slide = blank_slide(deck)
    if not rows:
        add_heading(slide, text.TABLE_HEADING)
        add_text(slide, [Line(text.SLIDES_NO_TIES, 18)], (MARGIN, HEADING_BOTTOM, CONTENT_WIDTH, Inches(1)))
        return
    add_heading(slide, text.TABLE_HEADING, range_text(text.SLIDES_TIES_RANGE, first, len(rows), total))
    header = [text.TABLE_COLUMNS[c] for c in TABLE_COLUMNS]
    add_table(slide, header, rows, COLUMN_WIDTHS, top=HEADING_BOTTOM)
    if capped is not None:
        note = text.fmt(text.SLIDES_TABLE_CAPPED, shown=capped, total=total)
        add_text(slide, [Line(note, 13, color=MUTED)], (MARGIN, NOTE_TOP, CONTENT_WIDTH, Inches(0.5)))


def deck_sources(atlas: Atlas, positions: np.ndarray, panel: CityPanel | None) -> tuple[str, ...]:
    """Every distinct source of the ties in the tables, then those of the place's slide."""
    ties = cited_sources(atlas.layers.partnerships["sources"].to_numpy()[positions])
    return tuple(dict.fromkeys(ties + (panel.sources if panel else ())))


def source_line(source: str) -> Line:
    """A source on one line: a URL as a hyperlink to itself, a document title as text."""
    is_url = source.startswith(("http://", "https://"))
    return Line(cut(source, SOURCE_CHARS), 14, link=source if is_url else None, space_before=3)


def sources_slide(
    deck: Deck, sources: Sequence[str], first: int, total: int, citation: Citation, *, with_place: bool = False
) -> None:
    """One page of the deck's sources, with the view's link and its citation at the foot."""
    slide = blank_slide(deck)
    aside = range_text(text.SLIDES_SOURCES_RANGE, first, len(sources), total) if sources else ""
    add_heading(slide, text.PANEL_SOURCES, aside)
    note = text.SLIDES_SOURCES_NOTE_PLACE if with_place else text.SLIDES_SOURCES_NOTE
    lines = [Line(note, 14, color=MUTED)] if sources else [Line(text.SLIDES_NO_SOURCES, 16)]
    add_text(slide, lines + [source_line(s) for s in sources], (MARGIN, HEADING_BOTTOM, CONTENT_WIDTH, Inches(4.6)))
    foot = [
        Line(text.CITE_HEADING, 13, bold=True),
        Line(citation.full_text(), 12, color=MUTED, space_before=2),
        Line(text.fmt(text.SLIDES_VIEW_LINK, link=citation.link), 12, link=citation.link or None, space_before=2),
    ]
    add_text(slide, foot, (MARGIN, Inches(6.05), CONTENT_WIDTH, Inches(1.3)), anchor=MSO_ANCHOR.BOTTOM)
