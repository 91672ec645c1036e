"""Trusted reading elsewhere, by code: links to MedlinePlus Connect's web application,
which answers a diagnosis code with MedlinePlus's own pages for patients, in English or
Spanish. The reader's browser follows them; this server never fetches them.

The request is MedlinePlus Connect's documented web-application form
(https://medlineplus.gov/medlineplus-connect/web-application/, an HL7 Infobutton
URL-based request): base https://connect.medlineplus.gov/application, the code system's
OID in `mainSearchCriteria.v.cs` (ICD-10-CM 2.16.840.1.113883.6.90, SNOMED CT
2.16.840.1.113883.6.96), the code in `mainSearchCriteria.v.c`, optionally its name in
`mainSearchCriteria.v.dn`, and the language in `informationRecipient.languageCode.c`
(`en` or `es`). It takes one code a request, so each link names one.

A symptom with no code MedlinePlus Connect takes (many HPO terms) gets, instead, a
search of two public health sites for its everyday name: MedlinePlus's own site
search (the address its search box submits, v:project=medlineplus) and the NHS
website's search. Those links say they are searches, not pages about the symptom.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from symptomdb.terminology.codes import BY_SYSTEM
from symptomdb.terminology.models import CodeSystem, SymptomCode

MEDLINEPLUS_CONNECT = "https://connect.medlineplus.gov/application"
MEDLINEPLUS_SEARCH = "https://vsearch.nlm.nih.gov/vivisimo/cgi-bin/query-meta"
NHS_SEARCH = "https://www.nhs.uk/search/results"
# ICD-10-CM first: MedlinePlus Connect maps it most fully; SNOMED CT (from HPO's
# cross-references) for the symptoms that only HPO names.
_SYSTEMS = (CodeSystem.ICD10CM, CodeSystem.SNOMEDCT)
LANGUAGES = (("en", "MedlinePlus", "English"), ("es", "MedlinePlus en español", "Spanish"))


@dataclass(frozen=True)
class TrustedLink:
    title: str
    url: str
    language: str  # BCP 47, for hreflang and lang
    language_name: str
    code_label: str  # "ICD-10-CM R25.2", what the link asks about; "" for a search
    search_words: str = ""  # what a search link searches for; "" for a link by code

    @property
    def is_search(self) -> bool:
        return bool(self.search_words)


def medlineplus_connect_url(*, system: str, code: str, name: str = "", language: str) -> str:
    params = {
        "mainSearchCriteria.v.cs": BY_SYSTEM[system].oid,
        "mainSearchCriteria.v.c": code,
    }
    if name:
        params["mainSearchCriteria.v.dn"] = name
    params["informationRecipient.languageCode.c"] = language
    return f"{MEDLINEPLUS_CONNECT}?{urlencode(params)}"


def _best_code(codes: Iterable[SymptomCode]) -> SymptomCode | None:
    """The code MedlinePlus is likeliest to answer: ICD-10-CM, the shortest (the general
    code, "R51" before "R51.9"); else SNOMED CT."""
    for system in _SYSTEMS:
        of_system = sorted(
            (c for c in codes if c.system == system), key=lambda c: (len(c.code), c.code)
        )
        if of_system:
            return of_system[0]
    return None


def search_links(words: str) -> list[TrustedLink]:
    """Searches of MedlinePlus and of the NHS website for the symptom's everyday name."""
    medlineplus = urlencode({"v:project": "medlineplus", "query": words})
    nhs = urlencode({"q": words})
    return [
        TrustedLink(
            title="Search MedlinePlus",
            url=f"{MEDLINEPLUS_SEARCH}?{medlineplus}",
            language="en",
            language_name="English",
            code_label="",
            search_words=words,
        ),
        TrustedLink(
            title="Search the NHS website",
            url=f"{NHS_SEARCH}?{nhs}",
            language="en",
            language_name="English",
            code_label="",
            search_words=words,
        ),
    ]


def trusted_links(
    codes: Iterable[SymptomCode], *, name: str, everyday_name: str = ""
) -> list[TrustedLink]:
    """MedlinePlus Connect in English and Spanish for the symptom's best code; when it
    has no code MedlinePlus Connect takes, searches of MedlinePlus and the NHS website
    for its everyday name (else its name)."""
    code = _best_code(list(codes))
    if code is None:
        return search_links(everyday_name or name)
    label = f"{BY_SYSTEM[code.system].label} {code.code}"
    return [
        TrustedLink(
            title=title,
            url=medlineplus_connect_url(
                system=code.system, code=code.code, name=name, language=language
            ),
            language=language,
            language_name=language_name,
            code_label=label,
        )
        for language, title, language_name in LANGUAGES
    ]
