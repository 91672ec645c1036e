"""Codes carry their system's FHIR URI and OID wherever the API shows them, and the
by-code lookup takes a system by FHIR URI or OID as well as by short name."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

URIS = {
    "HPO": ("http://human-phenotype-ontology.org", "2.16.840.1.113883.6.339"),
    "ICD10CM": ("http://hl7.org/fhir/sid/icd-10-cm", "2.16.840.1.113883.6.90"),
    "SNOMEDCT": ("http://snomed.info/sct", "2.16.840.1.113883.6.96"),
}


def _check_codes(codes: list[dict]) -> None:
    assert codes
    for code in codes:
        assert (code["system_uri"], code["oid"]) == URIS[code["system"]]


def test_a_symptoms_codes_carry_their_fhir_uri_and_oid(client, content):
    symptom = client.get(f"/api/symptoms/{content.symptom.slug}").json()
    _check_codes(symptom["codes"])
    assert {
        "system": "ICD10CM",
        "code": "R25.2",
        **dict(zip(("system_uri", "oid"), URIS["ICD10CM"], strict=True)),
    } in symptom["codes"]


def test_search_hits_codes_carry_them_too(client, content):
    results = client.get("/api/search", {"q": "hiccups"}).json()["results"]
    hit = next(r for r in results if r["slug"] == "hiccups")
    _check_codes(hit["codes"])


@pytest.mark.parametrize(
    "query",
    [
        {"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "R25.2"},
        {"system": "https://snomed.info/sct/", "code": "55300003"},
        {"system": "http://snomed.info/sct", "code": "55300003"},
        {"system": "http://human-phenotype-ontology.org", "code": "HP:0003394"},
        {"system": "urn:oid:2.16.840.1.113883.6.90", "code": "R252"},
        {"system": "ICD10CM", "code": "R25.2"},
    ],
)
def test_the_lookup_takes_a_fhir_uri(client, content, query):
    response = client.get("/api/symptoms/by-code", query)
    assert response.status_code == 200, response.content
    assert response.json()["slug"] == content.symptom.slug


@pytest.mark.parametrize("system", ["2.16.840.1.113883.6.90", "urn:oid:2.16.840.1.113883.6.90"])
def test_the_path_lookup_takes_an_oid(client, content, system):
    response = client.get(f"/api/symptoms/by-code/{system}/R25.2")
    assert response.status_code == 200, response.content
    assert response.json()["slug"] == content.symptom.slug


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"code": "R25.2"}, "system"),
        ({"system": "ICD10CM"}, "code"),
        ({"system": "x" * 201, "code": "R25.2"}, "system"),
    ],
)
def test_the_lookup_names_what_is_missing(client, content, query, parameter):
    response = client.get("/api/symptoms/by-code", query)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter


def test_a_system_not_offered_finds_nothing(client, content):
    response = client.get("/api/symptoms/by-code", {"system": "http://loinc.org", "code": "1234-5"})
    assert response.status_code == 404
    assert "http://hl7.org/fhir/sid/icd-10-cm" in response.json()["error"]["message"]


def test_a_code_with_no_symptom_is_404(client, content):
    query = {"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "Z99.89"}
    response = client.get("/api/symptoms/by-code", query)
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "No symptom has the ICD-10-CM code Z99.89."


def test_the_pages_json_ld_gives_each_codes_system_uri(client, content):
    import json
    import re

    page = client.get(content.article.get_absolute_url()).content.decode()
    (script,) = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
    codes = json.loads(script)["about"]["code"]
    labels = {"HPO": "HPO", "ICD10CM": "ICD-10-CM", "SNOMEDCT": "SNOMED CT"}
    by_label = {labels[s]: uri for s, (uri, _) in URIS.items()}
    assert codes and all(c["inCodeSet"] == by_label[c["codingSystem"]] for c in codes)
