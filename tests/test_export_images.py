"""/embed.png and /embed.svg: still images of a view, cached per view, with a bound on concurrent renders."""

from __future__ import annotations

import threading
import time

import flask

from dashboard.export import images
from dashboard.export.images import ImageCache, ImageRenderer, register_images
from tests.test_export_cli import needs_chromium

PNG = b"\x89PNG\r\n\x1a\nfake"


class CountingDraw:
    """A stand-in for kaleido: counts draws, optionally holds each for a while."""

    def __init__(self, hold_s: float = 0.0) -> None:
        self.calls: list[str] = []
        self.hold_s = hold_s
        self.lock = threading.Lock()

    def __call__(self, atlas, query, image_format, link) -> bytes:
        with self.lock:
            self.calls.append(query)
        time.sleep(self.hold_s)
        return PNG if image_format == "png" else b"<svg/>"


def client_with(draw, **renderer_options):
    server = flask.Flask(__name__)
    renderer = register_images(server, ImageRenderer(draw, **renderer_options))
    return server.test_client(), renderer


def test_an_image_of_a_view_is_drawn_once_then_served_from_the_cache(mini_env):
    draw = CountingDraw()
    client, renderer = client_with(draw)
    first = client.get("/embed.png?status=suspended")
    assert first.status_code == 200 and first.mimetype == "image/png" and first.data == PNG
    assert "max-age" in first.headers["Cache-Control"]
    # the same view written another way (order, a trailing &) is the same image
    again = client.get("/embed.png?status=suspended&")
    assert again.data == PNG and len(draw.calls) == 1
    svg = client.get("/embed.svg?status=suspended")
    assert svg.mimetype == "image/svg+xml" and len(draw.calls) == 2
    client.get("/embed.png?status=suspended&lang=uk")  # another language is another image
    client.get("/embed.png?status=suspended&title=Other")  # so is another title
    assert len(draw.calls) == 4 and len(renderer.cache) == 4


def test_a_bad_view_is_refused_not_drawn(mini_env):
    draw = CountingDraw()
    client, _ = client_with(draw)
    response = client.get("/embed.png?status=bogus")
    assert response.status_code == 400 and "“bogus”" in response.get_data(as_text=True) and draw.calls == []


def test_a_burst_beyond_the_render_slots_gets_503_with_retry_after(mini_env):
    draw = CountingDraw(hold_s=0.6)
    client, _ = client_with(draw, slots=2, wait_s=0.05)
    server_app = client.application
    statuses: list[int] = []
    headers: list[str | None] = []

    def ask(i: int) -> None:
        with server_app.test_client() as c:
            response = c.get(f"/embed.png?from={2000 + i}")  # six different views: nothing cached
            statuses.append(response.status_code)
            headers.append(response.headers.get("Retry-After"))

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(6)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert sorted(statuses) == [200, 200, 503, 503, 503, 503]
    assert len(draw.calls) == 2  # never more renders at once than slots
    assert all(h == str(images.RETRY_AFTER_S) for s, h in zip(statuses, headers, strict=True) if s == 503)


def test_without_chromium_the_image_route_says_so(mini_env):
    def no_browser(*_args) -> bytes:
        raise RuntimeError("images need Chromium")

    client, _ = client_with(no_browser)
    response = client.get("/embed.svg")
    assert response.status_code == 503 and "Chromium" in response.get_data(as_text=True)


def test_the_cache_is_bounded_by_bytes_and_keeps_the_recently_used():
    cache = ImageCache(max_bytes=10)
    cache.put("a", b"12345")
    cache.put("b", b"12345")
    assert cache.get("a") == b"12345"  # a is now the most recent
    cache.put("c", b"123")
    assert cache.get("b") is None and cache.get("a") and cache.get("c")
    cache.put("huge", b"x" * 11)
    assert cache.get("huge") is None and len(cache) == 2


@needs_chromium
def test_a_real_embed_image_has_the_title_legend_and_citation(mini_env):
    server = flask.Flask(__name__)
    register_images(server)
    svg = server.test_client().get("/embed.svg?status=suspended&title=Ties%20under%20strain&size=1280x720")
    body = svg.get_data(as_text=True)
    assert svg.status_code == 200 and 'width="1280" height="720"' in body[:600]
    assert "Ties under strain" in body and "GeoNames" in body and "2 ties from 2 sources" in body
    assert body.count("js-line") >= 2


def test_requests_that_wait_for_a_slot_take_the_image_drawn_meanwhile(mini_env):
    draw = CountingDraw(hold_s=0.3)
    client, _ = client_with(draw, slots=2, wait_s=2.0)
    app = client.application
    results: list[int] = []

    def ask() -> None:
        with app.test_client() as c:
            results.append(c.get("/embed.png?status=active").status_code)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert results == [200] * 4 and len(draw.calls) <= 2  # waiters find it in the cache once drawn
