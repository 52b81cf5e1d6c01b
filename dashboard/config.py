"""Settings, read from the environment in one place: a declarative table of name, default and help text."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from geodata.build import BUILD_DIR, DATA_DIR


@dataclass(frozen=True)
class Setting:
    """One environment variable the dashboard reads."""

    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("PORT", "8050", "port `python app.py` listens on"),
    Setting("HOST", "127.0.0.1", "address `python app.py` listens on (0.0.0.0 to serve a network)"),
    Setting("DEBUG", "", "1/true/yes turns on Dash's debug mode (dev tools, reloader); never in production"),
    Setting("TWINNING_DATA_DIR", "", "dataset folder of CSV files (default: the bundled geodata/data)"),
    Setting("TWINNING_BUILD_DIR", "", "where the built layers are cached (default: geodata/build, or DATA/build)"),
    Setting("TWINNING_PUBLIC_URL", "http://127.0.0.1:8050/", "the app's public address, for links in CLI exports"),
)


@dataclass(frozen=True)
class Config:
    """The dashboard's settings, resolved."""

    port: int
    host: str
    debug: bool
    data_dir: Path
    build_dir: Path
    public_url: str = "http://127.0.0.1:8050/"


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def read_config(environ: Mapping[str, str] | None = None) -> Config:
    """Settings from `environ` (default: os.environ); a malformed PORT is an error that names it."""
    env = os.environ if environ is None else environ
    raw = {s.name: env.get(s.name, s.default) for s in SETTINGS}
    try:
        port = int(raw["PORT"])
    except ValueError:
        raise ValueError(f"PORT must be a whole number, got {raw['PORT']!r}") from None
    data_dir = Path(raw["TWINNING_DATA_DIR"]).resolve() if raw["TWINNING_DATA_DIR"] else DATA_DIR
    if raw["TWINNING_BUILD_DIR"]:
        build_dir = Path(raw["TWINNING_BUILD_DIR"]).resolve()
    else:
        build_dir = BUILD_DIR if data_dir == DATA_DIR else data_dir / "build"
    return Config(
        port=port,
        host=raw["HOST"],
        debug=_truthy(raw["DEBUG"]),
        data_dir=data_dir,
        build_dir=build_dir,
        public_url=raw["TWINNING_PUBLIC_URL"].rstrip("/") + "/",
    )
