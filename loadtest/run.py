"""Bounded load test: N simulated visitors use the atlas for D seconds against gunicorn, as people do.

    python -m loadtest --users 100 --duration 120 --workers 4 --kill-at 60   # the full run
    python -m loadtest                                                       # CI size: 10 visitors, 10 s

By default it starts `gunicorn app:server` with gunicorn.conf.py (the app preloaded before the workers fork) on a
free port of 127.0.0.1, waits for /healthz, runs, and stops it; `--url http://127.0.0.1:PORT` targets a server
already running on this machine (only loopback addresses are accepted). Each visitor opens the page, then loops
with a short think time: a filter change (60%), a city panel (22%), a CSV or data-package download (10%), a
hostile request (8%: a malformed callback body, a hostile query string, an oversized body; each must get its
4xx). One visitor in ten uploads a 1,000-row CSV once (some with bad rows, some saved by Excel in
Windows-1252 with `;`, some over the size limit); one in twenty asks for `/embed.png` images. `--kill-at S`
sends `kill -9` to one worker S seconds in and counts the requests that fail in the 5 s after and later.

The report gives errors (no answer, a 5xx, or a status the request should not get), timeouts, p50/p95 per
request kind and per action, the server's memory as RSS and PSS every second (flat: the last 30 s against the
first 30 s after warm-up), and how renders and uploads were shed when busy. Exit status 1 if there was an error.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from loadtest.report import KillStats, KindStats, Report, percentile
from loadtest.server import ROOT, gunicorn, kill_worker, tree_pss_mb, tree_rss_mb
from loadtest.visitor import AppModel, Timing, Visitor

MAX_USERS = 200
MAX_DURATION_S = 600
THINK_S = (0.2, 1.0)  # pause between a visitor's actions
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
UPLOADER_SHARE = 0.10
EMBEDDER_SHARE = 0.05
KILL_WINDOW_S = 5.0


def read_model(base: str) -> AppModel:
    with urllib.request.urlopen(base + "/_dash-layout", timeout=60) as response:
        layout = json.load(response)
    with urllib.request.urlopen(base + "/_dash-dependencies", timeout=60) as response:
        dependencies = json.load(response)
    return AppModel.read(layout, dependencies)


@dataclass
class Samples:
    """What the sampler thread saw each second: (time, RSS MB, PSS MB), and /healthz failures."""

    memory: list[tuple[float, float, float]] = field(default_factory=list)
    health_failures: int = 0


def sample(base: str, server_pid: int | None, stop: threading.Event, samples: Samples) -> None:
    """Each second: the server's memory (if its pid is known) and whether /healthz answers 200."""
    while not stop.is_set():
        if server_pid is not None:
            samples.memory.append((time.monotonic(), tree_rss_mb(server_pid), tree_pss_mb(server_pid)))
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                samples.health_failures += response.status != 200
        except OSError:
            samples.health_failures += 1
        stop.wait(1.0)


def visit(visitor: Visitor, deadline: float, duration_s: float) -> None:
    """One visitor's session: the page, then actions until the deadline (see the module docstring)."""
    rng = visitor.rng
    now = time.monotonic()
    upload_at = now + rng.uniform(0.1, 0.6) * duration_s if rng.random() < UPLOADER_SHARE else None
    embeds = sorted(now + rng.uniform(0.1, 0.9) * duration_s for _ in range(2)) if rng.random() < EMBEDDER_SHARE else []
    time.sleep(rng.uniform(0, min(2.0, duration_s / 4)))  # arrivals spread, not one burst
    visitor.open_page()
    while time.monotonic() < deadline:
        now = time.monotonic()
        if upload_at is not None and now >= upload_at:
            upload_at = None
            visitor.upload()
        elif embeds and now >= embeds[0]:
            embeds.pop(0)
            visitor.embed_image()
        else:
            pick = rng.random()
            if pick < 0.60:
                visitor.change_filter()
            elif pick < 0.82:
                visitor.open_panel()
            elif pick < 0.92:
                visitor.download()
            else:
                visitor.hostile()
        time.sleep(rng.uniform(*THINK_S))
    visitor.close()


def kind_stats(timings: list[Timing]) -> dict[str, KindStats]:
    """Counts and latency percentiles per request kind."""
    by_kind: dict[str, list[Timing]] = {}
    for timing in timings:
        by_kind.setdefault(timing.kind, []).append(timing)
    return {
        kind: KindStats(
            requests=len(items),
            failed=sum(t.failed for t in items),
            shed=sum(t.shed for t in items),
            p50_ms=percentile([t.seconds * 1000 for t in items], 50),
            p95_ms=percentile([t.seconds * 1000 for t in items], 95),
        )
        for kind, items in by_kind.items()
    }


def kill_stats(timings: list[Timing], killed_at: float, start: float, pid: int, health_failures: int) -> KillStats:
    """The requests that ended in the 5 s after the kill, and after those, with how many failed."""
    window = [t for t in timings if killed_at <= t.ended < killed_at + KILL_WINDOW_S]
    after = [t for t in timings if t.ended >= killed_at + KILL_WINDOW_S]
    return KillStats(
        at_s=killed_at - start,
        pid=pid,
        requests_5s=len(window),
        failed_5s=sum(t.failed for t in window),
        requests_after=len(after),
        failed_after=sum(t.failed for t in after),
        health_failures=health_failures,
    )


def pss_summary(memory: list[tuple[float, float, float]], start: float, warm_s: float) -> dict[str, object]:
    """PSS per 15 s, its first 30 s after warm-up, its last 30 s, and its peak."""
    if not memory:
        return {}
    end = memory[-1][0]
    first = [p for t, _, p in memory if start + warm_s <= t < start + warm_s + 30] or [memory[0][2]]
    last = [p for t, _, p in memory if t >= end - 30] or [memory[-1][2]]
    buckets: dict[int, list[float]] = {}
    for t, _, p in memory:
        buckets.setdefault(int((t - start) // 15), []).append(p)
    return {
        "pss_by_15s_mb": [sum(v) / len(v) for _, v in sorted(buckets.items())],
        "pss_first_30s_mb": sum(first) / len(first),
        "pss_last_30s_mb": sum(last) / len(last),
        "pss_peak_mb": max(p for _, _, p in memory),
    }


def run_load(
    base: str,
    users: int,
    duration_s: float,
    server_pid: int | None = None,
    seed: int = 7,
    kill_at: float | None = None,
) -> Report:
    """Run `users` visitors for `duration_s` seconds against `base`; measure; see the module docstring."""
    users = max(1, min(users, MAX_USERS))
    duration_s = max(1.0, min(duration_s, MAX_DURATION_S))
    parsed = urlparse(base)
    if parsed.hostname not in LOOPBACK:
        raise ValueError(f"load tests run against this machine only (127.0.0.1), not {parsed.hostname!r}")
    model = read_model(base)
    samples, stop = Samples(), threading.Event()
    visitors = [Visitor(parsed.hostname, parsed.port or 80, model, random.Random(seed + n)) for n in range(users)]
    start = time.monotonic()
    deadline = start + duration_s
    sampler = threading.Thread(target=sample, args=(base, server_pid, stop, samples), daemon=True)
    sampler.start()
    threads = [threading.Thread(target=visit, args=(v, deadline, duration_s), daemon=True) for v in visitors]
    for thread in threads:
        thread.start()
    killed: tuple[float, int] | None = None
    health_before_kill = 0
    if kill_at is not None and server_pid is not None:
        time.sleep(max(0.0, start + kill_at - time.monotonic()))
        health_before_kill = samples.health_failures
        pid = kill_worker(server_pid)
        killed = (time.monotonic(), pid) if pid else None
    for thread in threads:
        thread.join(timeout=duration_s + 300)
    elapsed = time.monotonic() - start
    stop.set()
    sampler.join(timeout=10)

    timings = [t for v in visitors for t in v.timings]
    failed = [t for t in timings if t.failed]
    actions: dict[str, list[float]] = {}
    for visitor in visitors:
        for kind, seconds, _ in visitor.actions:
            actions.setdefault(kind, []).append(seconds * 1000)
    rss = [(t, r) for t, r, _ in samples.memory]
    warm_s = max(10.0, duration_s * 0.25)
    warm = [m for t, m in rss if t >= start + warm_s] or [m for _, m in rss] or [0.0]
    return Report(
        users=users,
        duration_s=elapsed,
        requests=len(timings),
        errors=len(failed),
        timeouts=sum("timed out" in t.error for t in failed),
        retries=sum(v.retries for v in visitors),
        busy_uploads=sum(v.busy_uploads for v in visitors),
        error_samples=sorted({f"{t.kind}/{t.label}: {t.status} {t.error[:120]}" for t in failed})[:5],
        request_p50_ms=percentile([t.seconds * 1000 for t in timings], 50),
        request_p95_ms=percentile([t.seconds * 1000 for t in timings], 95),
        kinds=kind_stats(timings),
        action_p50_ms={k: percentile(v, 50) for k, v in actions.items()},
        action_p95_ms={k: percentile(v, 95) for k, v in actions.items()},
        rss_start_mb=rss[0][1] if rss else 0.0,
        rss_warm_mb=warm[0],
        rss_end_mb=rss[-1][1] if rss else 0.0,
        rss_peak_mb=max((m for _, m in rss), default=0.0),
        kill=kill_stats(timings, killed[0], start, killed[1], samples.health_failures - health_before_kill)
        if killed
        else None,
        **pss_summary(samples.memory, start, warm_s),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m loadtest", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=10, help=f"concurrent visitors (default 10, at most {MAX_USERS})")
    parser.add_argument(
        "--duration", type=float, default=10.0, help=f"seconds of load (default 10, at most {MAX_DURATION_S})"
    )
    parser.add_argument("--url", default=None, help="a server already running on 127.0.0.1 (default: start one)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers when starting one (default 4)")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker (default 8)")
    parser.add_argument("--kill-at", type=float, default=None, help="kill -9 one worker this many seconds in")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.add_argument(
        "--gunicorn-config", type=Path, default=ROOT / "gunicorn.conf.py", help="settings file (default: production's)"
    )
    args = parser.parse_args(argv)

    if args.url:
        report = run_load(args.url.rstrip("/"), args.users, args.duration)
    else:
        with gunicorn(args.workers, args.threads, config=args.gunicorn_config) as server:
            report = run_load(server.base, args.users, args.duration, server_pid=server.pid, kill_at=args.kill_at)
    print(json.dumps(report.as_dict()) if args.json else report.text())
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
