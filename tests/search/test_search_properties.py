"""Properties of the search parser: any string is either a query or a SearchError with a
message (never another exception), and a parsed query can be run on any card."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_search_query import ROWS, context

from quiz.search import KEYS, SearchError, parse, quote, select

# Text that reaches the parser's corners: keys, operators, quotes, minus, both scripts.
PIECES = st.sampled_from(
    [
        *(f"{key}:" for key in KEYS),
        "-",
        '"',
        " ",
        ":",
        "<=",
        ">",
        "=",
        "!=",
        "*",
        "::",
        "1",
        "3",
        "lapses",
        "due",
        "new",
        "三会",
        "縱向",
        "foo:",
        "：",
        "\t",
        "\n",
    ]
)
QUERIES = st.one_of(st.text(), st.lists(PIECES, max_size=12).map("".join))


@settings(max_examples=400, deadline=None)
@given(QUERIES)
@example("prop:due<=" + "9" * 400)
@example('"unclosed')
@example("-")
@example("rated:1:")
def test_the_parser_never_crashes_and_a_refusal_says_why(text: str) -> None:
    try:
        query = parse(text)
    except SearchError as exc:
        assert str(exc).strip(), "a refusal names what is wrong"
        return
    select(ROWS, query, context())  # a query that parses runs on any card


@given(st.text(min_size=1).filter(lambda s: s.strip() and '"' not in s))
def test_a_quoted_value_is_one_term(value: str) -> None:
    query = parse(f"section:{quote(value)}") if value.strip() else None
    assert query is not None and len(query.terms) == 1


@given(st.text())
def test_a_quoted_string_never_is_a_key(text: str) -> None:
    """Whatever is inside quotes is searched as text: no key error from it."""
    cleaned = text.replace('"', "")
    if cleaned.strip():
        parse(f'"{cleaned}"')
