"""Gunicorn's settings for production (`.venv/bin/gunicorn app:server` reads this file from the working folder).

The app is loaded once, in the master, before the workers fork (`preload_app`): the layers, table rows, hover
texts and indexes are then one copy in memory that every worker shares, instead of one copy per worker.
`gc.freeze()` before the fork keeps the collector from touching (and so copying) those shared pages.
Measure the cost with proportional set size (`python -m loadtest` reports PSS from /proc/PID/smaps_rollup).
"""

import gc
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
preload_app = True
timeout = 120
graceful_timeout = 10
# Longer than a visitor's pause between two requests, so a kept-alive connection is not closed under its feet.
keepalive = 15
max_requests = 0  # workers are not recycled: their memory stays flat (python -m loadtest checks)


def pre_fork(server, worker) -> None:  # noqa: ANN001 - gunicorn's hook signature
    """Freeze what the master loaded, so that the workers' collectors leave those shared pages alone."""
    from dashboard import ties_pack
    from dashboard.dataset import current_atlas

    # What the app makes on first use (Ukrainian texts, the place search, the ties packs) is made here, once, to
    # be shared; a worker making it would hold its own copy. A no-op after the first fork.
    current_atlas().warm()
    ties_pack.warm(current_atlas())
    gc.collect()
    gc.freeze()
