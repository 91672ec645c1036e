"""Every symptom page says when to get help: the triage's red flags for the symptom and its
broader ones (rules.yaml), with the reader's numbers and the guidance each follows."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from symptomdb.terminology.models import Symptom, SymptomCode

pytestmark = pytest.mark.django_db


@pytest.fixture
def chest_pain() -> Symptom:
    # FIXTURE rows standing in for the catalogue: HPO's chest pain, with its ICD-10-CM code.
    symptom = Symptom.objects.create(slug="chest-pain", name="Chest pain", prior=1.0)
    SymptomCode.objects.create(symptom=symptom, system="HPO", code="HP:0100749")
    SymptomCode.objects.create(symptom=symptom, system="ICD10CM", code="R07.9")
    return symptom


def _guidance(html: str) -> BeautifulSoup:
    section = BeautifulSoup(html, "html.parser").select_one("[data-guidance-flags]")
    assert section is not None, "the page has no guidance red flags"
    return section


def test_a_page_without_an_article_says_when_to_get_help(reader, chest_pain):
    section = _guidance(reader.get("/symptoms/chest-pain/").content.decode())
    cards = section.select(".nhsuk-card--care")
    assert [c["data-urgency"] for c in cards] == ["emergency", "urgent"]
    assert "Call 911 now if:" in cards[0].get_text()
    assert "spreads to the arm, jaw, neck or back" in cards[0].get_text()
    links = [a["href"] for a in cards[0].select("a")]
    assert "https://www.nhs.uk/conditions/heart-attack/symptoms/" in links


def test_the_readers_country_gives_the_number(reader, chest_pain):
    reader.cookies["country"] = "GB"
    section = _guidance(reader.get("/symptoms/chest-pain/").content.decode())
    assert "Call 999 now if:" in section.get_text()


def test_a_narrower_symptom_shows_the_broader_ones_red_flags(reader, chest_pain):
    narrower = Symptom.objects.create(slug="precordial-pain", name="Precordial pain")
    narrower.broader.add(chest_pain)
    section = _guidance(reader.get("/symptoms/precordial-pain/").content.decode())
    assert "heart-attack" in str(section)


def test_a_symptom_no_family_concerns_has_no_such_section(reader, db):
    Symptom.objects.create(slug="ingrowing-nail", name="Ingrowing nail")
    html = reader.get("/symptoms/ingrowing-nail/").content.decode()
    assert BeautifulSoup(html, "html.parser").select_one("[data-guidance-flags]") is None
    assert "data-safety-net" in html


def test_an_article_page_keeps_its_own_cards_and_adds_the_guidance_below(reader, published_article):
    SymptomCode.objects.create(symptom=published_article.symptom, system="ICD10CM", code="R25.2")
    html = reader.get(published_article.get_absolute_url()).content.decode()
    section = _guidance(html)
    assert section.name == "details"  # folded: the article's own red flags lead
    assert "tetanus" in str(section).lower()
    assert html.index("data-guidance-flags") < html.index("data-safety-net")
