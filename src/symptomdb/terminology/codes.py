"""Clinical code systems, once for the whole site: each system's short name, label, FHIR
URI and OID (short name and label are CodeSystem's, in models.py); how a code is written;
and which symptom a code leads to. Used by the API (codes and the by-code lookup), the
pages' JSON-LD, /infobutton and the CDS Hooks service.

  short name  label       FHIR URI                                 OID
  HPO         HPO         http://human-phenotype-ontology.org      2.16.840.1.113883.6.339
  ICD10CM     ICD-10-CM   http://hl7.org/fhir/sid/icd-10-cm        2.16.840.1.113883.6.90
  SNOMEDCT    SNOMED CT   http://snomed.info/sct                   2.16.840.1.113883.6.96

The URIs and OIDs are HL7 Terminology's (THO, https://terminology.hl7.org/): the FHIR
`Coding.system` of each, and the OID an HL7 v3 / Infobutton request names it by. EHRs
differ in how they spell a system, so `system_for` also takes the short names, the
labels, "urn:oid:" OIDs, the OBO PURL of HPO and a few other spellings seen in the wild.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symptomdb.terminology.models import CodeSystem, Symptom, SymptomCode


@dataclass(frozen=True)
class CodeSystemInfo:
    system: str  # the CodeSystem value the catalogue stores ("ICD10CM")
    uri: str  # FHIR Coding.system
    oid: str  # HL7 OID, as Infobutton requests and CDA documents name it
    aliases: tuple[str, ...] = ()  # other names and URIs clients send for it

    @property
    def label(self) -> str:
        """As people write it ("ICD-10-CM"): CodeSystem's label."""
        return str(CodeSystem(self.system).label)


CODE_SYSTEMS: tuple[CodeSystemInfo, ...] = (
    CodeSystemInfo(
        system=CodeSystem.HPO,
        uri="http://human-phenotype-ontology.org",
        oid="2.16.840.1.113883.6.339",
        aliases=(
            "Human Phenotype Ontology",
            "http://purl.obolibrary.org/obo/hp.owl",
            "http://purl.obolibrary.org/obo/hp",
            "https://hpo.jax.org",
        ),
    ),
    CodeSystemInfo(
        system=CodeSystem.ICD10CM,
        uri="http://hl7.org/fhir/sid/icd-10-cm",
        oid="2.16.840.1.113883.6.90",
        # Not "ICD-10": WHO's ICD-10 (http://hl7.org/fhir/sid/icd-10) is another system.
    ),
    CodeSystemInfo(
        system=CodeSystem.SNOMEDCT,
        uri="http://snomed.info/sct",
        oid="2.16.840.1.113883.6.96",
        aliases=("SNOMEDCT_US", "SNOMED", "SCT", "SNOMED-CT"),
    ),
)
# Every code system the site shows and looks codes up in (UMLS CUIs stay internal).
BY_SYSTEM: dict[str, CodeSystemInfo] = {info.system: info for info in CODE_SYSTEMS}


def _key(value: str) -> str:
    """How a spelling is compared: case, spaces, "urn:oid:", a trailing slash and the
    URL scheme do not matter ("HTTPS://snomed.info/sct/" is SNOMED CT)."""
    value = value.strip().lower().rstrip("/")
    value = value.removeprefix("urn:oid:")
    for scheme in ("https://", "http://"):
        value = value.removeprefix(scheme)
    return value


_SPELLINGS: dict[str, str] = {
    _key(spelling): info.system
    for info in CODE_SYSTEMS
    for spelling in (info.system, info.label, info.uri, info.oid, *info.aliases)
}


def system_for(name_uri_or_oid: str) -> str | None:
    """The CodeSystem an OID, FHIR URI or name stands for, or None when it is not one we know."""
    return _SPELLINGS.get(_key(name_uri_or_oid)) if name_uri_or_oid.strip() else None


def uri_of(system: str) -> str:
    return BY_SYSTEM[system].uri


def label_of(system: str) -> str:
    info = BY_SYSTEM.get(system)
    return info.label if info else system


# ICD-10-CM: a letter, two characters, then up to four more after the dot.
_ICD = re.compile(r"^([A-Z][0-9][0-9A-Z])\.?([0-9A-Z]{0,4})$")
_HPO = re.compile(r"^(?:HP[:_]?)?([0-9]{7})$")
_SNOMED = re.compile(r"^[0-9]{6,18}$")


class CodeError(ValueError):
    """A code that cannot be a code of its system; the message says why."""


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


def symptom_for_coding(system: str, code: str) -> CodeMatch | None:
    """The symptom a coding from another system names — `system` as a FHIR URI, an OID or
    a name — with the ICD-10-CM parent fallback; None for a system we do not know or a code
    its system cannot have (for a caller answering what it can, not judging the sender)."""
    known = system_for(system)
    if known is None:
        return None
    try:
        return symptom_by_code(known, code, nearest_parent=True)
    except CodeError:
        return None
