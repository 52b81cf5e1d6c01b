"""Data safety of builds: a crash mid-build never leaves half a layer, and a damaged build is rebuilt at start-up.

The build writes each file to a temporary name, renames it into place, and writes the manifest last; load_layers
rebuilds from the CSVs when the manifest is missing, unreadable or stale, or a layer cannot be read.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import geopandas as gpd
import pytest

from geodata.build import GEO_LAYERS, STALE_TEMPORARY_S, build, load_layers
from tests.conftest import append_row

ROOT = Path(__file__).resolve().parent.parent
NEW_TIE = "Kyiv,UA,,Berlin,DE,,sister_city,active,2023-09-14,,,,,,,,,https://e.org/b"


@pytest.fixture
def built(tmp_path: Path, mini_copy: Path) -> tuple[Path, Path]:
    out = tmp_path / "build"
    build(mini_copy, out, progress=False)
    return mini_copy, out


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


def test_a_build_that_fails_mid_write_leaves_the_previous_build_whole(built, monkeypatch, caplog):
    data, out = built
    before = _snapshot(out)
    append_row(data, "partnerships.csv", NEW_TIE)
    real_to_parquet = gpd.GeoDataFrame.to_parquet
    written = []

    def crash_on_second_layer(frame, path, *args, **kwargs):
        if written:
            Path(path).write_bytes(b"PAR1 half a layer")  # a partial write, then the crash
            raise OSError("disk full")
        written.append(path)
        return real_to_parquet(frame, path, *args, **kwargs)

    monkeypatch.setattr(gpd.GeoDataFrame, "to_parquet", crash_on_second_layer)
    with pytest.raises(OSError, match="disk full"):
        build(data, out, progress=False)
    monkeypatch.setattr(gpd.GeoDataFrame, "to_parquet", real_to_parquet)

    after = _snapshot(out)
    assert not [name for name in after if name.endswith(".tmp")]
    assert after["manifest.json"] == before["manifest.json"]  # the manifest, written last, still names the old inputs
    for name in GEO_LAYERS[1:]:
        assert after[f"{name}.parquet"] == before[f"{name}.parquet"]  # untouched: never half-written
    with caplog.at_level(logging.INFO, logger="geodata"):
        layers = load_layers(data, out)
    assert "stale" in caplog.text and "Berlin" in set(layers.partnerships.city_b)


def test_a_build_killed_mid_write_leaves_only_a_temporary_file(built):
    """A real crash: the build process is killed (SIGKILL) while a layer is half written."""
    data, out = built
    before = _snapshot(out)
    append_row(data, "partnerships.csv", NEW_TIE)
    script = textwrap.dedent(f"""
        import time
        from pathlib import Path
        import geopandas as gpd
        from geodata.build import build

        def hang_mid_write(frame, path, *args, **kwargs):
            Path(path).write_bytes(b"PAR1 half a layer")
            time.sleep(120)

        gpd.GeoDataFrame.to_parquet = hang_mid_write
        build(Path({str(data)!r}), Path({str(out)!r}), progress=False)
    """)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while not list(out.glob(".*.tmp")) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        assert list(out.glob(".*.tmp")), "the build never started writing"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)

    after = _snapshot(out)
    for name, content in before.items():
        assert after[name] == content  # every finished file is whole: the kill hit only the temporary
    leftovers = list(out.glob(".*.tmp"))
    assert leftovers
    # The next build removes what the killed one left once it is clearly stale (not a live build's).
    old = time.time() - STALE_TEMPORARY_S - 60
    for path in leftovers:
        os.utime(path, (old, old))
    layers = load_layers(data, out)
    assert "Berlin" in set(layers.partnerships.city_b)
    assert not list(out.glob(".*.tmp"))


@pytest.mark.parametrize("layer", GEO_LAYERS)
def test_a_truncated_layer_is_detected_at_start_up_and_rebuilt(built, caplog, layer):
    data, out = built
    path = out / f"{layer}.parquet"
    content = path.read_bytes()
    path.write_bytes(content[: len(content) // 2])
    with caplog.at_level(logging.WARNING, logger="geodata"):
        layers = load_layers(data, out)
    assert f"build in {out} is corrupt" in caplog.text and "rebuilding from the CSVs" in caplog.text
    assert len(getattr(layers, layer)) > 0
    assert path.read_bytes() != content[: len(content) // 2]


@pytest.mark.parametrize("damage", [b"", b'{"inputs_hash": "', b"\x00\xff" * 10])
def test_a_damaged_manifest_is_detected_and_rebuilt(built, caplog, damage):
    data, out = built
    (out / "manifest.json").write_bytes(damage)
    with caplog.at_level(logging.INFO, logger="geodata"):
        layers = load_layers(data, out)
    assert "rebuilding" in caplog.text and len(layers.partnerships) == 6
    assert json.loads((out / "manifest.json").read_text())["counts"]["partnerships"] == 6


def test_a_missing_layer_is_rebuilt(built, caplog):
    data, out = built
    (out / "networks.parquet").unlink()
    with caplog.at_level(logging.WARNING, logger="geodata"):
        load_layers(data, out)
    assert "corrupt" in caplog.text and (out / "networks.parquet").is_file()


def test_a_young_temporary_file_is_left_alone(built):
    """Another process may be building into the same folder right now: its temporaries are not touched."""
    data, out = built
    live = out / ".partnerships.parquet.live.tmp"
    live.write_bytes(b"being written")
    build(data, out, progress=False)
    assert live.exists()
