"""The patient's conditions in a CDS Hooks prefetch: FHIR Condition resources, alone or
in a searchset Bundle, with the codings of each.

Conditions entered in error or refuted are left out, and so are resolved, inactive and
in-remission ones: the cards are for what the patient has now. FHIR R4 writes the
statuses as CodeableConcepts, STU3 as plain codes; both are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from symptomdb.cds_hooks.hook import HookError

LEFT_OUT_CLINICAL = {"inactive", "resolved", "remission"}
LEFT_OUT_VERIFICATION = {"entered-in-error", "refuted"}


@dataclass(frozen=True)
class Coding:
    system: str
    code: str
    display: str = ""


@dataclass(frozen=True)
class Condition:
    id: str
    codings: tuple[Coding, ...]
    text: str  # code.text, or the first coding's display


def _status(value: Any) -> str:
    if isinstance(value, str):  # STU3
        return value
    if isinstance(value, dict):
        for coding in value.get("coding") or []:
            if isinstance(coding, dict) and isinstance(coding.get("code"), str):
                return str(coding["code"])
    return ""


def _condition(resource: dict[str, Any]) -> Condition | None:
    if _status(resource.get("clinicalStatus")) in LEFT_OUT_CLINICAL:
        return None
    if _status(resource.get("verificationStatus")) in LEFT_OUT_VERIFICATION:
        return None
    code = resource.get("code")
    if not isinstance(code, dict):
        return None
    codings = tuple(
        Coding(system=c["system"], code=c["code"], display=str(c.get("display") or ""))
        for c in code.get("coding") or []
        if isinstance(c, dict)
        and isinstance(c.get("system"), str)
        and isinstance(c.get("code"), str)
    )
    text = code.get("text") if isinstance(code.get("text"), str) else ""
    text = text or next((c.display for c in codings if c.display), "")
    return Condition(id=str(resource.get("id") or ""), codings=codings, text=text)


def _resources(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, dict):
        return []
    if value.get("resourceType") == "Bundle":
        entries = value.get("entry") or []
        if not isinstance(entries, list):
            return []
        return [
            e["resource"]
            for e in entries
            if isinstance(e, dict) and isinstance(e.get("resource"), dict)
        ]
    return [value]


def conditions_in(key: str, value: Any) -> list[Condition]:
    """The current conditions in one prefetch value (null: none). HookError when the
    value is neither a FHIR resource nor null, or is the client's OperationOutcome saying
    it could not fetch them."""
    if value is None:
        return []
    if not isinstance(value, dict) or not isinstance(value.get("resourceType"), str):
        raise HookError(
            f"prefetch.{key}", f"prefetch.{key} must be a FHIR Bundle or Condition, or null."
        )
    if value["resourceType"] == "OperationOutcome":
        raise HookError(
            f"prefetch.{key}",
            f"prefetch.{key} is an OperationOutcome: the client could not fetch it.",
        )
    found = []
    for resource in _resources(value):
        if resource.get("resourceType") == "Condition" and (condition := _condition(resource)):
            found.append(condition)
    return found


def holds_conditions(value: Any) -> bool:
    """Whether a prefetch value (under another key) is or holds Condition resources."""
    return any(r.get("resourceType") == "Condition" for r in _resources(value))
