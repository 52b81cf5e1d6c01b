"""Derived conflict and theme tags: rules, kept as data, that give a tie a tag from what it is.

A cited tag is one a source gives the tie (the `conflicts` and `themes` columns). A derived tag follows from a rule
of `derived_tags.csv`: "a tie of a Ukrainian or Russian place in force at some point since 2022 (or with unknown
dates) takes the context russia_ukraine_war"; "a tie through which medical aid flowed takes the theme health".
Each rule's conditions must all hold; a list within a condition is any-of; a blank condition holds always. The
layers keep derived tags in their own columns (`conflicts_derived`, `themes_derived`), never mixed with cited ones,
so every view can say which is which.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geodata import cells, schema, vocab
from geodata.problems import Problem
from geodata.reading import read_table
from geodata.schema import LIST_SEPARATOR

RULES_FILE = schema.DERIVED_TAGS.file_name
# Which vocabulary each kind of tag takes its words from, and the layer columns of its cited and derived tags.
KINDS: dict[str, tuple[dict[str, str], str, str]] = {
    "conflict": (vocab.CONFLICT, "conflicts", "conflicts_derived"),
    "theme": (vocab.THEME, "themes", "themes_derived"),
}


@dataclass(frozen=True)
class TagRule:
    """One row of the rule table: the tag it gives and the conditions a tie must meet."""

    rule: str
    kind: str
    tag: str
    countries: tuple[str, ...] = ()
    partner_countries: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    aid_types: tuple[str, ...] = ()
    in_force_from: int | None = None
    ended_from: int | None = None
    ended_to: int | None = None
    note: str = ""


def read_rules(folder: Path, problems: list[Problem]) -> list[TagRule]:
    """The rules of a folder's `derived_tags.csv` (none when it has no such file); bad rows become problems."""
    path = folder / RULES_FILE
    if not path.exists():
        return []
    rows, read_problems = read_table(path, schema.DERIVED_TAGS)
    problems.extend(read_problems)
    rules: list[TagRule] = []
    seen: set[str] = set()
    for row in rows:
        try:
            rule = _rule(row.get)
        except cells.CellError as error:
            column, _, message = str(error).partition(": ")
            problems.append(Problem(RULES_FILE, row.number, column, message))
            continue
        if rule.rule in seen:
            problems.append(Problem(RULES_FILE, row.number, "rule", f"duplicate rule id {rule.rule!r}"))
            continue
        seen.add(rule.rule)
        rules.append(rule)
    return rules


def _rule(get) -> TagRule:
    """A TagRule from one row's cells; CellError messages start with the column they are about."""

    def check(column: str, parse):
        try:
            return parse(get(column))
        except cells.CellError as error:
            raise cells.CellError(f"{column}: {error}") from None

    def year(text: str) -> int | None:
        if not text:
            return None
        if not (text.isdigit() and len(text) == 4):
            raise cells.CellError(f"{text!r} is not a year like 2022")
        return int(text)

    def required(column: str) -> str:
        if not get(column):
            raise cells.CellError(f"{column}: missing value: {column} is required")
        return get(column)

    rule_id, kind = required("rule"), required("kind")
    if kind not in KINDS:
        raise cells.CellError(f"kind: unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")
    required("note")  # a rule nobody can read is a rule nobody can check
    return TagRule(
        rule=rule_id,
        kind=kind,
        tag=check("tag", lambda v: cells.vocabulary_word(v, KINDS[kind][0], kind)),
        countries=check("countries", _countries),
        partner_countries=check("partner_countries", _countries),
        relations=check("relations", lambda v: cells.vocabulary_list(v, vocab.RELATION, "relation")),
        aid_types=check("aid_types", lambda v: cells.vocabulary_list(v, vocab.AID_TYPE, "aid type")),
        in_force_from=check("in_force_from", year),
        ended_from=check("ended_from", year),
        ended_to=check("ended_to", year),
        note=get("note"),
    )


def _countries(text: str) -> tuple[str, ...]:
    return tuple(cells.country_code(c) for c in text.split(LIST_SEPARATOR) if c.strip())


def _has_word(column: pd.Series, words: tuple[str, ...]) -> np.ndarray:
    """Rows whose `;`-list holds one of the words."""
    wanted = set(words)
    return np.fromiter(
        (bool(wanted.intersection(str(v or "").split(LIST_SEPARATOR))) for v in column), dtype=bool, count=len(column)
    )


def rule_mask(rule: TagRule, ties: pd.DataFrame) -> np.ndarray:
    """The ties a rule applies to (ties need country_a/b, relation, aid_types, status, from_year, to_year)."""
    mask = np.ones(len(ties), dtype=bool)
    a, b = ties["country_a"].to_numpy(), ties["country_b"].to_numpy()
    if rule.countries:
        in_a, in_b = np.isin(a, rule.countries), np.isin(b, rule.countries)
        if rule.partner_countries:
            # one end in `countries` and the other in `partner_countries`
            mask &= (in_a & np.isin(b, rule.partner_countries)) | (in_b & np.isin(a, rule.partner_countries))
        else:
            mask &= in_a | in_b
    elif rule.partner_countries:
        mask &= np.isin(a, rule.partner_countries) | np.isin(b, rule.partner_countries)
    if rule.relations:
        mask &= np.isin(ties["relation"].to_numpy(), rule.relations)
    if rule.aid_types:
        mask &= _has_word(ties["aid_types"], rule.aid_types)
    to_year = ties["to_year"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        if rule.in_force_from is not None:
            # still in force, or closed that year or later; a tie with no end date counts as in force
            mask &= np.isnan(to_year) | (to_year >= rule.in_force_from)
        if rule.ended_from is not None or rule.ended_to is not None:
            closed = np.isin(ties["status"].to_numpy(), list(vocab.CLOSED_STATUSES)) & ~np.isnan(to_year)
            low = -np.inf if rule.ended_from is None else rule.ended_from
            high = np.inf if rule.ended_to is None else rule.ended_to
            mask &= closed & (to_year >= low) & (to_year <= high)
    return mask


def derive_tags(ties: pd.DataFrame, rules: list[TagRule]) -> dict[str, list[str]]:
    """Per kind's derived column (`conflicts_derived`, `themes_derived`), each tie's derived words as a `;` list.

    A tag the tie already has as cited is not derived again; words follow the vocabulary's order.
    """
    out: dict[str, list[str]] = {}
    for kind, (vocabulary, cited_column, derived_column) in KINDS.items():
        words: list[set[str]] = [set() for _ in range(len(ties))]
        for rule in (r for r in rules if r.kind == kind):
            for row in np.flatnonzero(rule_mask(rule, ties)):
                words[row].add(rule.tag)
        cited = ties[cited_column].fillna("").astype(str) if cited_column in ties else pd.Series([""] * len(ties))
        out[derived_column] = [
            LIST_SEPARATOR.join(w for w in vocabulary if w in tags and w not in have.split(LIST_SEPARATOR))
            for tags, have in zip(words, cited)
        ]
    return out


def tag_counts(ties: pd.DataFrame) -> pd.DataFrame:
    """Per conflict and theme word: how many ties carry it cited, derived, and in all (a data-quality table)."""
    rows = []
    for kind, (vocabulary, cited_column, derived_column) in KINDS.items():
        cited = ties.get(cited_column, pd.Series([""] * len(ties))).fillna("")
        derived = ties.get(derived_column, pd.Series([""] * len(ties))).fillna("")
        for word in vocabulary:
            has_cited, has_derived = _has_word(cited, (word,)), _has_word(derived, (word,))
            rows.append(
                {
                    "kind": kind,
                    "tag": word,
                    "cited": int(has_cited.sum()),
                    "derived": int(has_derived.sum()),
                    "all": int((has_cited | has_derived).sum()),
                }
            )
    return pd.DataFrame(rows, columns=["kind", "tag", "cited", "derived", "all"])
