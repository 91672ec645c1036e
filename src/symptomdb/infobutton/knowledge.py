"""An HL7 Infobutton knowledge request (URL-based implementation guide), checked,
and the symptom pages that answer it.

Parameters read (others, such as patientPerson or taskContext, are accepted and
not used — the guide lets a responder ignore what it cannot use):

  mainSearchCriteria.v.c    the code                       (or .v.dn)
  mainSearchCriteria.v.cs   its code system's OID           (needed with .v.c)
  mainSearchCriteria.v.dn   its display name: searched when the code finds nothing
  knowledgeResponseType     application/json (default) or text/xml (Atom)
  informationRecipient      PAT (default, plain words) or PROV (adds definition, codes)

A code that matches no symptom, with a display name, falls back to the site's
search of that name; an ICD-10-CM code first falls back to its nearest parent code
(M62.831 → M62.83 → M62.8 → M62).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from symptomdb.articles.models import Article
from symptomdb.infobutton.codes import (
    LABELS,
    OIDS,
    CodeError,
    normalise,
    symptom_by_code,
    system_for,
)
from symptomdb.search.service import QueryError, search
from symptomdb.terminology.models import Symptom

CODE = "mainSearchCriteria.v.c"
CODE_SYSTEM = "mainSearchCriteria.v.cs"
DISPLAY_NAME = "mainSearchCriteria.v.dn"
RESPONSE_TYPE = "knowledgeResponseType"
RECIPIENT = "informationRecipient"

RESPONSE_TYPES = ("application/json", "text/xml")
RECIPIENTS = ("PAT", "PROV")
MAX_LENGTHS = {CODE: 40, CODE_SYSTEM: 64, DISPLAY_NAME: 200, RESPONSE_TYPE: 40, RECIPIENT: 10}
# How many symptom pages a display-name search may list (MedlinePlus Connect: 3).
MAX_ENTRIES = 3


class RequestError(ValueError):
    """A knowledge request the service cannot answer; names the parameter at fault."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class KnowledgeRequest:
    code: str
    code_system_oid: str
    system: str | None  # the CodeSystem the OID names
    display_name: str
    response_type: str
    recipient: str


@dataclass(frozen=True)
class Entry:
    symptom: Symptom
    article: Article | None
    codes: list[tuple[str, str]]  # (system, code) of every public code of the symptom


@dataclass(frozen=True)
class KnowledgeResponse:
    request: KnowledgeRequest
    entries: list[Entry] = field(default_factory=list)
    matched_code: str = ""  # the code that found the symptom; a parent of the one asked
    matched_by: str = ""  # "code", "parent code", "display name" or "" for nothing


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _value(params: Mapping[str, str], name: str) -> str:
    value = params.get(name, "") or ""
    if len(value) > MAX_LENGTHS[name]:
        raise RequestError(
            name, f"{name} is {len(value):,} characters long; the limit is {MAX_LENGTHS[name]}."
        )
    if _CONTROL.search(value) or any(unicodedata.category(c) == "Cs" for c in value):
        raise RequestError(name, f"{name} contains control characters; send plain text.")
    return value.strip()


def parse_request(params: Mapping[str, str]) -> KnowledgeRequest:
    """The request's parameters, checked; RequestError names the first one at fault."""
    response_type = _value(params, RESPONSE_TYPE) or "application/json"
    if response_type not in RESPONSE_TYPES:
        raise RequestError(
            RESPONSE_TYPE,
            f"{RESPONSE_TYPE} {response_type!r} is not offered; use {' or '.join(RESPONSE_TYPES)}.",
        )
    recipient = (_value(params, RECIPIENT) or "PAT").upper()
    if recipient not in RECIPIENTS:
        raise RequestError(
            RECIPIENT,
            f"{RECIPIENT} {recipient!r} is not known; use PAT (a patient) or PROV (a provider).",
        )
    code = _value(params, CODE)
    oid = _value(params, CODE_SYSTEM)
    display_name = _value(params, DISPLAY_NAME)
    if not code and not display_name:
        raise RequestError(
            CODE, f"Send {CODE} with {CODE_SYSTEM}, or {DISPLAY_NAME}, to say what to look up."
        )
    system = None
    if code:
        if not oid:
            raise RequestError(CODE_SYSTEM, f"{CODE} needs {CODE_SYSTEM}, its code system's OID.")
        system = system_for(oid)
        if system is None:
            known = ", ".join(f"{oid} ({LABELS[s]})" for oid, s in OIDS.items())
            raise RequestError(
                CODE_SYSTEM, f"The code system {oid!r} is not supported; use one of {known}."
            )
        try:
            code = normalise(system, code)
        except CodeError as error:
            raise RequestError(CODE, str(error)) from None
    return KnowledgeRequest(
        code=code,
        code_system_oid=oid,
        system=system,
        display_name=display_name,
        response_type=response_type,
        recipient=recipient,
    )


def _entries(symptoms: list[Symptom]) -> list[Entry]:
    articles = {
        a.symptom_id: a
        for a in Article.objects.published().filter(symptom__in=symptoms).select_related("author")
    }
    public = {"HPO", "ICD10CM", "SNOMEDCT"}
    return [
        Entry(
            symptom=s,
            article=articles.get(s.pk),
            codes=[(c.system, c.code) for c in s.codes.all() if c.system in public],
        )
        for s in symptoms
    ]


def answer(request: KnowledgeRequest) -> KnowledgeResponse:
    """The symptom pages for the request: by code, else by nearest parent code,
    else by a search of the display name; none when nothing matches."""
    if request.system and request.code:
        match = symptom_by_code(request.system, request.code, nearest_parent=True)
        if match is not None:
            return KnowledgeResponse(
                request=request,
                entries=_entries([match.symptom]),
                matched_code=match.code,
                matched_by="code" if match.exact else "parent code",
            )
    if request.display_name:
        try:
            hits = search(request.display_name, limit=MAX_ENTRIES)
        except QueryError:
            hits = []
        by_slug = {
            s.slug: s
            for s in Symptom.objects.filter(slug__in=[h.slug for h in hits]).prefetch_related(
                "codes"
            )
        }
        symptoms = [by_slug[h.slug] for h in hits if h.slug in by_slug]
        if symptoms:
            return KnowledgeResponse(
                request=request, entries=_entries(symptoms), matched_by="display name"
            )
    return KnowledgeResponse(request=request)


def summary(entry: Entry, recipient: str) -> str:
    """Plain text for the entry. A patient gets the article's introduction (plain
    words) where there is one; a provider gets the definition and the codes."""
    symptom = entry.symptom
    lay = entry.article.summary if entry.article else ""
    if recipient == "PAT":
        return lay or symptom.definition or symptom.name
    parts = [symptom.definition or lay or symptom.name]
    if entry.codes:
        parts.append(
            "Codes: "
            + "; ".join(f"{LABELS.get(system, system)} {code}" for system, code in entry.codes)
        )
    return "\n\n".join(parts)
