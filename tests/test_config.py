"""Settings come from the environment, in one place, each documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.config import SETTINGS, read_config
from geodata.build import BUILD_DIR, DATA_DIR


def test_defaults():
    config = read_config({})
    assert (config.port, config.debug, config.host) == (8050, False, "127.0.0.1")
    assert (config.data_dir, config.build_dir) == (DATA_DIR, BUILD_DIR)


@pytest.mark.parametrize("value, debug", [("1", True), ("true", True), ("yes", True), ("0", False), ("", False)])
def test_debug_is_off_unless_asked(value, debug):
    assert read_config({"DEBUG": value}).debug is debug


def test_port_and_data_folder(tmp_path: Path):
    config = read_config({"PORT": "9000", "TWINNING_DATA_DIR": str(tmp_path)})
    assert config.port == 9000 and config.data_dir == tmp_path and config.build_dir == tmp_path / "build"


def test_a_malformed_port_names_the_setting():
    with pytest.raises(ValueError, match="PORT"):
        read_config({"PORT": "eighty"})


def test_every_setting_has_help_text():
    assert all(s.help for s in SETTINGS)
    assert len({s.name for s in SETTINGS}) == len(SETTINGS)
