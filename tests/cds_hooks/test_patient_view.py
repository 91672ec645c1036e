"""POST /cds-services/symptom-information with the specification's patient-view
requests: cards in the specification's response shape for the patient's conditions."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symptomdb.articles.models import RedFlag
from symptomdb.terminology.models import Symptom, SymptomCode
from tests.cds_hooks.conftest import condition, patient_view, searchset, spec_example

pytestmark = pytest.mark.django_db

URL = "/cds-services/symptom-information"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
SNOMED = "http://snomed.info/sct"
HPO = "http://human-phenotype-ontology.org"
INDICATORS = ("info", "warning", "critical")
CARD_FIELDS = {
    "uuid", "summary", "detail", "indicator", "source", "suggestions",
    "selectionBehavior", "overrideReasons", "links",
}  # fmt: skip


def _check_card(card: dict) -> None:
    """The specification's Card attributes: required ones present, types as it says."""
    assert set(card) <= CARD_FIELDS
    assert isinstance(card["summary"], str) and 0 < len(card["summary"]) < 140
    assert card["indicator"] in INDICATORS
    assert isinstance(card["source"]["label"], str) and card["source"]["label"]
    assert set(card["source"]) <= {"label", "url", "icon", "topic"}
    assert isinstance(card.get("detail", ""), str)
    for link in card.get("links", []):
        assert {"label", "url", "type"} <= set(link)
        assert link["type"] in ("absolute", "smart")
        if link["type"] == "absolute":
            assert link["url"].startswith(("http://", "https://"))


def _call(client, body, **headers):
    return client.post(URL, body, content_type="application/json", headers=headers)


def _cards(response) -> list[dict]:
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) <= {"cards", "systemActions"}
    for card in body["cards"]:
        _check_card(card)
    return body["cards"]


def test_the_specifications_example_response_passes_our_shape_check():
    for card in spec_example("cards-response.json")["cards"]:
        _check_card(card)


def test_a_card_for_r25_2_links_to_the_muscle_spasm_article(client, content):
    conditions = searchset(condition("R25.2", ICD10CM, "Cramp and spasm"))
    (card,) = _cards(_call(client, patient_view(conditions)))
    page = f"http://testserver/symptoms/{content.symptom.slug}/"
    assert card["links"] == [
        {"label": f"Read “{content.article.title}”", "url": page, "type": "absolute"}
    ]
    # Muscle spasm after a wound can be tetanus: the triage's red flag makes it a warning.
    assert card["indicator"] == "warning"
    assert "Call 911 now if the jaw or other muscles go stiff" in card["detail"]
    assert card["source"] == {
        "label": "Symptom Database · reviewed by Ada Okafor, DO",
        "url": "http://testserver/",
    }
    assert "Muscle spasms" in card["summary"]
    assert "Cramp and spasm" in card["detail"] and "ICD-10-CM R25.2" in card["detail"]
    assert "medically reviewed by Ada Okafor, DO, on 01 March 2025" in card["detail"]
    # The same call gets the same card id; another call another.
    again = _cards(_call(client, patient_view(conditions)))[0]
    assert again["uuid"] == card["uuid"]
    other = patient_view(conditions)
    other["hookInstance"] = "0a3c1a9e-3b0f-4f55-9d87-0b7a2b1e2f44"
    assert _cards(_call(client, other))[0]["uuid"] != card["uuid"]


@pytest.mark.parametrize(
    "context", spec_example("patient-view-contexts.json"), ids=["practitioner-role", "encounter"]
)
def test_the_hooks_example_contexts_are_answered(client, content, context):
    body = patient_view(searchset(condition("R25.2", ICD10CM)))
    body["context"] = context
    assert len(_cards(_call(client, body))) == 1


@pytest.mark.parametrize(
    ("system", "code"),
    [(ICD10CM, "R25.2"), (ICD10CM, "M62.831"), (SNOMED, "55300003"), (HPO, "HP:0003394"),
     ("urn:oid:2.16.840.1.113883.6.90", "R252")],
)  # fmt: skip
def test_icd10cm_snomed_and_hpo_conditions_find_the_symptom(client, content, system, code):
    (card,) = _cards(_call(client, patient_view(searchset(condition(code, system)))))
    assert card["links"][0]["url"].endswith(f"/symptoms/{content.symptom.slug}/")


def test_one_card_per_symptom_in_the_order_of_the_conditions(client, content):
    conditions = searchset(
        condition("R06.6", ICD10CM, "Hiccups"),
        condition("R25.2", ICD10CM),
        condition("55300003", SNOMED),  # the same symptom again
        condition("I10", ICD10CM, "Essential hypertension"),  # no page here: no card
        condition("38341003", "http://loinc.org"),  # a system not offered: no card
    )
    cards = _cards(_call(client, patient_view(conditions)))
    assert [c["links"][0]["url"].rsplit("/", 2)[-2] for c in cards] == [
        "hiccups",
        content.symptom.slug,
    ]
    hiccups = cards[0]
    assert hiccups["indicator"] == "info"
    assert hiccups["source"] == {"label": "Symptom Database", "url": "http://testserver/"}
    assert "diaphragm" in hiccups["detail"]


def test_a_single_condition_and_a_condition_under_another_key_are_read(client, content):
    assert len(_cards(_call(client, patient_view(condition("R25.2", ICD10CM))))) == 1
    body = spec_example("patient-view-request.json")
    body["prefetch"]["problems"] = searchset(condition("R25.2", ICD10CM))
    assert len(_cards(_call(client, body))) == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"clinicalStatus": {"coding": [{"code": "resolved"}]}},
        {"clinicalStatus": "inactive"},  # STU3
        {"verificationStatus": {"coding": [{"code": "entered-in-error"}]}},
        {"verificationStatus": {"coding": [{"code": "refuted"}]}},
    ],
)
def test_resolved_refuted_and_mistaken_conditions_get_no_card(client, content, fields):
    resource = condition("R25.2", ICD10CM, **fields)
    assert _cards(_call(client, patient_view(searchset(resource)))) == []


def test_no_conditions_means_no_cards(client, content):
    assert _cards(_call(client, patient_view(None))) == []
    assert _cards(_call(client, patient_view(searchset()))) == []


def test_a_symptom_with_emergency_red_flags_gets_a_warning(client, content):
    RedFlag.objects.create(
        article=content.article,
        text="Jaw stiffness or spasms after a cut or puncture wound",
        urgency="emergency",
    )
    (card,) = _cards(_call(client, patient_view(searchset(condition("R25.2", ICD10CM)))))
    assert card["indicator"] == "warning"
    assert "emergency warning signs" in card["summary"]
    assert "Jaw stiffness or spasms after a cut or puncture wound" in card["detail"]


def test_a_symptom_the_triage_families_concern_gets_a_warning(client, content):
    symptom = Symptom.objects.create(slug="hematemesis", name="Hematemesis")
    SymptomCode.objects.create(symptom=symptom, system="ICD10CM", code="K92.0")
    (card,) = _cards(_call(client, patient_view(searchset(condition("K92.0", ICD10CM)))))
    assert card["indicator"] == "warning"
    assert "Call 911 now if you vomit blood" in card["detail"]


def test_the_specifications_request_without_conditions_gets_412(client, content):
    response = _call(client, spec_example("patient-view-request.json"))
    assert response.status_code == 412
    error = response.json()["error"]
    assert error["parameter"] == "prefetch.conditions"
    assert "does not call your FHIR server" in error["message"]


def test_answers_are_never_kept(client, content):
    response = _call(client, patient_view(None))
    assert response["Cache-Control"] == "no-store"
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda b: b.pop("hook"), "hook"),
        (lambda b: b.update(hook="order-sign"), "hook"),
        (lambda b: b.pop("hookInstance"), "hookInstance"),
        (lambda b: b.update(hookInstance=7), "hookInstance"),
        (lambda b: b.pop("context"), "context"),
        (lambda b: b["context"].pop("patientId"), "context.patientId"),
        (lambda b: b["context"].pop("userId"), "context.userId"),
        (lambda b: b.update(prefetch=[]), "prefetch"),
        (lambda b: b["prefetch"].update(conditions="Condition?patient=1"), "prefetch.conditions"),
        (lambda b: b["prefetch"].update(conditions={"resourceType": "OperationOutcome"}),
         "prefetch.conditions"),
    ],
)  # fmt: skip
def test_a_call_off_the_specification_is_refused_naming_the_field(client, content, change, field):
    body = patient_view(searchset(condition("R25.2", ICD10CM)))
    change(body)
    response = _call(client, body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["parameter"] == field
    assert error["message"].endswith(".")


@pytest.mark.parametrize("body", [b"", b"not json", b"[1, 2]", b"\xff\xfe", b'{"hook": '])
def test_a_body_that_is_not_a_json_object_is_refused(client, content, body):
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "body"


def test_an_unknown_service_is_404(client, content):
    response = client.post("/cds-services/no-such-service", {}, content_type="application/json")
    assert response.status_code == 404
    assert "see /cds-services" in response.json()["error"]["message"]


def test_a_service_is_only_called_by_post(client, content):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prefetch=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda children: st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["resourceType", "entry", "resource", "code", "coding", "system",
                             "clinicalStatus", "conditions", "text"]),
            children, max_size=4),
        max_leaves=12,
    ),
    resource_type=st.sampled_from(["Bundle", "Condition", "Patient", "OperationOutcome", 3]),
)  # fmt: skip
def test_no_prefetch_gets_a_server_error(client, content, prefetch, resource_type):
    body = patient_view(prefetch)
    if isinstance(prefetch, dict):
        prefetch["resourceType"] = resource_type
    response = _call(client, body)
    assert response.status_code in (200, 400, 412)
