"""What must be true before an article goes live, each with a message an editor can act on.

    publish_problems(article, change_note=…, user=…) -> ["Choose a reviewer …", …]

The red flags an article's symptom needs are those its page shows from the triage's rule families
(triage.red_flags.red_flags_for over terminology.selectors.symptom_lineage_codes: the families
whose `concerns:` name the symptom's codes or a broader symptom's, in rules.yaml). For every
level among them that an article can give (emergency, urgent), the article needs at least one
red flag of that urgency.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils import timezone

from symptomdb.articles.models import Article, Urgency
from symptomdb.terminology.models import Symptom
from symptomdb.terminology.selectors import symptom_lineage_codes
from symptomdb.triage.red_flags import red_flags_for

CHANGE_NOTE_MAX = 200
# An imported page may name no clinician (issue 17): it waits, as a draft, for an editor.
AUTHOR_NEEDED = (
    "Name the article's author: an imported page that named no clinician is published only "
    "once an editor has named the clinician who stands behind it."
)
_LEVELS = {"emergency": Urgency.EMERGENCY, "urgent": Urgency.URGENT}


@dataclass(frozen=True)
class NeededFlag:
    """A red flag an article about a symptom must give, and the rule that says so."""

    urgency: Urgency
    family: str  # the triage rule family whose guidance asks for it (rules.yaml)
    message: str


def red_flags_needed(symptom: Symptom) -> tuple[NeededFlag, ...]:
    """One needed red flag per level the symptom's guidance flags reach, most urgent first."""
    flags = red_flags_for(symptom_lineage_codes(symptom), locale=settings.SYMPTOMDB_LOCALE)
    needed = {}
    for flag in flags:  # most urgent first
        if flag.level in _LEVELS and flag.level not in needed:
            needed[flag.level] = NeededFlag(
                urgency=_LEVELS[flag.level], family=flag.family, message=flag.text
            )
    return tuple(needed[level] for level in _LEVELS if level in needed)


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
    if article.author_id is None:
        problems.append(AUTHOR_NEEDED)
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
                f"emergency guidance the triage follows gives “{article.symptom.name}” "
                f"{needed.urgency.value} signs (family {needed.family}: “{needed.message}”)."
            )
    if (note := change_note_problem(change_note)) is not None:
        problems.append(note)
    return problems
