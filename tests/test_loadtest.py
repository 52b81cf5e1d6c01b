"""The load test, CI size: 10 visitors for 5 seconds against gunicorn on 127.0.0.1 (the full run is 50 for 60 s:
`python -m loadtest --users 50 --duration 60`). No request may fail, and the server's memory must stay flat."""

from __future__ import annotations

import pytest

from loadtest.run import gunicorn, percentile, run_load
from tests.conftest import MINI


def test_a_short_load_run_of_filters_and_panels_has_no_errors(mini_build_dir, mini_atlas):
    env = {"TWINNING_DATA_DIR": str(MINI), "TWINNING_BUILD_DIR": str(mini_build_dir), "DEBUG": ""}
    with gunicorn(workers=2, threads=4, env=env) as (base, pid):
        report = run_load(base, users=10, duration_s=5, server_pid=pid)
    assert report.errors == 0, report.text()
    assert report.requests > 50 and {"page", "filter", "panel"} <= set(report.action_p50_ms)
    assert 0 < report.request_p50_ms <= report.request_p95_ms
    assert report.memory_growth < 1.5, report.text()


def test_the_load_test_only_targets_this_machine():
    with pytest.raises(ValueError, match="127.0.0.1"):
        run_load("http://example.org", users=1, duration_s=1)


def test_percentiles():
    assert percentile([], 95) == 0.0
    assert percentile([5.0], 50) == 5.0
    assert percentile([float(n) for n in range(1, 101)], 50) == pytest.approx(50.5, abs=1)
    assert percentile([float(n) for n in range(1, 101)], 95) == pytest.approx(95.05, abs=1)
