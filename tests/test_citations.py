"""The citation audit: a cited row stays only while a source audited as stating it does; refused domains never count."""

from pathlib import Path

import pytest

from geodata.citations import AUDIT_FILE, REFUSED_FILE, check_citations, domain_of, refused_domain, row_key
from geodata.reading import Row
from geodata.validate import validate_folder
from tests.conftest import MINI, append_row

KYIV_WARSAW = "Kyiv/UA - Warsaw/PL"
KYIV_WARSAW_SOURCE = "https://example.org/kyiv-warsaw"
AUDIT_HEADER = "file,row,source,states,checked,verdict\n"


def audit_everything(folder: Path, verdict: str = "supports") -> None:
    """An audit file that gives every source of the folder's cited rows the same verdict."""
    from geodata.citations import cited_rows

    lines = [
        f'{r.file},"{r.key}","{s}",states the row,2026-12-02,{verdict}' for r in cited_rows(folder) for s in r.sources
    ]
    (folder / AUDIT_FILE).write_text(AUDIT_HEADER + "\n".join(lines) + "\n", encoding="utf-8")


def set_verdict(folder: Path, key: str, verdict: str) -> None:
    path = folder / AUDIT_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join(line.rsplit(",", 1)[0] + f",{verdict}" if f'"{key}"' in line else line for line in lines) + "\n",
        encoding="utf-8",
    )


def partnerships(folder: Path) -> set[str]:
    """The valid ties of a folder, as "Kyiv - Warsaw"."""
    data = validate_folder(folder)
    return {f"{data.places[r['place_a']].name} - {data.places[r['place_b']].name}" for r in data.partnerships}


def test_a_folder_without_an_audit_validates_as_before():
    assert check_citations(MINI) == ([], set())


def test_a_fully_audited_folder_is_clean(mini_copy):
    audit_everything(mini_copy)
    assert check_citations(mini_copy) == ([], set())
    assert len(validate_folder(mini_copy).partnerships) == 6


def test_a_source_with_no_audit_entry_fails_its_row_and_names_it(mini_copy):
    audit_everything(mini_copy)
    line = "Kyiv,UA,,Berlin,DE,,sister_city,active,2023,,,,,,,,,https://example.org/kb"
    row = append_row(mini_copy, "partnerships.csv", line)
    problems, failing = check_citations(mini_copy)
    assert failing == {("partnerships.csv", row)}
    assert [p.column for p in problems] == ["sources", "sources"]
    assert "https://example.org/kb has no entry in citation_audit.csv for 'Kyiv/UA - Berlin/DE'" in problems[0].message
    # The row is left out of the layers; every other row is kept.
    assert "Kyiv - Berlin" not in partnerships(mini_copy) and "Kyiv - Warsaw" in partnerships(mini_copy)


@pytest.mark.parametrize("verdict", ["does_not", "unread"])
def test_a_source_that_does_not_state_the_row_fails_it(mini_copy, verdict):
    audit_everything(mini_copy)
    set_verdict(mini_copy, KYIV_WARSAW, verdict)
    problems, failing = check_citations(mini_copy)
    assert failing == {("partnerships.csv", 2)}
    assert any(f"audited as {verdict!r}" in p.message for p in problems)
    assert "Kyiv - Warsaw" not in partnerships(mini_copy)


def test_partly_alone_needs_the_row_marked_uncertain(mini_copy):
    audit_everything(mini_copy)
    set_verdict(mini_copy, KYIV_WARSAW, "partly")
    problems, _ = check_citations(mini_copy)
    assert any("no source of 'Kyiv/UA - Warsaw/PL' is audited as 'supports'" in p.message for p in problems)
    path = mini_copy / "partnerships.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",,,,,https://example.org/kyiv-warsaw", ",,,uncertain,,https://example.org/kyiv-warsaw")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert check_citations(mini_copy) == ([], set())


def test_a_refused_domain_fails_the_row_even_without_an_audit(mini_copy):
    (mini_copy / REFUSED_FILE).write_text("domain,reason,note\nnews-pravda.com,state_propaganda,mirror network\n")
    row = append_row(
        mini_copy,
        "partnerships.csv",
        "Berlin,DE,,Moscow,RU,,sister_city,suspended,1991,2022,,,,,,,,https://deutsch.news-pravda.com/x",
    )
    problems, failing = check_citations(mini_copy)
    assert failing == {("partnerships.csv", row)}
    assert "is on news-pravda.com, a refused domain (State-propaganda outlet" in problems[0].message


def test_a_stale_entry_is_reported_where_it_is(mini_copy):
    audit_everything(mini_copy)
    with (mini_copy / AUDIT_FILE).open("a", encoding="utf-8") as f:
        f.write('partnerships.csv,"Kyiv/UA - Paris/FR",https://example.org/old,said so,2026-12-02,supports\n')
    problems, failing = check_citations(mini_copy)
    assert failing == set()
    assert [(p.file, p.column) for p in problems] == [(AUDIT_FILE, "row")]


def test_bad_audit_and_refused_rows_are_reported_with_their_place(mini_copy):
    audit_everything(mini_copy)
    with (mini_copy / AUDIT_FILE).open("a", encoding="utf-8") as f:
        f.write('partnerships.csv,"Kyiv/UA - Warsaw/PL",https://example.org/kyiv-warsaw,x,2026-12-02,maybe\n')
    (mini_copy / REFUSED_FILE).write_text("domain,reason,note\nhttps://rt.com/x,state_propaganda,\nrt.com,biased,\n")
    problems, _ = check_citations(mini_copy)
    where = {(p.file, p.row, p.column) for p in problems}
    assert (REFUSED_FILE, 2, "domain") in where and (REFUSED_FILE, 3, "reason") in where
    verdicts = [p.message for p in problems if p.file == AUDIT_FILE and p.column == "verdict"]
    assert any("unknown verdict 'maybe'" in m for m in verdicts)


def test_refused_domains_cover_subdomains_only():
    refused = {"news-pravda.com": "state_propaganda"}
    assert refused_domain("https://deutsch.news-pravda.com/a", refused) == "news-pravda.com"
    assert refused_domain("https://www.news-pravda.com/a", refused) == "news-pravda.com"
    assert refused_domain("https://fakenews-pravda.com/a", refused) is None
    assert refused_domain("Article: a title", refused) is None
    assert domain_of("https://WWW.Example.org/x") == "example.org"


def test_row_keys_read_like_the_rows():
    aid = Row(2, {"donor": "Warsaw", "donor_country": "PL", "recipient": "Kyiv", "recipient_country": "UA", "date": ""})
    assert row_key("aid_events.csv", aid) == "Warsaw/PL -> Kyiv/UA"
    dated = Row(2, {**aid.cells, "date": "2022-03"})
    assert row_key("aid_events.csv", dated) == "Warsaw/PL -> Kyiv/UA @ 2022-03"
    member = Row(2, {"network_id": "c40", "city": "Los Angeles", "country": "US"})
    assert row_key("network_members.csv", member) == "c40: Los Angeles/US"


def test_every_cited_row_of_the_bundled_data_has_a_supporting_source():
    """The bundled dataset keeps an audit, and every source of every cited row is in it."""
    from geodata.build import DATA_DIR

    assert (DATA_DIR / AUDIT_FILE).exists() and (DATA_DIR / REFUSED_FILE).exists()
    problems, failing = check_citations(DATA_DIR)
    assert [str(p) for p in problems] == [] and failing == set()
