"""The placement figures of `python -m geodata report`: by list, by method, far places and their reviews."""

import pandas as pd

from geodata.placement import placement_figures, placement_section, read_before


def test_the_figures_count_lists_methods_and_unreviewed_far_places():
    stats = {"wikipedia_pairs": 10, "wikipedia_resolved": 9, "wikidata_edges": 4, "wikidata_resolved": 3,
             "wikipedia_ends_by_unique": 15, "wikipedia_ends_by_partner_near": 3, "wikidata_edges_by_wikidata_tie": 3}
    places = pd.DataFrame({"place_id": ["1", "2", "3"], "method": ["unique", "unique;partner_near", ""]})
    far = pd.DataFrame({"place_id": ["1", "2", "2"], "review": [None, "partner", "partner"]})
    figures = placement_figures(stats, places, far)
    assert figures["wikipedia"] == {"placed": 9, "of": 10}
    assert figures["wikipedia_ends_by_method"] == {"partner_near": 3, "unique": 15}
    assert figures["places_by_method"]["unique"] == 2 and figures["places_by_method"]["cited (curated)"] == 1
    assert (figures["far_places"], figures["far_unreviewed"], figures["far_by_review"]) == (2, 1, {"partner": 2})


def test_the_section_shows_before_and_after():
    figures = placement_figures({"wikipedia_pairs": 10, "wikipedia_resolved": 9}, pd.DataFrame(), pd.DataFrame())
    text = "\n".join(placement_section(figures, read_before()))
    assert "| Wikipedia pairs placed | 24,582 of 26,114 (94.1%) | 9 of 10 (90.0%) |" in text
    assert "0eb5fa7" in text and "| population | 2,288 | 0 |" in text
