"""The load test, CI size: 10 visitors for 12 seconds against gunicorn on 127.0.0.1 with a worker killed (the full
run: `python -m loadtest --users 100 --duration 120 --workers 4 --kill-at 60`). No request may fail but in the
kill's 5 s (at most 1%), and the server's memory must stay flat."""

from __future__ import annotations

import pytest

from loadtest.report import percentile
from loadtest.run import run_load
from loadtest.server import gunicorn
from tests.conftest import MINI


def test_a_short_load_run_with_a_worker_killed_has_no_errors_past_the_kill(mini_build_dir, mini_atlas):
    env = {"TWINNING_DATA_DIR": str(MINI), "TWINNING_BUILD_DIR": str(mini_build_dir), "DEBUG": ""}
    with gunicorn(workers=2, threads=4, env=env) as server:
        report = run_load(server.base, users=10, duration_s=12, server_pid=server.pid, kill_at=5)
    assert report.passed, report.text()
    assert report.requests > 50 and {"page", "filter", "panel"} <= set(report.action_p50_ms)
    assert report.kinds["hostile"].requests > 0 and report.kinds["hostile"].failed == 0  # each got its 4xx
    assert report.kill is not None and report.kill.failed_after == 0 and report.kill.health_failures == 0
    assert 0 < report.request_p50_ms <= report.request_p95_ms
    assert report.pss_peak_mb > 0 and report.memory_growth < 1.5, report.text()


def test_the_load_test_only_targets_this_machine():
    with pytest.raises(ValueError, match="127.0.0.1"):
        run_load("http://example.org", users=1, duration_s=1)


def test_percentiles():
    assert percentile([], 95) == 0.0
    assert percentile([5.0], 50) == 5.0
    assert percentile([float(n) for n in range(1, 101)], 50) == pytest.approx(50.5, abs=1)
    assert percentile([float(n) for n in range(1, 101)], 95) == pytest.approx(95.05, abs=1)


def test_the_uploads_a_visitor_sends_are_what_the_server_reads(mini_env):
    import base64
    import random

    from geodata.upload import validate_upload
    from loadtest.payloads import as_request, make_upload, upload_rows

    raw = (
        "city_a,country_a,city_b,country_b,relation,status,since,sources\n"
        + "\n".join(upload_rows(random.Random(1), 200))
    ).encode()
    clean = validate_upload(raw, "ties.csv")
    assert len(clean.ties) == 200 and not [p for p in clean.problems if p.column]  # every city placed
    kinds = {make_upload(random.Random(seed)).kind for seed in range(40)}
    assert kinds == {"clean", "bad_rows", "windows_1252", "oversized"}
    excel = next(
        make_upload(random.Random(s)) for s in range(40) if make_upload(random.Random(s)).kind == "windows_1252"
    )
    decoded = validate_upload(base64.b64decode(excel.request["contents"].split(",", 1)[1]), "excel.csv")
    assert len(decoded.ties) == 1000
    assert as_request("a.csv", b"x")["bytes"] == 1
