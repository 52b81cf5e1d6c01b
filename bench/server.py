"""Server-side metrics, in this process: the filter callbacks' latency and the map's payload per arc.

Callbacks are timed the way the browser calls them, by POSTing Dash's own requests to `/_dash-update-component`
through Flask's test client, so a timing covers Dash's dispatch and the JSON encoding of the answer as well as
the callback itself. What to send is read from the app (`/_dash-dependencies` and `/_dash-layout`), not retyped.
"""

from __future__ import annotations

import gzip
import importlib
import json
import math
import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from bench.datasets import Dataset
from dashboard import ids
from dashboard.figures import decode_typed_array
from dashboard.figures.references import filled
from dashboard.urlstate import parse_query
from geodata.filters import ViewFilter
from geodata.vocab import AID_TYPE

MAP_OUTPUT = (ids.MAP_DRAWING, "data")  # the figure, ties by reference (the page fills them in)
VIEW_INPUT = (ids.VIEW_QUERY, "data")
DRAWN_INPUT = (ids.VIEW_DRAWN, "data")  # set by the page once the map is filled in: the counts, table ... follow
URL_INPUT = (ids.URL, "search")


@dataclass(frozen=True)
class Callback:
    """One server-side callback as `/_dash-dependencies` describes it."""

    output: str
    outputs: tuple[tuple[str, str], ...]
    multi: bool
    inputs: tuple[tuple[str, str], ...]
    state: tuple[tuple[str, str], ...]


def _prop_pair(spec: dict) -> tuple[str, str]:
    return spec["id"], spec["property"]


def _parse_callbacks(dependencies: list[dict]) -> list[Callback]:
    """Server-side callbacks without wildcards (a filter change fires none with wildcards)."""
    found = []
    for dep in dependencies:
        if dep.get("clientside_function"):
            continue
        multi = dep["output"].startswith("..")
        parts = dep["output"].strip(".").split("...") if multi else [dep["output"]]
        outputs = tuple(tuple(part.rsplit(".", 1)) for part in parts)
        inputs = tuple(_prop_pair(i) for i in dep["inputs"])
        state = tuple(_prop_pair(s) for s in dep.get("state", []))
        if any(pid.startswith("{") for pid, _ in (*outputs, *inputs, *state)):
            continue
        found.append(Callback(dep["output"], outputs, multi, inputs, state))  # type: ignore[arg-type]
    return found


def _layout_props(node: Any, found: dict[tuple[str, str], Any]) -> None:
    """Every (id, prop) -> value of the page's initial layout."""
    if isinstance(node, list):
        for child in node:
            _layout_props(child, found)
    elif isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict):
            if isinstance(props.get("id"), str):
                for prop, value in props.items():
                    found[(props["id"], prop)] = value
            for value in props.values():
                _layout_props(value, found)


class DashClient:
    """Posts callback requests to a Dash app's Flask server as its renderer would, and times them."""

    def __init__(self, flask_app: Any):
        self.client = flask_app.test_client()
        self.callbacks = _parse_callbacks(self.client.get("/_dash-dependencies").get_json())
        self.initial: dict[tuple[str, str], Any] = {}
        _layout_props(self.client.get("/_dash-layout").get_json(), self.initial)

    def fired_by(self, prop: tuple[str, str]) -> list[Callback]:
        return [c for c in self.callbacks if prop in c.inputs]

    def producing(self, prop: tuple[str, str]) -> Callback:
        return next(c for c in self.callbacks if prop in c.outputs)

    def request_body(self, callback: Callback, values: dict[tuple[str, str], Any], changed: tuple[str, str]) -> dict:
        def spec(pair: tuple[str, str]) -> dict:
            return {"id": pair[0], "property": pair[1], "value": values.get(pair, self.initial.get(pair))}

        outputs = [{"id": i, "property": p} for i, p in callback.outputs]
        return {
            "output": callback.output,
            "outputs": outputs if callback.multi else outputs[0],
            "inputs": [spec(i) for i in callback.inputs],
            "state": [spec(s) for s in callback.state],
            "changedPropIds": [f"{changed[0]}.{changed[1]}"],
        }

    def post(self, body: dict) -> tuple[float, bytes]:
        """Milliseconds the app took to answer, and the answer's bytes."""
        start = time.perf_counter()
        response = self.client.post("/_dash-update-component", json=body)
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code not in (200, 204):
            raise RuntimeError(f"callback {body['output']} answered {response.status_code}: {response.data[:300]!r}")
        return elapsed, response.get_data()


@contextmanager
def app_for(dataset: Dataset) -> Iterator[Any]:
    """The app (one per process, as `dash.callback` wants) with its configuration pointed at `dataset`."""
    saved = {key: os.environ.get(key) for key in dataset.environ()}
    os.environ.update(dataset.environ())
    try:
        module = importlib.import_module("app")
        from dashboard.dataset import current_atlas

        current_atlas()  # load before timing anything
        yield module.app
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def benchmark_views(atlas: Any) -> dict[str, str]:
    """The views timed, as URL query strings: all ties; the country with the most ties; and a narrow view, the
    country with the most cited ties (Ukraine in the bundled data) + active + its most common aid type."""
    index = atlas.index
    per_country = np.bincount(index.country_a, minlength=len(index.countries))
    per_country += np.bincount(index.country_b, minlength=len(index.countries))
    country = index.countries[int(np.argmax(per_country))]
    cited = index.tier_code == index.tiers.index("cited") if "cited" in index.tiers else np.ones(index.size, bool)
    per_country_cited = np.bincount(index.country_a[cited], minlength=len(index.countries))
    per_country_cited += np.bincount(index.country_b[cited], minlength=len(index.countries))
    focus = index.countries[int(np.argmax(per_country_cited))]
    focus_code = index.countries.index(focus)
    active = (index.status_code == index.statuses.index("active")) & (
        (index.country_a == focus_code) | (index.country_b == focus_code)
    )
    aid_counts = [int(((index.aid_bits[active] >> np.uint64(i)) & np.uint64(1)).sum()) for i in range(len(AID_TYPE))]
    aid = list(AID_TYPE)[int(np.argmax(aid_counts))]
    return {"all": "", "country": f"?country={country}", "narrow": f"?country={focus}&status=active&aid={aid}"}


def arcs_drawn(figure: dict) -> int:
    """How many arcs a map figure draws: NaN-separated runs of its line traces, the highlight left out."""
    total = 0
    for trace in figure.get("data", []):
        if "lines" not in str(trace.get("mode", "")) or trace.get("legendgroup") == "selected":
            continue
        lon = decode_typed_array(trace["lon"]) if isinstance(trace.get("lon"), (dict, list)) else np.array([])
        finite = ~np.isnan(lon.astype(float))
        total += int(np.count_nonzero(finite[1:] & ~finite[:-1]) + (1 if len(finite) and finite[0] else 0))
    return total


def line_points(figure: dict) -> int:
    """Points of the line traces but the highlight: what the browser side checks to know the map is redrawn."""
    return sum(
        len(decode_typed_array(t["lon"]))
        for t in figure.get("data", [])
        if "lines" in str(t.get("mode", "")) and t.get("legendgroup") != "selected" and "lon" in t
    )


@dataclass
class ServerResults:
    """What the server-side run measured, per view."""

    views: dict[str, str]
    callback_ms: dict[str, float]  # the map callback
    chain_ms: dict[str, float]  # every callback one filter change fires, summed
    payload_bytes: int
    payload_gzip_bytes: int
    arcs: int
    line_points: dict[str, int]
    figure_all: dict  # the map of every tie, as the page draws it
    requests: list[dict]  # one round of the callback requests timed, to replay against a live server


def measure(dash_app: Any, atlas: Any, runs: int = 20) -> ServerResults:
    """Median latencies over `runs` rounds, the views interleaved (a noisy machine slows them all alike)."""
    client = DashClient(dash_app.server)
    views = benchmark_views(atlas)
    map_callback = client.producing(MAP_OUTPUT)
    sync_callback = client.producing(VIEW_INPUT)
    chain = client.fired_by(VIEW_INPUT) + client.fired_by(DRAWN_INPUT)

    requests: list[dict] = []

    def one_round(view: str, query: str, timings: dict[str, list[float]]) -> dict:
        values = {URL_INPUT: query, VIEW_INPUT: query, DRAWN_INPUT: query}
        bodies = [client.request_body(sync_callback, values, URL_INPUT)]
        bodies += [
            client.request_body(callback, values, VIEW_INPUT if VIEW_INPUT in callback.inputs else DRAWN_INPUT)
            for callback in chain
        ]
        if not timings:
            requests.extend(bodies)
        spent, _ = client.post(bodies[0])
        answers = {}
        for callback, request in zip(chain, bodies[1:]):
            elapsed, body = client.post(request)
            spent += elapsed
            answers[callback.output] = (elapsed, body)
        timings.setdefault(f"map:{view}", []).append(answers[map_callback.output][0])
        timings.setdefault(f"chain:{view}", []).append(spent)
        return json.loads(answers[map_callback.output][1])

    timings: dict[str, list[float]] = {}
    sent = {view: one_round(view, query, {})["response"][ids.MAP_DRAWING]["data"] for view, query in views.items()}
    for _ in range(runs):
        for view, query in views.items():
            one_round(view, query, timings)
    figure_json = json.dumps(sent["all"], separators=(",", ":")).encode()  # what crosses the network
    # What the page draws: the references filled in from the ties pack, as assets/ties_pack.js does.
    figures = {
        view: filled(drawing["figure"], atlas.index, atlas.tie_hover, atlas.place_labels)
        for view, drawing in sent.items()
    }
    return ServerResults(
        views=views,
        callback_ms={v: statistics.median(timings[f"map:{v}"]) for v in views},
        chain_ms={v: statistics.median(timings[f"chain:{v}"]) for v in views},
        payload_bytes=len(figure_json),
        payload_gzip_bytes=len(gzip.compress(figure_json, 6)),
        arcs=arcs_drawn(figures["all"]),
        line_points={v: line_points(f) for v, f in figures.items()},
        figure_all=figures["all"],
        requests=requests,
    )


def parse_view(query: str) -> ViewFilter:
    return parse_query(query).view


def per_arc(total: int, arcs: int) -> float:
    return total / arcs if arcs else math.nan
