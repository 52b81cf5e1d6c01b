"""Bounds on expensive work: a request past the limit is told "busy" at once, never queued without end."""

from __future__ import annotations

import base64
import threading

import pytest

from dashboard import limits
from dashboard.callbacks import upload as upload_callbacks
from dashboard.limits import Busy, Slots


def test_slots_admit_their_size_then_refuse_until_one_frees():
    slots = Slots(size=2, wait_s=0.01)
    with slots.hold(), slots.hold():
        with pytest.raises(Busy), slots.hold():
            pass
    with slots.hold():  # both freed
        pass


def test_a_waiter_gets_the_slot_freed_within_its_wait():
    slots = Slots(size=1, wait_s=2.0)
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with slots.hold():
            held.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    threading.Timer(0.1, release.set).start()
    with slots.hold():
        pass
    thread.join(5)


def test_an_upload_past_the_limit_says_the_server_is_busy_and_keeps_the_page_as_it_was(mini_env, monkeypatch):
    monkeypatch.setattr(upload_callbacks, "UPLOAD_SLOTS", Slots(size=1, wait_s=0.01))
    contents = "data:text/csv;base64," + base64.b64encode(b"city_a,country_a\n").decode()
    with upload_callbacks.UPLOAD_SLOTS.hold():  # another upload is being checked
        ties, problems, status, report, hidden = upload_callbacks.upload_outcome(
            {"name": "mine.csv", "bytes": 17, "contents": contents}
        )
    assert "mine.csv" in status and "checking other files" in status
    assert ties is upload_callbacks.no_update and problems is upload_callbacks.no_update  # nothing lost
    assert limits.UPLOAD_SLOTS.size == 2
