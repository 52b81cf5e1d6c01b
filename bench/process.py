"""The app served as in production (`gunicorn app:server`) in a child process: start-up time and peak memory."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import psutil

from bench.datasets import Dataset

REPO = Path(__file__).resolve().parents[1]
WORKERS, THREADS = 1, 4  # the defaults measured; `python -m bench --workers 2 --threads 8` for the README's line
START_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class Served:
    """A running server: its base URL, process id, and seconds from process start to the first page served."""

    url: str
    pid: int
    startup_s: float

    def peak_rss_mb(self) -> float:
        """Peak resident memory (VmHWM) of the server's processes, summed: gunicorn's arbiter and its workers."""
        root = psutil.Process(self.pid)
        total_kb = 0
        for process in (root, *root.children(recursive=True)):
            status = Path(f"/proc/{process.pid}/status").read_text()
            total_kb += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
        return total_kb / 1024

    def exercise(self, requests: list[dict], rounds: int = 3) -> None:
        """Load the page and replay callback requests (what a visitor filtering the map sends), for the memory
        peak to count them when no browser does."""
        for _ in range(rounds):
            for path in ("/", "/_dash-layout", "/_dash-dependencies"):
                urllib.request.urlopen(self.url + path, timeout=300).read()
            for body in requests:
                request = urllib.request.Request(
                    self.url + "/_dash-update-component",
                    data=json.dumps(body).encode(),
                    headers={"Content-Type": "application/json"},
                )
                urllib.request.urlopen(request, timeout=300).read()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(dataset: Dataset, workers: int = WORKERS, threads: int = THREADS, preload: bool = False) -> Iterator[Served]:
    """`gunicorn app:server` (gthread workers) on a free port, pointed at `dataset`; stopped on exit."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with (
        tempfile.NamedTemporaryFile("w", suffix=".py") as config,  # an empty config: ./gunicorn.conf.py ignored
        tempfile.TemporaryFile() as log,  # a file, not a pipe: a full pipe would stall the server
    ):
        command = [
            sys.executable, "-m", "gunicorn", "app:server", "--config", config.name, "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread", "--timeout", "300",
            "--log-level", "warning", *(["--preload"] if preload else []),
        ]  # fmt: skip
        env = {**os.environ, **dataset.environ(), "PYTHONPATH": str(REPO)}
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=log)
        try:
            startup_s = _wait_for_page(url, process, start, log)
            yield Served(url, process.pid, startup_s)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_for_page(url: str, process: subprocess.Popen, start: float, log: IO[bytes]) -> float:
    while time.perf_counter() - start < START_TIMEOUT_S:
        if process.poll() is not None:
            log.seek(0)
            error = log.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"the server exited with status {process.returncode}: {error}")
        try:
            with urllib.request.urlopen(url + "/", timeout=5) as response:
                if response.status == 200 and b"_dash-config" in response.read():
                    return time.perf_counter() - start
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise RuntimeError(f"no page served at {url} within {START_TIMEOUT_S:.0f} s")
