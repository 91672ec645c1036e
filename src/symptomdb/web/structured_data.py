"""schema.org JSON-LD for the pages, so search engines can show who wrote and
reviewed an answer, and when (https://schema.org/MedicalWebPage)."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from symptomdb.articles.models import Article
from symptomdb.people.models import Author
from symptomdb.terminology.codes import BY_SYSTEM
from symptomdb.terminology.models import Symptom, SymptomCode


def person(author: Author, request: HttpRequest) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Person",
        "name": author.name,
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }
    if author.credentials:
        data["honorificSuffix"] = author.credentials
    if author.affiliation:
        data["affiliation"] = {"@type": "Organization", "name": author.affiliation}
        if author.location:
            data["affiliation"]["address"] = author.location
    return data


def sign_or_symptom(symptom: Symptom, codes: list[SymptomCode]) -> dict[str, Any]:
    # The everyday name first, as the page's heading; the clinical one as another name.
    data: dict[str, Any] = {"@type": "MedicalSignOrSymptom", "name": symptom.everyday_name}
    if symptom.clinical_name_differs:
        data["alternateName"] = symptom.name
    if symptom.definition:
        data["description"] = symptom.definition
    # codingSystem is the label people read; inCodeSet the system's FHIR URI, which
    # machines match on (https://schema.org/inCodeSet takes a URL).
    medical_codes = [
        {
            "@type": "MedicalCode",
            "codeValue": c.code,
            "codingSystem": BY_SYSTEM[c.system].label,
            "inCodeSet": BY_SYSTEM[c.system].uri,
        }
        for c in codes
        if c.system in BY_SYSTEM
    ]
    if medical_codes:
        data["code"] = medical_codes
    return data


def _part(aspect: str, name: str, texts: list[str]) -> dict[str, Any]:
    return {
        "@type": "WebPageElement",
        "hasHealthAspect": f"https://schema.org/{aspect}HealthAspect",
        "name": name,
        "text": " ".join(texts),
    }


def _named(name: str, text: str) -> str:
    # An item written as a plain bullet has no name: no stray ". " before its text.
    return f"{name}. {text}" if name else text


def symptom_page(
    *,
    symptom: Symptom,
    codes: list[SymptomCode],
    article: Article | None,
    request: HttpRequest,
) -> dict[str, Any]:
    about = sign_or_symptom(symptom, codes)
    page: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "url": request.build_absolute_uri(symptom.get_absolute_url()),
        "name": article.title if article else symptom.everyday_name,
        "about": about,
        "inLanguage": "en",
    }
    if article is None:
        return page
    words = symptom.everyday_name.lower()
    page["description"] = article.summary
    if article.author:  # an imported draft may not name its author yet (its preview)
        page["author"] = person(article.author, request)
    if article.reviewer:
        page["reviewedBy"] = person(article.reviewer, request)
    if article.last_reviewed_on:
        page["lastReviewed"] = article.last_reviewed_on.isoformat()
    if article.published_on:
        page["datePublished"] = article.published_on.isoformat()
    page["dateModified"] = article.updated_at.date().isoformat()
    treatments = [
        {
            "@type": "MedicalTherapy",
            "name": t.name or "Professional treatment",
            "description": t.text,
        }
        for t in article.professional_treatments.all()
    ]
    if treatments:
        about["possibleTreatment"] = treatments
    parts = []
    if causes := [f"{c.name}: {c.text}" for c in article.causes.all()]:
        parts.append(_part("Causes", f"What causes {words}?", causes))
    if relief := [_named(r.name, r.text) for r in article.relief_methods.all()]:
        parts.append(_part("SelfCare", f"How to stop {words} now", relief))
    if prevention := [_named(p.name, p.text) for p in article.prevention_tips.all()]:
        parts.append(_part("Prevention", f"How to prevent {words}", prevention))
    if flags := [f.text for f in article.red_flags.all()] + [
        t.text for t in article.professional_treatments.all()
    ]:
        parts.append(_part("SeeDoctor", "When to see a professional", flags))
    if parts:
        page["hasPart"] = parts
    return page


def author_page(*, author: Author, request: HttpRequest) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "mainEntity": person(author, request),
    }


def as_script(data: dict[str, Any]) -> SafeString:
    """The JSON for a <script type="application/ld+json"> element; "<", ">" and "&"
    are escaped so no text inside can close the element."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above for a script context
