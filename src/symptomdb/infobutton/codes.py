"""Clinical codes: which system an OID names, how a code is written, and which
symptom a code leads to. Used by /infobutton and /api/symptoms/by-code.

OIDs are HL7's identifiers for code systems (HL7 Terminology, THO):
  ICD-10-CM   2.16.840.1.113883.6.90
  SNOMED CT   2.16.840.1.113883.6.96
  HPO         2.16.840.1.113883.6.339  (THO CodeSystem "HPO",
              url http://human-phenotype-ontology.org)
A request may also name the system as "HPO", "ICD10CM" or "SNOMEDCT" (and an OID
may carry the "urn:oid:" prefix), since EHRs differ in how they spell it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symptomdb.terminology.models import CodeSystem, Symptom, SymptomCode

OIDS: dict[str, str] = {
    "2.16.840.1.113883.6.90": CodeSystem.ICD10CM,
    "2.16.840.1.113883.6.96": CodeSystem.SNOMEDCT,
    "2.16.840.1.113883.6.339": CodeSystem.HPO,
}
OID_OF: dict[str, str] = {system: oid for oid, system in OIDS.items()}
NAMES: dict[str, str] = {
    "HPO": CodeSystem.HPO,
    "ICD10CM": CodeSystem.ICD10CM,
    "ICD-10-CM": CodeSystem.ICD10CM,
    "SNOMEDCT": CodeSystem.SNOMEDCT,
    "SNOMED CT": CodeSystem.SNOMEDCT,
    "SNOMEDCT_US": CodeSystem.SNOMEDCT,
}
LABELS: dict[str, str] = {
    CodeSystem.HPO: "HPO",
    CodeSystem.ICD10CM: "ICD-10-CM",
    CodeSystem.SNOMEDCT: "SNOMED CT",
}

# ICD-10-CM: a letter, two characters, then up to four more after the dot.
_ICD = re.compile(r"^([A-Z][0-9][0-9A-Z])\.?([0-9A-Z]{0,4})$")
_HPO = re.compile(r"^(?:HP[:_]?)?([0-9]{7})$")
_SNOMED = re.compile(r"^[0-9]{6,18}$")


class CodeError(ValueError):
    """A code that cannot be a code of its system; the message says why."""


def system_for(name_or_oid: str) -> str | None:
    """The CodeSystem an OID or name stands for, or None when it is not one we know."""
    value = name_or_oid.strip()
    if value.lower().startswith("urn:oid:"):
        value = value[len("urn:oid:") :]
    return OIDS.get(value) or NAMES.get(value.upper())


def normalise(system: str, code: str) -> str:
    """The code as the catalogue stores it: "R252" → "R25.2", "0003394" → "HP:0003394"."""
    value = code.strip().upper()
    if system == CodeSystem.ICD10CM:
        if match := _ICD.match(value):
            head, tail = match.groups()
            return f"{head}.{tail}" if tail else head
        raise CodeError(f"{code!r} is not an ICD-10-CM code (such as R25.2).")
    if system == CodeSystem.HPO:
        if match := _HPO.match(value):
            return f"HP:{match.group(1)}"
        raise CodeError(f"{code!r} is not an HPO term id (such as HP:0003394).")
    if system == CodeSystem.SNOMEDCT:
        if _SNOMED.match(value):
            return value
        raise CodeError(f"{code!r} is not a SNOMED CT concept id (6 to 18 digits).")
    raise CodeError(f"{system!r} is not a code system this site knows.")


def icd_ancestors(code: str) -> list[str]:
    """A normalised ICD-10-CM code and its parents, nearest first:
    M62.831 → [M62.831, M62.83, M62.8, M62]."""
    head, _, tail = code.partition(".")
    return [f"{head}.{tail[:n]}" for n in range(len(tail), 0, -1)] + [head]


@dataclass(frozen=True)
class CodeMatch:
    symptom: Symptom
    system: str
    code: str  # the code that matched: the one asked for, or a parent of it
    requested: str  # the code asked for, normalised

    @property
    def exact(self) -> bool:
        return self.code == self.requested


def symptom_by_code(system: str, code: str, *, nearest_parent: bool = False) -> CodeMatch | None:
    """The symptom carrying this code; with `nearest_parent`, an ICD-10-CM code with
    no symptom of its own falls back to its nearest parent that has one.

    Raises CodeError for a code its system cannot have.
    """
    wanted = normalise(system, code)
    fall_back = nearest_parent and system == CodeSystem.ICD10CM
    candidates = icd_ancestors(wanted) if fall_back else [wanted]
    found = {
        c.code: c
        for c in SymptomCode.objects.filter(system=system, code__in=candidates).select_related(
            "symptom"
        )
    }
    for candidate in candidates:
        if candidate in found:
            return CodeMatch(
                symptom=found[candidate].symptom, system=system, code=candidate, requested=wanted
            )
    return None
