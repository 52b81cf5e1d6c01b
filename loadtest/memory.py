"""What the production server costs in memory once every worker has done everything: filters, panels, an upload
and an export image. Proportional set size (PSS) per process, so pages shared by the preloaded workers count once.

    python -m loadtest.memory --workers 4 --rounds 4

Starts gunicorn with gunicorn.conf.py, then `rounds` times sends, 8 at once, what a visitor does (the page, a
filter change, a city panel, a 1,000-row upload, an /embed.png of a view not drawn yet), so that with 4 workers
each serves every kind (the CPU time each worker used is printed: none is idle); then prints PSS of the master,
each worker and the Chromium processes kaleido started.
"""

from __future__ import annotations

import argparse
import random
import sys
import threading
import time
import urllib.request
from urllib.parse import urlparse

import psutil

from loadtest.run import read_model
from loadtest.server import gunicorn, pss_kb, worker_pids
from loadtest.visitor import Visitor

CONCURRENCY = 8


def one_visit(base: str, model, seed: int) -> None:  # noqa: ANN001 - AppModel
    """Everything a visitor can ask of a worker, once."""
    parsed = urlparse(base)
    visitor = Visitor(parsed.hostname, parsed.port, model, random.Random(seed))
    visitor.open_page()
    visitor.change_filter()
    visitor.open_panel()
    visitor.upload()
    with urllib.request.urlopen(f"{base}/embed.png?from={1950 + seed % 70}", timeout=300) as response:
        response.read()
    visitor.close()


def pss_table(master: int) -> list[tuple[str, int, float]]:
    """(role, pid, PSS MB) of the master, each worker and every other process below them (Chromium)."""
    rows = [("master", master, pss_kb(master) / 1e3)]
    for pid in worker_pids(master):
        rows.append(("worker", pid, pss_kb(pid) / 1e3))
        try:
            for child in psutil.Process(pid).children(recursive=True):
                rows.append(("  chromium", child.pid, pss_kb(child.pid) / 1e3))
        except psutil.NoSuchProcess:
            pass
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loadtest.memory", description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args(argv)
    with gunicorn(args.workers, args.threads) as server:
        model = read_model(server.base)
        print(f"after start: {sum(p for _, _, p in pss_table(server.pid)):.0f} MB PSS in all", file=sys.stderr)
        start = time.monotonic()
        for round_ in range(args.rounds):
            threads = [
                threading.Thread(target=one_visit, args=(server.base, model, round_ * CONCURRENCY + n))
                for n in range(CONCURRENCY)
            ]
            [t.start() for t in threads]
            [t.join() for t in threads]
        time.sleep(3)  # let kaleido's Chromium processes exit
        rows = pss_table(server.pid)
        for role, pid, pss in rows:
            cpu = sum(psutil.Process(pid).cpu_times()[:2]) if role == "worker" else 0.0
            print(f"{role:<10} {pid:>7} {pss:8.0f} MB" + (f"   {cpu:6.1f} s CPU" if role == "worker" else ""))
        print(
            f"in all: {sum(p for _, _, p in rows):.0f} MB PSS after {args.rounds * CONCURRENCY} visits in "
            f"{time.monotonic() - start:.0f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
