"""Export a view from the command line, offline: PNG, SVG, standalone HTML, CSV, GeoJSON or a PPTX slide deck.

    python -m dashboard.export --query 'city=Kyiv&status=active' --format png --out kyiv.png
    python -m dashboard.export --query 'status=suspended' --out suspended.svg --size a4 --title 'Suspended ties'
    python -m dashboard.export --query 'city=Kyiv&place=703448&lang=uk' --out kyiv.pptx

The query is the app's (copy it from a shared link). Images are drawn by kaleido in Debian's Chromium (or the
browser BROWSER_PATH names) with plotly.js and the base map from this machine: no download, no CDN. A slide
deck's map is a 1920x1080 picture whatever --size says (--scale sharpens it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import quote

from dashboard import i18n
from dashboard.config import read_config
from dashboard.dataset import current_atlas
from dashboard.export.data import view_csv, view_geojson
from dashboard.export.figure import presentation_figure
from dashboard.export.pages import standalone_html
from dashboard.export.render import render_image
from dashboard.export.slides import map_image, view_slides
from dashboard.export.view import read_view
from dashboard.share import SIZES

FORMATS: tuple[str, ...] = ("png", "svg", "html", "csv", "geojson", "pptx")
IMAGE_FORMATS: tuple[str, ...] = ("png", "svg")


def export_view(query: str, image_format: str, *, link_base: str, scale: float = 1.0) -> bytes:
    """The bytes of one export of a view, in the language its query asks for (`lang=uk`)."""
    with i18n.language(i18n.lang_from_query(query)):
        return _export_bytes(query, image_format, link_base=link_base, scale=scale)


def _export_bytes(query: str, image_format: str, *, link_base: str, scale: float) -> bytes:
    atlas = current_atlas()
    link = link_base + read_view(atlas, query).link_query
    if image_format in IMAGE_FORMATS:
        return render_image(presentation_figure(atlas, query, link=link), image_format, scale=scale)
    if image_format == "pptx":
        return view_slides(atlas, query, link=link, image=map_image(atlas, query, link=link, scale=scale))
    if image_format == "csv":
        return view_csv(atlas, query).encode("utf-8")
    builders = {"html": standalone_html, "geojson": view_geojson}
    return builders[image_format](atlas, query, link=link).encode("utf-8")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard.export", description=__doc__.split("\n\n")[0])
    parser.add_argument("--query", default="", help="the view, as in the app's URL: 'city=Kyiv&status=active'")
    parser.add_argument("--format", choices=FORMATS, help="default: from the --out file's extension")
    parser.add_argument("--out", required=True, type=Path, help="file to write")
    parser.add_argument("--size", choices=tuple(SIZES), help="image size (default 1920x1080, or the query's size)")
    parser.add_argument("--scale", type=float, default=1.0, help="image pixel ratio: 2 for high-density screens")
    parser.add_argument("--title", help="title on the image or page (default: the query's title, or the app's name)")
    parser.add_argument("--link-base", help="the app's public address for the view's link (TWINNING_PUBLIC_URL)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    image_format = args.format or args.out.suffix.lstrip(".").lower()
    if image_format not in FORMATS:
        parser.error(f"--format: give one of {', '.join(FORMATS)} (the --out extension {args.out.suffix!r} is not)")
    if not 0.25 <= args.scale <= 8:
        parser.error(f"--scale: {args.scale} is out of range (0.25 to 8)")
    query = args.query.lstrip("?")
    if args.size:
        query += f"&size={args.size}"
    if args.title is not None:
        query += f"&title={quote(args.title, safe='')}"
    notices = read_view(current_atlas(), query).notices
    if notices:  # as the download routes: a view that cannot be read in full is refused, never widened
        for notice in notices:
            print(f"error: {notice}", file=sys.stderr)
        return 2
    link_base = (args.link_base or read_config().public_url).rstrip("/") + "/"
    try:
        body = export_view(query, image_format, link_base=link_base, scale=args.scale)
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(body)
    print(f"wrote {args.out} ({image_format}, {len(body):,} bytes)", file=sys.stderr)
    return 0
