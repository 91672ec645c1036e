from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.api.content import Content, make_content

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def content(db) -> Content:
    return make_content()


def spec_example(name: str) -> Any:
    """One of the CDS Hooks specification's examples (fixtures/README.md), a fresh copy."""
    return copy.deepcopy(json.loads((FIXTURES / name).read_text(encoding="utf-8")))


def condition(code: str, system: str, display: str = "", **fields: Any) -> dict[str, Any]:
    """A FHIR R4 Condition with one coding."""
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    return {
        "resourceType": "Condition",
        "id": f"c-{code}",
        "clinicalStatus": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                    "code": "active",
                }
            ]
        },
        "code": {"coding": [coding], "text": display},
        "subject": {"reference": "Patient/1288992"},
        **fields,
    }


def searchset(*resources: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": len(resources),
        "entry": [{"fullUrl": f"Condition/{r['id']}", "resource": r} for r in resources],
    }


def patient_view(conditions: Any) -> dict[str, Any]:
    """The specification's patient-view request, with a `conditions` prefetch added."""
    request = spec_example("patient-view-request.json")
    request["prefetch"]["conditions"] = conditions
    return request
