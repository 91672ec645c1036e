"""/infobutton answers the question it is asked (codes by OID, FHIR URI or name; parent
codes; display names and original text; indexed criteria; any context the guide
defines) and refuses only malformed requests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

ICD10CM = "2.16.840.1.113883.6.90"
SNOMEDCT = "2.16.840.1.113883.6.96"
HPO = "2.16.840.1.113883.6.339"
ICD9CM = "2.16.840.1.113883.6.103"
NAMES = {
    "c": "mainSearchCriteria.v.c",
    "cs": "mainSearchCriteria.v.cs",
    "dn": "mainSearchCriteria.v.dn",
    "ot": "mainSearchCriteria.v.ot",
    "type": "knowledgeResponseType",
    "recipient": "informationRecipient",
}


def _ask(client, path="/infobutton", headers=None, **params):
    query = {NAMES.get(k, k): v for k, v in params.items()}
    query.setdefault("knowledgeResponseType", "application/json")
    return client.get(path, query, headers=headers)


def _feed(response) -> dict:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()["feed"]


def _slugs(response) -> list[str]:
    return [e["link"][0]["href"].rstrip("/").rsplit("/", 1)[-1] for e in _feed(response)["entry"]]


@pytest.mark.parametrize("code", ["R25.2", "R252", "M62.831", "M62.83", "r25.2"])
def test_it_finds_muscle_spasm_by_icd10cm_code(client, content, code):
    assert _slugs(_ask(client, c=code, cs=ICD10CM)) == [content.symptom.slug]


@pytest.mark.parametrize(
    ("system", "code"),
    [
        (ICD10CM, "R25.2"),
        (f"urn:oid:{ICD10CM}", "R25.2"),
        ("http://hl7.org/fhir/sid/icd-10-cm", "R25.2"),
        ("ICD10CM", "R25.2"),
        ("ICD-10-CM", "R25.2"),
        (SNOMEDCT, "55300003"),
        ("http://snomed.info/sct", "55300003"),
        ("SNOMEDCT_US", "55300003"),
        (HPO, "HP:0003394"),
        ("http://human-phenotype-ontology.org", "HP:0003394"),
        ("http://purl.obolibrary.org/obo/hp.owl", "HP_0003394"),
        ("hpo", "0003394"),
    ],
)
def test_it_reads_code_systems_by_oid_fhir_uri_and_name(client, content, system, code):
    assert _slugs(_ask(client, c=code, cs=system)) == [content.symptom.slug]


def test_it_says_when_it_fell_back_to_a_parent_code(client, content):
    feed = _feed(_ask(client, c="M62.831", cs=ICD10CM))
    assert "by its parent code M62.83" in feed["subtitle"]["_value"]


def test_an_unknown_code_falls_back_to_the_display_name(client, content):
    response = _ask(client, c="R06.9", cs=ICD10CM, dn="Hiccups")
    assert _slugs(response) == ["hiccups"]
    assert "R06.9 has no page" in _feed(response)["subtitle"]["_value"]


@pytest.mark.parametrize("system", [ICD9CM, "http://loinc.org", "1.2.3", "RXNORM"])
def test_a_code_system_not_offered_falls_back_to_the_display_name(client, content, system):
    response = _ask(client, c="728.85", cs=system, dn="Hiccups")
    assert _slugs(response) == ["hiccups"]
    assert "not one this site offers" in _feed(response)["subtitle"]["_value"]


def test_a_code_system_not_offered_without_words_gets_an_empty_feed(client, content):
    feed = _feed(_ask(client, c="728.85", cs=ICD9CM))
    assert feed["entry"] == []
    assert "nothing found" in feed["subtitle"]["_value"]


def test_a_code_its_system_cannot_have_falls_back_to_the_words(client, content):
    assert _slugs(_ask(client, c="R2", cs=ICD10CM, dn="Hiccups")) == ["hiccups"]
    assert _feed(_ask(client, c="R2", cs=ICD10CM))["entry"] == []


def test_only_original_text_is_enough(client, content):
    assert _slugs(_ask(client, ot="hiccups")) == ["hiccups"]


def test_original_text_is_the_last_fallback(client, content):
    assert _slugs(_ask(client, c="Z99.89", cs=ICD10CM, ot="Hiccups")) == ["hiccups"]


def test_a_long_display_name_is_searched_by_its_first_words(client, content):
    long_name = "Hiccups " + "after a long day at work and a heavy meal " * 40
    assert len(long_name) > 1_000
    response = _ask(client, dn=long_name.strip())
    assert response.status_code == 200
    assert "hiccups" in _slugs(response)


def test_an_unknown_code_without_words_gets_an_empty_feed(client, content):
    assert _feed(_ask(client, c="Z99.89", cs=ICD10CM))["entry"] == []


def test_indexed_criteria_are_read_in_order(client, content):
    response = _ask(
        client,
        **{
            "mainSearchCriteria.v.c": "R06.6",
            "mainSearchCriteria.v.cs": ICD10CM,
            "mainSearchCriteria.v.c1": "R25.2",
            "mainSearchCriteria.v.cs1": "http://hl7.org/fhir/sid/icd-10-cm",
            "mainSearchCriteria.v.c2": "R25.2",  # the same page twice is listed once
            "mainSearchCriteria.v.cs2": ICD10CM,
        },
    )
    assert _slugs(response) == ["hiccups", content.symptom.slug]


def test_indexed_criteria_alone_are_enough(client, content):
    response = _ask(
        client, **{"mainSearchCriteria.v.c0": "R06.6", "mainSearchCriteria.v.cs0": ICD10CM}
    )
    assert _slugs(response) == ["hiccups"]


def test_it_mirrors_medlineplus_connects_json(client, content):
    feed = _feed(_ask(client, "/infobutton/", c="R25.2", cs=ICD10CM))
    assert feed["title"] == {"_value": "Symptom Database", "type": "text"}
    assert feed["lang"] == "en"
    assert feed["updated"]["_value"].endswith("Z")
    assert {"scheme": "mainSearchCriteria.v.c", "term": "R25.2"} in feed["category"]
    assert {"scheme": "informationRecipient", "term": "PAT"} in feed["category"]
    (entry,) = feed["entry"]
    assert entry["lang"] == "en"
    assert entry["title"]["_value"] == content.article.title
    assert entry["link"][0]["href"] == f"http://testserver/symptoms/{content.symptom.slug}/"
    assert entry["link"][0]["rel"] == "alternate" and entry["link"][0]["hreflang"] == "en"
    assert entry["summary"] == {"_value": f"<p>{content.article.summary}</p>", "type": "html"}
    assert entry["id"]["_value"] == entry["link"][0]["href"]


def test_summaries_are_escaped_html(client, content):
    content.symptom.definition = "Spasms <b>& cramps</b>"
    content.symptom.save()
    (entry,) = _feed(_ask(client, c="R25.2", cs=ICD10CM, recipient="PROV"))["entry"]
    assert entry["summary"]["_value"].startswith("<p>Spasms &lt;b&gt;&amp; cramps&lt;/b&gt;</p>")


@pytest.mark.parametrize("recipient", ["PROV", "prov", "PAYOR"])
def test_a_provider_or_payer_also_gets_the_definition_and_codes(client, content, recipient):
    (entry,) = _feed(_ask(client, c="R25.2", cs=ICD10CM, recipient=recipient))["entry"]
    summary = entry["summary"]["_value"]
    assert summary.startswith("<p>Sudden and involuntary contractions")
    assert "ICD-10-CM R25.2" in summary and "HPO HP:0003394" in summary
    (patient,) = _feed(_ask(client, c="R25.2", cs=ICD10CM, recipient="PAT"))["entry"]
    assert "ICD-10-CM" not in patient["summary"]["_value"]


def test_spanish_is_asked_for_and_said_not_to_exist(client, content):
    feed = _feed(
        _ask(client, c="R25.2", cs=ICD10CM, **{"informationRecipient.languageCode.c": "es"})
    )
    assert (
        "There is no Spanish content here yet; the pages are in English."
        in (feed["subtitle"]["_value"])
    )
    assert feed["lang"] == "en" and feed["entry"][0]["lang"] == "en"
    assert {"scheme": "informationRecipient.languageCode.c", "term": "es"} in feed["category"]


def test_the_guides_context_is_accepted_and_echoed(client, content):
    context = {
        "taskContext.c.c": "PROBLISTREV",
        "patientPerson.administrativeGenderCode.c": "F",
        "age.v.v": "45",
        "age.v.u": "a",
        "ageGroup.v.c": "D000328",
        "ageGroup.v.cs": "2.16.840.1.113883.6.177",
        "performer": "PROV",
        "performer.languageCode.c": "en",
        "encounter.c.c": "AMB",
        "locationOfInterest.addr.STA": "VA",
        "subTopic.v.c": "Q000628",
        "holder.assignedEntity.n": "Riverside EHR",
    }
    feed = _feed(_ask(client, c="R25.2", cs=ICD10CM, **context))
    assert len(feed["entry"]) == 1
    echoed = {(c["scheme"], c["term"]) for c in feed["category"]}
    assert ("taskContext.c.c", "PROBLISTREV") in echoed
    assert ("performer.languageCode", "en") in echoed
    assert ("encounter.c.c", "AMB") in echoed


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({}, "mainSearchCriteria.v.c"),
        ({"c": "R25.2"}, "mainSearchCriteria.v.cs"),
        ({"mainSearchCriteria.v.c1": "R25.2"}, "mainSearchCriteria.v.cs1"),
        ({"c": "R25.2", "cs": ICD10CM, "type": "application/pdf"}, "knowledgeResponseType"),
        ({"c": "R25.2", "cs": ICD10CM, "recipient": "NURSE"}, "informationRecipient"),
        ({"c": "R25.2", "cs": ICD10CM, "performer": "X"}, "performer"),
        ({"dn": "x" * 2_001}, "mainSearchCriteria.v.dn"),
        ({"dn": "cramp\x00"}, "mainSearchCriteria.v.dn"),
        (
            {"dn": "cramp", "patientPerson.administrativeGenderCode.c": "Q"},
            "patientPerson.administrativeGenderCode.c",
        ),
        ({"dn": "cramp", "age.v.v": "forty"}, "age.v.v"),
        ({"dn": "cramp", "age.v.u": "years"}, "age.v.u"),
        (
            {"dn": "cramp", "informationRecipient.languageCode.c": "español!"},
            "informationRecipient.languageCode.c",
        ),
        ({"dn": "cramp", "knowledgeResponseType": "application/javascript"}, "callback"),
    ],
)
def test_a_malformed_request_is_refused_naming_the_parameter(client, content, params, parameter):
    response = client.get(
        "/infobutton",
        {NAMES.get(k, k): v for k, v in params.items()},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid_parameter"
    assert error["parameter"] == parameter
    assert error["message"].endswith(".") and error["message"].count(". ") == 0


def test_too_many_criteria_are_refused(client, content):
    params = {f"mainSearchCriteria.v.dn{n}": "cramp" for n in range(1, 23)}
    response = client.get("/infobutton", params, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "mainSearchCriteria.v.c"


def test_errors_come_in_xml_to_a_client_that_asked_for_xml(client, content):
    from lxml import etree

    response = client.get(
        "/infobutton", {"mainSearchCriteria.v.c": "R25.2", "knowledgeResponseType": "text/XML"}
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/xml")
    error = etree.fromstring(response.content)
    assert error.tag == "error"
    assert error.findtext("parameter") == "mainSearchCriteria.v.cs"


def test_errors_come_as_a_callback_to_a_jsonp_page(client, content):
    response = client.get("/infobutton", {"callback": "show"})
    assert response.status_code == 400
    assert response.content.startswith(b"/**/show({") and b"invalid_parameter" in response.content


def test_errors_come_as_a_page_to_a_browser(client, content):
    response = client.get(
        "/infobutton",
        {"mainSearchCriteria.v.dn": "<script>x</script>\x01"},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert b"<script>x" not in response.content


def test_other_methods_are_refused_with_the_allowed_ones(client, content):
    response = client.put("/infobutton")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"


def test_any_site_may_ask(client, content):
    response = _ask(client, c="R25.2", cs=ICD10CM, headers={"Origin": "https://ehr.example"})
    assert response["Access-Control-Allow-Origin"] == "*"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    code=st.text(max_size=50),
    system=st.sampled_from([ICD10CM, SNOMEDCT, HPO, "HPO", "", "1.2.3", "http://snomed.info/sct"])
    | st.text(max_size=70),
    name=st.text(max_size=210),
    response_type=st.sampled_from(["", "application/json", "text/xml", "text/html"])
    | st.text(max_size=5),
    accept=st.sampled_from(["", "*/*", "text/html", "application/json;q=x"]) | st.text(max_size=20),
    callback=st.sampled_from(["", "cb"]) | st.text(max_size=8),
)
def test_no_request_gets_a_server_error(
    client, content, code, system, name, response_type, accept, callback
):
    params = {
        NAMES["c"]: code,
        NAMES["cs"]: system,
        NAMES["dn"]: name,
        NAMES["type"]: response_type,
        "callback": callback,
    }
    response = client.get("/infobutton", params, headers={"Accept": accept})
    assert response.status_code in (200, 302, 400)
