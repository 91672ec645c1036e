"""Reads for the editors' dashboard, the review-due command, the page history and the API.

symptoms_searched_without_article(since=…)   what readers look for that no article answers
queries_without_good_result(since=…)         wordings that found nothing or were not followed
triage_levels_by_week(since=…)               how urgent what readers type is, over time
pages_by_helpfulness()                       the yes/no answers per page, least helpful first
articles_review_due(today=…, within=…)       published articles past or near their review
article_history(article)                     the public page history
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone
from reversion.models import Version

from symptomdb.articles.models import SECTION_NAMES, Article, Status
from symptomdb.articles.revisions import (
    SECTION_LABELS,
    ArticleDiff,
    ArticleState,
    FieldChange,
    SectionChange,
    article_versions,
    state_of_revision,
)
from symptomdb.community.models import CommentStatus
from symptomdb.insights.models import Helpful, PageFeedback, SearchCount, SearchEvent, Source
from symptomdb.terminology.models import Symptom

# “Near” its review: within this many days.
REVIEW_SOON_DAYS = 30
WORDINGS_SHOWN = 3


@dataclass(frozen=True)
class SymptomSought:
    symptom: Symptom
    searches: int
    wordings: list[tuple[str, int]] = field(default_factory=list)


def symptoms_searched_without_article(*, since: dt.date, limit: int = 50) -> list[SymptomSought]:
    """Symptoms ranked by the searches whose first result was their page while no
    published article answers it (its own or one covering it), with the commonest
    wordings readers used (those still within the retention)."""
    answered = Symptom.objects.filter(
        Q(articles__status=Status.PUBLISHED) | Q(covering_articles__status=Status.PUBLISHED)
    ).values("pk")
    ranked = (
        SearchCount.objects.filter(day__gte=since, top_symptom__isnull=False)
        .exclude(top_symptom__in=answered)
        .values("top_symptom")
        .annotate(searches=Sum("searches"))
        .order_by("-searches", "top_symptom")[:limit]
    )
    searches = {row["top_symptom"]: row["searches"] for row in ranked}
    symptoms = Symptom.objects.in_bulk(list(searches))
    wordings: dict[int, list[tuple[str, int]]] = defaultdict(list)
    rows = (
        SearchEvent.objects.filter(top_symptom__in=list(searches), searched_at__date__gte=since)
        .values("top_symptom", "query")
        .annotate(n=Count("id"))
        .order_by("top_symptom", "-n", "query")
    )
    for row in rows:
        if len(wordings[row["top_symptom"]]) < WORDINGS_SHOWN:
            wordings[row["top_symptom"]].append((row["query"], row["n"]))
    return [
        SymptomSought(symptom=symptoms[pk], searches=n, wordings=wordings[pk])
        for pk, n in searches.items()
        if pk in symptoms
    ]


@dataclass(frozen=True)
class QueryUnanswered:
    query: str
    searches: int
    found_nothing: int
    followed: int


def queries_without_good_result(*, since: dt.date, limit: int = 50) -> list[QueryUnanswered]:
    """Wordings that found nothing, or whose results-page searches were never followed
    (the API's callers follow nothing here, so their searches count only when empty)."""
    rows = (
        SearchEvent.objects.filter(searched_at__date__gte=since)
        .values("query")
        .annotate(
            searches=Count("id"),
            found_nothing=Count("id", filter=Q(top_symptom__isnull=True)),
            on_page=Count("id", filter=Q(source=Source.PAGE)),
            followed=Count("id", filter=Q(clicked_symptom__isnull=False)),
        )
        .filter(Q(found_nothing__gt=0) | Q(on_page__gt=0, followed=0))
        .order_by("-searches", "query")[:limit]
    )
    return [
        QueryUnanswered(
            query=r["query"],
            searches=r["searches"],
            found_nothing=r["found_nothing"],
            followed=r["followed"],
        )
        for r in rows
    ]


LEVELS = ("emergency", "urgent", "routine", "self_care", "")


def triage_levels_by_week(*, since: dt.date) -> list[tuple[dt.date, dict[str, int]]]:
    """Searches per week and triage level ("" for none), oldest week first."""
    rows = (
        SearchCount.objects.filter(day__gte=since)
        .annotate(week=TruncWeek("day"))
        .values("week", "triage_level")
        .annotate(n=Sum("searches"))
        .order_by("week")
    )
    weeks: dict[dt.date, dict[str, int]] = {}
    for row in rows:
        week = row["week"].date() if isinstance(row["week"], dt.datetime) else row["week"]
        weeks.setdefault(week, dict.fromkeys(LEVELS, 0))[row["triage_level"]] += row["n"]
    return list(weeks.items())


@dataclass(frozen=True)
class PageHelpfulness:
    symptom: Symptom
    article: Article | None
    yes: int
    no: int
    notes: list[str]

    @property
    def share_helpful(self) -> float:
        return self.yes / (self.yes + self.no) if self.yes + self.no else 0.0


def feedback_counts(symptom: Symptom) -> dict[str, int]:
    got = PageFeedback.objects.filter(symptom=symptom).aggregate(
        yes=Count("id", filter=Q(helpful=Helpful.YES)),
        no=Count("id", filter=Q(helpful=Helpful.NO)),
        notes=Count("id", filter=~Q(missing="")),
        notes_pending=Count("id", filter=~Q(missing="") & Q(status=CommentStatus.PENDING)),
    )
    return {k: v or 0 for k, v in got.items()}


def pages_by_helpfulness(*, limit: int = 50) -> list[PageHelpfulness]:
    """Pages with answers, least helpful first; with their approved notes, newest first."""
    rows = (
        PageFeedback.objects.values("symptom")
        .annotate(
            yes=Count("id", filter=Q(helpful=Helpful.YES)),
            no=Count("id", filter=Q(helpful=Helpful.NO)),
        )
        .order_by("-no", "yes", "symptom")[:limit]
    )
    symptoms = Symptom.objects.in_bulk([r["symptom"] for r in rows])
    articles = {
        a.symptom_id: a for a in Article.objects.published().filter(symptom__in=list(symptoms))
    }
    notes: dict[int, list[str]] = defaultdict(list)
    for symptom_id, text in (
        PageFeedback.objects.filter(symptom__in=list(symptoms), status=CommentStatus.APPROVED)
        .exclude(missing="")
        .values_list("symptom", "missing")[:500]
    ):
        if len(notes[symptom_id]) < WORDINGS_SHOWN:
            notes[symptom_id].append(text)
    pages = [
        PageHelpfulness(
            symptom=symptoms[r["symptom"]],
            article=articles.get(r["symptom"]),
            yes=r["yes"],
            no=r["no"],
            notes=notes[r["symptom"]],
        )
        for r in rows
    ]
    return sorted(pages, key=lambda p: (p.share_helpful, -p.no, p.symptom.name))


def articles_review_due(
    *, today: dt.date | None = None, within: int = REVIEW_SOON_DAYS
) -> QuerySet[Article]:
    """Published articles whose next review is past or within `within` days, soonest first."""
    today = today or timezone.localdate()
    return (
        Article.objects.published()
        .originals()
        .filter(next_review_on__lte=today + dt.timedelta(days=within))
        .select_related("symptom", "reviewer")
        .order_by("next_review_on", "title")
    )


# --- the public page history -------------------------------------------------------------

# What a reader's history shows of the fields: the text, not the workflow.
HISTORY_FIELDS = ("Title", "Summary", "Conclusion")
HISTORY_LIMIT = 50


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    kind: str  # "published", "changed", "reviewed"
    note: str
    state: ArticleState
    diff: ArticleDiff | None  # against the entry before; None for the first

    @property
    def reviewed_on(self) -> str:
        return self.state.fields.get("Last reviewed", "")

    @property
    def reviewer(self) -> str:
        return self.state.fields.get("Reviewer", "")


def _note(comment: str) -> str:
    """The editor's change note from a revision's comment ("Published a change: …")."""
    head, sep, rest = comment.partition(": ")
    return rest if sep and head.startswith(("Published", "Reviewed", "Restored")) else comment


def _public_diff(before: ArticleState, after: ArticleState) -> ArticleDiff:
    """What a reader would see changed, by content: a published change moves its sections
    onto the live article as new rows, so items are matched by what they say (and by
    their name, for an item whose text changed), never by row id."""
    fields = [
        FieldChange(label, before.fields.get(label, ""), after.fields.get(label, ""))
        for label in HISTORY_FIELDS
        if before.fields.get(label, "") != after.fields.get(label, "")
    ]
    sections: list[SectionChange] = []
    for name in SECTION_NAMES:
        old, new = list(before.sections[name].values()), list(after.sections[name].values())
        gone = [item for item in old if item not in new]
        came = [item for item in new if item not in old]
        by_name = {item[0]: item for item in gone}
        changed = [(by_name[item[0]], item) for item in came if item[0] in by_name]
        renamed = {item[0] for _, item in changed}
        added = [item for item in came if item[0] not in renamed]
        removed = [item for item in gone if item[0] not in renamed]
        if added or removed or changed:  # not only reordered
            sections.append(
                SectionChange(
                    label=SECTION_LABELS[name],
                    added=added,
                    removed=removed,
                    changed=changed,
                    before=len(old),
                    after=len(new),
                )
            )
    return ArticleDiff(
        fields=fields, sections=sections, old_status=before.status, new_status=after.status
    )


def article_history(article: Article) -> list[HistoryEntry]:
    """What readers saw change, newest first: each revision in which the article was
    published — first published, changed (with what changed in its text and sections
    since the version readers saw before) or reviewed without change. Drafts between
    two published versions are not shown; their changes show in the next one."""
    versions: list[Version] = list(reversed(article_versions(article)[: HISTORY_LIMIT * 4]))
    entries: list[HistoryEntry] = []
    before: ArticleState | None = None
    for version in versions:
        if version.field_dict.get("status") != Status.PUBLISHED:
            continue
        try:
            state = state_of_revision(version.revision, article.pk)
        except Version.DoesNotExist:
            continue
        if before is None:
            kind, diff = "published", None
        else:
            diff = _public_diff(before, state)
            if diff.empty:
                reviewed = version.revision.comment.startswith("Reviewed")
                if not reviewed and state.fields.get("Last reviewed") == before.fields.get(
                    "Last reviewed"
                ):
                    continue  # nothing a reader could see changed
                kind = "reviewed"
            else:
                kind = "changed"
        entries.append(
            HistoryEntry(
                at=version.revision.date_created,
                kind=kind,
                note=_note(version.revision.comment),
                state=state,
                diff=diff,
            )
        )
        before = state
    return list(reversed(entries))[:HISTORY_LIMIT]
