"""HTML pages of a view's map alone: the /embed page and the self-contained standalone file."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import plotly

from dashboard import i18n, text
from dashboard.dataset import Atlas
from dashboard.export.figure import figure_json, view_figure
from dashboard.export.view import cite_view, read_view

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"
TOPOJSON_NAME = "world_110m"  # what plotly.js asks for: scope "world" at resolution 110
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


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
