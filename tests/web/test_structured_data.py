"""schema.org JSON-LD on the pages, read back out of the rendered HTML as a search
engine would (https://schema.org/MedicalWebPage)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bs4 import BeautifulSoup

from symptomdb.articles.models import RedFlag
from symptomdb.community.models import Comment
from tests.api.content import make_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(db):
    return make_content()


def _jsonld(client, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200
    scripts = BeautifulSoup(response.content, "html.parser").find_all(
        "script", type="application/ld+json"
    )
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_an_article_page_is_a_medical_web_page(client, content):
    page = _jsonld(client, content.article.get_absolute_url())
    assert page["@context"] == "https://schema.org"
    assert page["@type"] == "MedicalWebPage"
    assert page["url"] == f"http://testserver/symptoms/{content.symptom.slug}/"
    assert page["name"] == content.article.title
    assert page["description"] == content.article.summary
    assert page["inLanguage"] == "en"
    assert page["datePublished"] == "2024-05-02"
    assert page["lastReviewed"] == "2025-03-01"
    assert page["dateModified"]


def test_it_names_the_author_and_the_reviewer_with_credentials(client, content):
    page = _jsonld(client, content.article.get_absolute_url())
    author = page["author"]
    assert author["@type"] == "Person"
    assert author["name"] == "Haroon Rashid"
    assert author["honorificSuffix"] == "MD"
    assert author["url"] == "http://testserver/authors/haroon-rashid/"
    assert author["affiliation"] == {
        "@type": "Organization",
        "name": "Urgent Care Center of Arlington",
        "address": "Arlington, VA",
    }
    reviewer = page["reviewedBy"]
    assert reviewer["@type"] == "Person"
    assert reviewer["name"] == "Ada Okafor" and reviewer["honorificSuffix"] == "DO"


def test_it_is_about_a_sign_or_symptom_with_its_codes(client, content):
    about = _jsonld(client, content.article.get_absolute_url())["about"]
    assert about["@type"] == "MedicalSignOrSymptom"
    assert about["name"] == content.symptom.name
    assert about["description"].startswith("Sudden and involuntary")
    codes = {(c["codingSystem"], c["codeValue"]) for c in about["code"]}
    assert codes == {
        ("ICD-10-CM", "R25.2"),
        ("ICD-10-CM", "M62.83"),
        ("HPO", "HP:0003394"),
        ("SNOMED CT", "55300003"),
    }
    assert all(c["@type"] == "MedicalCode" for c in about["code"])
    (treatment,) = about["possibleTreatment"]
    assert treatment["@type"] == "MedicalTherapy"
    assert treatment["name"] == "Professional Treatment"


def test_its_parts_carry_their_health_aspects(client, content):
    RedFlag.objects.create(article=content.article, text="Spasms with a fever", urgency="urgent")
    parts = _jsonld(client, content.article.get_absolute_url())["hasPart"]
    aspects = {p["hasHealthAspect"]: p for p in parts}
    assert set(aspects) == {
        "https://schema.org/CausesHealthAspect",
        "https://schema.org/SelfCareHealthAspect",
        "https://schema.org/PreventionHealthAspect",
        "https://schema.org/SeeDoctorHealthAspect",
    }
    assert all(p["@type"] == "WebPageElement" and p["text"] for p in parts)
    assert "Dehydration" in aspects["https://schema.org/CausesHealthAspect"]["text"]
    assert "Spasms with a fever" in aspects["https://schema.org/SeeDoctorHealthAspect"]["text"]


def test_a_symptom_without_an_article_is_still_described(client, content):
    page = _jsonld(client, "/symptoms/hiccups/")
    assert page["@type"] == "MedicalWebPage"
    assert page["name"] == "Hiccups"
    assert page["about"]["@type"] == "MedicalSignOrSymptom"
    assert page["about"]["code"] == [
        {
            "@type": "MedicalCode",
            "codeValue": "R06.6",
            "codingSystem": "ICD-10-CM",
            "inCodeSet": "http://hl7.org/fhir/sid/icd-10-cm",
        }
    ]
    assert "author" not in page and "lastReviewed" not in page


def test_an_author_page_is_a_profile_of_a_person(client, content):
    page = _jsonld(client, "/authors/haroon-rashid/")
    assert page["@type"] == "ProfilePage"
    assert page["mainEntity"]["@type"] == "Person"
    assert page["mainEntity"]["honorificSuffix"] == "MD"


def test_text_cannot_close_the_script_element(client, content):
    content.article.summary = "Cramps </script><script>alert(1)</script> & more"
    content.article.save()
    Comment.objects.all().delete()
    response = client.get(content.article.get_absolute_url())
    assert b"</script><script>alert(1)" not in response.content
    page = _jsonld(client, content.article.get_absolute_url())
    assert page["description"] == "Cramps </script><script>alert(1)</script> & more"


def test_an_unnamed_item_reads_as_its_text_alone(client, content):
    from symptomdb.articles.models import ReliefMethod

    ReliefMethod.objects.filter(article=content.article).delete()
    ReliefMethod.objects.create(article=content.article, name="", text="Stretch the calf.")
    parts = _jsonld(client, content.article.get_absolute_url())["hasPart"]
    (relief,) = [p for p in parts if p["hasHealthAspect"].endswith("SelfCareHealthAspect")]
    assert relief["text"] == "Stretch the calf."
