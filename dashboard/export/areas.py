"""The areas of an exported image: title on top, the map, the legend in a column on its right, the citation
below. Each area is reserved in pixels before Plotly draws, so none can overlap another at any size or in
either language: long titles, filters and links wrap, and the margins grow with the lines they hold.

Pure arithmetic on the image size and the texts (no Plotly); `dashboard.export.figure` applies it.
"""

from __future__ import annotations

from dataclasses import dataclass

# Widths are estimated, not measured (the image is drawn in Chromium, later), from the advances of DejaVu Sans
# (the sans-serif Chromium falls back to on Debian; other sans fonts are narrower), in ems, rounded up: a
# wrapped line is never wider than its area. A link's capitals, digits and `%` run far wider than prose.
NARROW = frozenset(" .,:;'|!ilIjtfr()[]/\\")
WIDE = frozenset("%=+&~@#mwMWmшщжюШЩЖЮмфФ")
CHAR_EM = 0.62  # any other character


def char_em(char: str) -> float:
    """The estimated advance of one character, in ems."""
    if char in NARROW:
        return 0.36
    if char in WIDE:
        return 0.96
    if char.isdigit():
        return 0.64
    if char.isupper():
        return 0.74
    return CHAR_EM


def text_px(line: str, font_px: float) -> float:
    """The estimated width of a line of text."""
    return font_px * sum(char_em(c) for c in line)


TITLE_LINE_EM = 1.3
BOLD_WIDER = 1.12  # the title is bold
TEXT_LINE_EM = 1.45
LEGEND_SYMBOL_PX = 48  # the line sample and gap before each legend label, at k = 1
LEGEND_MAX_SHARE = 0.3  # of the image width
LEGEND_LABEL_CHARS = 26  # longer labels break onto a second line
MAX_TITLE_LINES = 2
MAX_SUBTITLE_LINES = 3


@dataclass(frozen=True)
class Fonts:
    """Font sizes in pixels, grown with the width so a 1920-pixel slide reads like a 1280-pixel one."""

    title: int
    subtitle: int
    legend: int
    citation: int

    @classmethod
    def for_width(cls, width: int) -> Fonts:
        k = width / 1280
        return cls(title=round(26 * k), subtitle=round(15 * k), legend=round(13 * k), citation=round(12 * k))


@dataclass(frozen=True)
class Areas:
    """Pixel margins around the map (the map is what is left) and the wrapped texts of each area."""

    width: int
    height: int
    pad: int
    top: int
    bottom: int
    left: int
    right: int
    fonts: Fonts
    title_lines: tuple[str, ...]
    subtitle_lines: tuple[str, ...]
    citation_lines: tuple[str, ...]
    legend_labels: tuple[str, ...]

    @property
    def map_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def map_height(self) -> int:
        return self.height - self.top - self.bottom


def _break_word(word: str, width_px: float, font_px: float) -> list[str]:
    """A word too long for a line (a link) cut into pieces that each fit."""
    pieces, piece = [], ""
    for char in word:
        if piece and text_px(piece + char, font_px) > width_px:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def wrap(line: str, width_px: float, font_px: float, max_lines: int | None = None) -> tuple[str, ...]:
    """A line broken at spaces (words too long for a line, such as links, broken anywhere) into lines that fit
    `width_px`; past `max_lines`, the last line kept ends in an ellipsis."""
    lines: list[str] = []
    current = ""
    for word in line.split():
        candidate = f"{current} {word}" if current else word
        if text_px(candidate, font_px) <= width_px:
            current = candidate
            continue
        if current:
            lines.append(current)
        *full, current = _break_word(word, width_px, font_px) or [""]
        lines.extend(full)
    lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_px(last + "…", font_px) > width_px:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last.rstrip() + "…"]
    return tuple(lines)


def legend_label(label: str) -> str:
    """A legend label of at most two lines: one break at the space nearest the middle of a long label."""
    if len(label) <= LEGEND_LABEL_CHARS or " " not in label:
        return label
    middle = len(label) // 2
    spaces = [i for i, c in enumerate(label) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return label[:cut] + "<br>" + label[cut + 1 :]


def legend_width(labels: tuple[str, ...], font_px: int, k: float) -> int:
    """The width of a vertical legend of these labels (and its title, the first label)."""
    widest = max((text_px(part, font_px) for label in labels for part in label.split("<br>")), default=0.0)
    return round(widest + LEGEND_SYMBOL_PX * k)


def plan_areas(
    size: tuple[int, int],
    *,
    title: str,
    subtitle: str,
    citation: tuple[str, ...],
    legend_labels: tuple[str, ...],
    legend_title: str = "",
) -> Areas:
    """Reserve each area of an image of `size`: the title block, the citation block and the legend column."""
    width, height = size
    k = width / 1280
    fonts = Fonts.for_width(width)
    pad = round(16 * k)
    text_width = width - 2 * pad
    title_lines = wrap(title, text_width / BOLD_WIDER, fonts.title, MAX_TITLE_LINES)
    subtitle_lines = wrap(subtitle, text_width, fonts.subtitle, MAX_SUBTITLE_LINES)
    citation_lines = tuple(part for line in citation for part in wrap(line, text_width, fonts.citation))
    top = round(
        pad
        + len(title_lines) * fonts.title * TITLE_LINE_EM
        + len(subtitle_lines) * fonts.subtitle * TEXT_LINE_EM
        + 1.5 * pad
    )
    bottom = round(pad + len(citation_lines) * fonts.citation * TEXT_LINE_EM + pad)
    labels = tuple(legend_label(label) for label in legend_labels)
    right = 0
    if labels:
        column = legend_width((legend_title, *labels), fonts.legend, k)
        right = min(round(LEGEND_MAX_SHARE * width), column + 2 * pad)
    return Areas(
        width=width,
        height=height,
        pad=pad,
        top=top,
        bottom=bottom,
        left=pad,
        right=max(right, pad),
        fonts=fonts,
        title_lines=title_lines,
        subtitle_lines=subtitle_lines,
        citation_lines=citation_lines,
        legend_labels=labels,
    )
