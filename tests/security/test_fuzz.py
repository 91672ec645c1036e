"""Fuzzing with hypothesis: whatever a file or a reader throws at the importer, the
search, the triage and the pages that wrap them, the only failures are the errors
written for people (ParseError, QueryError, a 4xx page), never a crash or a 500.

Example counts are kept small so the file runs in seconds; FUZZ_SCALE=50 multiplies
them for a deeper hunt by hand. Hypothesis remembers failing examples in .hypothesis/
and replays them first.
"""

from __future__ import annotations

import json
import os
import re
from urllib.parse import quote, quote_from_bytes

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from symptomdb.articles.importer import ParseError, parse_article, parse_article_bytes
from symptomdb.search.answer import search_with_triage
from symptomdb.search.service import QueryError, clean_query, search
from symptomdb.triage import LEVELS, triage
from tests.conftest import BUNDLED_SEED

SEED = BUNDLED_SEED.read_text(encoding="utf-8")
SEED_LINES = SEED.split("\n")

SCALE = int(os.environ.get("FUZZ_SCALE", "1"))

# The web tests share one database transaction across examples (a function-scoped
# fixture), which is fine here: every request under test only reads.
WEB = settings(
    max_examples=150 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PURE = settings(max_examples=400 * SCALE, deadline=None)

# Characters that mean something to one of the article formats, to the FTS5 query
# syntax or to HTML, mixed with any Unicode text.
SYNTAX = [
    *"<>/#*-_:•–—=&;\"'`[](){}!|\\^~.,?\n\t ",
    "<p>",
    "</p>",
    "<h1>",
    "<ul><li>",
    "<script>",
    "<!--",
    "-->",
    "## ",
    "**",
    "- ",
    "* ",
    "1. ",
    "http://",
    "javascript:",
    "What Causes ",
    "How to Stop ",
    "Remedies",
    "Professional Treatment",
    " AND ",
    " OR ",
    " NEAR(",
    '"',
    "\u200b",
    "\u202e",
    "\ufeff",
    "\r\n",
]
syntax_text = st.lists(st.sampled_from(SYNTAX) | st.text(max_size=12), max_size=80).map("".join)
any_text = st.text(max_size=2000) | syntax_text


def assert_is_a_parse_error_for_people(error: ParseError) -> None:
    """A ParseError's message is one non-empty sentence naming the file and line."""
    message = str(error)
    assert error.reason.strip(), "a ParseError needs a reason"
    assert "\n" not in message.strip(), f"not one line: {message!r}"
    assert re.match(r".+, line \d+: \S", message), message
    assert error.line >= 1


@pytest.mark.parametrize("text", ["x\n\n\u200b", "x\n \u00ad ", "Title\n\ufeff"])
def test_a_line_of_invisible_characters_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError) as error:
        parse_article(text)
    assert_is_a_parse_error_for_people(error.value)


def parse_or_explain(text: str) -> None:
    try:
        parse_article(text, filename="fuzz.txt")
    except ParseError as error:
        assert_is_a_parse_error_for_people(error)


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    """The bundled seed article with a few lines deleted, repeated, swapped, cut short,
    garbled or wrapped in markup: the near-misses an editor's file really is."""
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        if not lines:
            lines = [""]
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        operation = draw(
            st.sampled_from(
                ["delete", "repeat", "swap", "insert", "garble", "truncate", "markup", "indent"]
            )
        )
        if operation == "delete":
            del lines[i]
        elif operation == "repeat":
            lines.insert(i, lines[i])
        elif operation == "swap":
            j = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif operation == "insert":
            lines.insert(i, draw(syntax_text))
        elif operation == "garble":
            line = lines[i]
            at = draw(st.integers(min_value=0, max_value=len(line)))
            lines[i] = line[:at] + draw(st.text(max_size=10)) + line[at + 1 :]
        elif operation == "truncate":
            lines = lines[:i]
        elif operation == "markup":
            tag = draw(st.sampled_from(["h1", "h2", "p", "li", "strong", "script", "a href=x"]))
            lines[i] = f"<{tag}>{lines[i]}</{tag.split()[0]}>"
        else:
            lines[i] = draw(st.sampled_from(["  ", "\t", "- ", "* ", "# ", "> "])) + lines[i]
    return "\n".join(lines)


# --- the importer -----------------------------------------------------------------


@PURE
@given(any_text)
@example("")
@example("\x00")
@example("\ud800")
@example("<html><body><h1>Q?</h1></body></html>")
@example("# Title\n\n## What causes it?\n\n- a: b\n")
def test_it_parses_any_text_or_says_why_not(text: str) -> None:
    parse_or_explain(text)


@PURE
@given(st.binary(max_size=2000))
@example(b"\xff\xfe\x00")
@example(b"\xef\xbb\xbf")
@example(SEED.encode("utf-16"))
def test_it_parses_any_bytes_or_says_why_not(data: bytes) -> None:
    try:
        parse_article_bytes(data, filename="fuzz.txt")
    except ParseError as error:
        assert_is_a_parse_error_for_people(error)


@PURE
@given(mutated_seed())
def test_it_parses_a_mutated_seed_or_says_why_not(text: str) -> None:
    parse_or_explain(text)


@settings(max_examples=200 * SCALE, deadline=None)
@given(mutated_seed(), st.sampled_from(["seed.txt", "seed.md", "seed.html"]))
def test_it_parses_a_mutated_seed_in_any_format_or_says_why_not(text: str, name: str) -> None:
    try:
        parse_article_bytes(text.encode("utf-8", "surrogatepass"), filename=name)
    except ParseError as error:
        assert_is_a_parse_error_for_people(error)


def test_the_mutations_start_from_an_article_that_parses() -> None:
    assert parse_article(SEED).causes


# --- the query, the triage and the search -----------------------------------------


@PURE
@given(any_text)
@example(" " * 5)
@example("a" * 1001)
@example("chest pain\x07")
def test_it_cleans_any_query_or_says_why_not(text: str) -> None:
    try:
        cleaned = clean_query(text)
    except QueryError as error:
        assert str(error).strip() and "\n" not in str(error)
        return
    assert cleaned == cleaned.strip() and cleaned


@PURE
@given(any_text)
@example("I can't breathe and my lips are blue")
@example("not " * 300)
def test_it_triages_any_text(text: str) -> None:
    verdict = triage(text)
    assert verdict.level is None or verdict.level in LEVELS
    assert verdict.level is None or verdict.message.strip()
    json.dumps(verdict.to_dict())


@WEB
@given(any_text)
@example("muscle spasms")
@example('"unterminated')
@example("NEAR(a b) OR * -x")
def test_it_searches_any_text_or_says_why_not(published_article, text: str) -> None:
    try:
        hits = search(text, limit=5)
        answer = search_with_triage(text, limit=5)
    except QueryError as error:
        assert str(error).strip() and "\n" not in str(error)
        return
    assert len(hits) <= 5
    json.dumps(answer.to_dict())


# --- the pages that take a query ----------------------------------------------------

# A query as it arrives on the wire, percent-encoded bytes that need not be UTF-8.
raw_query = st.binary(max_size=300).map(lambda b: quote_from_bytes(b, safe=""))


@WEB
@given(any_text)
@example("<script>alert(1)</script>")
def test_the_search_page_never_fails_on_a_query(reader, published_article, text: str) -> None:
    response = reader.get("/search", {"q": text})
    assert response.status_code in (200, 400), response.status_code


@WEB
@given(raw_query)
@example("%ff%fe")
@example("%00")
def test_the_search_page_never_fails_on_raw_bytes(reader, published_article, raw: str) -> None:
    response = reader.get("/search", QUERY_STRING=f"q={raw}")
    assert response.status_code in (200, 400), response.status_code


@WEB
@given(any_text, st.one_of(st.none(), st.text(max_size=8), st.integers().map(str)))
@example("chest pain", "-1")
@example("chest pain", "99999999999999999999")
def test_the_search_api_never_fails(
    reader, published_article, text: str, limit: str | None
) -> None:
    query = f"q={quote(text)}" + (f"&limit={quote(limit)}" if limit is not None else "")
    response = reader.get("/api/search", QUERY_STRING=query)
    assert response.status_code < 500, response.status_code
    body = response.json()
    if response.status_code == 200:
        assert set(body) >= {"query", "results", "triage"}
    else:
        assert body["error"]["message"].strip()


@WEB
@given(raw_query)
def test_the_search_api_never_fails_on_raw_bytes(reader, published_article, raw: str) -> None:
    response = reader.get("/api/search", QUERY_STRING=f"q={raw}")
    assert response.status_code < 500, response.status_code
