"""The map of a view as a figure: as the app draws it, and for an image (title, legend, sources baked in)."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from plotly.utils import PlotlyJSONEncoder

from dashboard import figures, text
from dashboard.dataset import Atlas
from dashboard.export.view import View, cite_view, read_view, view_subtitle
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


def presentation_figure(
    atlas: Atlas, query: str | None, *, link: str, size: tuple[int, int] | None = None
) -> dict[str, Any]:
    """The map of a view for an image: title, subtitle, legend and the sources and link baked in, at `size`.

    Fonts and margins grow with the width, so a 1920-pixel slide reads like a 1280-pixel one.
    """
    view = read_view(atlas, query)
    width, height = size or SIZES[view.share.size]
    k = width / 1280
    figure = view_figure(atlas, view)
    layout = figure["layout"]
    citation = cite_view(atlas, view.mask, link)
    title = escape(view.share.title or text.APP_TITLE)
    subtitle = escape(view_subtitle(atlas, query, view.share))
    top, bottom = round(84 * k), round(100 * k)
    plot_height = height - top - bottom
    lines = (
        text.ATTRIBUTION,
        citation.summary(),
        f"{citation.link} · {citation.accessed_text()}",
    )
    layout.update(
        width=width,
        height=height,
        autosize=False,
        margin={"l": round(16 * k), "r": round(16 * k), "t": top, "b": bottom},
        title={
            "text": f"<b>{title}</b>",
            "subtitle": {"text": subtitle, "font": {"size": round(15 * k), "color": "#475569"}},
            "x": 0.012,
            "xanchor": "left",
            "xref": "container",
            "y": 1 - 14 * k / height,
            "yanchor": "top",
            "yref": "container",
            "font": {"size": round(26 * k), "color": "#0f172a"},
        },
        paper_bgcolor="#ffffff",
        annotations=[
            {
                "text": "<br>".join(escape(line) for line in lines),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "xanchor": "left",
                "y": -(bottom - 8 * k) / plot_height,
                "yanchor": "bottom",
                "align": "left",
                "showarrow": False,
                "font": {"size": round(12 * k), "color": "#475569"},
            }
        ],
    )
    layout["legend"] = {**layout.get("legend", {}), "font": {"size": round(13 * k)}}
    return figure


def figure_json(figure: dict[str, Any]) -> str:
    """A figure as JSON (numpy values included)."""
    return json.dumps(figure, cls=PlotlyJSONEncoder, separators=(",", ":"))
