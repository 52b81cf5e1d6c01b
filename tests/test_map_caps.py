"""What the map draws when a view holds more than it can draw: a fixed sample of ties and the busiest places,
and a notice on the map saying so."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard import figures, text
from dashboard.figures.map_layout import take_notices
from geodata.filters import PartnershipIndex, ViewFilter

N_TIES, N_PLACES = 400, 120


def index_of(statuses: list[str], tiers: list[str], seed: int = 3) -> PartnershipIndex:
    """Ties between random places, with the given statuses and tiers (cycled)."""
    rng = np.random.default_rng(seed)
    places = pd.DataFrame(
        {"place_id": [f"p{i}" for i in range(N_PLACES)], "name": [f"Place {i}" for i in range(N_PLACES)],
         "country": "PL", "alt_names": "", "n_ties": 1}
    )  # fmt: skip
    lon, lat = rng.uniform(-170, 170, N_PLACES), rng.uniform(-50, 70, N_PLACES)
    a = rng.integers(0, N_PLACES, N_TIES)
    b = (a + 1 + rng.integers(0, N_PLACES - 1, N_TIES)) % N_PLACES
    frame = pd.DataFrame(
        {
            "partnership_id": [f"t{i}" for i in range(N_TIES)],
            "tier": [tiers[i % len(tiers)] for i in range(N_TIES)],
            "place_a": places["place_id"].to_numpy()[a],
            "place_b": places["place_id"].to_numpy()[b],
            "city_a": places["name"].to_numpy()[a],
            "city_b": places["name"].to_numpy()[b],
            "country_a": "PL",
            "country_b": "UA",
            "lon_a": lon[a], "lat_a": lat[a], "lon_b": lon[b], "lat_b": lat[b],
            "relation": "sister_city",
            "status": [statuses[i % len(statuses)] for i in range(N_TIES)],
            "since": "", "status_date": "", "from_year": np.nan, "to_year": np.nan,
            "aid_types": "", "themes": "", "conflicts": "", "context": "",
        }
    )  # fmt: skip
    return PartnershipIndex(frame, places)


def figure_of(index: PartnershipIndex, mask: np.ndarray) -> dict:
    labels = np.array(index.place_ids, dtype=object)
    return figures.map_figure(index, mask, tie_hover=np.full(index.size, "", dtype=object), place_labels=labels)


def arcs_in(figure: dict) -> int:
    return sum(len(figures.decode_typed_array(t["lon"])) // 3 for t in figure["data"] if t["mode"] == "lines")


def dots_in(figure: dict) -> int:
    return len(next(t for t in figure["data"] if t.get("legendgroup") == "places")["customdata"])


def notice_of(figure: dict) -> str:
    return " ".join(a["text"] for a in figure["layout"].get("annotations", []) if a.get("name") == "capped-notice")


def test_capped_keeps_cited_ties_then_known_statuses_first():
    index = index_of(["unknown", "unknown", "active", "unknown"], ["listed", "listed", "listed", "listed", "cited"])
    everything = np.ones(index.size, dtype=bool)
    kept = index.capped(everything, 100)
    cited = index.tier_code == index.tiers.index("cited")
    known = index.status_code != index.statuses.index("unknown")
    assert kept.sum() == 100
    assert kept[cited].all()  # 80 cited ties, all kept
    assert (kept & ~cited & known).sum() == 100 - cited.sum()  # then ties of known status, before unknown ones
    assert not (kept & ~cited & ~known).any()


def test_capped_is_the_same_sample_every_time_and_within_the_view():
    index = index_of(["unknown"], ["listed"])
    view = np.arange(index.size) % 3 == 0
    first, second = index.capped(view, 50), index.capped(view, 50)
    np.testing.assert_array_equal(first, second)
    assert first.sum() == 50 and not (first & ~view).any()
    assert index.capped(view, 10_000) is view  # under the limit: the view itself


def test_a_view_under_the_limits_is_drawn_whole_without_a_notice():
    index = index_of(["active", "unknown"], ["cited", "listed"])
    figure = figure_of(index, index.mask(ViewFilter()))
    assert arcs_in(figure) == N_TIES
    assert notice_of(figure) == ""


@pytest.mark.parametrize(("arc_limit", "place_limit"), [(150, 10_000), (10_000, 30), (150, 30)])
def test_a_view_over_a_limit_is_drawn_capped_and_says_so(monkeypatch, arc_limit, place_limit):
    monkeypatch.setattr(figures.traces, "ARC_LIMIT", arc_limit)
    monkeypatch.setattr(figures.traces, "PLACE_LIMIT", place_limit)
    index = index_of(["active", "unknown"], ["cited", "listed"])
    mask = index.mask(ViewFilter())
    figure = figure_of(index, mask)
    notice = notice_of(figure)
    assert arcs_in(figure) == min(arc_limit, N_TIES)
    assert (f"{arc_limit:,} of the {N_TIES:,} ties" in notice) == (arc_limit < N_TIES)
    places_in_view = int((index.tie_counts(mask) > 0).sum())
    assert dots_in(figure) == min(place_limit, places_in_view)
    assert (text.MAP_PLACES_CAPPED.format(shown=place_limit, total=places_in_view) in notice) == (
        place_limit < places_in_view
    )


def test_capped_place_dots_are_the_busiest(monkeypatch):
    monkeypatch.setattr(figures.traces, "PLACE_LIMIT", 20)
    index = index_of(["unknown"], ["listed"])
    mask = index.mask(ViewFilter())
    dots = next(t for t in figure_of(index, mask)["data"] if t.get("legendgroup") == "places")["customdata"]
    counts = index.tie_counts(mask)
    drawn = sorted((n for _, n in dots), reverse=True)
    assert drawn == sorted(counts, reverse=True)[:20]


def test_the_page_takes_the_notice_out_of_the_figure_as_words(monkeypatch):
    monkeypatch.setattr(figures.traces, "ARC_LIMIT", 150)
    index = index_of(["active", "unknown"], ["cited", "listed"])
    figure = figure_of(index, index.mask(ViewFilter()))
    notices = take_notices(figure)
    assert notices and "150 of the" in notices[0]
    assert notice_of(figure) == ""  # no annotation left over the map
