"""The information cards for a patient's conditions (CDS Hooks "Card" shape).

One card per symptom, in the order of the conditions that lead to it: the first coding
of a condition that names a symptom here wins (ICD-10-CM codes fall back to their
nearest parent with a page, as /infobutton does). A card says what the page is in under
140 characters, links to it (`absolute`), names the site and the article's reviewer as
its source, and is a `warning` when the symptom has emergency red flags.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from symptomdb.articles.selectors import article_published_for
from symptomdb.cds_hooks.fhir import Condition
from symptomdb.cds_hooks.urgency import emergency_signs
from symptomdb.people.models import Author
from symptomdb.terminology.codes import CodeMatch, label_of, symptom_for_coding

SITE = "Symptom Database"
SUMMARY_LIMIT = 140  # the specification: "<140-character summary"


@dataclass(frozen=True)
class Found:
    condition: Condition
    match: CodeMatch


def _byline(person: Author) -> str:
    return f"{person.name}, {person.credentials}" if person.credentials else person.name


def _short(text: str, limit: int = SUMMARY_LIMIT - 1) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _markdown_text(text: str) -> str:
    """Plain text safe inside GitHub-flavoured Markdown: its markup characters escaped."""
    return "".join(f"\\{c}" if c in "\\`*_[]<>|~" else c for c in text)


def symptoms_for(conditions: list[Condition]) -> list[Found]:
    """Each symptom once, with the first condition (and its coding) that names it."""
    found: dict[int, Found] = {}
    for condition in conditions:
        for coding in condition.codings:
            match = symptom_for_coding(coding.system, coding.code)
            if match is not None:
                found.setdefault(match.symptom.pk, Found(condition, match))
                break
    return list(found.values())


def card_for(found: Found, *, hook_instance: str, absolute: Callable[[str], str]) -> dict[str, Any]:
    symptom, match = found.match.symptom, found.match
    article = article_published_for(symptom=symptom)
    signs = emergency_signs(symptom, article)
    page = absolute(symptom.get_absolute_url())
    name = symptom.name
    if article is not None:
        summary = f"Patient information on {name.lower()}: causes, relief and when to get help"
        label = (
            f"{SITE} · reviewed by {_byline(article.reviewer)}"
            if article.reviewer
            else (f"{SITE} · by {_byline(article.author)}" if article.author else SITE)
        )
    else:
        summary = f"{name}: what it is, on {SITE}"
        label = SITE
    if signs:
        summary = f"{name} has emergency warning signs: see the patient information"
    asked = f"{label_of(match.system)} {match.requested}"
    how = "" if match.exact else f" (by its parent code {match.code})"
    detail = [f"Matched the patient's condition {_markdown_text(found.condition.text or asked)} "
              f"— {_markdown_text(asked)}{_markdown_text(how)}."]  # fmt: skip
    if article is not None:
        detail.append(_markdown_text(article.summary))
        byline = f"Written by {_byline(article.author)}" if article.author else f"From {SITE}"
        if article.reviewer is not None:
            reviewed = (
                f", on {article.last_reviewed_on:%d %B %Y}" if article.last_reviewed_on else ""
            )
            byline += f"; medically reviewed by {_byline(article.reviewer)}{reviewed}"
        detail.append(_markdown_text(byline + "."))
    elif symptom.definition:
        detail.append(_markdown_text(symptom.definition))
    if signs:
        detail.append(
            "**Emergency warning signs:**\n\n" + "\n".join(f"- {_markdown_text(f)}" for f in signs)
        )
    return {
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{page}#{hook_instance}")),
        "summary": _short(summary),
        "indicator": "warning" if signs else "info",
        "detail": "\n\n".join(detail),
        "source": {"label": label, "url": absolute("/")},
        "links": [
            {
                "label": _short(f"Read “{article.title}”" if article else f"{name} on {SITE}"),
                "url": page,
                "type": "absolute",
            }
        ],
    }


def cards_for(
    conditions: list[Condition], *, hook_instance: str, absolute: Callable[[str], str]
) -> list[dict[str, Any]]:
    return [
        card_for(f, hook_instance=hook_instance, absolute=absolute)
        for f in symptoms_for(conditions)
    ]
