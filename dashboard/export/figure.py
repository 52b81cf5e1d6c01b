"""The map of a view as a figure: as the app draws it, and for an image (title, legend, sources baked in)."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from plotly.utils import PlotlyJSONEncoder

from dashboard import figures, text
from dashboard.dataset import Atlas
from dashboard.export.areas import TITLE_LINE_EM, Areas, plan_areas
from dashboard.export.view import View, cite_view, read_view, view_subtitle
from dashboard.figures.map_layout import take_notices
from dashboard.framing import place_view, view_frame
from dashboard.share import SIZES


def view_figure(atlas: Atlas, view: View) -> dict[str, Any]:
    """The map of a view as the app draws it: same traces, colouring, highlight and map position."""
    frame = view_frame(atlas.index, view.mask, view.share.place)
    figure = figures.map_figure(
        atlas.index,
        view.mask,
        color_by=view.share.color,
        tie_hover=atlas.tie_hover,
        place_labels=atlas.place_labels,
        selected_place=view.share.place,
    )
    place_view(figure, atlas.index, view.mask, view.share.place, view.share.map_view, frame)
    figure["layout"]["showlegend"] = view.share.legend
    return figure


def legend_traces(figure: dict[str, Any]) -> list[dict[str, Any]]:
    """The traces that have an entry in the legend."""
    return [t for t in figure["data"] if t.get("showlegend", True) and t.get("name")]


def presentation_figure(
    atlas: Atlas, query: str | None, *, link: str, size: tuple[int, int] | None = None
) -> dict[str, Any]:
    """The map of a view for an image: title, subtitle, legend and the sources and link baked in, at `size`,
    each in an area of its own (`dashboard.export.areas`): nothing overlaps at any size or in either language."""
    view = read_view(atlas, query)
    figure = view_figure(atlas, view)
    layout = figure["layout"]
    citation = cite_view(atlas, view.mask, link)
    shown = legend_traces(figure) if view.share.legend else []
    areas = plan_areas(
        size or SIZES[view.share.size],
        title=view.share.title or text.APP_TITLE,
        subtitle=view_subtitle(atlas, query, view.share),
        # what the map leaves out (its caps) first: it qualifies what the reader sees
        citation=(
            *take_notices(figure),
            text.ATTRIBUTION,
            citation.summary(),
            f"{citation.link} · {citation.accessed_text()}",
        ),
        legend_labels=tuple(str(t["name"]) for t in shown),
        legend_title=str(layout.get("legend", {}).get("title", {}).get("text", "")),
    )
    for trace, label in zip(shown, areas.legend_labels, strict=True):
        trace["name"] = label
    apply_areas(layout, areas)
    return figure


def text_block(lines: tuple[str, ...], areas: Areas, top_px: float, size: int, color: str, name: str) -> dict:
    """An annotation of `lines` whose top edge is `top_px` below the image's top, at the left padding."""
    return {
        "text": "<br>".join(lines),
        "name": name,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "xanchor": "left",
        "y": 1 + (areas.top - top_px) / areas.map_height,
        "yanchor": "top",
        "align": "left",
        "showarrow": False,
        "font": {"size": size, "color": color},
    }


def apply_areas(layout: dict[str, Any], areas: Areas) -> None:
    """Lay the title, legend and citation out in their areas (in place).

    Title and subtitle are annotations, not Plotly's title: a multi-line title anchored at the top is drawn
    partly above the image, an annotation's box is where its anchor says."""
    fonts = areas.fonts
    title_height = len(areas.title_lines) * fonts.title * TITLE_LINE_EM
    layout.pop("title", None)
    layout.update(
        width=areas.width,
        height=areas.height,
        autosize=False,
        # fixed margins: a legend or title must not push the map (and with it the citation) around
        margin={"l": areas.left, "r": areas.right, "t": areas.top, "b": areas.bottom, "autoexpand": False},
        paper_bgcolor="#ffffff",
        annotations=[
            text_block(
                tuple(f"<b>{escape(line)}</b>" for line in areas.title_lines),
                areas,
                areas.pad,
                fonts.title,
                "#0f172a",
                "title",
            ),
            text_block(
                tuple(escape(line) for line in areas.subtitle_lines),
                areas,
                areas.pad + title_height,
                fonts.subtitle,
                "#475569",
                "subtitle",
            ),
            text_block(
                tuple(escape(line) for line in areas.citation_lines),
                areas,
                areas.height - areas.bottom + areas.pad,
                fonts.citation,
                "#475569",
                "citation",
            ),
        ],
    )
    layout["legend"] = {
        **layout.get("legend", {}),
        "orientation": "v",
        "x": 1 + areas.pad / areas.map_width,
        "xanchor": "left",
        "y": 1,
        "yanchor": "top",
        "font": {"size": fonts.legend},
        "title": {**layout.get("legend", {}).get("title", {}), "side": "top"},
    }


def figure_json(figure: dict[str, Any]) -> str:
    """A figure as JSON (numpy values included)."""
    return json.dumps(figure, cls=PlotlyJSONEncoder, separators=(",", ":"))
