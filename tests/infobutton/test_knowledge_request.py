"""GET /infobutton: HL7 Infobutton knowledge requests, answered like MedlinePlus
Connect (JSON with feed.entry[].title._value, link[].href, summary._value; or Atom)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

ICD10CM = "2.16.840.1.113883.6.90"
SNOMEDCT = "2.16.840.1.113883.6.96"
HPO = "2.16.840.1.113883.6.339"
ATOM = "{http://www.w3.org/2005/Atom}"


def _ask(client, path="/infobutton", headers=None, **params):
    names = {
        "c": "mainSearchCriteria.v.c",
        "cs": "mainSearchCriteria.v.cs",
        "dn": "mainSearchCriteria.v.dn",
        "type": "knowledgeResponseType",
        "recipient": "informationRecipient",
    }
    return client.get(path, {names.get(k, k): v for k, v in params.items()}, headers=headers)


def _entries(response) -> list[dict]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()["feed"]["entry"]


def _slugs(response) -> list[str]:
    return [e["link"][0]["href"].rstrip("/").rsplit("/", 1)[-1] for e in _entries(response)]


@pytest.mark.parametrize("code", ["R25.2", "R252", "M62.831", "M62.83"])
def test_it_finds_muscle_spasm_by_icd10cm_code(client, content, code):
    assert _slugs(_ask(client, c=code, cs=ICD10CM)) == [content.symptom.slug]


def test_it_says_when_it_fell_back_to_a_parent_code(client, content):
    feed = _ask(client, c="M62.831", cs=ICD10CM).json()["feed"]
    assert "by its parent code M62.83" in feed["subtitle"]["_value"]


def test_it_finds_a_symptom_by_hpo_code_and_by_the_name_hpo(client, content):
    assert _slugs(_ask(client, c="HP:0003394", cs=HPO)) == [content.symptom.slug]
    assert _slugs(_ask(client, c="HP:0003394", cs="HPO")) == [content.symptom.slug]


def test_it_finds_a_symptom_by_snomed_ct_through_hpo_xrefs(client, content):
    assert _slugs(_ask(client, c="55300003", cs=SNOMEDCT)) == [content.symptom.slug]


def test_it_searches_the_display_name_when_the_code_is_unknown(client, content):
    response = _ask(client, c="R06.9", cs=ICD10CM, dn="Hiccups")
    assert _slugs(response) == ["hiccups"]
    assert "R06.9 has no page" in response.json()["feed"]["subtitle"]["_value"]


def test_it_answers_an_unknown_code_without_a_name_with_no_entries(client, content):
    assert _entries(_ask(client, c="Z99.89", cs=ICD10CM)) == []


def test_it_mirrors_medlineplus_connects_json(client, content):
    feed = _ask(client, "/infobutton/", c="R25.2", cs=ICD10CM).json()["feed"]
    assert feed["title"] == {"_value": "Symptom Database", "type": "text"}
    assert feed["updated"]["_value"].endswith("Z")
    assert {"scheme": "mainSearchCriteria.v.c", "term": "R25.2"} in feed["category"]
    (entry,) = feed["entry"]
    assert entry["title"]["_value"] == content.article.title
    assert entry["link"][0]["href"] == f"http://testserver/symptoms/{content.symptom.slug}/"
    assert entry["link"][0]["rel"] == "alternate"
    assert entry["summary"]["_value"] == content.article.summary
    assert entry["id"]["_value"] == entry["link"][0]["href"]


def test_a_provider_also_gets_the_definition_and_codes(client, content):
    (entry,) = _entries(_ask(client, c="R25.2", cs=ICD10CM, recipient="PROV"))
    summary = entry["summary"]["_value"]
    assert summary.startswith("Sudden and involuntary contractions")
    assert "ICD-10-CM R25.2" in summary and "HPO HP:0003394" in summary
    (patient,) = _entries(_ask(client, c="R25.2", cs=ICD10CM, recipient="PAT"))
    assert "ICD-10-CM" not in patient["summary"]["_value"]


def test_it_answers_text_xml_with_an_atom_feed(client, content):
    response = _ask(client, c="R25.2", cs=ICD10CM, type="text/xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own answer, not untrusted
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "Symptom Database"
    assert feed.findtext(f"{ATOM}updated")
    assert feed.findtext(f"{ATOM}id")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.findtext(f"{ATOM}title") == content.article.title
    link = entry.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == f"http://testserver/symptoms/{content.symptom.slug}/"
    assert entry.findtext(f"{ATOM}summary") == content.article.summary
    assert entry.findtext(f"{ATOM}id") and entry.findtext(f"{ATOM}updated")


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({}, "mainSearchCriteria.v.c"),
        ({"c": "R25.2"}, "mainSearchCriteria.v.cs"),
        ({"c": "R25.2", "cs": "2.16.840.1.113883.6.103"}, "mainSearchCriteria.v.cs"),
        ({"c": "R2", "cs": ICD10CM}, "mainSearchCriteria.v.c"),
        ({"c": "R25.2", "cs": ICD10CM, "type": "application/pdf"}, "knowledgeResponseType"),
        ({"c": "R25.2", "cs": ICD10CM, "recipient": "PAYOR"}, "informationRecipient"),
        ({"dn": "x" * 201}, "mainSearchCriteria.v.dn"),
        ({"c": "R" * 41, "cs": ICD10CM}, "mainSearchCriteria.v.c"),
        ({"dn": "cramp\x00"}, "mainSearchCriteria.v.dn"),
    ],
)
def test_it_says_which_parameter_is_wrong(client, content, params, parameter):
    response = _ask(client, **params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid_parameter"
    assert error["parameter"] == parameter
    assert parameter.split(".")[-1] in error["message"] or "code system" in error["message"]


def test_it_reports_errors_in_xml_to_a_client_that_asked_for_xml(client, content):
    response = _ask(client, c="R25.2", cs="1.2.3", type="text/xml")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/xml")
    error = ET.fromstring(response.content)  # noqa: S314 - our own answer, not untrusted
    assert error.tag == "error"
    assert error.findtext("parameter") == "mainSearchCriteria.v.cs"
    assert "not supported" in (error.findtext("message") or "")


def test_it_only_answers_get(client, content):
    response = client.post("/infobutton", {"mainSearchCriteria.v.dn": "cramp"})
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_any_site_may_ask(client, content):
    response = _ask(client, c="R25.2", cs=ICD10CM, headers={"Origin": "https://ehr.example"})
    assert response["Access-Control-Allow-Origin"] == "*"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    code=st.text(max_size=50),
    system=st.sampled_from([ICD10CM, SNOMEDCT, HPO, "HPO", "", "1.2.3"]) | st.text(max_size=70),
    name=st.text(max_size=210),
    response_type=st.sampled_from(["", "application/json", "text/xml"]) | st.text(max_size=5),
)
def test_no_request_gets_a_server_error(client, content, code, system, name, response_type):
    response = _ask(client, c=code, cs=system, dn=name, type=response_type)
    assert response.status_code in (200, 400)
