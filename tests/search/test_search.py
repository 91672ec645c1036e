"""The search over the whole catalogue (slow: loads it once for the package)."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from symptomdb.search.service import search, search_found
from symptomdb.web.search_results import hit_shown

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _catalogue(catalogue):
    return catalogue


@pytest.mark.parametrize(
    "query",
    [
        "muscle spasm",
        "muscle cramps",
        "charley horse",
        "Charley-horse",
        "mussle spasmz",
        "my calf cramped up while I was asleep",
    ],
)
def test_muscle_spasm_comes_first(query):
    first = search(query)[0]
    assert first.slug == "muscle-spasm"
    codes = {(c.system, c.code) for c in first.codes}
    assert {("HPO", "HP:0003394"), ("ICD10CM", "R25.2"), ("ICD10CM", "M62.831")} <= codes


def test_the_seed_article_is_reachable_from_the_hit(client):
    first = search("muscle cramps")[0]
    assert first.has_article
    page = client.get(f"/symptoms/{first.slug}/").content.decode()
    assert "Muscle Spasms" in page or "muscle spasms" in page.lower()


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("haedache", "Headache"),
        ("diarhea", "Diarrhea"),
        ("diarrhoea", "Diarrhea"),
        ("gastro-oesophageal reflux", "Gastroesophageal reflux"),
        ("I have a really bad headache since yesterday", "Headache"),
        ("tummy ache", "Abdominal pain"),
    ],
)
def test_typos_uk_spellings_and_filler(query, name):
    assert search(query)[0].name == name


def test_a_hit_has_every_public_code_and_its_article_flag():
    hit = search("headache", limit=3)[0]
    data = hit.to_dict()
    assert set(data) == {
        "slug",
        "name",
        "display_name",
        "score",
        "codes",
        "has_article",
        "covered_by_article",
        "matched_clause",
    }
    assert data["matched_clause"] is None  # one clause: the query led to it whole
    systems = {c["system"] for c in data["codes"]}
    assert {"HPO", "ICD10CM", "SNOMEDCT"} <= systems
    assert "UMLS" not in systems
    assert data["has_article"] is False


def test_the_name_is_highlighted_and_escaped():
    found = search_found("muscle cramps")
    assert hit_shown(found.hits[0], found.words).highlighted_name == "<mark>Muscle</mark> spasm"
    found = search_found("<script>muscle</script>")
    assert "<script>" not in hit_shown(found.hits[0], found.words).highlighted_name


def test_results_are_ranked_and_limited():
    hits = search("pain", limit=5)
    assert len(hits) == 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_the_cli_prints_json(capsys):
    call_command("search", "charley", "horse", "--json", "--limit", "2")
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "charley horse"
    assert [r["slug"] for r in data["results"]][:1] == ["muscle-spasm"]
