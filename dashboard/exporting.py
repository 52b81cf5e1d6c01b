"""Exports of a view: the presentation figure (title, legend, sources), standalone HTML, CSV and GeoJSON, each
carrying the view's citation; and the Flask routes that serve them to the app's Export dialog.

A view is a query string (filters of `urlstate`, plus the place, colouring, map view and presentation options
of `share`). Every builder takes the dataset and the view's link explicitly, so the command line
(`python -m dashboard.export`), the routes and the tests share them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import plotly
from flask import Flask, Response, request
from plotly.utils import PlotlyJSONEncoder

from dashboard import figures, i18n, text
from dashboard.dataset import Atlas, current_atlas
from dashboard.downloads import DOWNLOAD_COLUMNS, partnerships_csv, partnerships_geojson
from dashboard.framing import place_view, view_frame
from dashboard.share import SIZES, ShareView, parse_share, share_query, without_presentation
from dashboard.urlstate import parse_query, to_query
from geodata.schema import SOURCE_SEPARATOR

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
TOPOJSON_NAME = "world_110m"  # what plotly.js asks for: scope "world" at resolution 110
STATIC_DIR = Path(__file__).resolve().parent / "static"
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"

FIGURE_PATH = "/export/figure.json"
HTML_PATH = "/export/view.html"
CSV_PATH = "/export/view.csv"
GEOJSON_PATH = "/export/view.geojson"
# The query keys and the vocabularies of the filters, for the subtitle ("status: Active, Suspended").
SUBTITLE_WORDS: tuple[tuple[str, str], ...] = (  # (URL key and vocabulary, ViewFilter field)
    ("status", "statuses"),
    ("aid", "aid_types"),
    ("relation", "relations"),
    ("theme", "themes"),
    ("conflict", "conflicts"),
    ("tier", "tiers"),
)


# --- the view and its citation ----------------------------------------------------------------------------
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


def sources_in_view(atlas: Atlas, mask: np.ndarray) -> int:
    """How many distinct sources the ties in view cite."""
    cells = atlas.layers.partnerships["sources"].to_numpy()[mask]
    return len({s.strip() for cell in cells for s in str(cell or "").split(SOURCE_SEPARATOR) if s.strip()})


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


# --- the figure -------------------------------------------------------------------------------------------
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


def _script_json(value: Any) -> str:
    """JSON safe inside an HTML <script> element (no `</` can close it)."""
    payload = value if isinstance(value, str) else figure_json(value)
    return payload.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


# --- pages: the embed and the standalone HTML file ----------------------------------------------------------
def map_page(
    atlas: Atlas,
    query: str | None,
    *,
    link: str,
    scripts: str,
    styles: str,
    config: dict[str, Any],
    preload: str = "",
    compact: bool = False,
) -> str:
    """An HTML page of the map of a view alone, sized to its window: optional title, legend and caption.

    `scripts` and `styles` are the tags that bring plotly.js, the page script and its CSS (links for /embed,
    inline for the standalone file); `preload` goes before them (the standalone file's topojson). A `compact`
    caption (for small frames) is one short line, with the full citation as its tooltip.
    """
    view = read_view(atlas, query)
    figure = view_figure(atlas, view)
    figure["layout"].update(autosize=True, margin={"l": 0, "r": 0, "t": 0, "b": 0})
    figure["layout"].pop("width", None)
    figure["layout"].pop("height", None)
    figure["config"] = config
    citation = cite_view(atlas, view.mask, link)
    title = view.share.title
    # Without a title of its own the page is still named for screen readers (a heading they can jump to).
    heading = (
        f'<h1 class="atlas-title">{escape(title)}</h1>'
        if title
        else f'<h1 class="atlas-unseen">{escape(text.APP_TITLE)}</h1>'
    )
    caption = ""
    if view.share.caption:
        anchor = f'<a href="{escape(link)}" target="_blank" rel="noopener">{escape(text.APP_TITLE)}</a>'
        if compact:
            short = text.fmt(text.CAPTION_SHORT, version=citation.version, ties=citation.ties, sources=citation.sources)
            caption = f'<p class="atlas-caption" title="{escape(citation.full_text())}">{anchor} · {escape(short)}</p>'
        else:
            caption = (
                f'<p class="atlas-caption">{anchor} · {escape(text.ATTRIBUTION)}'
                f'<span class="atlas-cite">{escape(citation.full_text())}</span></p>'
            )
    return f"""<!doctype html>
<html lang="{i18n.current_lang()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{escape(citation.full_text())}">
<title>{escape(title or text.APP_TITLE)}</title>
{styles}
{preload}
{scripts}
</head>
<body>
<main class="atlas-frame">
{heading}
<div id="atlas-map" class="atlas-map" role="img" aria-label="{escape(text.MAP_LABEL)}"></div>
{caption}
</main>
<script type="application/json" id="atlas-figure">{_script_json(figure)}</script>
</body>
</html>
"""


def _plotly_locale_script() -> str:
    """plotly.js's words (mode bar) in the active language, inline; English is built in."""
    locale = ASSETS_DIR / f"plotly-locale-{i18n.current_lang()}.js"
    return f"<script>{locale.read_text(encoding='utf-8')}</script>\n" if locale.is_file() else ""


def standalone_html(atlas: Atlas, query: str | None, *, link: str) -> str:
    """One self-contained HTML file of a view: plotly.js inline, the base map preloaded, no request at all."""
    topojson = (ASSETS_DIR / f"{TOPOJSON_NAME}.json").read_text(encoding="utf-8")
    # plotly.js looks in window.PlotlyGeoAssets before fetching a base map: preloaded, it never asks the network.
    preload = f"<script>window.PlotlyGeoAssets = {{topojson: {{{TOPOJSON_NAME}: {_script_json(topojson)}}}}};</script>"
    scripts = (
        f"<script>{PLOTLY_JS.read_text(encoding='utf-8')}</script>\n"
        + _plotly_locale_script()
        + f"<script>{(STATIC_DIR / 'embed.js').read_text(encoding='utf-8')}</script>"
    )
    styles = f"<style>{(STATIC_DIR / 'embed.css').read_text(encoding='utf-8')}</style>"
    config = {
        "displaylogo": False,
        "responsive": True,
        "scrollZoom": False,
        "topojsonURL": "",
        "locale": i18n.current_lang(),
        # Offline, nothing to send: no "Share chart" upload to Plotly's cloud; no selection tools on a map.
        "modeBarButtonsToRemove": ["sendChartToCloud", "select2d", "lasso2d"],
    }
    return map_page(atlas, query, link=link, scripts=scripts, styles=styles, config=config, preload=preload)


# --- data ---------------------------------------------------------------------------------------------------
def ties_in_view(atlas: Atlas, mask: np.ndarray) -> gpd.GeoDataFrame:
    """The partnerships rows of a view: the download columns and geometry."""
    frame = atlas.layers.partnerships
    return frame.loc[mask, [c for c in DOWNLOAD_COLUMNS if c in frame] + ["geometry"]]


def view_csv(atlas: Atlas, query: str | None, *, link: str) -> str:
    """The ties of a view as CSV, after `# ` lines that cite the view (skip them with `comment='#'` or by hand)."""
    view = read_view(atlas, query)
    citation = cite_view(atlas, view.mask, link)
    header = [citation.full_text(), text.ATTRIBUTION]
    return "".join(f"# {line}\n" for line in header) + partnerships_csv(ties_in_view(atlas, view.mask))


def view_geojson(atlas: Atlas, query: str | None, *, link: str) -> str:
    """The ties of a view as a GeoJSON FeatureCollection with a top-level `citation` member (RFC 7946 §6.1)."""
    view = read_view(atlas, query)
    citation = json.dumps(cite_view(atlas, view.mask, link).as_dict(), ensure_ascii=False)
    collection = partnerships_geojson(ties_in_view(atlas, view.mask))
    return '{"citation": ' + citation + ", " + collection.lstrip()[1:]


# --- routes -------------------------------------------------------------------------------------------------
def link_for(query: str | None, app_url: str) -> str:
    """The absolute link of a view: the app's address and the view's canonical query."""
    return app_url + read_view(current_atlas(), query).link_query


def _request_query() -> str:
    return request.query_string.decode("utf-8", "replace")


def _attachment(body: str | bytes, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def register_exports(server: Flask) -> None:
    """Add the export routes (figure JSON for in-browser images, HTML, CSV, GeoJSON) to the app's server."""

    @server.get(FIGURE_PATH)
    def export_figure() -> Response:
        query = _request_query()
        figure = presentation_figure(current_atlas(), query, link=link_for(query, request.url_root))
        figure["config"] = {"topojsonURL": request.script_root + "/assets/"}
        return Response(figure_json(figure), mimetype="application/json")

    @server.get(HTML_PATH)
    def export_html() -> Response:
        query = _request_query()
        body = standalone_html(current_atlas(), query, link=link_for(query, request.url_root))
        return _attachment(body, "text/html", f"{text.EXPORT_FILENAME}.html")

    @server.get(CSV_PATH)
    def export_csv() -> Response:
        query = _request_query()
        body = view_csv(current_atlas(), query, link=link_for(query, request.url_root))
        return _attachment(body, "text/csv", f"{text.EXPORT_FILENAME}.csv")

    @server.get(GEOJSON_PATH)
    def export_geojson() -> Response:
        query = _request_query()
        body = view_geojson(current_atlas(), query, link=link_for(query, request.url_root))
        return _attachment(body, "application/geo+json", f"{text.EXPORT_FILENAME}.geojson")
