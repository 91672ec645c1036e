"""GET /cds-services answers as the specification's discovery example does."""

from __future__ import annotations

import pytest

from tests.cds_hooks.conftest import spec_example

pytestmark = pytest.mark.django_db

REQUIRED = {"hook": str, "description": str, "id": str}
OPTIONAL = {"title": str, "prefetch": dict, "usageRequirements": str}


def _check_service(service: dict) -> None:
    for name, kind in REQUIRED.items():
        assert isinstance(service[name], kind), name
    for name, kind in OPTIONAL.items():
        assert name not in service or isinstance(service[name], kind), name
    assert set(service) <= set(REQUIRED) | set(OPTIONAL)
    for key, query in service.get("prefetch", {}).items():
        assert isinstance(key, str) and isinstance(query, str)


def test_the_specifications_example_passes_our_shape_check():
    for service in spec_example("discovery-response.json")["services"]:
        _check_service(service)


def test_it_lists_the_patient_view_service(client):
    response = client.get("/cds-services")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    (service,) = response.json()["services"]
    _check_service(service)
    assert service["hook"] == "patient-view"
    assert service["id"] == "symptom-information"
    assert service["prefetch"] == {"conditions": "Condition?patient={{context.patientId}}"}
    assert client.get("/cds-services/").json() == response.json()


def test_a_browser_based_client_may_discover_and_call(client):
    preflight = client.options(
        "/cds-services/symptom-information",
        headers={
            "Origin": "https://sandbox.cds-hooks.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight["Access-Control-Allow-Methods"]
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]
    response = client.get("/cds-services", headers={"Origin": "https://sandbox.cds-hooks.org"})
    assert response["Access-Control-Allow-Origin"] == "*"


def test_discovery_only_reads(client):
    response = client.post("/cds-services", {}, content_type="application/json")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
