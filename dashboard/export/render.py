"""Images of a figure drawn offline by kaleido in Debian's Chromium (or the browser BROWSER_PATH names), with
plotly.js and the base map from this machine: no download, no CDN."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from dashboard.export.pages import ASSETS_DIR, PLOTLY_JS

BROWSER_NAMES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome", "chrome")
# kaleido and the browser driver it uses log every step of every render at INFO: keep the server's log readable.
for _name in ("kaleido", "choreographer"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def find_chromium() -> str:
    """The browser kaleido drives: BROWSER_PATH if set, else Chromium on the PATH; an error says how to get one."""
    path = os.environ.get("BROWSER_PATH") or next(filter(None, map(shutil.which, BROWSER_NAMES)), None)
    if not path or not Path(path).is_file():
        raise RuntimeError(
            "images need Chromium: apt-get install chromium, or set BROWSER_PATH to a Chrome or Chromium binary"
        )
    return path


def render_image(figure: dict, image_format: str, *, scale: float = 1.0) -> bytes:
    """PNG or SVG bytes of a figure (its layout gives the size), drawn offline by kaleido."""
    import kaleido
    import plotly.io as pio

    # The base map comes from this repository's assets folder; plotly.js from the plotly package; no MathJax.
    pio.defaults.topojson = ASSETS_DIR.as_uri() + "/"
    page = kaleido.PageGenerator(plotly=PLOTLY_JS, mathjax=False)
    layout = figure["layout"]
    options = {"format": image_format, "width": layout["width"], "height": layout["height"], "scale": scale}
    return kaleido.calc_fig_sync(
        figure, opts=options, topojson=pio.defaults.topojson, kopts={"page_generator": page, "path": find_chromium()}
    )
