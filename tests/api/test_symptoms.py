from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_it_returns_a_symptom_with_its_names_codes_and_article(client, content):
    data = client.get(f"/api/symptoms/{content.symptom.slug}").json()
    assert data["slug"] == content.symptom.slug
    assert data["definition"].startswith("Sudden and involuntary")
    assert {"text": "Charley horse", "kind": "layperson"} in data["synonyms"]
    codes = {(c["system"], c["code"]) for c in data["codes"]}
    assert {("ICD10CM", "R25.2"), ("SNOMEDCT", "55300003")} <= codes
    assert data["broader"] == ["abnormal-muscle-physiology"]
    assert data["narrower"] == []
    assert data["has_article"] is True
    assert data["article_id"] == content.article.pk
    assert data["article_url"] == f"http://testserver/symptoms/{content.symptom.slug}/"


def test_it_says_when_a_symptom_has_no_article(client, content):
    data = client.get("/api/symptoms/hiccups").json()
    assert data["has_article"] is False
    assert data["article_id"] is None and data["article_url"] is None
    broader = client.get("/api/symptoms/abnormal-muscle-physiology").json()
    assert broader["narrower"] == [content.symptom.slug]


def test_it_pages_the_symptom_list_and_filters_by_letter(client, content):
    data = client.get("/api/symptoms").json()
    assert data["count"] == 3 and data["page"] == 1 and data["pages"] == 1
    assert data["next"] is None and data["previous"] is None
    assert [s["slug"] for s in data["results"]] == [
        "abnormal-muscle-physiology",
        "hiccups",
        content.symptom.slug,
    ]
    only_h = client.get("/api/symptoms?letter=h").json()
    assert [s["slug"] for s in only_h["results"]] == ["hiccups"]


def test_it_links_the_next_page(client, content, monkeypatch):
    monkeypatch.setattr("symptomdb.api.symptoms.PER_PAGE", 2)
    first = client.get("/api/symptoms").json()
    assert first["pages"] == 2
    assert first["next"] == "http://testserver/api/symptoms?page=2"
    second = client.get(first["next"]).json()
    assert [s["slug"] for s in second["results"]] == [content.symptom.slug]
    assert second["previous"] == "http://testserver/api/symptoms?page=1"


def test_it_answers_404_past_the_last_page(client, content):
    response = client.get("/api/symptoms?page=9")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "There is no page 9; the last page is 1."


@pytest.mark.parametrize(
    ("system", "code"),
    [
        ("ICD10CM", "R25.2"),
        ("ICD10CM", "R252"),
        ("ICD10CM", "r25.2"),
        ("HPO", "HP:0003394"),
        ("SNOMEDCT", "55300003"),
    ],
)
def test_it_finds_a_symptom_by_code(client, content, system, code):
    response = client.get(f"/api/symptoms/by-code/{system}/{code}")
    assert response.status_code == 200
    assert response.json()["slug"] == content.symptom.slug


def test_it_does_not_guess_a_parent_code(client, content):
    # The Infobutton service falls back to M62.83; the API names exact codes only.
    response = client.get("/api/symptoms/by-code/ICD10CM/M62.831")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "No symptom has the ICD-10-CM code M62.831."


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/symptoms/by-code/LOINC/1234-5", "system"),
        ("/api/symptoms?letter=ab", "letter"),
        ("/api/symptoms?page=0", "page"),
        ("/api/symptoms/no%00slug", "slug"),
    ],
)
def test_it_names_the_parameter_it_refuses(client, content, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["parameter"] == parameter
    assert error["message"].endswith(".")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/symptoms/by-code/ICD10CM/not-a-code", "'not-a-code' is not an ICD-10-CM code"),
        ("/api/symptoms/by-code/HPO/HP:12", "'HP:12' is not an HPO term id"),
        ("/api/symptoms/by-code/SNOMEDCT/0", "'0' is not a SNOMED CT concept id"),
    ],
)
def test_it_says_why_a_code_cannot_be_found(client, content, url, message):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["error"]["message"].startswith(message)
    assert response.json()["error"]["parameter"] == "code"


def test_it_says_when_a_symptom_needs_help_in_the_readers_country(client, content):
    # The fixture symptom carries R25.2 and HP:0003394, which the triage's tetanus family
    # concerns (spasms after a wound): the API gives what the symptom page shows.
    flags = client.get(f"/api/symptoms/{content.symptom.slug}?locale=GB").json()["red_flags"]
    assert flags, "a symptom a rule family concerns has red flags"
    assert [f["level"] for f in flags] == sorted(
        (f["level"] for f in flags), key=["emergency", "urgent"].index
    )
    emergency = [f for f in flags if f["level"] == "emergency"]
    assert emergency[0]["family"] == "tetanus"
    assert emergency[0]["text"].startswith("Call 999 now if")
    assert emergency[0]["sources"][0]["url"].startswith("https://")
    us = client.get(f"/api/symptoms/{content.symptom.slug}").json()["red_flags"]
    assert us[0]["text"].startswith("Call 911 now if")


def test_a_symptom_no_rule_concerns_has_no_red_flags(client, content):
    assert client.get("/api/symptoms/hiccups").json()["red_flags"] == []


def test_the_by_code_lookups_take_the_locale_too(client, content):
    flags = client.get("/api/symptoms/by-code/ICD10CM/R25.2?locale=AU").json()["red_flags"]
    assert flags[0]["text"].startswith("Call 000 now if")
    query = "/api/symptoms/by-code?system=http://hl7.org/fhir/sid/icd-10-cm&code=R25.2&locale=GB"
    assert client.get(query).json()["red_flags"][0]["text"].startswith("Call 999 now if")


def test_a_malformed_locale_is_refused_naming_it(client, content):
    response = client.get(f"/api/symptoms/{content.symptom.slug}", {"locale": "<script>"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "locale"
