"""Bytes over the network, read from Chromium's performance log (chromedriver's `goog:loggingPrefs`).

Each log entry's `message` is a JSON string holding one DevTools event; a response's bytes on the wire,
headers included and compressed as sent, are the `encodedDataLength` of its `Network.loadingFinished`.
Kept apart from bench.browser so that the parsing is tested without a browser.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass

# chromedriver's switch for the log read here: network events only, no page events or tracing.
LOGGING_PREFS = {"performance": "ALL"}
PERF_LOGGING_PREFS = {"enableNetwork": True, "enablePage": False}


@dataclass(frozen=True)
class Transfer:
    """What the network carried while a log was collected."""

    bytes_received: int  # encodedDataLength summed over the finished requests
    requests: int  # requests finished
    failed: int  # requests that failed (Network.loadingFailed): their bytes are not counted


def _events(entries: Iterable[dict]) -> Iterable[tuple[str, dict]]:
    """(method, params) of each DevTools event in the log; entries that are not events are skipped."""
    for entry in entries:
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, TypeError, ValueError):
            continue
        if isinstance(message, dict) and isinstance(message.get("method"), str):
            yield message["method"], message.get("params") or {}


def transfer(entries: Iterable[dict]) -> Transfer:
    """Bytes and requests finished in a performance log (one count per request id, the last event winning)."""
    finished: dict[str, int] = {}
    failed: set[str] = set()
    for method, params in _events(entries):
        request_id = str(params.get("requestId", ""))
        if method == "Network.loadingFinished":
            finished[request_id] = int(params.get("encodedDataLength") or 0)
        elif method == "Network.loadingFailed":
            failed.add(request_id)
    return Transfer(sum(finished.values()), len(finished), len(failed - finished.keys()))


def ratio(numerator: float, denominator: float) -> float:
    """`numerator / denominator`, NaN (reported as null) when either is missing or the denominator is 0."""
    if not (math.isfinite(numerator) and math.isfinite(denominator)) or denominator == 0:
        return math.nan
    return numerator / denominator
