"""The benchmark's browser metrics (`python -m bench`) against the live app: they run and measure something.

No time is asserted (the machine is shared); what is checked is that Plotly's draw of the shown figure is timed,
and that a filter change's requests are found in the performance log with their bytes.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest

from bench import browser as bench_browser
from bench import server


@pytest.fixture
def hooked(browser) -> Iterator[object]:
    """The shared browser with the benchmark's page hook (first arcs, long tasks) installed for this test only."""
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": bench_browser.PAGE_HOOK})
    browser.set_script_timeout(120)
    yield browser
    browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})


def test_plotly_draws_and_filter_change_bytes_are_measured(hooked, live_server):
    from dashboard.dataset import current_atlas

    app = importlib.import_module("app").app
    expected = server.measure(app, current_atlas(), runs=1)
    result = bench_browser.measure(hooked, live_server, expected.views, expected.line_points, runs=1)
    assert result.plotly_draw_ms["country"] > 0 and result.plotly_draw_ms["all"] > 0
    # the base map and the listed tier are each timed alone: what they cost of a redraw
    assert all(
        result.plotly_draw_ms[f"{view}_{part}"] > 0 for view in ("country", "all") for part in ("base", "listed")
    )
    for view in ("country", "all"):
        assert result.requests_per_filter_change[view] >= 1  # at least the map's callback
        assert result.bytes_per_filter_change[view] > 1000  # a figure, not just headers
        # the ties are not sent again on a change: the page fetched them once (the bundled ties pack is over 1 MB)
        assert result.bytes_per_filter_change[view] < 200_000
