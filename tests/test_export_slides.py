"""The slide deck of a view (PPTX): read back with python-pptx, converted by LibreOffice, served and exported.

The deck builder takes the map as PNG bytes, so most tests pass a tiny picture and need no Chromium; one draws
the map for real (marked like the image tests of test_export_cli).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess

import flask
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from dashboard import i18n
from dashboard.export import slides
from dashboard.export.cli import main
from dashboard.export.routes import PPTX_MIMETYPE, PPTX_PATH, register_exports
from dashboard.export.view import cite_view, read_view
from tests.test_export_cli import assert_image_drawn, needs_chromium

KYIV = "703448"
LINK = "https://atlas.example.org/"


def tiny_png(size: tuple[int, int] = (16, 9)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 220, 240)).save(out, "PNG")
    return out.getvalue()


def build(atlas, query: str, **kwargs) -> bytes:
    """The deck of a view in the language its query asks for, the map a tiny picture unless `image` is given."""
    with i18n.language(i18n.lang_from_query(query)):
        return slides.view_slides(atlas, query, link=LINK + read_view(atlas, query).link_query, **kwargs)


def slide_texts(deck: bytes) -> list[str]:
    """Per slide, the text of its text boxes and table cells, joined."""
    texts = []
    for slide in Presentation(io.BytesIO(deck)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        texts.append("\n".join(parts))
    return texts


def test_the_deck_of_a_view(mini_env):
    deck = build(mini_env, "status=suspended", image=tiny_png())
    presentation = Presentation(io.BytesIO(deck))
    assert presentation.slide_width * 9 == presentation.slide_height * 16  # 16:9
    texts = slide_texts(deck)
    assert len(texts) == 4  # title, map, one table page, one sources page
    assert "Twinning Atlas" in texts[0] and "status: Suspended" in texts[0] and "Dataset version" in texts[0]
    [picture] = presentation.slides[1].shapes
    assert picture.shape_type == MSO_SHAPE_TYPE.PICTURE and picture.width == presentation.slide_width
    assert "ties 1–2 of 2" in texts[2] and "Magadan" in texts[2] and "Chicago" in texts[2]
    citation = cite_view(mini_env, read_view(mini_env, "status=suspended").mask, LINK + "?status=suspended")
    assert citation.full_text() in texts[3]
    assert "https://example.org/chicago-moscow" in texts[3] and "https://example.org/anchorage" in texts[3]
    assert "Partners" not in "".join(texts)  # no place, no place slide


def test_the_selected_place_has_a_slide_and_its_sources(mini_env):
    texts = slide_texts(build(mini_env, f"place={KYIV}", image=tiny_png()))
    assert len(texts) == 5  # title, map, table, place, sources
    place = texts[3]
    assert place.startswith("Kyiv") and "Partners" in place and "What flowed" in place
    assert "Warsaw (PL)" in place and "3,500 tonnes" in place  # an aid event's quantity
    assert "selected: Kyiv (UA)" in texts[0]
    assert "Every source cited by the ties and the place" in texts[4]
    assert "https://example.org/warsaw" in texts[4]  # the source of the place's aid event


def test_ukrainian_words(mini_env):
    texts = slide_texts(build(mini_env, f"place={KYIV}&lang=uk", image=tiny_png()))
    assert "Версія набору даних" in texts[0] and "Дата експорту" in texts[0]
    assert "Зв’язки за фільтрами" in texts[2] and "Місце А" in texts[2] and "зв’язки 1–6 із 6" in texts[2]
    assert "Партнери" in texts[3] and "Київ" in texts[3] and "3\u00a0500 т" in texts[3]
    assert "Джерела" in texts[4] and "Як цитувати це подання" in texts[4]


def test_long_views_are_paginated_and_capped(mini_env, monkeypatch):
    monkeypatch.setattr(slides, "TIES_PER_SLIDE", 2)
    monkeypatch.setattr(slides, "TIES_LIMIT", 5)
    monkeypatch.setattr(slides, "SOURCES_PER_SLIDE", 2)
    texts = slide_texts(build(mini_env, "", image=tiny_png()))
    tables = [t for t in texts if "Ties in view" in t]
    assert [re.search(r"ties \d+–\d+ of \d+", t).group() for t in tables] == [  # type: ignore[union-attr]
        "ties 1–2 of 6",
        "ties 3–4 of 6",
        "ties 5–5 of 6",
    ]
    assert "first 5 of the 6 ties" in tables[-1] and "first 5" not in tables[0]
    sources = [t for t in texts if "sources " in t and "Cite this view" in t]
    assert len(texts) == 2 + 3 + len(sources) and "sources 1–2 of 5" in sources[0]  # the 5 ties' 5 sources


def test_a_view_without_ties(mini_env):
    texts = slide_texts(build(mini_env, "country=JP", image=tiny_png()))
    assert len(texts) == 4 and "No ties in this view." in texts[2] and "cite no sources" in texts[3]


def test_the_map_is_drawn_at_slide_size_when_no_image_is_given(mini_env, monkeypatch):
    sizes = []
    monkeypatch.setattr(
        slides, "render_image", lambda figure, fmt, scale=1.0: sizes.append(figure["layout"]["width"]) or tiny_png()
    )
    build(mini_env, "status=suspended")
    assert sizes == [1920]


def test_the_command_line_infers_pptx(mini_env, tmp_path, monkeypatch):
    monkeypatch.setattr(slides, "render_image", lambda figure, fmt, scale=1.0: tiny_png())
    out = tmp_path / "deck.pptx"
    assert main(["--query", "status=suspended&lang=uk", "--out", str(out)]) == 0
    assert len(Presentation(str(out)).slides) == 4 and "Джерела" in slide_texts(out.read_bytes())[3]


@pytest.fixture
def client(mini_env):
    server = flask.Flask(__name__)
    register_exports(server)
    return server.test_client()


def test_the_route_serves_a_deck_and_refuses_bad_queries(client, monkeypatch):
    monkeypatch.setattr(slides, "render_image", lambda figure, fmt, scale=1.0: tiny_png())
    response = client.get(PPTX_PATH + "?status=suspended")
    assert response.status_code == 200 and response.mimetype == PPTX_MIMETYPE
    assert 'filename="twinning-atlas.pptx"' in response.headers["Content-Disposition"]
    assert "http://localhost/?status=suspended" in slide_texts(response.data)[3]
    refused = client.get(PPTX_PATH + "?status=suspended&lon=east")
    assert refused.status_code == 400 and "lon" in refused.get_data(as_text=True)


def test_the_route_says_when_the_map_cannot_be_drawn(client, monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    response = client.get(PPTX_PATH + "?status=suspended")
    assert response.status_code == 503 and "apt-get install chromium" in response.get_data(as_text=True)


@needs_chromium
def test_the_map_slide_drawn_for_real(mini_env):
    from PIL import Image

    deck = Presentation(io.BytesIO(build(mini_env, f"place={KYIV}")))
    [picture] = deck.slides[1].shapes
    assert_image_drawn(picture.image.blob, (1920, 1080))
    assert Image.open(io.BytesIO(picture.image.blob)).format == "PNG"


def _soffice() -> str:
    """LibreOffice's command line; a skip without it, a failure under CI (which installs it)."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        message = "converting slides needs LibreOffice Impress (apt-get install -y libreoffice-impress)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def test_libreoffice_converts_the_deck_to_pdf(mini_env, tmp_path):
    soffice = _soffice()
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(build(mini_env, f"place={KYIV}&lang=uk", image=tiny_png((1920, 1080))))
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",  # its own profile: no clash with others
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    pdf = tmp_path / "deck.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    body = pdf.read_bytes()
    assert body.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", body)) == 5
