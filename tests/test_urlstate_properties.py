"""Property-based tests of the query-string parser against hostile links: it never raises, keeps only known
words, bounds what it keeps and what it echoes, and every notice is plain printable text."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.urlstate import (
    KEYS,
    MAX_NOTICES,
    MAX_QUERY_TEXT,
    WORD_KEYS,
    parse_query,
    to_query,
    view_from_controls,
)
from geodata.filters import ViewFilter
from geodata.gazetteer import country_names

HOSTILE = (
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "' OR '1'='1",
    "1; DROP TABLE ties; --",
    "UNION SELECT * FROM users",
    "\u202eevil",
    "\u0000\r\nSet-Cookie: x=1",
    "Ｋｙｉｖ",
    "ǅ\u0301\u200b",
    "%00%0d%0a",
    "%%%",
    "&&==&",
    "😀",
    "x" * 10_000,
)
keys = st.one_of(
    st.sampled_from(KEYS), st.sampled_from(("colour", "CITY", " status ", "", "a" * 200)), st.text(max_size=20)
)
values = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from(("active", "ended,bogus", "UA,XX", "2014", "99999", "-1", "1e3", "Kyiv", "")),
    st.text(max_size=60),
)
pairs = st.lists(st.tuples(keys, values), max_size=30)


def _query(items: list[tuple[str, str]], encode: bool) -> str:
    if encode:
        return "?" + "&".join(f"{quote(k)}={quote(v)}" for k, v in items)
    return "?" + "&".join(f"{k}={v}" for k, v in items)


def _check(parsed) -> None:
    view = parsed.view
    assert isinstance(view, ViewFilter)
    assert set(view.countries) <= set(country_names())
    for field_name, vocabulary in WORD_KEYS.values():
        assert set(getattr(view, field_name)) <= set(vocabulary)
    assert view.year_from is None or 1000 <= view.year_from <= 2999
    assert len(view.place_query) <= MAX_QUERY_TEXT
    assert len(parsed.notices) <= MAX_NOTICES
    for notice in parsed.notices:
        assert isinstance(notice, str) and notice.isprintable() and len(notice) < 300


@settings(max_examples=400, deadline=None)
@given(pairs, st.booleans())
def test_hostile_links_parse_to_a_bounded_view_and_plain_notices(items, encode):
    parsed = parse_query(_query(items, encode))
    _check(parsed)
    assert parse_query(to_query(parsed.view)).view == parsed.view  # what is kept is a link of its own


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(KEYS), st.lists(values, min_size=2, max_size=50))
def test_repeated_parameters_combine_and_stay_bounded(key, repeated):
    _check(parse_query("?" + "&".join(f"{key}={quote(v)}" for v in repeated)))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), st.integers(), st.floats(), st.lists(st.text()), st.dictionaries(st.text(), st.text())))
def test_values_of_the_wrong_type_parse_as_no_filter(value):
    parsed = parse_query(value)  # type: ignore[arg-type]
    assert parsed.view == ViewFilter()


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(("country", "status", "aid", "from", "to", "city", "nonsense")),
        st.one_of(
            st.none(),
            st.text(max_size=50),
            st.lists(st.one_of(st.text(max_size=20), st.integers(), st.floats())),
            st.integers(),
            st.floats(allow_nan=True, allow_infinity=True),
            st.dictionaries(st.text(max_size=5), st.text(max_size=5)),
        ),
    )
)
def test_hostile_control_values_are_read_like_a_link(controls):
    _check(view_from_controls(controls))


def test_a_huge_query_is_cut_and_says_so():
    parsed = parse_query("?city=Kyiv&" + "&".join(f"k{i}=v" for i in range(5000)))
    assert parsed.view.place_query == "Kyiv"
    assert len(parsed.notices) == MAX_NOTICES and "more" in parsed.notices[-1]
