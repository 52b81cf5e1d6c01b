"""Traces that name their ties: the figure the page draws is the full figure, for a fraction of the bytes."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dashboard.callbacks.map import map_for_view
from dashboard.figures.references import REFERENCE_KEY, filled, place_codes, place_reference, rows_of, rows_spec


@pytest.mark.parametrize("rows", [[], [0], [3, 4, 9], list(range(0, 1000, 7)), list(range(1000))])
def test_rows_come_back_as_they_went(rows):
    spec = rows_spec(np.array(rows, dtype=np.int64), 1000)
    assert rows_of(spec).tolist() == rows and spec["n"] == len(rows)


def test_few_rows_go_as_numbers_many_as_a_bitset():
    assert "rows" in rows_spec(np.array([5, 6]), 10_000)
    many = rows_spec(np.arange(0, 10_000, 2), 10_000)
    assert "bits" in many and len(many["bits"]) < 10_000 / 8 * 1.4  # base64 of one bit per tie


@pytest.mark.parametrize("query", ["", "?status=suspended", "?country=UA", "?tier=listed"])
@pytest.mark.parametrize("color_by", ["status", "aid"])
def test_the_filled_figure_is_the_full_figure(mini_env, query, color_by):
    kyiv = next(iter(mini_env.featured.values()))
    full, _ = map_for_view(mini_env, query, color_by, kyiv, None)
    named, _ = map_for_view(mini_env, query, color_by, kyiv, None, by_reference=True)
    assert filled(named, mini_env.index, mini_env.tie_hover, mini_env.place_labels) == full


def test_named_traces_carry_no_coordinates(mini_env):
    named, _ = map_for_view(mini_env, "", "status", None, None, by_reference=True)
    references = [t for t in named["data"] if REFERENCE_KEY in t]
    assert references, "the ties' traces name their rows"
    assert all("lon" not in t and "lat" not in t and "text" not in t for t in references)
    assert {"arc", "midpoint"} <= {t[REFERENCE_KEY]["part"] for t in references} <= {"arc", "midpoint", "along"}
    full, _ = map_for_view(mini_env, "", "status", None, None)
    assert len(json.dumps(named)) < len(json.dumps(full))


def test_the_table_view_names_the_rows_the_table_shows(mini_env):
    """The table's answer to a view names exactly the rows in view: the page shows them in the table's order."""
    from dashboard.callbacks.table import rows_for_view, table_view

    for query in ("", "?status=suspended", "?country=UA"):
        shown, note = table_view(mini_env, query)
        in_view = set(rows_of(shown["rows"]).tolist())
        in_order = [mini_env.table_rows[i] for i in mini_env.table_order if i in in_view]
        assert in_order == rows_for_view(mini_env, query)[0] and note == "" and shown["yours"] == []
        assert "data/rows.json?lang=en&v=" in shown["pack"]


def test_place_dots_go_as_small_steps_and_come_back_as_they_went():
    codes = np.array([3, 9, 40_000, 2, 5, 60_000])  # listed-only places ascending, then the cited ones
    n, cited = np.array([1, 1, 2, 4, 3, 1]), np.array([0, 0, 0, 2, 1, 1])
    ref = place_reference(codes, n, cited)["_places"]
    assert ref["split"] == 3 and ref["codes"]["dtype"] == "u2" and ref["n"]["dtype"] == "u2"
    assert place_codes(ref).tolist() == codes.tolist()
    assert place_reference(codes * 2, n, cited)["_places"]["codes"]["dtype"] == "u4"  # a step of 110,000
    with pytest.raises(ValueError, match="listed-only, then cited"):
        place_reference(np.array([9, 3]), np.array([1, 1]), np.array([0, 0]))
