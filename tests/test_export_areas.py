"""The areas of an exported image, reserved before Plotly draws: wrapped texts and margins that fit them."""

from __future__ import annotations

import pytest

from dashboard.export.areas import legend_label, plan_areas, text_px, wrap

LINK = "http://127.0.0.1:8050/?conflict=russia_ukraine_war&title=%D0%9C%D1%83%D0%BD%D1%96%D1%86%D0%B8%D0%BF" * 3


def test_wrapped_lines_fit_their_width_and_keep_every_word():
    prose = "Data: Twinning Atlas, a source cited per tie · Wikipedia lists of twin towns (CC BY-SA 4.0) " * 3
    lines = wrap(prose, 600, 12)
    assert len(lines) > 1 and all(text_px(line, 12) <= 600 for line in lines)
    assert " ".join(lines).split() == prose.split()


def test_a_link_longer_than_a_line_is_cut_anywhere_and_loses_nothing():
    lines = wrap(LINK, 500, 12)
    assert len(lines) > 2 and all(text_px(line, 12) <= 500 for line in lines) and "".join(lines) == LINK


def test_past_the_line_limit_the_last_line_ends_in_an_ellipsis():
    lines = wrap("word " * 200, 300, 20, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…") and text_px(lines[-1], 20) <= 300


def test_capitals_digits_and_percent_signs_count_wider_than_prose():
    assert text_px("%D0%9C", 10) > text_px("abcdef", 10) > text_px("il.,:;", 10)


def test_a_long_legend_label_breaks_once_near_its_middle():
    assert legend_label("Active") == "Active"
    assert legend_label("Зі списків (статус невідомий) і ще довше").count("<br>") == 1


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1123, 794)])
def test_the_margins_hold_their_lines_and_leave_the_map_most_of_the_image(size):
    areas = plan_areas(
        size,
        title="A long title " * 30,
        subtitle="3,119 ties · status: Active, Dormant, Suspended, Ended · conflict: Russia-Ukraine war " * 2,
        citation=("Data: Twinning Atlas · GeoNames (CC BY 4.0)", "Twinning Atlas, dataset version 1", LINK),
        legend_labels=("Active", "Suspended", "Listed (status unknown)", "Places"),
        legend_title="Status",
    )
    assert len(areas.title_lines) == 2 and areas.title_lines[-1].endswith("…")
    assert areas.top >= areas.fonts.title * 2 + areas.fonts.subtitle * len(areas.subtitle_lines)
    assert areas.bottom >= areas.fonts.citation * len(areas.citation_lines)
    assert areas.map_width > 0.6 * size[0] and areas.map_height > 0.5 * size[1]
    assert areas.right > text_px("Listed (status unknown)", areas.fonts.legend)  # the legend's column holds it


def test_without_a_legend_the_map_takes_the_width():
    areas = plan_areas((1280, 720), title="T", subtitle="s", citation=("c",), legend_labels=())
    assert areas.right == areas.left
