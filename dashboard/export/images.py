"""`/embed.png?<view>` and `/embed.svg?<view>`: the framed map of a view as a still image, for the slide tools,
newsletters and CMSs that take an image URL rather than an <iframe>.

Drawn server-side by kaleido in Chromium (as `python -m dashboard.export` draws them), with title, legend and
citation. A render takes seconds and a Chromium, so images are cached per view (the canonical query, language and
dataset version) and at most RENDER_SLOTS renders run at once per process; a request that finds every slot
taken for RENDER_WAIT_S gets 503 with Retry-After instead of queueing without end.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable

from flask import Flask, Response

from dashboard import i18n, text
from dashboard.dataset import Atlas
from dashboard.export.figure import presentation_figure
from dashboard.export.render import render_image
from dashboard.export.routes import view_route
from dashboard.export.view import read_view
from dashboard.limits import Busy, Slots
from dashboard.share import share_query

log = logging.getLogger("dashboard")

IMAGE_PATHS: dict[str, str] = {"/embed.png": "png", "/embed.svg": "svg"}
MIMETYPES: dict[str, str] = {"png": "image/png", "svg": "image/svg+xml"}
RENDER_SLOTS = 2  # a render holds one Chromium (~150 MB) and most of a core for about 3 s
RENDER_WAIT_S = 2.0
RETRY_AFTER_S = 5
CACHE_BYTES = 64 * 1024 * 1024  # a 1920 x 1080 PNG is about 300 kB, an SVG of all ties a few MB
IMAGE_MAX_AGE = 3600


class ImageCache:
    """A least-recently-used map of image bytes, bounded by their total size; safe across threads."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
            return body

    def put(self, key: str, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            if key in self._items:
                self._size -= len(self._items.pop(key))
            self._items[key] = body
            self._size += len(body)
            while self._size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)

    def __len__(self) -> int:
        return len(self._items)


class ImageRenderer:
    """Images of views, from the cache or drawn in one of a bounded number of slots."""

    def __init__(
        self,
        draw: Callable[[Atlas, str, str, str], bytes],
        slots: int = RENDER_SLOTS,
        wait_s: float = RENDER_WAIT_S,
        cache: ImageCache | None = None,
    ) -> None:
        self.draw = draw
        self.cache = cache if cache is not None else ImageCache()
        self.slots = Slots(slots, wait_s)

    def image(self, atlas: Atlas, query: str, image_format: str, link: str) -> bytes:
        """The image of a view; raises Busy when no slot frees in time, RuntimeError without Chromium."""
        key = image_key(atlas, query, image_format)
        if (body := self.cache.get(key)) is not None:
            return body
        with self.slots.hold():
            if (body := self.cache.get(key)) is None:  # drawn by another request while this one waited
                body = self.draw(atlas, query, image_format, link)
                self.cache.put(key, body)
            return body


def image_key(atlas: Atlas, query: str, image_format: str) -> str:
    """What makes two image requests the same image: the canonical view, language, format and dataset."""
    view = read_view(atlas, query)
    version = str(atlas.layers.manifest.get("dataset_version") or "")
    canonical = share_query(view.filter_query, view.share, presentation=True)
    return f"{version}|{i18n.current_lang()}|{image_format}|{canonical}"


def draw_view(atlas: Atlas, query: str, image_format: str, link: str) -> bytes:
    """The presentation image of a view (title, legend, citation), at the view's `size`."""
    return render_image(presentation_figure(atlas, query, link=link), image_format)


def image_response(body: bytes, image_format: str) -> Response:
    response = Response(body, mimetype=MIMETYPES[image_format])
    response.headers["Cache-Control"] = f"public, max-age={IMAGE_MAX_AGE}"
    return response


def busy_response() -> Response:
    response = Response(text.IMAGE_BUSY, status=503, mimetype="text/plain")
    response.headers["Retry-After"] = str(RETRY_AFTER_S)
    return response


def register_images(server: Flask, renderer: ImageRenderer | None = None) -> ImageRenderer:
    """Add /embed.png and /embed.svg to the app's server; returns the renderer (its cache, for tests)."""
    renderer = renderer or ImageRenderer(draw_view)

    def serve(image_format: str) -> Callable[[], Response]:
        @view_route
        def image(atlas: Atlas, query: str, link: str) -> Response:
            try:
                body = renderer.image(atlas, query, image_format, link)
            except Busy:
                return busy_response()
            except RuntimeError as error:  # no Chromium on this server
                log.warning("embed image not drawn: %s", error)
                return Response(text.IMAGE_UNAVAILABLE, status=503, mimetype="text/plain")
            return image_response(body, image_format)

        return image

    for path, image_format in IMAGE_PATHS.items():
        server.add_url_rule(path, f"embed_{image_format}", serve(image_format))
    return renderer
