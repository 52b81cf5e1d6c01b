"""A smoke run of the benchmark (`python -m bench`): a small synthetic dataset, server-side metrics only.

No timing is asserted (this machine is shared and noisy); what is checked is that the benchmark runs and prints
the JSON lines the README promises, and that a synthetic dataset is a build the app loads as it is.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bench import datasets, network, run
from geodata import load_layers

MINI_DIR = Path(__file__).resolve().parent / "fixtures" / "mini"
N_TIES = 150
SERVER_METRICS = {"callback_ms_all", "callback_ms_country", "callback_ms_narrow", "payload_bytes_per_arc"}


@pytest.fixture(scope="module")
def smoke_lines(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    cache = tmp_path_factory.mktemp("bench-cache")
    printed: list[str] = []
    argv = ["--datasets", str(N_TIES), "--runs", "3", "--no-server", "--cache", str(cache), "--template", str(MINI_DIR)]
    run.main(argv, emit=lambda line: printed.append(json.dumps(line)))
    return [json.loads(line) for line in printed]


def test_every_line_is_one_metric_with_value_unit_and_ties(smoke_lines):
    assert smoke_lines
    for line in smoke_lines:
        assert set(line) == {"metric", "value", "unit", "n_ties"}
        assert isinstance(line["metric"], str) and isinstance(line["unit"], str)
        assert isinstance(line["value"], (int, float)) and math.isfinite(line["value"]) and line["value"] >= 0
        assert line["n_ties"] == N_TIES


def test_the_server_side_metrics_are_all_there(smoke_lines):
    assert SERVER_METRICS <= {line["metric"] for line in smoke_lines}
    arcs = next(line["value"] for line in smoke_lines if line["metric"] == "arcs_drawn_all")
    assert arcs == N_TIES  # the map of every tie draws every one of them


def test_a_synthetic_dataset_is_a_build_the_app_loads_unchanged(tmp_path):
    template = load_layers(MINI_DIR, tmp_path / "template-build")
    dataset = datasets.synthetic(60, seed=1, cache_dir=tmp_path, template=template)
    layers = load_layers(dataset.data_dir, dataset.build_dir)  # current: read, not rebuilt from (absent) CSVs
    ties = layers.partnerships
    assert len(ties) == 60 and ties["partnership_id"].is_unique
    assert list(ties.columns) == list(template.partnerships.columns)
    assert set(ties["place_a"]) | set(ties["place_b"]) <= set(layers.places["place_id"])
    assert set(ties["status"]) <= set(template.partnerships["status"])
    again = datasets.synthetic_layers(60, seed=1, template=template).partnerships
    assert list(again["partnership_id"]) == list(ties["partnership_id"])  # a fixed seed, the same ties


def _log_entry(method: str, **params: object) -> dict:
    """One entry of chromedriver's performance log, shaped as `driver.get_log("performance")` returns it."""
    return {"level": "INFO", "timestamp": 0, "message": json.dumps({"message": {"method": method, "params": params}})}


def test_the_bytes_of_a_filter_change_are_the_finished_requests_encoded_lengths():
    log = [
        _log_entry("Network.requestWillBeSent", requestId="1"),
        _log_entry("Network.dataReceived", requestId="1", dataLength=900, encodedDataLength=300),
        _log_entry("Network.loadingFinished", requestId="1", encodedDataLength=1200),
        _log_entry("Network.loadingFinished", requestId="2", encodedDataLength=34),
        _log_entry("Network.loadingFailed", requestId="3", errorText="net::ERR_NAME_NOT_RESOLVED"),
        {"level": "INFO", "message": "not json"},
        {"level": "INFO", "message": json.dumps({"message": "no event"})},
    ]
    assert network.transfer(log) == network.Transfer(bytes_received=1234, requests=2, failed=1)


def test_a_request_finished_twice_in_the_log_counts_once():
    log = [_log_entry("Network.loadingFinished", requestId="7", encodedDataLength=n) for n in (10, 25)]
    assert network.transfer(log) == network.Transfer(bytes_received=25, requests=1, failed=0)
    assert network.transfer([]) == network.Transfer(0, 0, 0)


def test_the_overhead_ratio_is_null_when_a_side_is_missing():
    assert network.ratio(513.0, 250.0) == pytest.approx(2.052)
    for numerator, denominator in ((1.0, 0.0), (math.nan, 2.0), (1.0, math.inf)):
        assert math.isnan(network.ratio(numerator, denominator))
