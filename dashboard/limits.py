"""Bounds on expensive work per worker process: image renders and upload validations.

Each holds a core (and, for images, a Chromium) for seconds; a burst of them would starve every other visitor.
A request that cannot get a slot within its wait is answered at once with "busy, try again" (503 with
Retry-After for images, a plain message for uploads), never queued without end.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Busy(Exception):
    """Every slot stayed taken for the whole wait."""


class Slots:
    """At most `size` holders at once; `hold()` waits up to `wait_s` for a slot, else raises Busy."""

    def __init__(self, size: int, wait_s: float) -> None:
        self.size = size
        self.wait_s = wait_s
        self._semaphore = threading.BoundedSemaphore(size)

    @contextmanager
    def hold(self) -> Iterator[None]:
        if not self._semaphore.acquire(timeout=self.wait_s):
            raise Busy
        try:
            yield
        finally:
            self._semaphore.release()


# A 1,000-row file takes about a core-second to check; two at once per worker leave threads for the map.
UPLOAD_SLOTS = Slots(size=2, wait_s=15.0)
