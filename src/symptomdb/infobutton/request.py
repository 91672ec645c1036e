"""An HL7 Infobutton knowledge request (URL-based implementation guide, R4 2014), read
and checked.

The guide's rule for a responder is to answer what it can: a code system it does not
know, a code it has no page for or a context it cannot use is a content question, and
the answer is a fallback (the display name `.dn`, then the original text `.ot`) or an
empty feed, never a refusal. Only a malformed request is refused (RequestError, a 400):
control characters, absurd lengths, a value outside the guide's vocabulary for the
parameters that have one (informationRecipient, performer, the patient's gender, age
units, language tags), a request that names nothing to look up.

Several search criteria are sent with an index after the parameter's name
(mainSearchCriteria.v.c1, mainSearchCriteria.v.cs1, …); the unindexed criterion comes
first, then the indexed ones by number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from symptomdb.terminology.codes import CodeError, normalise, system_for

CRITERIA = "mainSearchCriteria.v."
CODE = "mainSearchCriteria.v.c"
CODE_SYSTEM = "mainSearchCriteria.v.cs"
DISPLAY_NAME = "mainSearchCriteria.v.dn"
ORIGINAL_TEXT = "mainSearchCriteria.v.ot"
RECIPIENT = "informationRecipient"
PERFORMER = "performer"
LANGUAGE = "informationRecipient.languageCode.c"
PERFORMER_LANGUAGE = "performer.languageCode.c"
GENDER = "patientPerson.administrativeGenderCode.c"
AGE = "age.v.v"
AGE_UNIT = "age.v.u"

# informationRecipient and performer: the guide's roles (patient, provider, payer).
ROLES = ("PAT", "PROV", "PAYOR")
# HL7 v3 AdministrativeGender.
GENDERS = ("F", "M", "UN")
# UCUM units of age the guide lists.
AGE_UNITS = ("a", "mo", "wk", "d", "h", "min")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_NUMBER = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,4})?$")
_INDEX = re.compile(r"^mainSearchCriteria\.v\.(?:c|cs|dn|ot)([0-9]{1,3})$")

# The guide's context parameters that are echoed back as the feed's categories (the
# knowledge-response schema lists these schemes), with the scheme each is echoed as.
ECHOED: dict[str, str] = {
    name: name
    for name in (
        "taskContext.c.c",
        "taskContext.c.dn",
        "subTopic.v.c",
        "subTopic.v.cs",
        "subTopic.v.dn",
        "subTopic.v.ot",
        GENDER,
        "patientPerson.administrativeGenderCode.dn",
        "ageGroup.v.c",
        "ageGroup.v.cs",
        "ageGroup.v.dn",
        "severityObservation.interpretationCode.c",
        "severityObservation.interpretationCode.cs",
        "severityObservation.interpretationCode.dn",
        "informationRecipient.healthCareProvider.c.c",
        "informationRecipient.healthCareProvider.c.cs",
        "informationRecipient.healthCareProvider.c.dn",
        "performer.healthCareProvider.c.c",
        "performer.healthCareProvider.c.cs",
        "performer.healthCareProvider.c.dn",
        PERFORMER,
        LANGUAGE,
        "encounter.c.c",
        "encounter.c.cs",
        "encounter.c.dn",
        "locationOfInterest.addr.ZIP",
        "locationOfInterest.addr.CTY",
        "locationOfInterest.addr.STA",
        "locationOfInterest.addr.CNT",
    )
} | {PERFORMER_LANGUAGE: "performer.languageCode"}

# Longest value read; a display name or original text may be a long sentence from a
# problem list (it is searched by its first words), but not a document.
MAX_LENGTH = 2_000
MAX_CRITERIA = 20


class RequestError(ValueError):
    """A malformed knowledge request; names the parameter at fault."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class Criterion:
    """One mainSearchCriteria: a code in a code system, a display name, an original text."""

    code: str  # as sent
    code_system: str  # as sent: an OID, a FHIR URI or a name
    display_name: str
    original_text: str
    system: str | None  # the CodeSystem the code system names, when the site knows it
    normalised: str  # the code as the catalogue writes it; "" when it cannot be one

    @property
    def label(self) -> str:
        """How the subtitle names it: the code in its system, else the words sent."""
        if self.code:
            return f"{self.code_system or 'no code system'} {self.code}"
        return f"“{self.display_name or self.original_text}”"


@dataclass(frozen=True)
class KnowledgeRequest:
    criteria: tuple[Criterion, ...]
    recipient: str  # PAT, PROV or PAYOR
    language: str  # the language the recipient asked for, lower case ("es"); "" for none
    context: tuple[tuple[str, str], ...]  # (scheme, value) of the context sent, to echo

    @property
    def categories(self) -> list[tuple[str, str]]:
        """The request as the feed's categories, in the guide's order."""
        found: list[tuple[str, str]] = []
        for criterion in self.criteria:
            for scheme, value in (
                (CODE, criterion.code),
                (CODE_SYSTEM, criterion.code_system),
                (DISPLAY_NAME, criterion.display_name),
                (ORIGINAL_TEXT, criterion.original_text),
            ):
                if value:
                    found.append((scheme, value))
        return [*found, (RECIPIENT, self.recipient), *self.context]


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _value(params: Mapping[str, str], name: str) -> str:
    value = params.get(name) or ""
    if len(value) > MAX_LENGTH:
        raise RequestError(
            name, f"{name} is {len(value):,} characters long; the limit is {MAX_LENGTH:,}."
        )
    if _CONTROL.search(value) or any(unicodedata.category(c) == "Cs" for c in value):
        raise RequestError(name, f"{name} contains control characters; send plain text.")
    return " ".join(value.split())


def _one_of(params: Mapping[str, str], name: str, allowed: tuple[str, ...], default: str) -> str:
    value = _value(params, name)
    if not value:
        return default
    for choice in allowed:
        if value.casefold() == choice.casefold():
            return choice
    raise RequestError(name, f"{name} {value!r} is not one of {', '.join(allowed)}.")


def _indices(params: Mapping[str, str]) -> list[str]:
    """ "" for the unindexed criterion, then the indices sent, in number order."""
    numbered = {m.group(1) for name in params if (m := _INDEX.match(name))}
    indices = ["", *sorted(numbered, key=lambda i: (int(i), i))]
    if len(indices) > MAX_CRITERIA + 1:
        raise RequestError(
            CODE,
            f"The request has {len(indices) - 1} search criteria; send at most {MAX_CRITERIA}.",
        )
    return indices


def _criterion(params: Mapping[str, str], index: str) -> Criterion | None:
    code = _value(params, CODE + index)
    code_system = _value(params, CODE_SYSTEM + index)
    display_name = _value(params, DISPLAY_NAME + index)
    original_text = _value(params, ORIGINAL_TEXT + index)
    if not (code or display_name or original_text):
        return None
    if code and not code_system and not (display_name or original_text):
        raise RequestError(
            CODE_SYSTEM + index,
            f"{CODE + index} needs {CODE_SYSTEM + index}, its code system's OID or FHIR URI.",
        )
    system = system_for(code_system) if code and code_system else None
    normalised = ""
    if system is not None:
        try:
            normalised = normalise(system, code)
        except CodeError:
            normalised = ""  # not a code of its system: answered by the words, if any
    return Criterion(
        code=code,
        code_system=code_system,
        display_name=display_name,
        original_text=original_text,
        system=system,
        normalised=normalised,
    )


def _check_context(params: Mapping[str, str]) -> None:
    for name in (LANGUAGE, PERFORMER_LANGUAGE):
        value = _value(params, name)
        if value and not _LANGUAGE_TAG.match(value):
            raise RequestError(name, f"{name} {value!r} is not a language code such as en or es.")
    _one_of(params, GENDER, GENDERS, "")
    _one_of(params, AGE_UNIT, AGE_UNITS, "")
    age = _value(params, AGE)
    if age and not _NUMBER.match(age):
        raise RequestError(AGE, f"{AGE} {age!r} is not a number of {AGE_UNIT} units.")


def parse_request(params: Mapping[str, str]) -> KnowledgeRequest:
    """The request's parameters, checked; RequestError names the first one at fault."""
    recipient = _one_of(params, RECIPIENT, ROLES, "PAT")
    _one_of(params, PERFORMER, ROLES, "")
    _check_context(params)
    criteria = tuple(c for i in _indices(params) if (c := _criterion(params, i)) is not None)
    if not criteria:
        raise RequestError(
            CODE,
            f"Send {CODE} with {CODE_SYSTEM}, {DISPLAY_NAME} or {ORIGINAL_TEXT} "
            "to say what to look up.",
        )
    context = tuple(
        (scheme, value) for name, scheme in ECHOED.items() if (value := _value(params, name))
    )
    return KnowledgeRequest(
        criteria=criteria,
        recipient=recipient,
        language=_value(params, LANGUAGE).lower().replace("_", "-"),
        context=context,
    )
