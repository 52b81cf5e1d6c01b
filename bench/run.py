"""Run the benchmark and print one JSON object per line: {"metric", "value", "unit", "n_ties"}.

Per dataset: the server-side metrics in this process (callback latency, payload per arc); then, unless told
not to, the app served by gunicorn in a child process (start-up time, peak memory; fresh servers for the
start-up and the cold first paint) and, in headless Chromium, first paint and redraws, Plotly's draw of the same
figures alone, and the bytes of a filter change; for the 10,000-tie dataset, the render-time ratio of one trace
per arc to the project's figure. A description of the machine and a summary against the targets go to stderr.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from bench.datasets import DEFAULT_CACHE, SEED, SYNTHETIC_SIZES, Dataset, bundled, synthetic
from bench.network import ratio

NAIVE_SIZE = 10_000

# metric -> (unit, how it must compare, bound, dataset it applies to: "bundled" or a synthetic size)
TARGETS: dict[str, tuple[str, str, float, str | int]] = {
    "payload_bytes_per_arc": ("bytes", "<=", 100, "bundled"),
    "callback_ms_all": ("ms", "<=", 50, "bundled"),
    "redraw_ms_all": ("ms", "<=", 1000, "bundled"),
    "redraw_ms_country": ("ms", "<=", 300, "bundled"),
    "first_paint_ms": ("ms", "<=", 3000, "bundled"),
    "naive_ratio_10k": ("x", ">=", 10, NAIVE_SIZE),
    "rss_mb": ("MB", "<=", 500, "bundled"),
}


def machine() -> str:
    """CPU, cores, memory, OS, Python and Chromium, in one line."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines() if "model name" in line),
        platform.processor() or "unknown CPU",
    )
    mem_kb = next((int(line.split()[1]) for line in _read("/proc/meminfo").splitlines() if "MemTotal" in line), 0)
    try:
        chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        chromium = "no chromium"
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem_kb / 1024 / 1024:.1f} GB RAM; {platform.platform()}; "
        f"Python {platform.python_version()}; {chromium}"
    )


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--datasets",
        default="bundled," + ",".join(str(n) for n in SYNTHETIC_SIZES),
        help="comma-separated: 'bundled' and/or numbers of synthetic ties (default: %(default)s)",
    )
    parser.add_argument("--runs", type=int, default=20, help="rounds of server-side timings (median; default 20)")
    parser.add_argument("--browser-runs", type=int, default=7, help="page loads and redraws (median; default 7)")
    parser.add_argument(
        "--cold-runs",
        type=int,
        default=3,
        help="fresh servers started, for start-up time and the first page load (median; default 3)",
    )
    parser.add_argument("--naive-runs", type=int, default=3, help="renders of each figure for the ratio (default 3)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium metrics")
    parser.add_argument("--no-server", action="store_true", help="skip gunicorn (start-up, memory) and Chromium")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers (default 1)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (default 4)")
    parser.add_argument("--preload", action="store_true", help="gunicorn --preload (workers share the loaded data)")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the synthetic datasets")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where synthetic datasets are kept")
    parser.add_argument(
        "--template",
        type=Path,
        default=None,
        help="dataset folder whose ties synthetic ones imitate (default: bundled)",
    )
    return parser.parse_args(argv)


def _datasets(args: argparse.Namespace) -> list[Dataset]:
    template = None
    if args.template is not None:
        from geodata import load_layers
        from geodata.build import inputs_hash

        folder = args.template.resolve()
        template = load_layers(folder, args.cache / f"template-{inputs_hash(folder)[:12]}")
    found = []
    for name in (part.strip() for part in args.datasets.split(",") if part.strip()):
        if name == "bundled":
            found.append(bundled())
        elif name.isdigit() and int(name) > 0:
            found.append(synthetic(int(name), args.seed, args.cache, template))
        else:
            raise SystemExit(f"--datasets: {name!r} is neither 'bundled' nor a number of ties")
    return found


def main(argv: list[str] | None = None, emit: Callable[[dict], None] | None = None) -> list[dict]:
    """Run the benchmark; print (or pass to `emit`) each measurement as it is made; return them all."""
    args = _parse(argv)
    records: list[dict] = []

    def record(dataset: Dataset, metric: str, value: float, unit: str) -> None:
        line = {"metric": metric, "value": round(float(value), 3) if math.isfinite(value) else None, "unit": unit}
        line["n_ties"] = dataset.n_ties
        records.append(line)
        if emit is not None:
            emit(line)
        else:
            print(json.dumps(line), flush=True)

    print(f"# machine: {machine()}", file=sys.stderr, flush=True)
    datasets = _datasets(args)
    with ExitStack() as stack:
        driver = None  # one Chromium for every dataset, started when first needed
        for dataset in datasets:
            print(f"# {dataset.name}: {dataset.n_ties:,} ties", file=sys.stderr, flush=True)
            figures, views, line_points, requests = _server_side(dataset, args, record)
            if args.no_server:
                continue
            if driver is None and not args.no_browser:
                from bench.browser import chromium

                driver = stack.enter_context(chromium())
            _served_side(dataset, args, record, driver, figures, views, line_points, requests)
    _summary(records, datasets)
    return records


def _server_side(dataset: Dataset, args: argparse.Namespace, record: Callable) -> tuple[dict, dict, dict, list]:
    from bench import server
    from dashboard.dataset import current_atlas

    with server.app_for(dataset) as dash_app:
        atlas = current_atlas()
        result = server.measure(dash_app, atlas, runs=args.runs)
        naive = None
        if dataset.n_ties == NAIVE_SIZE and not (args.no_server or args.no_browser):
            from bench.naive import one_trace_per_arc

            mask = atlas.index.mask(server.parse_view(result.views["all"]))
            naive = one_trace_per_arc(atlas.index, mask, result.figure_all)
    for view in ("all", "country", "narrow"):
        record(dataset, f"callback_ms_{view}", result.callback_ms[view], "ms")
    for view in ("all", "country", "narrow"):
        record(dataset, f"callback_chain_ms_{view}", result.chain_ms[view], "ms")
    record(dataset, "payload_bytes_per_arc", server.per_arc(result.payload_bytes, result.arcs), "bytes")
    record(dataset, "payload_gzip_bytes_per_arc", server.per_arc(result.payload_gzip_bytes, result.arcs), "bytes")
    record(dataset, "arcs_drawn_all", result.arcs, "arcs")
    figures = {"project": result.figure_all, **({"naive": naive} if naive else {})}
    return figures, result.views, result.line_points, result.requests


def _served_side(
    dataset: Dataset,
    args: argparse.Namespace,
    record: Callable,
    driver: Any,
    figures: dict[str, Any],
    views: dict[str, str],
    line_points: dict[str, int],
    requests: list[dict],
) -> None:
    from bench import browser
    from bench.process import served

    startups, cold_paints = [], []
    for _ in range(max(args.cold_runs, 1) - 1):  # the last fresh server stays up for the other metrics
        with served(dataset, args.workers, args.threads, args.preload) as live:
            startups.append(live.startup_s)
            if driver is not None:
                cold_paints.append(browser.open_map(driver, live.url))
    with served(dataset, args.workers, args.threads, args.preload) as live:
        startups.append(live.startup_s)
        record(dataset, "startup_s", statistics.median(startups), "s")
        if driver is not None:
            cold_paints.append(browser.open_map(driver, live.url))  # this server's first page
            record(dataset, "first_paint_cold_ms", statistics.median(cold_paints), "ms")
            result = browser.measure(driver, live.url, views, line_points, runs=args.browser_runs)
            record(dataset, "first_paint_ms", result.first_paint_ms, "ms")
            record(dataset, "redraw_ms_all", result.redraw_ms["all"], "ms")
            record(dataset, "redraw_ms_country", result.redraw_ms["country"], "ms")
            record(dataset, "longest_task_load_ms", result.longest_task_load_ms, "ms")
            record(dataset, "longest_task_redraw_ms", result.longest_task_redraw_ms, "ms")
            _draw_metrics(dataset, record, result)
            if "naive" in figures:
                times = browser.render_ratio(driver, live.url, figures, runs=args.naive_runs)
                record(dataset, "render_ms_one_trace_per_arc", times["naive"], "ms")
                record(dataset, "render_ms_project", times["project"], "ms")
                record(dataset, "naive_ratio_10k", ratio(times["naive"], times["project"]), "x")
        else:
            live.exercise(requests)
        record(dataset, "rss_mb", live.peak_rss_mb(), "MB")


def _draw_metrics(dataset: Dataset, record: Callable, result: Any) -> None:
    """Plotly's draw alone, the redraw's overhead over it, and the bytes of a filter change."""
    record(dataset, "plotly_draw_ms_country", result.plotly_draw_ms["country"], "ms")
    record(dataset, "plotly_draw_ms_all", result.plotly_draw_ms["all"], "ms")
    for view in ("country", "all"):
        for part in ("base", "listed"):
            record(dataset, f"plotly_draw_ms_{view}_{part}", result.plotly_draw_ms[f"{view}_{part}"], "ms")
    overhead = ratio(result.redraw_ms["country"], result.plotly_draw_ms["country"])
    record(dataset, "redraw_overhead_ratio_country", overhead, "x")
    record(dataset, "longest_task_plotly_draw_ms", result.longest_task_plotly_draw_ms, "ms")
    record(dataset, "bytes_per_filter_change", result.bytes_per_filter_change["country"], "bytes")
    record(dataset, "bytes_per_filter_change_all", result.bytes_per_filter_change["all"], "bytes")
    record(dataset, "requests_per_filter_change", result.requests_per_filter_change["country"], "requests")


def _summary(records: list[dict], datasets: list[Dataset]) -> None:
    """The targets, met or missed, on stderr."""
    sizes = {d.name: d.n_ties for d in datasets}
    for metric, (unit, op, bound, where) in TARGETS.items():
        n_ties = sizes.get("bundled") if where == "bundled" else where
        found = [r for r in records if r["metric"] == metric and r["n_ties"] == n_ties]
        if not found or found[0]["value"] is None:
            continue
        value = found[0]["value"]
        met = value <= bound if op == "<=" else value >= bound
        print(f"# {metric} = {value:g} {unit} (target {op} {bound:g}): {'met' if met else 'MISSED'}", file=sys.stderr)
