"""Bounded load test: N simulated visitors change filters and open city panels for D seconds against gunicorn.

    python -m loadtest --users 50 --duration 60        # the full run (starts gunicorn on 127.0.0.1 itself)
    python -m loadtest                                 # CI size: 10 visitors for 5 seconds

By default it starts `gunicorn app:server` on a free port of 127.0.0.1 (workers and threads as given), waits for
/healthz, runs, and stops it; `--url http://127.0.0.1:PORT` targets a server already running on this machine
(only loopback addresses are accepted). Each visitor opens the page, then loops: a filter change (70%) or a city
panel (30%), each firing the callbacks the browser would fire, with a short think time. The report gives errors,
requests per second, p50/p95 latency of requests and of whole actions, and the server's memory (RSS of gunicorn
and its workers) at the start, after warm-up and at the end. Exit status 1 if there was any error.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import psutil

from loadtest.visitor import AppModel, Timing, Visitor

ROOT = Path(__file__).resolve().parent.parent
MAX_USERS = 200
MAX_DURATION_S = 600
THINK_S = (0.2, 1.0)  # pause between a visitor's actions
STARTUP_TIMEOUT_S = 300
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class Report:
    """What a run measured."""

    users: int
    duration_s: float
    requests: int
    errors: int
    error_samples: list[str]
    request_p50_ms: float
    request_p95_ms: float
    action_p50_ms: dict[str, float]
    action_p95_ms: dict[str, float]
    rss_start_mb: float
    rss_warm_mb: float
    rss_end_mb: float
    rss_peak_mb: float

    @property
    def memory_growth(self) -> float:
        """RSS at the end over RSS after warm-up (1.0 = flat)."""
        return self.rss_end_mb / self.rss_warm_mb if self.rss_warm_mb else 1.0

    def text(self) -> str:
        actions = ", ".join(
            f"{k} p50 {self.action_p50_ms[k]:.0f} ms / p95 {self.action_p95_ms[k]:.0f} ms"
            for k in sorted(self.action_p50_ms)
        )
        return "\n".join(
            [
                f"{self.users} users for {self.duration_s:.0f} s: {self.requests} requests "
                f"({self.requests / self.duration_s:.1f}/s), {self.errors} errors",
                f"request latency: p50 {self.request_p50_ms:.0f} ms, p95 {self.request_p95_ms:.0f} ms",
                f"actions: {actions}",
                f"server RSS (gunicorn + workers): start {self.rss_start_mb:.0f} MB, after warm-up "
                f"{self.rss_warm_mb:.0f} MB, end {self.rss_end_mb:.0f} MB, peak {self.rss_peak_mb:.0f} MB "
                f"(end/warm {self.memory_growth:.2f})",
                *(f"error: {e}" for e in self.error_samples),
            ]
        )


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of values, 0 for none."""
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[max(0, min(98, round(q) - 1))]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its children, in MB."""
    try:
        parent = psutil.Process(pid)
        processes = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 1e6


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(base: str, timeout_s: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode} before serving")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{base}/healthz did not answer within {timeout_s:.0f} s")


def settle(pid: int, timeout_s: float = 120.0) -> None:
    """Wait until every worker has loaded the app: the server's memory stops growing (2 s within 2%)."""
    deadline = time.monotonic() + timeout_s
    previous = tree_rss_mb(pid)
    while time.monotonic() < deadline:
        time.sleep(2.0)
        current = tree_rss_mb(pid)
        if abs(current - previous) <= 0.02 * max(previous, 1.0):
            return
        previous = current


@contextmanager
def gunicorn(workers: int, threads: int, env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
    """`gunicorn app:server` on a free port of 127.0.0.1; yields (base URL, master pid), stops it after."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "app:server",
        "--chdir",
        str(ROOT),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "gthread",
        "--timeout",
        "120",
        "--graceful-timeout",
        "10",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, STARTUP_TIMEOUT_S, process)
        settle(process.pid)
        yield base, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _read_model(base: str) -> AppModel:
    with urllib.request.urlopen(base + "/_dash-layout", timeout=60) as response:
        layout = json.load(response)
    with urllib.request.urlopen(base + "/_dash-dependencies", timeout=60) as response:
        dependencies = json.load(response)
    return AppModel.read(layout, dependencies)


def run_load(base: str, users: int, duration_s: float, server_pid: int | None = None, seed: int = 7) -> Report:
    """Run `users` visitors for `duration_s` seconds against `base`; measure; see the module docstring."""
    users = max(1, min(users, MAX_USERS))
    duration_s = max(1.0, min(duration_s, MAX_DURATION_S))
    parsed = urlparse(base)
    if parsed.hostname not in LOOPBACK:
        raise ValueError(f"load tests run against this machine only (127.0.0.1), not {parsed.hostname!r}")
    model = _read_model(base)
    rss: list[tuple[float, float]] = []
    stop = threading.Event()

    def sample_memory() -> None:
        while not stop.is_set():
            if server_pid is not None:
                rss.append((time.monotonic(), tree_rss_mb(server_pid)))
            stop.wait(1.0)

    visitors = [Visitor(parsed.hostname, parsed.port or 80, model, random.Random(seed + n)) for n in range(users)]
    start = time.monotonic()
    deadline = start + duration_s

    def visit(visitor: Visitor) -> None:
        time.sleep(visitor.rng.uniform(0, min(2.0, duration_s / 4)))  # arrivals spread, not one burst
        visitor.open_page()
        while time.monotonic() < deadline:
            visitor.change_filter() if visitor.rng.random() < 0.7 else visitor.open_panel()
            time.sleep(visitor.rng.uniform(*THINK_S))
        visitor.close()

    sampler = threading.Thread(target=sample_memory, daemon=True)
    sampler.start()
    threads = [threading.Thread(target=visit, args=(v,), daemon=True) for v in visitors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration_s + 300)
    elapsed = time.monotonic() - start
    stop.set()
    sampler.join(timeout=5)
    if server_pid is not None:
        rss.append((time.monotonic(), tree_rss_mb(server_pid)))

    timings: list[Timing] = [t for v in visitors for t in v.timings]
    failed = [t for t in timings if t.status == 0 or t.status >= 400]
    latencies = [t.seconds * 1000 for t in timings]
    actions: dict[str, list[float]] = {}
    for visitor in visitors:
        for kind, seconds, _ in visitor.actions:
            actions.setdefault(kind, []).append(seconds * 1000)
    warm = [m for t, m in rss if t >= start + duration_s * 0.25] or [m for _, m in rss] or [0.0]
    return Report(
        users=users,
        duration_s=elapsed,
        requests=len(timings),
        errors=len(failed),
        error_samples=sorted({f"{t.label}: {t.status} {t.error[:120]}" for t in failed})[:5],
        request_p50_ms=percentile(latencies, 50),
        request_p95_ms=percentile(latencies, 95),
        action_p50_ms={k: percentile(v, 50) for k, v in actions.items()},
        action_p95_ms={k: percentile(v, 95) for k, v in actions.items()},
        rss_start_mb=rss[0][1] if rss else 0.0,
        rss_warm_mb=warm[0],
        rss_end_mb=rss[-1][1] if rss else 0.0,
        rss_peak_mb=max((m for _, m in rss), default=0.0),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m loadtest", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=10, help=f"concurrent visitors (default 10, at most {MAX_USERS})")
    parser.add_argument(
        "--duration", type=float, default=5.0, help=f"seconds of load (default 5, at most {MAX_DURATION_S})"
    )
    parser.add_argument("--url", default=None, help="a server already running on 127.0.0.1 (default: start one)")
    parser.add_argument(
        "--workers",
        type=int,
        default=max(2, min(4, os.cpu_count() or 2)),
        help="gunicorn workers when starting one (default: CPUs, 2 to 4)",
    )
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker (default 8)")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    args = parser.parse_args(argv)

    if args.url:
        report = run_load(args.url.rstrip("/"), args.users, args.duration)
    else:
        with gunicorn(args.workers, args.threads) as (base, pid):
            report = run_load(base, args.users, args.duration, server_pid=pid)
    if args.json:
        print(json.dumps({**report.__dict__, "memory_growth": report.memory_growth}))
    else:
        print(report.text())
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
