"""A long story read clause by clause (issue 13.3): the one clause that names a symptom is
not drowned by the rest, and each result says which words led to it (slow: the whole
catalogue). The stories are our own, written for these tests."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from symptomdb.language.embedding import Embedder
from symptomdb.search import service
from symptomdb.search.service import search

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

# One clear clause among clauses about work, family and mood, which pull the whole story's
# vector towards anxiety and low mood.
NIGHT = "I keep waking up at night to pass urine"
STORY = (
    "My anxiety about work keeps me tense all day, my daughter is being bullied at school "
    f"and cries every evening, I feel low and irritable, and {NIGHT}"
)
# (story, the symptom its one clear clause names, that clause)
STORIES = [
    (STORY, "Nocturia", NIGHT),
    (
        "Since the baby arrived nobody in the house sleeps, my partner is back at work and "
        "I'm alone all day, I cry a lot, and my skin itches all over",
        "Pruritus",
        "my skin itches all over",
    ),
]


@pytest.fixture(autouse=True)
def _catalogue(catalogue):
    return catalogue


def read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search as it was before clauses: every query read whole."""
    monkeypatch.setattr(service, "clauses_of", lambda text, filler: [])


@pytest.mark.parametrize(("story", "name", "clause"), STORIES)
def test_the_clause_that_names_the_symptom_wins_over_the_rest(monkeypatch, story, name, clause):
    first = search(story)[0]
    assert first.name == name
    assert first.matched_clause == clause
    read_whole(monkeypatch)
    # Read whole, the rest of the story puts it lower or leaves it out.
    assert name not in [hit.name for hit in search(story)][:1]


def test_the_words_that_led_to_each_result_are_the_query_s_own():
    hits = search(STORY)
    assert hits  # else the check below holds of nothing
    assert all(hit.matched_clause and hit.matched_clause in STORY for hit in hits)


def test_a_query_of_one_clause_is_read_as_before(monkeypatch):
    query = "I have had a really bad headache since yesterday"
    embedded: list[list[str]] = []
    original = Embedder.embed_recent

    def spy(self: Embedder, texts: list[str]):  # type: ignore[no-untyped-def]
        embedded.append(list(texts))
        return original(self, texts)

    monkeypatch.setattr(Embedder, "embed_recent", spy)
    hits = search(query)
    assert embedded == [[query]]  # the whole query only: no clause is embedded
    assert all(hit.matched_clause == "" for hit in hits)
    read_whole(monkeypatch)
    assert [(h.slug, h.score) for h in search(query)] == [(h.slug, h.score) for h in hits]


def test_the_api_says_which_words_led_to_each_result(client):
    story = client.get("/api/search", {"q": STORY}).json()["results"]
    assert story[0]["matched_clause"] == NIGHT
    one = client.get("/api/search", {"q": "nocturia"}).json()["results"]
    assert one[0]["matched_clause"] is None


def test_the_results_page_shows_the_words_under_the_result(client):
    soup = BeautifulSoup(client.get("/search", {"q": STORY}).content, "html.parser")
    first = soup.select_one("[data-results-first] li")
    assert first.select_one("[data-matched-clause]").get_text() == f"From your words: “{NIGHT}”"
