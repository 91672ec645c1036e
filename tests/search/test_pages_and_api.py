"""The results page and the API put the right symptom first, as the service does,
and the seed article is one click away (slow: the whole catalogue)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

QUERIES = [
    "muscle cramps",
    "charley horse",
    "mussle spasmz",
    "my calf cramped up while I was asleep",
]


@pytest.fixture(autouse=True)
def _catalogue(catalogue):
    return catalogue


@pytest.mark.parametrize("query", QUERIES)
def test_the_api_puts_muscle_spasm_first(client, query):
    body = client.get("/api/search", {"q": query}).json()
    first = body["results"][0]
    assert first["slug"] == "muscle-spasm"
    assert first["has_article"] is True
    assert ("ICD10CM", "R25.2") in {(c["system"], c["code"]) for c in first["codes"]}


@pytest.mark.parametrize("query", QUERIES)
def test_the_results_page_puts_muscle_spasm_first_and_leads_to_the_article(client, query):
    soup = BeautifulSoup(client.get("/search", {"q": query}).content, "html.parser")
    first = soup.select_one("[data-results-first] li a")
    assert first["href"] == "/symptoms/muscle-spasm/"
    article = client.get(first["href"]).content.decode()
    assert "What causes muscle spasms and how to treat them effectively?" in article
    assert "Haroon Rashid, MD" in article
