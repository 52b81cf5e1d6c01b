"""The server under load: gunicorn started on 127.0.0.1 with the production settings (gunicorn.conf.py), its
workers, and its memory as RSS and as proportional set size (PSS, which counts a page shared by N processes as
1/N in each: RSS counts it N times, and so overstates preloaded workers)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT_S = 300


@dataclass(frozen=True)
class Server:
    """A running gunicorn: its address and master pid."""

    base: str
    pid: int


def processes(pid: int) -> list[psutil.Process]:
    """A process and all its children (gunicorn's master and workers)."""
    try:
        parent = psutil.Process(pid)
        return [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def worker_pids(master: int) -> list[int]:
    """The pids of gunicorn's workers."""
    try:
        return [child.pid for child in psutil.Process(master).children()]
    except psutil.NoSuchProcess:
        return []


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its children, in MB (shared pages counted once per process)."""
    total = 0
    for process in processes(pid):
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 1e6


def pss_kb(pid: int) -> int:
    """The proportional set size of one process, from /proc/PID/smaps_rollup (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_pss_mb(pid: int) -> float:
    """Proportional set size of a process and all its children, in MB: what they really cost together."""
    return sum(pss_kb(process.pid) for process in processes(pid)) / 1e3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(base: str, timeout_s: float, process: subprocess.Popen | None = None) -> None:
    """Wait until /healthz answers 200 (or the process exits, or the timeout passes: RuntimeError)."""
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


def kill_worker(master: int) -> int | None:
    """`kill -9` one worker (gunicorn forks a new one); returns its pid, None if there was none."""
    workers = worker_pids(master)
    if not workers:
        return None
    os.kill(workers[0], signal.SIGKILL)
    return workers[0]


@contextmanager
def gunicorn(
    workers: int, threads: int, env: dict[str, str] | None = None, config: Path = ROOT / "gunicorn.conf.py"
) -> Iterator[Server]:
    """`gunicorn app:server` with gunicorn.conf.py (the app preloaded) on a free port of 127.0.0.1; another
    `config` (an empty file: gunicorn's defaults, no preload) measures the difference."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "app:server",
        "--config",
        str(config),
        "--worker-class",
        "gthread",
        "--chdir",
        str(ROOT),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, STARTUP_TIMEOUT_S, process)
        settle(process.pid)
        yield Server(base, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
