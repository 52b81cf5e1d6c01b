"""`python -m dashboard.export`: each format of a view, offline; images drawn by kaleido in Debian's Chromium."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.export.cli import main
from dashboard.export.render import find_chromium

ROOT = Path(__file__).resolve().parent.parent


def _has_chromium() -> bool:
    try:
        find_chromium()
    except RuntimeError:
        return False
    return True


needs_chromium = pytest.mark.skipif(not _has_chromium(), reason="images need chromium (apt-get install chromium)")


def assert_image_drawn(png: bytes, size: tuple[int, int]) -> None:
    """A PNG of the given pixel size with a drawn map: many colours, much of it not background."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == size
    small = image.resize((image.width // 4, image.height // 4))
    colours = small.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50, "an image of few colours is blank"
    background = max(colours)[0] / (small.width * small.height)
    assert background < 0.9, "the map, legend and caption cover more than a tenth of the image"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard.export", *args],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=300,
    )


@needs_chromium
def test_png_at_slide_size_and_double_scale(mini_env, tmp_path):
    out = tmp_path / "kyiv.png"
    result = run_cli(
        "--query", "city=Kyiv&status=active", "--format", "png", "--out", str(out), "--size", "1280x720", "--scale", "2"
    )
    assert result.returncode == 0, result.stderr
    assert_image_drawn(out.read_bytes(), (2560, 1440))


@needs_chromium
def test_svg_has_the_map_arcs_title_and_sources(mini_env, tmp_path):
    out = tmp_path / "suspended.svg"
    assert main(["--query", "status=suspended", "--out", str(out), "--size", "a4", "--title", "Suspended ties"]) == 0
    svg = out.read_text(encoding="utf-8")
    assert 'width="1123" height="794"' in svg[:400]
    assert svg.count("js-line") >= 2 and 'class="layer countries"' in svg
    assert "Suspended ties" in svg and "GeoNames" in svg and "2 ties from 2 sources" in svg


def test_html_csv_and_geojson(mini_env, tmp_path):
    for fmt in ("html", "csv", "geojson"):
        assert main(["--query", "status=suspended", "--out", str(tmp_path / f"view.{fmt}")]) == 0
    assert "PlotlyGeoAssets" in (tmp_path / "view.html").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "view.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 2 and rows[0]["city_a"] in {"Chicago", "Anchorage"}  # plain CSV: the header comes first
    collection = json.loads((tmp_path / "view.geojson").read_text(encoding="utf-8"))
    assert len(collection["features"]) == 2 and collection["citation"]["ties"] == 2


def test_the_link_base_and_bad_values(mini_env, tmp_path, capsys):
    out = tmp_path / "view.geojson"
    assert main(["--query", "status=suspended", "--out", str(out), "--link-base", "https://a.example"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["citation"]["link"] == "https://a.example/?status=suspended"
    refused = tmp_path / "refused.csv"
    assert main(["--query", "status=suspended&lon=east", "--out", str(refused)]) == 2
    assert "lon: “east”" in capsys.readouterr().err and not refused.exists()  # nothing written from a bad view


@pytest.mark.parametrize(
    "args",
    [["--out", "x.pdf"], ["--out", "x.png", "--scale", "50"], ["--out", "x.png", "--size", "huge"], []],
)
def test_usage_errors(mini_env, args):
    with pytest.raises(SystemExit) as error:
        main(args)
    assert error.value.code == 2


def test_a_missing_browser_is_a_clear_error(mini_env, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    assert main(["--query", "status=suspended", "--out", str(tmp_path / "x.png")]) == 1
    assert "apt-get install chromium" in capsys.readouterr().err and not (tmp_path / "x.png").exists()
