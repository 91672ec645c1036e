"""Writes: searches recorded and purged, clicks, readers' feedback, an article marked reviewed.

search_record_answer(answer=…, source=…)     one line in each face that searches
search_click(token=…, slug=…)                a reader followed a result
searches_purge(today=…)                      words older than the retention forgotten
feedback_submit(symptom=…, helpful=…)        “Was this page helpful?”
feedback_missing_add(feedback=…, text=…)     “What was missing?”, on a no
article_mark_reviewed(article=…, user=…)     checked, nothing to change
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F, Q, QuerySet
from django.db.models.constants import OnConflict
from django.utils import timezone

from symptomdb.articles.models import Article, Status
from symptomdb.articles.revisions import article_revision
from symptomdb.articles.services import REVIEW_INTERVAL
from symptomdb.community.models import CommentStatus
from symptomdb.community.services import _plain_text as plain_text  # as comments are cleaned
from symptomdb.insights import ab
from symptomdb.insights.models import (
    Helpful,
    PageFeedback,
    SearchCount,
    SearchDrop,
    SearchEvent,
    Source,
)
from symptomdb.insights.privacy import looks_personal
from symptomdb.insights.recorder import Searched, recorder
from symptomdb.terminology.models import Symptom

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from symptomdb.search.answer import SearchAnswer

# How many of a search's first results are kept: what a reader sees without scrolling.
RESULTS_KEPT = 5
MISSING_MAX_LENGTH = 500
# When the recording path last purged, per process: at most once an hour.
_last_purge: list[dt.datetime] = []


def search_token() -> str:
    """A fresh name for one search, for its result links: its time in microseconds (hex,
    13 digits until 2112), then 96 random bits, which make it unguessable. The time first
    keeps a batch's tokens side by side in their unique index: random alone, each search's
    insert dirtied a page of its own, ≈ 14 µs of CPU a search in the writer, most of it
    writing those pages at the commit (benchmarks/insights_request_path.py)."""
    return f"{time.time_ns() // 1000:x}{secrets.token_urlsafe(12)}"


def search_record(
    *,
    query: str,
    slugs: Sequence[str],
    triage_level: str,
    locale: str,
    source: Source,
    token: str = "",
) -> None:
    """Hand one answered search to the recorder: it returns at once, whatever happens.
    On the request path, so it does the least it can (recorder.py): without `token`
    the writer draws one, and the time is timezone.now() without its settings lookup
    (USE_TZ is always on here)."""
    if not settings.INSIGHTS_RECORD_SEARCHES:
        return
    # A benchmark's A/B switch, 0 (off) in use: blocks of searches recorded and not.
    block = settings.INSIGHTS_AB_BLOCK
    if block and not ab.recording(block):
        return
    recorder.submit(
        Searched(
            token=token,
            query=query,
            locale=locale,
            source=source,
            slugs=tuple(slugs[:RESULTS_KEPT]),
            triage_level=triage_level,
            at=dt.datetime.now(dt.UTC),
        )
    )
    if block:
        ab.submitted(block)


def search_record_answer(*, answer: SearchAnswer, source: Source, token: str = "") -> None:
    """`search_record` for an answer of search.answer.search_with_triage."""
    if not settings.INSIGHTS_RECORD_SEARCHES:
        return
    search_record(
        query=answer.query,
        slugs=[hit.slug for hit in answer.results[:RESULTS_KEPT]],
        triage_level=answer.triage.level or "",
        locale=answer.triage.country,
        source=source,
        token=token,
    )


@transaction.atomic
def searches_write(*, searched: Sequence[Searched], drops: dict[dt.date, int]) -> None:
    """Write a batch from the recorder: every search counted, and those whose words do
    not look personal (privacy.py) kept with their words; then the drops counted."""
    slugs = {slug for s in searched for slug in s.slugs}
    ids = dict(Symptom.objects.filter(slug__in=slugs).values_list("slug", "id"))
    kept: list[tuple[Searched, int | None, list[int]]] = []
    counts: Counter[_CountKey] = Counter()
    personal: Counter[_CountKey] = Counter()
    for s in searched:
        results = [ids[slug] for slug in s.slugs if slug in ids]
        top = results[0] if results else None
        key = (timezone.localdate(s.at), top, s.triage_level, s.source)
        counts[key] += 1
        if looks_personal(s.query):
            personal[key] += 1
            continue
        kept.append((s, top, results))
    _events_insert(kept)
    _counts_add(counts, personal)
    for day, n in drops.items():
        if not SearchDrop.objects.filter(day=day).update(dropped=F("dropped") + n):
            SearchDrop.objects.create(day=day, dropped=n)
    if searched and _purge_due():
        searches_purge()


_CountKey = tuple[dt.date, int | None, str, str]
# The columns _events_insert writes, in the order of its rows' values.
_EVENT_FIELDS = (
    "token",
    "query",
    "locale",
    "source",
    "results",
    "top_symptom",
    "triage_level",
    "searched_at",
)


def _events_insert(kept: Sequence[tuple[Searched, int | None, list[int]]]) -> None:
    """A batch's kept searches, each with its top symptom and results' ids, in one INSERT run
    over its rows, whose SQL is written here: Django's bulk_create prepares every field of
    every row through the expression machinery, ≈ 0.3 ms of CPU a search, most of what
    recording still cost a busy server (benchmarks/insights_load.sh). A token already written
    (a batch retried) is skipped, as bulk_create(ignore_conflicts=True) did."""
    if not kept:
        return
    ops = connection.ops
    by_name = {field.name: field for field in SearchEvent._meta.concrete_fields}
    fields = [by_name[name] for name in _EVENT_FIELDS]
    columns = ", ".join(ops.quote_name(field.column) for field in fields)
    places = ", ".join(["%s"] * len(fields))
    # Only quoted names and placeholders are written into the SQL; the values are parameters.
    sql = (
        f"{ops.insert_statement(on_conflict=OnConflict.IGNORE)} "
        f"{ops.quote_name(SearchEvent._meta.db_table)} ({columns}) VALUES ({places})"
        f"{ops.on_conflict_suffix_sql(fields, OnConflict.IGNORE, [], [])}"
    )
    rows = [
        (
            s.token or search_token(),
            s.query,
            s.locale,
            s.source,
            ops.adapt_json_value(results, None),
            top,
            s.triage_level,
            ops.adapt_datetimefield_value(s.at),
        )
        for s, top, results in kept
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _counts_add(counts: Counter[_CountKey], personal: Counter[_CountKey]) -> None:
    """A batch's counts, in three queries whatever the number of keys: the rows that exist
    read at once, added to in one UPDATE, the others created in one INSERT (a row per key
    and query was two queries per key, most of a batch's cost)."""
    if not counts:
        return
    tops = {top for _, top, _, _ in counts if top is not None}
    rows = SearchCount.objects.filter(
        Q(top_symptom_id__in=tops) | Q(top_symptom__isnull=True),
        day__in={day for day, _, _, _ in counts},
        source__in={source for _, _, _, source in counts},
    ).order_by("pk")
    existing: dict[_CountKey, int] = {}
    for row_pk, day_of, top_of, level_of, source_of in rows.values_list(
        "pk", "day", "top_symptom_id", "triage_level", "source"
    ):
        existing.setdefault((day_of, top_of, level_of, source_of), row_pk)
    added: list[tuple[int, int, int]] = []
    new: list[SearchCount] = []
    for key, n in counts.items():
        day, top, level, source = key
        if (row := existing.get(key)) is not None:
            added.append((row, n, personal[key]))
        else:
            new.append(
                SearchCount(
                    day=day,
                    top_symptom_id=top,
                    triage_level=level,
                    source=source,
                    searches=n,
                    personal=personal[key],
                )
            )
    _rows_added_to(added)
    SearchCount.objects.bulk_create(new)


def _rows_added_to(added: list[tuple[int, int, int]]) -> None:
    """Adds (searches, personal) to existing count rows by primary key, in one UPDATE whose
    SQL is written here: Django's bulk_update resolves an expression per row and field, ≈ 90
    ms of CPU for 40 rows — most of what recording cost a busy server (benchmarks/
    insights_load.sh). The database adds, so another worker's batch is never overwritten."""
    if not added:
        return
    quote = connection.ops.quote_name
    table = quote(SearchCount._meta.db_table)
    pk, searches, personal = quote("id"), quote("searches"), quote("personal")
    cases = " ".join(["WHEN %s THEN %s"] * len(added))
    places = ", ".join(["%s"] * len(added))
    # Only quoted names and placeholders are written into the SQL; the values are parameters.
    sql = (
        f"UPDATE {table} SET {searches} = {searches} + CASE {pk} {cases} ELSE 0 END, "  # noqa: S608
        f"{personal} = {personal} + CASE {pk} {cases} ELSE 0 END WHERE {pk} IN ({places})"
    )
    params = [
        *(value for row, n, _ in added for value in (row, n)),
        *(value for row, _, p in added for value in (row, p)),
        *(row for row, _, _ in added),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _click_count_add(*, day: dt.date, top: int | None, level: str, source: str) -> None:
    """One click more on the count row of its search (searches are counted by _counts_add)."""
    row = (
        SearchCount.objects.filter(day=day, top_symptom_id=top, triage_level=level, source=source)
        .order_by("pk")
        .first()
    )
    if row is None:
        SearchCount.objects.create(
            day=day, top_symptom_id=top, triage_level=level, source=source, clicks=1
        )
    else:
        SearchCount.objects.filter(pk=row.pk).update(clicks=F("clicks") + 1)


def search_click(*, token: str, slug: str) -> bool:
    """Note that the reader of search `token` followed its result `slug`. Ignored (False)
    when no such search is kept, it was already followed, or `slug` was not among its
    results: a forged click changes nothing."""
    event = SearchEvent.objects.filter(token=token[:32], clicked_symptom__isnull=True).first()
    symptom = Symptom.objects.filter(slug=slug).only("id").first()
    if event is None or symptom is None or symptom.pk not in event.results:
        return False
    with transaction.atomic():
        if not SearchEvent.objects.filter(pk=event.pk, clicked_symptom__isnull=True).update(
            clicked_symptom=symptom
        ):
            return False
        _click_count_add(
            day=timezone.localdate(event.searched_at),
            top=event.top_symptom_id,
            level=event.triage_level,
            source=event.source,
        )
    return True


def _purge_due() -> bool:
    now = timezone.now()
    if _last_purge and now - _last_purge[0] < dt.timedelta(hours=1):
        return False
    _last_purge[:] = [now]
    return True


def searches_purge(*, now: dt.datetime | None = None) -> int:
    """Forget the words of searches older than INSIGHTS_TEXT_RETENTION_DAYS (their counts
    stay in SearchCount); how many were forgotten."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.INSIGHTS_TEXT_RETENTION_DAYS)
    deleted, _ = SearchEvent.objects.filter(searched_at__lt=cutoff).delete()
    return deleted


# --- “Was this page helpful?” ---------------------------------------------------------


def feedback_submit(*, symptom: Symptom, article: Article | None, helpful: object) -> PageFeedback:
    """A reader's yes or no on a symptom page."""
    if not isinstance(helpful, str) or helpful not in Helpful.values:
        raise ValidationError("Answer “Yes” or “No”: was this page helpful?")
    # A yes carries no words to moderate.
    status = CommentStatus.APPROVED if helpful == Helpful.YES else CommentStatus.PENDING
    return PageFeedback.objects.create(
        symptom=symptom, article=article, helpful=helpful, status=status
    )


def feedback_missing_add(*, feedback: PageFeedback, text: str) -> PageFeedback:
    """The reader's “what was missing?” on their no, as plain text held for moderation."""
    if feedback.helpful != Helpful.NO:
        raise ValidationError("Only a “No” answer can say what was missing.")
    if feedback.missing:
        raise ValidationError("You have already told us what was missing; thank you.")
    text = plain_text(text).replace("\r\n", "\n")
    if not text:
        raise ValidationError("Say what was missing, or leave the page: your “No” is counted.")
    if len(text) > MISSING_MAX_LENGTH:
        raise ValidationError(
            f"What was missing is {len(text):,} characters long; the limit is {MISSING_MAX_LENGTH}."
        )
    feedback.missing = text
    feedback.status = CommentStatus.PENDING
    feedback.save(update_fields=["missing", "status"])
    return feedback


@transaction.atomic
def feedback_moderate(*, feedback: QuerySet[PageFeedback], status: CommentStatus) -> int:
    return feedback.exclude(status=status).update(status=status)


# --- review dates ----------------------------------------------------------------------


def article_mark_reviewed(
    *,
    article: Article,
    user: AbstractBaseUser | AnonymousUser | None = None,
    today: dt.date | None = None,
) -> Article:
    """A clinician checked a published article and found nothing to change: the review
    dates move on by a year, kept as a revision with its change note."""
    today = today or timezone.localdate()
    may = user is None or user.has_perm("articles.publish_article")  # type: ignore[union-attr]
    if not may:
        raise PermissionDenied
    if article.status != Status.PUBLISHED:
        raise ValidationError("Only a published article can be marked reviewed.")
    profile = getattr(user, "author_profile", None)
    if profile is not None and profile.pk == article.author_id:
        raise ValidationError("You wrote this article; another reviewer must review it.")
    with article_revision(article, comment="Reviewed: no change needed", user=user):
        article.last_reviewed_on = today
        article.next_review_on = today + REVIEW_INTERVAL
        article.save(update_fields=["last_reviewed_on", "next_review_on", "updated_at"])
    return article
