"""The API gives the everyday name as `display_name` beside the clinical `name`, as the
pages and JSON-LD show them."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from symptomdb.terminology.models import Symptom

pytestmark = pytest.mark.django_db


@pytest.fixture
def mastalgia() -> Symptom:
    return Symptom.objects.create(slug="mastalgia", name="Mastalgia", display_name="Breast pain")


def test_a_symptom_answer_has_both_names(reader, mastalgia):
    data = reader.get("/api/symptoms/mastalgia").json()
    assert (data["name"], data["display_name"]) == ("Mastalgia", "Breast pain")
    listed = reader.get("/api/symptoms?letter=B").json()["results"]
    assert [(s["name"], s["display_name"]) for s in listed] == [("Mastalgia", "Breast pain")]


def test_the_page_title_heading_and_json_ld_agree(reader, mastalgia):
    soup = BeautifulSoup(reader.get("/symptoms/mastalgia/").content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Breast pain"
    assert soup.title.get_text().startswith("Breast pain (Mastalgia)")
    assert "Clinical name: Mastalgia" in soup.select_one("[data-clinical-name]").get_text()
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert (data["about"]["name"], data["about"]["alternateName"]) == ("Breast pain", "Mastalgia")
