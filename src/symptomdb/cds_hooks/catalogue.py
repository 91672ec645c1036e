"""The CDS Services this site offers, as `GET /cds-services` describes them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The prefetch key the conditions are read from, and its FHIR query.
CONDITIONS = "conditions"


@dataclass(frozen=True)
class CdsService:
    id: str
    hook: str
    title: str
    description: str
    prefetch: dict[str, str] = field(default_factory=dict)
    usage_requirements: str = ""

    def as_discovery(self) -> dict[str, Any]:
        described: dict[str, Any] = {
            "hook": self.hook,
            "title": self.title,
            "description": self.description,
            "id": self.id,
            "prefetch": dict(self.prefetch),
        }
        if self.usage_requirements:
            described["usageRequirements"] = self.usage_requirements
        return described


SYMPTOM_INFORMATION = CdsService(
    id="symptom-information",
    hook="patient-view",
    title="Symptom Database: patient information for the patient's conditions",
    description=(
        "For each of the patient's conditions (ICD-10-CM, SNOMED CT or HPO codes) that has a "
        "symptom page or a physician-reviewed article on the Symptom Database, an information "
        "card linking to it; a warning card when the symptom has emergency red flags."
    ),
    prefetch={CONDITIONS: "Condition?patient={{context.patientId}}"},
    usage_requirements=(
        "Send the patient's conditions in the `conditions` prefetch; this service never calls "
        "your FHIR server, keeps nothing from the request and answers 412 without them."
    ),
)

SERVICES: dict[str, CdsService] = {SYMPTOM_INFORMATION.id: SYMPTOM_INFORMATION}


def discovery() -> dict[str, Any]:
    return {"services": [service.as_discovery() for service in SERVICES.values()]}
