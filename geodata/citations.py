"""The citation audit: every source of every cited row, read and recorded as stating (or not) what it is cited for.

Two reviewed tables of a dataset folder hold it (both optional, so a folder of one's own data validates without
them; the bundled dataset has both and its tests require them):

- `citation_audit.csv`: one row per (cited row, source): what the source states, when it was checked, a verdict.
- `refused_domains.csv`: domains that are never evidence (state-propaganda outlets, content farms), with the reason.

The rules, checked by `python -m geodata validate`:
- no source of any row is on a refused domain (nor a subdomain of one);
- every source of every cited row has an audit entry, with verdict `supports` or `partly`;
- every cited row has at least one source audited as `supports`, unless the row is marked `uncertain` (then
  sources that each state part of it, `partly`, may together carry it: the audit says what each states);
- every audit entry names a row and source that exist (a stale entry means the row changed: check it again).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from geodata import cells, schema, vocab
from geodata.dates import DateFormatError, parse_partial_date
from geodata.problems import Problem
from geodata.reading import Row, read_table

AUDIT_FILE = schema.CITATION_AUDIT.file_name
REFUSED_FILE = schema.REFUSED_DOMAINS.file_name
# A source may stay on a row with these verdicts; `supports` is needed at least once per row.
KEEPABLE_VERDICTS = frozenset({"supports", "partly"})


@dataclass(frozen=True)
class AuditEntry:
    """What one source was found to state about one row."""

    file: str
    row: str
    source: str
    states: str
    checked: str
    verdict: str
    line: int


@dataclass(frozen=True)
class CitedRow:
    """A row of a cited table as the audit names it: its file, key, spreadsheet row number and sources."""

    file: str
    key: str
    number: int
    sources: tuple[str, ...]
    uncertain: bool = False


def row_key(file_name: str, row: Row) -> str:
    """The key that names a row in the audit, readable by an editor: `Kyiv/UA - Tampere/FI`."""
    g = row.get
    if file_name == schema.PARTNERSHIPS.file_name:
        return f"{g('city_a')}/{g('country_a')} - {g('city_b')}/{g('country_b')}"
    if file_name == schema.AID_EVENTS.file_name:
        flow = f"{g('donor')}/{g('donor_country')} -> {g('recipient')}/{g('recipient_country')}"
        return f"{flow} @ {g('date')}" if g("date") else flow
    if file_name == schema.NETWORK_MEMBERS.file_name:
        return f"{g('network_id')}: {g('city')}/{g('country')}"
    if file_name == schema.NETWORKS.file_name:
        return g("network_id")
    raise ValueError(f"{file_name} is not a cited table")


CITED_TABLES = (schema.PARTNERSHIPS, schema.AID_EVENTS, schema.NETWORKS, schema.NETWORK_MEMBERS)


def cited_rows(folder: Path) -> list[CitedRow]:
    """Every row of the cited tables of a folder, with its sources (rows whose sources cannot be read are skipped:
    the table's own validation reports them)."""
    out: list[CitedRow] = []
    for spec in CITED_TABLES:
        path = folder / spec.file_name
        if not path.exists():
            continue
        rows, _ = read_table(path, spec)
        for row in rows:
            try:
                sources = cells.sources(row.get("sources"))
            except cells.CellError:
                continue
            uncertain = row.get("certainty") == "uncertain"
            out.append(CitedRow(spec.file_name, row_key(spec.file_name, row), row.number, sources, uncertain))
    return out


def domain_of(source: str) -> str:
    """The host of a URL source, lower-case without `www.`; '' for a document title."""
    host = urlparse(source).hostname or "" if source.startswith(("http://", "https://")) else ""
    return host.removeprefix("www.")


def refused_domain(source: str, refused: dict[str, str]) -> str | None:
    """The refused domain a source lies on (the domain itself or a parent of its host), or None."""
    host = domain_of(source)
    while host:
        if host in refused:
            return host
        host = host.partition(".")[2]
    return None


def read_refused_domains(folder: Path, problems: list[Problem]) -> dict[str, str]:
    """The refused domains of a folder (domain -> reason); {} when the folder has no such table."""
    path = folder / REFUSED_FILE
    if not path.exists():
        return {}
    rows, read_problems = read_table(path, schema.REFUSED_DOMAINS)
    problems.extend(read_problems)
    refused: dict[str, str] = {}
    for row in rows:
        domain, reason = row.get("domain").lower().removeprefix("www."), row.get("reason")
        if not domain or "/" in domain or " " in domain:
            problems.append(Problem(REFUSED_FILE, row.number, "domain", f"{domain!r} is not a domain like rt.com"))
        elif reason not in vocab.REFUSAL_REASON:
            problems.append(
                Problem(REFUSED_FILE, row.number, "reason", f"unknown reason {reason!r}; use one of "
                        + ", ".join(vocab.REFUSAL_REASON))
            )
        else:
            refused[domain] = reason
    return refused


def read_audit(folder: Path, problems: list[Problem]) -> list[AuditEntry] | None:
    """The audit entries of a folder; None when the folder keeps no audit."""
    path = folder / AUDIT_FILE
    if not path.exists():
        return None
    rows, read_problems = read_table(path, schema.CITATION_AUDIT)
    problems.extend(read_problems)
    entries: list[AuditEntry] = []
    for row in rows:
        entry = AuditEntry(*(row.get(c) for c in schema.CITATION_AUDIT.columns), line=row.number)
        if entry.verdict not in vocab.AUDIT_VERDICT:
            problems.append(
                Problem(AUDIT_FILE, row.number, "verdict", f"unknown verdict {entry.verdict!r}; use one of "
                        + ", ".join(vocab.AUDIT_VERDICT))
            )
            continue
        if not entry.states:
            problems.append(Problem(AUDIT_FILE, row.number, "states", "say what the source states about the row"))
            continue
        try:
            parse_partial_date(entry.checked)
        except DateFormatError as error:
            problems.append(Problem(AUDIT_FILE, row.number, "checked", f"date checked: {error}"))
            continue
        entries.append(entry)
    return entries


def check_citations(folder: Path) -> tuple[list[Problem], set[tuple[str, int]]]:
    """Every citation problem of a folder, and the (file, row number) of each cited row that has one."""
    problems: list[Problem] = []
    refused = read_refused_domains(folder, problems)
    audit = read_audit(folder, problems)
    rows = cited_rows(folder)
    failing: set[tuple[str, int]] = set()
    for row in rows:
        for problem in _row_problems(row, refused, audit):
            problems.append(problem)
            failing.add((row.file, row.number))
    if audit is not None:
        problems.extend(_stale_entries(audit, rows))
    return problems, failing


def _row_problems(row: CitedRow, refused: dict[str, str], audit: list[AuditEntry] | None) -> Iterable[Problem]:
    def problem(message: str) -> Problem:
        return Problem(row.file, row.number, "sources", message)

    for source in row.sources:
        domain = refused_domain(source, refused)
        if domain:
            yield problem(f"{source} is on {domain}, a refused domain ({vocab.REFUSAL_REASON[refused[domain]]}): "
                          "not evidence; cite a page that states the fact")
    if audit is None:
        return
    verdicts = {e.source: e.verdict for e in audit if e.file == row.file and e.row == row.key}
    for source in row.sources:
        verdict = verdicts.get(source)
        if verdict is None:
            yield problem(f"{source} has no entry in {AUDIT_FILE} for {row.key!r}: read it and record what it states")
        elif verdict not in KEEPABLE_VERDICTS:
            yield problem(f"{source} is audited as {verdict!r} for {row.key!r}: replace it by a page that states "
                          "the fact, or remove it")
    if not any(verdicts.get(s) == "supports" for s in row.sources):
        if not (row.uncertain and any(verdicts.get(s) == "partly" for s in row.sources)):
            yield problem(
                f"no source of {row.key!r} is audited as 'supports' in {AUDIT_FILE}: cite one that states the row, "
                "or mark the row uncertain and say in the note which source gives what"
            )


def _stale_entries(audit: list[AuditEntry], rows: list[CitedRow]) -> Iterable[Problem]:
    current = {(r.file, r.key, s) for r in rows for s in r.sources}
    for entry in audit:
        if (entry.file, entry.row, entry.source) not in current and entry.verdict in KEEPABLE_VERDICTS:
            yield Problem(
                AUDIT_FILE,
                entry.line,
                "row",
                f"no row {entry.row!r} of {entry.file} cites {entry.source}: the row or its sources changed; "
                "audit it again or remove this entry",
            )
