"""Drawing on 16:9 slides with python-pptx: blank slides, text boxes of styled lines, headings, tables.

Knows nothing of the atlas: `slides` decides what goes on each slide. Text is sized and cut by the callers so
nothing overflows; fonts are Arial (Liberation Sans where LibreOffice renders), colours the app's slate.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

SLIDE_WIDTH = Emu(12192000)  # 13.33 by 7.5 inches: 16:9, as PowerPoint's widescreen
SLIDE_HEIGHT = Inches(7.5)
MARGIN = Inches(0.6)
CONTENT_WIDTH = Emu(SLIDE_WIDTH - 2 * MARGIN)
HEADING_BOTTOM = Inches(1.35)  # where a slide's content starts under its heading
FONT = "Arial"
INK = RGBColor(0x0F, 0x17, 0x2A)
MUTED = RGBColor(0x47, 0x55, 0x69)
HEADER_FILL = RGBColor(0x1E, 0x29, 0x3B)
BAND_FILL = RGBColor(0xF1, 0xF5, 0xF9)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
BLANK_LAYOUT = 6  # the default template's "Blank" layout


@dataclass(frozen=True)
class Line:
    """One paragraph of a text box: its text, size in points, weight, colour and an optional hyperlink."""

    text: str
    size: float = 16
    bold: bool = False
    color: RGBColor = INK
    link: str | None = None
    space_before: float = 0


def new_deck(title: str) -> Deck:
    """An empty 16:9 presentation whose document title is `title`."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    deck.core_properties.title = title
    return deck


def blank_slide(deck: Deck) -> Slide:
    """A new slide with nothing on it."""
    return deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])


def add_text(
    slide: Slide,
    lines: Sequence[Line],
    box: tuple[int, int, int, int],
    *,
    align: PP_ALIGN = PP_ALIGN.LEFT,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> None:
    """A text box at (left, top, width, height) holding `lines`, wrapped to its width, never resized."""
    frame = slide.shapes.add_textbox(*box).text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        paragraph.space_before = Pt(line.space_before)
        run = paragraph.add_run()
        run.text = line.text
        _style(run.font, line.size, line.bold, line.color)
        if line.link:
            run.hyperlink.address = line.link


def _style(font: object, size: float, bold: bool, color: RGBColor) -> None:
    """Set a run's font: Arial at `size` points, bold or not, in `color`."""
    font.name = FONT  # type: ignore[attr-defined]
    font.size = Pt(size)  # type: ignore[attr-defined]
    font.bold = bold  # type: ignore[attr-defined]
    font.color.rgb = color  # type: ignore[attr-defined]


def add_heading(slide: Slide, title: str, aside: str = "") -> None:
    """A slide's heading at the top left, with `aside` (a range, "ties 1–15 of 90") in grey under it."""
    lines = [Line(title, 28, bold=True)] + ([Line(aside, 16, color=MUTED, space_before=2)] if aside else [])
    add_text(slide, lines, (MARGIN, Inches(0.35), CONTENT_WIDTH, Inches(1.0)))


def add_table(
    slide: Slide, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], *, top: int
) -> None:
    """A table of `rows` under a dark header row; `widths` are the columns' shares of the content width."""
    row_height = Inches(0.34)
    shape = slide.shapes.add_table(
        len(rows) + 1, len(header), MARGIN, top, CONTENT_WIDTH, Emu(row_height * (len(rows) + 1))
    )
    table = shape.table
    total = sum(widths)
    for column, share in zip(table.columns, widths):
        column.width = Emu(int(CONTENT_WIDTH * share / total))
    for r, values in enumerate([header, *rows]):
        table.rows[r].height = row_height
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = HEADER_FILL if r == 0 else BAND_FILL if r % 2 == 0 else WHITE
            cell.margin_top = cell.margin_bottom = Inches(0.03)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            paragraph = cell.text_frame.paragraphs[0]
            run = paragraph.add_run()
            run.text = value
            _style(run.font, 13, r == 0, WHITE if r == 0 else INK)


def add_picture(slide: Slide, image: bytes, description: str) -> None:
    """An image filling the slide (a 16:9 image fills it exactly), described for screen readers."""
    picture = slide.shapes.add_picture(io.BytesIO(image), 0, 0, SLIDE_WIDTH, SLIDE_HEIGHT)
    picture._element.nvPicPr.cNvPr.set("descr", description)


def cut(value: str, limit: int) -> str:
    """`value` shortened to `limit` characters, an ellipsis marking the cut."""
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def deck_bytes(deck: Deck) -> bytes:
    """The presentation as .pptx bytes."""
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
