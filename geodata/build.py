"""Build the layers once, store them as GeoParquet, and load them fast; rebuild when the CSVs change.

The build directory holds one GeoParquet file per layer plus `manifest.json`, which records a hash of every
input file and of the build format. A manifest that does not match the inputs (a stale build), or a layer file
that is missing or unreadable (a crash mid-write, a truncated copy), makes `load_layers` rebuild from the CSVs.
Every file is written to a temporary name and renamed into place, so a crash never leaves half a layer.
A build also (re)writes the gazetteer's index (geodata.gazetteer) when it is missing or stale: one file shared
by every dataset's build, in BUILD_DIR.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geodata.gazetteer import load_gazetteer
from geodata.gazetteer import preload as preload_gazetteer
from geodata.geocode import Geocoder
from geodata.layers import Layers, build_layers
from geodata.listed import LISTED_DIR, import_listed
from geodata.paths import BUILD_DIR, DATA_DIR
from geodata.validate import validate_folder

log = logging.getLogger("geodata")

# Bump when the layers' columns or meaning change, so old builds are rebuilt.
BUILD_FORMAT = 6  # 6: derived conflict and theme tags (themes_derived, conflicts_derived)
GEO_LAYERS = ("places", "partnerships", "aid_events", "network_members")
INPUT_SUFFIXES = frozenset({".csv", ".tsv", ".geojson"})
UNRESOLVED_FILE = "unresolved_listed.csv"
FAR_FILE = "far_from_source.csv"


def inputs_hash(data_dir: Path) -> str:
    """A hash of every input file's name and bytes, and of the build format."""
    digest = hashlib.sha256(f"format={BUILD_FORMAT}".encode())
    for path in sorted(
        p for p in data_dir.rglob("*") if p.suffix in INPUT_SUFFIXES and "build" not in p.relative_to(data_dir).parts
    ):
        digest.update(str(path.relative_to(data_dir)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def default_build_dir(data_dir: Path) -> Path:
    """Where a dataset's build goes: geodata/build for the bundled data, a sub-folder of it named after the path
    for any other dataset, so building someone's folder never overwrites the bundled build."""
    if data_dir.resolve() == DATA_DIR:
        return BUILD_DIR
    return BUILD_DIR / "other" / hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]


def build(data_dir: Path = DATA_DIR, build_dir: Path | None = None, progress: bool = True) -> Layers:
    """Validate, geocode and assemble the layers, then write them atomically to `build_dir`."""
    build_dir = build_dir or default_build_dir(data_dir)
    # The gazetteer index is a build product of its own (shared by every dataset): (re)build it first, visibly.
    preload_gazetteer(progress=progress)
    log.info("building layers from %s", data_dir)
    data = validate_folder(data_dir)
    listed = None
    if (data_dir / LISTED_DIR).is_dir():
        geocoder = Geocoder(load_gazetteer(), data.overrides, suggest=False)
        listed = import_listed(data_dir / LISTED_DIR, geocoder, progress=progress)
    layers = build_layers(data, listed)
    digest = inputs_hash(data_dir)
    layers.manifest = {
        "inputs_hash": digest,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "dataset_version": f"{dt.date.today().isoformat()}-{digest[:8]}",
        "data_dir": str(data_dir),
        "counts": {name: int(len(getattr(layers, name))) for name in (*GEO_LAYERS, "networks")},
        "problems": layers.problems,
        "listed": listed.stats if listed else {},
    }
    build_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(build_dir)
    for name in GEO_LAYERS:
        _write_atomically(build_dir / f"{name}.parquet", lambda tmp, n=name: getattr(layers, n).to_parquet(tmp))
    _write_atomically(build_dir / "networks.parquet", lambda tmp: layers.networks.to_parquet(tmp))
    if listed is not None:
        # Reviewable by hand: what the lists hold that could not be placed, and where sources misplace places.
        _write_atomically(
            build_dir / UNRESOLVED_FILE,
            lambda tmp: pd.DataFrame(
                listed.unresolved, columns=["source", "row", "side", "name", "country", "reason"]
            ).to_csv(tmp, index=False),
        )
        _write_atomically(
            build_dir / FAR_FILE, lambda tmp: pd.DataFrame(listed.far_from_source).to_csv(tmp, index=False)
        )
    # The manifest goes last: it is what marks the build complete.
    _write_atomically(
        build_dir / "manifest.json",
        lambda tmp: Path(tmp).write_text(json.dumps(layers.manifest, indent=2, ensure_ascii=False)),
    )
    return layers


STALE_TEMPORARY_S = 3600  # a temporary file this old is a killed build's; a younger one may be a live build's


def _remove_stale_temporaries(build_dir: Path) -> None:
    """Delete what a build killed mid-write (SIGKILL, power loss) left: its temporary files, never renamed."""
    now = dt.datetime.now().timestamp()
    for path in build_dir.glob(".*.tmp"):
        try:
            if now - path.stat().st_mtime > STALE_TEMPORARY_S:
                path.unlink()
                log.info("removed %s, left by an interrupted build", path.name)
        except OSError:
            pass  # another process removed or renamed it first


def _write_atomically(target: Path, write: Any) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def read_build(build_dir: Path) -> Layers:
    """Read a complete build; raise if any part is missing or unreadable."""
    manifest = json.loads((build_dir / "manifest.json").read_text())
    frames = {name: gpd.read_parquet(build_dir / f"{name}.parquet") for name in GEO_LAYERS}
    networks = pd.read_parquet(build_dir / "networks.parquet")
    return Layers(**frames, networks=networks, problems=list(manifest.get("problems", [])), manifest=manifest)


def load_layers(data_dir: Path = DATA_DIR, build_dir: Path | None = None) -> Layers:
    """The layers as GeoDataFrames in EPSG:4326, from the build if it is current, else rebuilt first."""
    build_dir = build_dir or default_build_dir(data_dir)
    manifest_path = build_dir / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text())
    except FileNotFoundError:
        log.info("no build in %s yet", build_dir)
        return build(data_dir, build_dir)
    except (OSError, ValueError) as error:
        log.warning("manifest %s is unreadable (%s): rebuilding", manifest_path, error)
        return build(data_dir, build_dir)
    if manifest.get("inputs_hash") != inputs_hash(data_dir):
        log.info("build in %s is stale (the CSVs changed): rebuilding", build_dir)
        return build(data_dir, build_dir)
    try:
        return read_build(build_dir)
    except Exception as error:  # noqa: BLE001 - any unreadable layer means the same thing: rebuild it
        log.warning("build in %s is corrupt (%s: %s): rebuilding from the CSVs", build_dir, type(error).__name__, error)
        return build(data_dir, build_dir)
