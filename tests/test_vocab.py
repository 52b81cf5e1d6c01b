"""Every vocabulary word is documented in the README, so editors and URL writers know what is allowed."""

from pathlib import Path

import pytest

from geodata.vocab import VOCABULARIES

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "word"), [(n, w) for n, v in VOCABULARIES.items() for w in v])
def test_every_vocabulary_word_is_in_the_readme(name, word):
    assert f"`{word}`" in README, f"{name} word {word!r} is not documented in README.md"


def test_the_aid_types_cover_what_the_issue_asks_for():
    required = {
        "humanitarian_supplies",
        "evacuation_shelter",
        "medical_rehabilitation",
        "reconstruction",
        "energy",
        "water_infrastructure",
        "transport_vehicles",
        "ports_logistics",
        "education",
        "culture",
        "economy_trade",
        "climate",
        "governance_expertise",
    }
    assert required <= set(VOCABULARIES["aid_type"])
