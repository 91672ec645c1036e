"""Every query reaches FTS5 as quoted strings: nothing a reader types is syntax."""

from __future__ import annotations

import pytest

from symptomdb.search.fts import escape_fts, fts_match
from symptomdb.search.service import QueryError, search
from symptomdb.terminology.models import Symptom, Synonym

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


def test_fts_match_takes_any_word(symptoms):
    assert symptoms.id in fts_match(["calf", "cramps"])


@pytest.mark.parametrize("query", ["", "   ", "x" * 1001, "muscle\x00spasm", "a\x1bb"])
def test_bad_input_is_a_query_error(query, db):
    with pytest.raises(QueryError):
        search(query)
