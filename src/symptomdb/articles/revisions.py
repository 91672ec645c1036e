"""What one revision of an article holds — the article and all its sections — and how
two states of an article compare.

Every write to an article goes through `article_revision`: the article is added to
the revision *after* its sections are written, so the revision follows (and holds)
every section as it now is, whatever wrote them (admin, import, export, restore).

`state_of_article` and `state_of_revision` read an article as it is and as a revision
holds it, in the same terms; `state_diff` says what differs. The restore page, the
side-by-side comparison, a refused stale save and a staged change's preview all
show differences through these three.
"""

from __future__ import annotations

import difflib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import reversion
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models, transaction
from reversion.models import Revision, Version

from symptomdb.articles.models import (
    SECTION_MODELS,
    SECTION_NAMES,
    Article,
    RedFlag,
    Source,
    Status,
    Urgency,
)
from symptomdb.content_cache import content_changed
from symptomdb.people.models import Author
from symptomdb.terminology.models import Symptom

# Never kept in a revision: a restored revision must not bring back an old token.
UNVERSIONED_FIELDS = ["edit_token", "live"]

SECTION_LABELS = {
    "causes": "What causes it",
    "relief_methods": "How to stop it now",
    "prevention_tips": "How to prevent it",
    "professional_treatments": "Professional treatment",
    "red_flags": "Red flags",
    "sources": "Sources",
}
FIELD_LABELS = {
    "title": "Title",
    "symptom_id": "Symptom",
    "summary": "Summary",
    "conclusion": "Conclusion",
    "disclaimer": "Disclaimer",
    "status": "Status",
    "author_id": "Author",
    "reviewer_id": "Reviewer",
    "published_on": "Published",
    "last_reviewed_on": "Last reviewed",
    "next_review_on": "Next review",
}


def register() -> None:
    if reversion.is_registered(Article):
        return
    for model in SECTION_MODELS:
        reversion.register(model)
    reversion.register(Article, follow=list(SECTION_NAMES), exclude=UNVERSIONED_FIELDS)


User = AbstractBaseUser | AnonymousUser


def edit_token_renew(article: Article) -> None:
    """A new edit token: any form opened before this write is now stale."""
    article.edit_token = uuid.uuid4()
    Article.objects.filter(pk=article.pk).update(edit_token=article.edit_token)


@contextmanager
def article_revision(article: Article, *, comment: str, user: User | None = None) -> Iterator[None]:
    """One atomic write to `article`, kept as one whole revision named by `comment`."""
    with transaction.atomic(), reversion.create_revision():
        yield
        # After the block's writes: following the sections now reads them all.
        reversion.add_to_revision(article)
        reversion.set_comment(comment)
        if user is not None and user.is_authenticated:
            reversion.set_user(user)  # type: ignore[arg-type]
        edit_token_renew(article)
        # Sections may move by bulk update (a staged change published), which sends no
        # save signal: retire the cached pages, as the models' save signals do.
        content_changed()


def article_versions(article: Article) -> models.QuerySet[Version]:
    """The article's revisions, newest first."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )


# --- states and differences -------------------------------------------------------


Item = tuple[str, ...]


@dataclass(frozen=True)
class ArticleState:
    """An article's content in display terms: fields, and each section's items by id."""

    fields: dict[str, str]
    sections: dict[str, dict[int, Item]]
    status: str
    symptom_id: int | None
    # What the state names that no longer exists ("the symptom “Hiccups”"): a revision
    # naming them cannot be restored.
    missing: tuple[str, ...] = ()


def _item(model: type[models.Model], values: dict[str, Any]) -> Item:
    if model is RedFlag:
        return (str(values["text"]), Urgency(values["urgency"]).label.split(":")[0])
    if model is Source:
        return (str(values["title"]), str(values["url"]))
    return (str(values["name"]), str(values["text"]))


def _names(model: type[models.Model], ids: set[int]) -> dict[int, str]:
    return {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=ids)}


def _state(values: dict[str, Any], sections: dict[str, dict[int, Item]]) -> ArticleState:
    symptoms = _names(Symptom, {values["symptom_id"]} - {None})
    people = _names(Author, {values["author_id"], values.get("reviewer_id")} - {None})
    missing: list[str] = []
    shown: dict[str, str] = {}
    for name, label in FIELD_LABELS.items():
        value = values.get(name)
        if name == "symptom_id":
            text = symptoms.get(value) if value else ""
            if value and text is None:
                missing.append(f"the symptom with id {value}")
                text = f"(symptom {value}, no longer in the catalogue)"
        elif name in {"author_id", "reviewer_id"}:
            text = people.get(value) if value else ""
            if value and text is None:
                missing.append(f"the {label.lower()} with id {value}")
                text = f"({label.lower()} {value}, no longer on record)"
        elif name == "status":
            text = Status(str(value)).label
        else:
            text = "" if value is None else str(value)
        shown[label] = text or ""
    return ArticleState(
        fields=shown,
        sections=sections,
        status=str(values["status"]),
        symptom_id=values["symptom_id"],
        missing=tuple(missing),
    )


def state_of_article(article: Article) -> ArticleState:
    values = {name: getattr(article, name) for name in FIELD_LABELS}
    sections = {
        name: {
            obj.pk: _item(model, obj.__dict__)
            for obj in model._default_manager.filter(article=article).order_by("position", "id")
        }
        for name, model in zip(SECTION_NAMES, SECTION_MODELS, strict=True)
    }
    return _state(values, sections)


def _article_versions_in(revision: Revision, article_pk: int) -> tuple[Version, list[Version]]:
    """The article's own version in `revision`, and its sections' versions (in order)."""
    own: Version | None = None
    parts: list[Version] = []
    for version in revision.version_set.all():
        model = version._model
        if model is Article and version.object_id == str(article_pk):
            own = version
        elif model in SECTION_MODELS and version.field_dict.get("article_id") == article_pk:
            parts.append(version)
    if own is None:
        raise Version.DoesNotExist(
            f"Revision {revision.pk} holds no version of article {article_pk}."
        )
    parts.sort(key=lambda v: (v.field_dict["position"], int(v.object_id)))
    return own, parts


def state_of_revision(revision: Revision, article_pk: int) -> ArticleState:
    own, parts = _article_versions_in(revision, article_pk)
    sections: dict[str, dict[int, Item]] = {name: {} for name in SECTION_NAMES}
    for version in parts:
        name = SECTION_NAMES[SECTION_MODELS.index(version._model)]
        sections[name][int(version.object_id)] = _item(version._model, version.field_dict)
    return _state(own.field_dict, sections)


def revision_revert(revision: Revision, article_pk: int) -> None:
    """Put the article and its sections back as `revision` holds them: sections it does
    not hold are deleted. Only this article: a revision written by a bulk action may
    hold others, and they are left alone."""
    own, parts = _article_versions_in(revision, article_pk)
    for model in SECTION_MODELS:
        keep = [int(v.object_id) for v in parts if v._model is model]
        model._default_manager.filter(article_id=article_pk).exclude(pk__in=keep).delete()
    own.revert()
    for version in parts:
        version.revert()


@dataclass(frozen=True)
class Words:
    """A text's words marked as kept, removed or added, for a readable difference."""

    kept: str = ""
    removed: str = ""
    added: str = ""


def word_diff(old: str, new: str) -> list[Words]:
    a, b = old.split(" "), new.split(" ")
    out: list[Words] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Words(kept=" ".join(a[i1:i2])))
        else:
            out.append(Words(removed=" ".join(a[i1:i2]), added=" ".join(b[j1:j2])))
    return out


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str

    @property
    def words(self) -> list[Words]:
        return word_diff(self.old, self.new)


@dataclass(frozen=True)
class SectionChange:
    label: str
    added: list[Item] = field(default_factory=list)
    removed: list[Item] = field(default_factory=list)
    changed: list[tuple[Item, Item]] = field(default_factory=list)
    before: int = 0
    after: int = 0

    @property
    def emptied(self) -> bool:
        return self.before > 0 and self.after == 0


@dataclass(frozen=True)
class ArticleDiff:
    fields: list[FieldChange]
    sections: list[SectionChange]
    old_status: str
    new_status: str

    @property
    def unpublishes(self) -> bool:
        return self.old_status == Status.PUBLISHED and self.new_status != Status.PUBLISHED

    @property
    def emptied(self) -> list[str]:
        return [s.label for s in self.sections if s.emptied]

    @property
    def needs_confirmation(self) -> bool:
        """Would it empty a section or take the page away from readers?"""
        return self.unpublishes or bool(self.emptied)

    @property
    def empty(self) -> bool:
        return not self.fields and not self.sections


def state_diff(old: ArticleState, new: ArticleState) -> ArticleDiff:
    """What changes when `old` becomes `new`."""
    fields = [
        FieldChange(label, old.fields.get(label, ""), value)
        for label, value in new.fields.items()
        if old.fields.get(label, "") != value
    ]
    sections: list[SectionChange] = []
    for name in SECTION_NAMES:
        before, after = old.sections[name], new.sections[name]
        if list(before.items()) == list(after.items()):
            continue
        sections.append(
            SectionChange(
                label=SECTION_LABELS[name],
                added=[item for pk, item in after.items() if pk not in before],
                removed=[item for pk, item in before.items() if pk not in after],
                changed=[
                    (before[pk], item)
                    for pk, item in after.items()
                    if pk in before and before[pk] != item
                ],
                before=len(before),
                after=len(after),
            )
        )
    return ArticleDiff(
        fields=fields, sections=sections, old_status=old.status, new_status=new.status
    )


@dataclass(frozen=True)
class SideBySide:
    """Two states of an article, row by row, for the comparison page."""

    left: ArticleState
    right: ArticleState

    def field_rows(self) -> list[tuple[str, str, str, bool]]:
        return [
            (label, self.left.fields.get(label, ""), value, self.left.fields.get(label) != value)
            for label, value in self.right.fields.items()
        ]

    def section_rows(self) -> list[tuple[str, list[Item], list[Item], bool]]:
        rows = []
        for name in SECTION_NAMES:
            left = list(self.left.sections[name].values())
            right = list(self.right.sections[name].values())
            rows.append((SECTION_LABELS[name], left, right, left != right))
        return rows
