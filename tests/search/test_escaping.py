"""Nothing a reader types is query syntax: on SQLite every word reaches FTS5 as
a quoted string, on PostgreSQL as its own plainto_tsquery."""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

import pytest
from django.db.models import TextField
from django.db.models.functions import Cast

from symptomdb.search.lexical import lexical, words_of
from symptomdb.search.lexical.postgres import term_query
from symptomdb.search.lexical.sqlite import escape_fts
from symptomdb.search.models import SymptomDocument
from symptomdb.search.service import QueryError, search
from symptomdb.terminology.models import Symptom, Synonym
from tests.search.vendors import postgres_only

TRICKY = [
    '"',
    '"muscle',
    'muscle"spasm',
    "muscle AND spasm",
    "muscle OR",
    "NOT spasm",
    "NEAR(muscle spasm, 2)",
    "muscle*",
    "*",
    "-spasm",
    "muscle - spasm",
    "name:muscle",
    "synonyms:cramp",
    "(muscle",
    "muscle)",
    "{muscle spasm}",
    "^muscle",
    "muscle + spasm",
    "'; DROP TABLE terminology_symptom; --",
    "crampe musculaire à la jambe",
    "Muskelkrämpfe",
    "肌肉痉挛",
    "😖 muscle spasm 💪",
    "🤒",
    "%",
    "_",
    "\\",
]


@pytest.fixture
def symptoms(db, fresh_engine):
    spasm = Symptom.objects.create(slug="muscle-spasm", name="Muscle spasm", prior=0.8)
    Synonym.objects.create(symptom=spasm, text="Muscle cramps", kind="plural", source="HPO")
    Symptom.objects.create(slug="headache", name="Headache", prior=0.8)
    return spasm


@pytest.mark.parametrize("query", TRICKY)
def test_tricky_queries_never_break_the_search(symptoms, query):
    hits = search(query)
    assert isinstance(hits, list)


@pytest.mark.parametrize("query", ["muscle AND spasm", "NEAR(muscle spasm, 2)", "muscle*"])
def test_operators_are_searched_as_words(symptoms, query):
    assert search(query)[0].slug == "muscle-spasm"


@pytest.mark.parametrize(
    ("query", "escaped"),
    [
        ("muscle spasm", '"muscle" "spasm"'),
        ('say "hi"', '"say" "hi"'),
        ("muscle AND spasm", '"muscle" "AND" "spasm"'),
        ("name:muscle", '"name" "muscle"'),
        ("-spasm*", '"spasm"'),
        ("😖", ""),
        ("crampe à", '"crampe" "à"'),
    ],
)
def test_escape_fts_quotes_every_word(query, escaped):
    assert escape_fts(query) == escaped


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("muscle spasm", ["muscle", "spasm"]),
        ('say "hi"', ["hi", "say"]),
        ("muscle OR -spasm*", ["OR", "muscle", "spasm"]),
        ("name:muscle & !spasm <-> (x)", ["muscle", "name", "spasm", "x"]),
        ("😖 %_\\", []),
        ("terminology_symptom", ["symptom", "terminology"]),
        ("crampe à", ["crampe", "à"]),
    ],
)
def test_words_of_keeps_only_words(query, words):
    assert words_of([query]) == words


def test_lexical_match_takes_any_word(symptoms):
    assert symptoms.id in lexical().match(["calf", "cramps"], limit=10)


@postgres_only
@pytest.mark.parametrize("query", TRICKY)
def test_the_tsquery_says_any_of_the_words_and_nothing_else(symptoms, query):
    """PostgreSQL's counterpart of escape_fts: each word is its own
    plainto_tsquery, OR-ed, so the query run says "any of these words" whatever
    operators, quotes or brackets the reader typed."""
    queries = [term_query(word) for word in words_of([query])]
    if not queries:
        return
    text = (
        SymptomDocument.objects.annotate(text=Cast(reduce(or_, queries), TextField()))
        .values_list("text", flat=True)
        .first()
    )
    assert text is not None
    assert set(re.sub(r"'(?:[^']|'')*'", "", text)) <= {"|", " ", "(", ")"}


@pytest.mark.parametrize("query", ["", "   ", "x" * 1001, "muscle\x00spasm", "a\x1bb"])
def test_bad_input_is_a_query_error(query, db):
    with pytest.raises(QueryError):
        search(query)
