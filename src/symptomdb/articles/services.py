"""Writes to articles: importing, editing safely, and moving them through review to
publication.

Every write is one transaction and one whole revision (revisions.article_revision).
An edit to a published article is a staged change — a draft copy readers do not see —
until it is published (article_change_start, article_publish). Publishing by an editor
passes checks.publish_problems first; a save from a form opened before someone else's
write is refused (article_edit_claim).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from reversion.models import Version

from symptomdb.articles.checks import AUTHOR_NEEDED, publish_problems
from symptomdb.articles.covering import covered_symptoms
from symptomdb.articles.importer import (
    Analysis,
    HeadingFallback,
    ParsedArticle,
    Source,
    analyse_article_bytes,
    parse_article_bytes,
)
from symptomdb.articles.models import (
    DEFAULT_DISCLAIMER,
    SECTION_MODELS,
    Article,
    Status,
)
from symptomdb.articles.revisions import (
    article_revision,
    article_versions,
    revision_revert,
    state_diff,
    state_of_article,
    state_of_revision,
)
from symptomdb.people.models import Author
from symptomdb.people.services import author_get_or_create
from symptomdb.terminology.models import Symptom
from symptomdb.terminology.services import symptom_find, symptom_get_or_create

# How long a published article stays current before a clinician must look again.
REVIEW_INTERVAL = dt.timedelta(days=365)

User = AbstractBaseUser | AnonymousUser
# The parts of an article a staged change carries over to the live one.
CONTENT_FIELDS = (
    "symptom",
    "title",
    "summary",
    "conclusion",
    "disclaimer",
    "author",
    "reviewer",
    "last_reviewed_on",
    "next_review_on",
)


@dataclass(frozen=True)
class ImportResult:
    article: Article
    created: bool


def articles_parse_files(
    paths: Sequence[Path], *, fallback: HeadingFallback | None = None
) -> list[ParsedArticle]:
    """Parse every file first, so that one bad file stops the import before any write.

    Raises the importer's ParseError, which names the file, the line and the reason.
    """
    return [
        parse_article_bytes(Path(p).read_bytes(), filename=str(p), fallback=fallback) for p in paths
    ]


# The sentence model reads headings no synonym set names; SYMPTOMDB_IMPORT_MODEL=0 (or
# `import --no-model`) reads by words alone.
def import_heading_fallback(*, use_model: bool = True) -> HeadingFallback | None:
    if not use_model or os.environ.get("SYMPTOMDB_IMPORT_MODEL", "1").strip() in {"0", "no"}:
        return None
    from symptomdb.articles.importer.meaning import model_fallback

    return model_fallback()


@dataclass(frozen=True)
class ImportReport:
    """A file's dry-run report: the parsed article, its sections and warnings, and the
    catalogue symptom it will attach to with the close alternatives."""

    name: str
    analysis: Analysis
    symptom: Symptom | None  # the catalogue's, or None: a new symptom will be made
    alternatives: tuple[Symptom, ...] = ()
    author: Author | None = None  # the named author (--author, the form), if any
    warnings: tuple[str, ...] = ()

    @property
    def article(self) -> ParsedArticle:
        return self.analysis.article

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.name,
            "sections": [s.to_dict() for s in self.analysis.sections],
            "symptom": {
                "name": self.article.symptom,
                "match": _symptom_dict(self.symptom) if self.symptom else None,
                "alternatives": [_symptom_dict(x) for x in self.alternatives],
            },
            "author": {"slug": self.author.slug, "name": self.author.name} if self.author else None,
            "warnings": list(self.warnings),
        }


def _symptom_dict(symptom: Symptom) -> dict[str, str]:
    return {"slug": symptom.slug, "name": symptom.name}


def symptom_alternatives(name: str, *, chosen: Symptom | None, limit: int = 5) -> list[Symptom]:
    """Catalogue symptoms close to an article's symptom name: those whose name or a
    synonym holds it, then those holding its last word ("sore throat" → "throat")."""
    words = name.split()
    found: list[Symptom] = []
    for needle in dict.fromkeys([name, *(words[-1:] if len(words) > 1 else [])]):
        if len(needle) < 3:
            continue
        rows = Symptom.objects.filter(
            Q(name__icontains=needle) | Q(synonyms__text__icontains=needle)
        )
        if chosen is not None:
            rows = rows.exclude(pk=chosen.pk)
        rows = rows.distinct().order_by("-prior", "name")[:limit]
        found.extend(x for x in rows if x not in found)
    return found[:limit]


def articles_report(
    files: Sequence[tuple[str, bytes]],
    *,
    author: Author | None = None,
    publisher: str = "",
    fallback: HeadingFallback | None = None,
) -> list[ImportReport]:
    """What importing these files would do, file by file, writing nothing. Raises the
    importer's ParseError for the first file that cannot be read."""
    reports = []
    for name, data in files:
        analysis = analyse_article_bytes(data, filename=name, fallback=fallback)
        article = _with_publisher(analysis.article, publisher)
        analysis = dataclasses.replace(analysis, article=article)
        symptom = symptom_find(name=article.symptom) if article.symptom else None
        warnings = list(analysis.warnings)
        if author is not None:
            warnings = [w for w in warnings if not w.startswith("no author is named")]
        if symptom is None:
            warnings.append(
                f"no catalogue symptom is called “{article.symptom}”; a new one will be made "
                "unless you choose one of the alternatives."
            )
        reports.append(
            ImportReport(
                name=name,
                analysis=analysis,
                symptom=symptom,
                alternatives=tuple(symptom_alternatives(article.symptom, chosen=symptom)),
                author=author,
                warnings=tuple(warnings),
            )
        )
    return reports


def _with_publisher(parsed: ParsedArticle, publisher: str) -> ParsedArticle:
    """The publisher named on import (--publisher, the form) kept as a source."""
    publisher = " ".join(publisher.split())
    if not publisher or any(publisher.lower() in s.title.lower() for s in parsed.sources):
        return parsed
    return dataclasses.replace(
        parsed, sources=[*parsed.sources, Source(f"Content supplied by {publisher}")]
    )


@transaction.atomic
def articles_import(
    *,
    parsed: Sequence[ParsedArticle],
    publish: bool = False,
    comment: str = "Imported",
    author: Author | None = None,
    publisher: str = "",
    symptoms: Sequence[Symptom | None] = (),
    user: User | None = None,
) -> list[ImportResult]:
    """Store parsed articles in one transaction: all of them, or none. `author` and
    `publisher` apply to every article; `symptoms[i]`, when given, is the catalogue
    symptom the i-th article attaches to instead of the one its name finds."""
    return [
        article_import(
            parsed=_with_publisher(p, publisher),
            publish=publish,
            comment=comment,
            author=author,
            symptom=symptoms[i] if i < len(symptoms) else None,
            user=user,
        )
        for i, p in enumerate(parsed)
    ]


@transaction.atomic
def article_import(
    *,
    parsed: ParsedArticle,
    publish: bool = False,
    comment: str = "Imported",
    author: Author | None = None,
    user: User | None = None,
    symptom: Symptom | None = None,
) -> ImportResult:
    """Create an article from its parsed form, or update the one with the same title.

    The author is the byline's, unless the caller already knows them (an export names
    its authors by slug, the operator `--author`); a page that names no one is stored
    without an author, as a draft. Re-importing a published article without `publish`
    writes a staged change that readers do not see until it is published; with
    `publish` (the operator's `import --publish`) the live page is updated at once,
    without the editors' checks — but never without an author. Every write is one
    whole revision.
    """
    if author is None and parsed.author.name:
        author = author_get_or_create(
            name=parsed.author.name,
            credentials=parsed.author.credentials,
            affiliation=parsed.author.affiliation,
            location=parsed.author.location,
        )
    if publish and author is None:
        raise ValidationError(
            f"“{parsed.title}” names no author, and an article is published only with its "
            "author; name the clinician (--author SLUG) or import it as a draft."
        )
    symptom = symptom or symptom_get_or_create(name=parsed.symptom)
    # Resolved before any write: an unknown "Covers:" item refuses the whole import.
    covers = covered_symptoms(parsed.covers, where=parsed.covers_at, main=symptom)
    article = Article.objects.originals().filter(symptom=symptom, title=parsed.title).first()
    created = article is None
    to_publish = article is not None and publish and article.status != Status.PUBLISHED
    if article is not None and not to_publish and _unchanged(article, parsed, author, covers):
        # Re-importing the same file writes nothing: no revision, no staged change.
        return ImportResult(article=article, created=False)
    if article is None:
        article = Article(symptom=symptom, title=parsed.title, author=author)
    elif article.status == Status.PUBLISHED and not publish:
        article = article_change_start(article=article, user=user)
    with article_revision(article, comment=comment, user=user):
        article.summary = parsed.summary
        article.conclusion = parsed.conclusion
        article.disclaimer = parsed.disclaimer or DEFAULT_DISCLAIMER
        # A re-import of a page that names no one keeps the author an editor chose.
        article.author = author or article.author
        article.full_clean(exclude=["status"])
        article.save()
        article.covers.set(covers)
        _replace_sections(article, parsed)
    if publish and article.status != Status.PUBLISHED:
        article = article_publish(article=article, user=user, change_note=comment, checks=False)
    return ImportResult(article=article, created=created)


def _section_values(parsed: ParsedArticle) -> list[list[dict[str, Any]]]:
    """Each part of the parsed article as the fields of its rows, in SECTION_MODELS' order."""

    def advice(items: Sequence[Any]) -> list[dict[str, Any]]:
        return [{"name": a.name, "text": a.text} for a in items]

    return [
        [{"name": c.name, "text": c.explanation} for c in parsed.causes],
        advice(parsed.relief),
        advice(parsed.prevention),
        advice(parsed.professional_treatment),
        [{"text": f.text, "urgency": f.urgency} for f in parsed.red_flags],
        [{"title": s.title, "url": _web_address(s.title, s.url)} for s in parsed.sources],
    ]


def _unchanged(
    article: Article, parsed: ParsedArticle, author: Author | None, covers: Sequence[Symptom]
) -> bool:
    """Whether importing ``parsed`` would write exactly what ``article`` holds already."""
    fields = (article.summary, article.conclusion, article.disclaimer, article.author_id)
    wanted = (
        parsed.summary,
        parsed.conclusion,
        parsed.disclaimer or DEFAULT_DISCLAIMER,
        author.pk if author else article.author_id,
    )
    if fields != wanted or set(article.covers.all()) != set(covers):
        return False
    for model, part in zip(SECTION_MODELS, _section_values(parsed), strict=True):
        names = list(part[0]) if part else []
        rows = model._default_manager.filter(article=article).order_by("position")
        held = [{name: getattr(row, name) for name in names} for row in rows]
        if held != part:
            return False
    return True


def _replace_sections(article: Article, parsed: ParsedArticle) -> None:
    values = _section_values(parsed)
    rows = [
        (model, [model(article=article, position=i, **fields) for i, fields in enumerate(part)])
        for model, part in zip(SECTION_MODELS, values, strict=True)
    ]
    # Every row is checked (lengths, choices, web addresses) before any is written.
    for _, objs in rows:
        for obj in objs:
            obj.full_clean(exclude=["article"])
    for model, objs in rows:
        model._default_manager.filter(article=article).delete()
        model._default_manager.bulk_create(objs)


_is_web_address = URLValidator(schemes=["http", "https"])


def _web_address(title: str, url: str) -> str:
    """A source's link, if it is one a reader can follow safely (no javascript: or data:)."""
    if url:
        try:
            _is_web_address(url)
        except ValidationError:
            raise ValidationError(
                f"The source “{title}” links to “{url[:80]}”, which is not a web address "
                "starting with http:// or https://."
            ) from None
    return url


# --- editing safely -----------------------------------------------------------------


class EditConflict(ValidationError):
    """A save from a form opened before someone else's write; nothing was written."""

    def __init__(self, article: Article) -> None:
        latest = article_versions(article).first()
        self.revision = latest.revision if latest is not None else None
        who = "another editor"
        when = ""
        if self.revision is not None:
            user = self.revision.user
            if user is not None:
                who = user.get_full_name() or user.get_username()
            saved = timezone.localtime(self.revision.date_created)
            when = f" at {saved:%-d %B %Y, %H:%M}"
        super().__init__(
            f"{who[:1].upper()}{who[1:]} changed this article{when}, after you opened it. "
            "Your changes were not saved: they are still in the form below. Compare the two "
            "versions, then save again to keep yours."
        )
        self.who = who


def article_edit_claim(*, article: Article, seen_token: object) -> None:
    """Take the right to write `article` for a form opened when its edit token was
    `seen_token`, or raise EditConflict. Atomic: of two saves from forms opened at
    the same moment, exactly one claims it."""
    fresh = uuid.uuid4()
    claimed = Article.objects.filter(pk=article.pk, edit_token=str(seen_token)).update(
        edit_token=fresh
    )
    if not claimed:
        raise EditConflict(article)
    article.edit_token = fresh


@transaction.atomic
def article_change_start(*, article: Article, user: User | None = None) -> Article:
    """The staged change to a published article: its draft copy, made on first use.

    Readers keep seeing the published article; the copy is edited, previewed and
    published like any draft, and publishing it updates the live article in place.
    """
    if article.live_id is not None:
        return article
    if article.status != Status.PUBLISHED:
        raise ValidationError("Only a published article gets a staged change; edit this one.")
    staged = Article.objects.filter(live=article).first()
    if staged is not None:
        return staged
    staged = Article(live=article, status=Status.DRAFT)
    for name in CONTENT_FIELDS:
        setattr(staged, name, getattr(article, name))
    staged.published_on = article.published_on
    with article_revision(staged, comment="Started a change to the published page", user=user):
        staged.save()
        staged.covers.set(article.covers.all())
        for model in SECTION_MODELS:
            copies = []
            for obj in model._default_manager.filter(article=article).order_by("position", "id"):
                obj.pk = None
                obj.article = staged  # type: ignore[attr-defined]
                copies.append(obj)
            model._default_manager.bulk_create(copies)
    return staged


# --- review and publication -----------------------------------------------------------


@transaction.atomic
def article_submit_for_review(*, article: Article, user: User | None = None) -> Article:
    if article.status != Status.DRAFT:
        raise ValidationError("Only a draft can be sent for review.")
    with article_revision(article, comment="Sent for review", user=user):
        article.status = Status.IN_REVIEW
        article.save(update_fields=["status", "updated_at"])
    return article


@transaction.atomic
def article_return_to_author(*, article: Article, reason: str, user: User | None = None) -> Article:
    """A reviewer sends an article in review back to its author as a draft, saying why."""
    reason = " ".join(reason.split())
    if article.status != Status.IN_REVIEW:
        raise ValidationError("Only an article in review can be returned to its author.")
    if not reason:
        raise ValidationError("Say in one line what the author should change.")
    with article_revision(article, comment=f"Returned to the author: {reason}", user=user):
        article.status = Status.DRAFT
        article.save(update_fields=["status", "updated_at"])
    return article


@transaction.atomic
def article_publish(
    *,
    article: Article,
    today: dt.date | None = None,
    user: User | None = None,
    change_note: str = "Published",
    checks: bool = True,
) -> Article:
    """Publish an article, stamping its review dates and retiring the symptom's
    previously published article (one published article per symptom).

    With `checks` (every editor's publish) nothing is written unless
    checks.publish_problems finds none; the operator's import and the restore of an
    export pass checks=False. A staged change is published onto its live article,
    which keeps its id, address and comments; the staged copy is then deleted.
    Returns the article readers now see.
    """
    today = today or timezone.localdate()
    problems = (
        publish_problems(article, change_note=change_note, user=user, today=today) if checks else []
    )
    if not checks and article.author_id is None:
        # Even the operator's import and a restore publish nothing without an author.
        problems.append(AUTHOR_NEEDED)
    if problems:
        raise ValidationError(problems)
    note = " ".join(change_note.split()) or "Published"
    if article.live_id is not None:
        return _publish_staged(staged=article, today=today, user=user, note=note)
    Article.objects.filter(symptom=article.symptom, status=Status.PUBLISHED).exclude(
        pk=article.pk
    ).update(status=Status.IN_REVIEW)
    with article_revision(article, comment=f"Published: {note}", user=user):
        article.status = Status.PUBLISHED
        article.published_on = article.published_on or today
        article.last_reviewed_on = article.last_reviewed_on or today
        article.next_review_on = (
            article.next_review_on or article.last_reviewed_on + REVIEW_INTERVAL
        )
        article.save()
    return article


def _publish_staged(*, staged: Article, today: dt.date, user: User | None, note: str) -> Article:
    live = Article.objects.select_for_update().get(pk=staged.live.pk)  # type: ignore[union-attr]
    Article.objects.filter(symptom=staged.symptom, status=Status.PUBLISHED).exclude(
        pk=live.pk
    ).update(status=Status.IN_REVIEW)
    with article_revision(live, comment=f"Published a change: {note}", user=user):
        for name in CONTENT_FIELDS:
            setattr(live, name, getattr(staged, name))
        live.status = Status.PUBLISHED
        live.last_reviewed_on = staged.last_reviewed_on or today
        live.next_review_on = staged.next_review_on or live.last_reviewed_on + REVIEW_INTERVAL
        live.save()
        live.covers.set(staged.covers.all())
        for model in SECTION_MODELS:
            model._default_manager.filter(article=live).delete()
            model._default_manager.filter(article=staged).update(article=live)
    staged.delete()
    return live


@transaction.atomic
def article_unpublish(*, article: Article, user: User | None = None, note: str = "") -> Article:
    """Withdraw an article from readers to draft (its staged change, if any, stays)."""
    if article.status == Status.DRAFT:
        raise ValidationError("This article is already a draft.")
    comment = f"Withdrawn to draft: {note}" if note.strip() else "Withdrawn to draft"
    with article_revision(article, comment=comment, user=user):
        article.status = Status.DRAFT
        article.save(update_fields=["status", "updated_at"])
    return article


# --- restoring a revision ---------------------------------------------------------------


def restore_preview(*, article: Article, version: Version):
    """What restoring `version` would change, without changing anything."""
    target = state_of_revision(version.revision, article.pk)
    return target, state_diff(state_of_article(article), target)


@transaction.atomic
def article_revision_restore(
    *, article: Article, version: Version, user: User | None = None, confirmed: bool = False
) -> Article:
    """Put `article` back as `version` holds it — fields, status and every section.

    Refused, with nothing written, when the revision names a symptom or person no
    longer on record, when it would publish a second article for the symptom, or,
    without `confirmed`, when it would empty a section or take the page from readers.
    """
    if version.object_id != str(article.pk) or version._model is not Article:
        raise ValidationError("That revision belongs to another article.")
    target, diff = restore_preview(article=article, version=version)
    when = f"{timezone.localtime(version.revision.date_created):%-d %B %Y, %H:%M}"
    if target.missing:
        raise ValidationError(
            f"The revision of {when} names {', '.join(target.missing)}, which is no longer on "
            "record, so it cannot be restored; nothing was changed."
        )
    if (
        target.status == Status.PUBLISHED
        and Article.objects.published()
        .filter(symptom_id=target.symptom_id)
        .exclude(pk=article.pk)
        .exists()
    ):
        raise ValidationError(
            f"The revision of {when} is published, and another article is now published for "
            "its symptom; withdraw that one first. Nothing was changed."
        )
    if diff.needs_confirmation and not confirmed:
        raise ValidationError(
            "Restoring this revision would "
            + " and ".join(
                [*(["take the page away from readers"] if diff.unpublishes else [])]
                + [f"empty “{label}”" for label in diff.emptied]
            )
            + "; confirm that this is what you want."
        )
    with article_revision(article, comment=f"Restored the revision of {when}", user=user):
        revision_revert(version.revision, article.pk)
        article.refresh_from_db()
    return article
