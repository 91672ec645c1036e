"""What must be true before an article goes live, each with a message an editor can act on.

    publish_problems(article, change_note=…, user=…) -> ["Choose a reviewer …", …]

The red flags an article's symptom needs come from the triage rules (symptomdb.triage):
a rule concerns a symptom when one of its concepts reads the symptom's whole name, or an
exact or everyday synonym of it ("Headache" is the thunderclap and carbon-monoxide rules'
"headache"). For every level among them that an article can give (emergency, urgent),
the article needs at least one red flag of that urgency.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils import timezone

from symptomdb.articles.models import Article, Urgency
from symptomdb.terminology.models import Symptom, SynonymKind
from symptomdb.triage import load_rules
from symptomdb.triage.reading import analyse

CHANGE_NOTE_MAX = 200
_LEVELS = {"emergency": Urgency.EMERGENCY, "urgent": Urgency.URGENT}


@dataclass(frozen=True)
class NeededFlag:
    """A red flag an article about a symptom must give, and the rule that says so."""

    urgency: Urgency
    rule_id: str
    message: str


@lru_cache(maxsize=2048)
def _needed_for_names(names: tuple[str, ...]) -> tuple[NeededFlag, ...]:
    rules = load_rules()
    concepts: set[str] = set()
    for name in names:
        doc = analyse(name, rules.speller)
        whole = len(doc.words)
        if not whole:
            continue
        for concept, spans in rules.index.find(doc).items():
            if any(span.start == 0 and span.end == whole for span in spans):
                concepts.add(concept)
    needed: dict[str, NeededFlag] = {}
    for rule in rules.rules:  # most urgent rules first within the file's order
        if rule.level not in _LEVELS or rule.level in needed:
            continue
        if concepts & set(rule.all_of) or (rule.any_of and rule.any_of in concepts):
            needed[rule.level] = NeededFlag(
                urgency=_LEVELS[rule.level], rule_id=rule.id, message=rule.message
            )
    return tuple(needed[level] for level in _LEVELS if level in needed)


def red_flags_needed(symptom: Symptom) -> tuple[NeededFlag, ...]:
    names = [symptom.name]
    names += symptom.synonyms.filter(
        kind__in=[SynonymKind.EXACT, SynonymKind.LAYPERSON]
    ).values_list("text", flat=True)
    return _needed_for_names(tuple(sorted(set(names))))


def change_note_problem(change_note: str) -> str | None:
    note = change_note.strip()
    if not note:
        return (
            "Write a one-line change note saying what changed and why "
            "(for example “Reviewed; added the NICE guidance as a source”)."
        )
    if "\n" in note or "\r" in note:
        return "The change note must be one line."
    if len(note) > CHANGE_NOTE_MAX:
        return f"The change note is {len(note)} characters long; keep it under {CHANGE_NOTE_MAX}."
    return None


def publish_problems(
    article: Article,
    *,
    change_note: str,
    user: AbstractBaseUser | AnonymousUser | None = None,
    today: dt.date | None = None,
) -> list[str]:
    """Every reason `article` may not be published now; empty when it may."""
    today = today or timezone.localdate()
    problems: list[str] = []
    if article.reviewer_id is None:
        problems.append(
            "Choose a reviewer: a clinician other than the author checks every article "
            "before readers see it."
        )
    elif article.reviewer_id == article.author_id:
        problems.append("The reviewer must be a clinician other than the author.")
    profile = getattr(user, "author_profile", None) if user is not None else None
    if profile is not None and profile.pk == article.author_id:
        problems.append("You wrote this article; another reviewer must publish it.")
    if article.last_reviewed_on and article.last_reviewed_on > today:
        problems.append(
            f"The last review date ({article.last_reviewed_on:%-d %B %Y}) is in the future."
        )
    if (
        article.last_reviewed_on
        and article.next_review_on
        and article.next_review_on <= article.last_reviewed_on
    ):
        problems.append(
            f"The next review ({article.next_review_on:%-d %B %Y}) must come after the last "
            f"review ({article.last_reviewed_on:%-d %B %Y})."
        )
    elif article.next_review_on and article.next_review_on <= today:
        problems.append(
            f"The next review date ({article.next_review_on:%-d %B %Y}) has already passed."
        )
    if not article.sources.exists():
        problems.append("Add at least one source: the guidance or research the article follows.")
    given = set(article.red_flags.values_list("urgency", flat=True))
    for needed in red_flags_needed(article.symptom):
        if needed.urgency not in given:
            problems.append(
                f"Add a red flag with the urgency “{needed.urgency.label.split(':')[0]}”: the "
                f"triage rules treat “{article.symptom.name}” as a possible "
                f"{needed.urgency.value} (rule {needed.rule_id})."
            )
    if (note := change_note_problem(change_note)) is not None:
        problems.append(note)
    return problems
