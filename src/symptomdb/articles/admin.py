"""The editors' desk: write articles with their sections inline, move them through
draft → in review → published, and see, compare or restore any revision.

Nothing here decides: every write is a service in services.py (the same ones the
import, the export and the CLI use). What the admin adds is the editor's view of them:

- a save from a form opened before someone else's save is refused, naming them,
  with the editor's text kept in the form and a link to compare the versions;
- saving a published article stages the change (a draft copy) instead of changing
  the live page; a preview shows any draft exactly as readers will see it;
- publish, withdraw and return-to-author ask for confirmation on a page that lists
  the publishing checks and takes the one-line change note;
- restoring a revision first shows what it will change, and asks again when it would
  empty a section or take the page from readers;
- roles (people/roles.py): an author changes only their own drafts; publishing needs
  the "publish_article" permission and someone other than the article's author.

The pages that need the layers above the articles (the preview, which is the public
page, and the symptom picker, which is the site's search) are added by web/admin.py,
which registers the editors' admin for Article.
"""

from __future__ import annotations

from typing import Any

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from reversion.admin import VersionAdmin
from reversion.models import Version

from symptomdb.articles import services
from symptomdb.articles.checks import publish_problems
from symptomdb.articles.models import (
    SECTION_MODELS,
    SECTION_NAMES,
    Article,
    Cause,
    PreventionTip,
    ProfessionalTreatment,
    RedFlag,
    ReliefMethod,
    Source,
    Status,
)
from symptomdb.articles.revisions import (
    SideBySide,
    article_versions,
    state_of_article,
    state_of_revision,
)
from symptomdb.articles.selectors import symptom_label
from symptomdb.articles.upload import upload_view
from symptomdb.people.models import Author

PUBLISH = "articles.publish_article"


class SectionInline(admin.StackedInline):
    extra = 0
    fields = ["position", "name", "text"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and _may_edit(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_add_permission(request, obj) and _may_edit(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and _may_edit(request, obj)


class CauseInline(SectionInline):
    model = Cause
    verbose_name_plural = "What causes it"


class ReliefMethodInline(SectionInline):
    model = ReliefMethod
    verbose_name_plural = "How to stop it now"


class PreventionTipInline(SectionInline):
    model = PreventionTip
    verbose_name_plural = "How to prevent it"


class ProfessionalTreatmentInline(SectionInline):
    model = ProfessionalTreatment
    verbose_name_plural = "Professional treatment"


class RedFlagInline(SectionInline, admin.TabularInline):
    model = RedFlag
    fields = ["position", "text", "urgency"]
    verbose_name_plural = "When to see a professional (red flags)"


class SourceInline(SectionInline, admin.TabularInline):
    model = Source
    fields = ["position", "title", "url"]
    # A typed "nih.gov/…" means https, as Django 6 will assume.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


def _may_edit(request: HttpRequest, article: Article | None) -> bool:
    """Reviewers and site admins edit any article; an author edits their own drafts
    (and their published articles, which stages a change)."""
    user = request.user
    if article is None or user.has_perm(PUBLISH):
        return True
    if article.status == Status.IN_REVIEW:
        return False
    # An imported draft without an author is no author-role editor's own.
    return article.author is not None and article.author.user_id == user.pk


class SymptomPicker(AutocompleteSelect):
    """The symptom field's picker, answered by the site's own search (names, synonyms,
    everyday words, typos) and codes, not the catalogue's name column alone."""

    def get_url(self) -> str:
        return reverse("admin:articles_article_symptom_search")


class ArticleForm(forms.ModelForm):
    # The edit token and newest revision when the form was opened: a save from an older
    # form is refused (services.article_edit_claim), and the two revisions compared.
    seen_token = forms.CharField(widget=forms.HiddenInput, required=False)
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        # The admin's fieldsets choose the fields shown; these are all an editor may write.
        fields = [*services.CONTENT_FIELDS, "covers"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conflict: services.EditConflict | None = None
        if self.instance.pk:
            latest = article_versions(self.instance).first()
            self.initial["seen_token"] = str(self.instance.edit_token)
            self.initial["seen_version"] = latest.pk if latest else None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.instance.pk:
            current = (
                Article.objects.filter(pk=self.instance.pk)
                .values_list("edit_token", flat=True)
                .first()
            )
            if str(current) != cleaned.get("seen_token"):
                self.conflict = services.EditConflict(self.instance)
                raise self.conflict
        return cleaned


class _Retry(Exception):
    """Another save claimed the article between this form's check and its write."""


class ArticleAdmin(VersionAdmin):
    form = ArticleForm
    # reversion's list, with a link to importing files (upload.py).
    change_list_template = "admin/articles/article/change_list.html"
    list_display = [
        "title",
        "symptom",
        "author",
        "status",
        "change_kind",
        "last_reviewed_on",
        "next_review_on",
    ]
    list_filter = ["status", ("live", admin.EmptyFieldListFilter)]
    search_fields = ["title", "symptom__name", "author__name"]
    autocomplete_fields = ["author", "reviewer", "covers"]
    readonly_fields = ["status", "published_on", "created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "symptom",
                    "covers",
                    "summary",
                    "conclusion",
                    "disclaimer",
                    "seen_token",
                    "seen_version",
                ],
                "description": (
                    "Text fields take Markdown, as the importer does: **bold**, *italic*, "
                    "[a link](https://…) to an http or https address, and lists (“- ”)."
                ),
            },
        ),
        ("People", {"fields": ["author", "reviewer"]}),
        (
            "Review",
            {
                "fields": [
                    "status",
                    "published_on",
                    "last_reviewed_on",
                    "next_review_on",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]
    inlines = [
        CauseInline,
        ReliefMethodInline,
        PreventionTipInline,
        ProfessionalTreatmentInline,
        RedFlagInline,
        SourceInline,
    ]
    actions = ["send_for_review", "publish", "withdraw", "return_to_author"]
    change_form_template = "admin/articles/article/change_form.html"

    class Media:
        css = {"all": ["articles/editors.css"]}
        js = ["articles/pickers.js"]

    object_history_template = "admin/articles/article/object_history.html"

    # --- who may do what --------------------------------------------------------------

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and _may_edit(request, obj)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PUBLISH)

    def get_autocomplete_fields(self, request: HttpRequest) -> list[str]:
        # An author writes as themselves: their own name is the only choice.
        fields = list(super().get_autocomplete_fields(request))
        return fields if request.user.has_perm(PUBLISH) else ["reviewer", "covers"]

    def formfield_for_foreignkey(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> forms.ModelChoiceField | None:
        if db_field.name == "symptom":
            kwargs["widget"] = SymptomPicker(db_field, self.admin_site)
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            if field is not None:
                field.help_text = format_html(
                    'Type a name, an everyday word or a code. Not in the catalogue? <a href="{}">'
                    "Add a symptom</a> (you will be shown close matches first).",
                    reverse("admin:articles_article_symptom_new"),
                )
            return field
        if db_field.name == "author" and not request.user.has_perm(PUBLISH):
            kwargs["queryset"] = Author.objects.filter(user_id=request.user.pk or 0)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):
        form = super().get_form(request, obj, change, **kwargs)
        symptom = form.base_fields.get("symptom")
        if symptom is not None:
            # No "+" beside the picker: a new symptom is added on its own page, which
            # first shows the close matches (symptom_new_view).
            symptom.widget.can_add_related = False  # type: ignore[attr-defined]
        return form

    # --- the list --------------------------------------------------------------------

    @admin.display(description="Kind")
    def change_kind(self, article: Article) -> str:
        return "Staged change to the live page" if article.live_id else "Article"

    def changelist_view(self, request: HttpRequest, extra_context: Any = None):
        # Not VersionAdmin's: its one revision around the whole request would merge the
        # revisions of every article a bulk action touches into one.
        return admin.ModelAdmin.changelist_view(self, request, extra_context)

    # --- saving ----------------------------------------------------------------------

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponseBase:
        article = self.get_object(request, unquote(object_id)) if object_id else None
        extra = dict(extra_context or {})
        if article is not None:
            staged = Article.objects.filter(live=article).first()
            if staged is not None and request.method == "GET":
                self.message_user(
                    request,
                    "This page has unpublished changes; you are editing them. Readers see "
                    "the published page until the changes are published.",
                    messages.INFO,
                )
                return HttpResponseRedirect(_url("change", staged))
            if (
                staged is None
                and article.status == Status.PUBLISHED
                and request.method == "POST"
                and self.has_change_permission(request, article)
                and request.POST.get("seen_token") == str(article.edit_token)
            ):
                return self._stage_and_save(request, article, extra)
            extra.update(_article_context(article))
        try:
            return super().changeform_view(request, object_id, form_url, extra)
        except _Retry:
            # The other save is now committed: this run's form check sees it and says so,
            # keeping this editor's text in the form.
            return super().changeform_view(request, object_id, form_url, extra)

    def _stage_and_save(
        self, request: HttpRequest, live: Article, extra: dict[str, Any]
    ) -> HttpResponseBase:
        """A save of a published article: its edits go to a staged change instead."""
        try:
            services.article_edit_claim(article=live, seen_token=request.POST["seen_token"])
        except services.EditConflict:
            # Saved by someone else a moment ago: the ordinary form says so.
            return super().changeform_view(request, str(live.pk), "", extra)
        staged = services.article_change_start(article=live, user=request.user)
        data = request.POST.copy()
        data["seen_token"] = str(staged.edit_token)
        for name, model in zip(SECTION_NAMES, SECTION_MODELS, strict=True):
            old = model._default_manager.filter(article=live).order_by("position", "id")
            new = model._default_manager.filter(article=staged).order_by("position", "id")
            moved = {str(a.pk): str(b.pk) for a, b in zip(old, new, strict=True)}
            total = int(data.get(f"{name}-TOTAL_FORMS") or 0)
            for i in range(total):
                key = f"{name}-{i}-id"
                if (old_id := str(data.get(key))) in moved:
                    data[key] = moved[old_id]
                if f"{name}-{i}-article" in data:
                    data[f"{name}-{i}-article"] = str(staged.pk)
        request.POST = data  # type: ignore[misc,assignment]
        extra.update(_article_context(staged))
        response = super().changeform_view(request, str(staged.pk), _url("change", staged), extra)
        if response.status_code == 302:
            self.message_user(
                request,
                "Saved as a staged change. Readers see the published page until a reviewer "
                "publishes the change.",
                messages.INFO,
            )
        return response

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        if change:
            try:
                services.article_edit_claim(article=obj, seen_token=form.cleaned_data["seen_token"])
            except services.EditConflict:
                raise _Retry from None
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # After the sections' writes: the revision holds the article with every section.
        if reversion.is_active():
            reversion.add_to_revision(form.instance)

    # --- extra pages -----------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.upload_view), name="articles_article_import"),
            path(
                "<path:object_id>/compare/",
                view(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "<path:object_id>/do/<str:transition>/",
                view(self.transition_view),
                name="articles_article_transition",
            ),
            *super().get_urls(),
        ]

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        """Import articles from uploaded files: the dry run's report, then drafts."""
        return upload_view(self, request)

    def _article(self, request: HttpRequest, object_id: str) -> Article:
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def _page(
        self, request: HttpRequest, template: str, *, status: int = 200, **context: Any
    ) -> TemplateResponse:
        """One of the editors' own admin pages, with the admin's frame around it."""
        return TemplateResponse(
            request,
            template,
            {**self.admin_site.each_context(request), "opts": self.model._meta, **context},
            status=status,
        )

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Any two states of the article side by side: revisions by id, "current" (the
        article now) and, for a staged change, "live" (the published page now)."""
        article = self._article(request, object_id)
        versions = list(article_versions(article))
        default_left = str(versions[1].pk) if len(versions) > 1 else "current"
        left_key = request.GET.get("left", "live" if article.live_id else default_left)
        right_key = request.GET.get("right", "current")
        try:
            left, left_name = self._state(article, left_key)
            right, right_name = self._state(article, right_key)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return HttpResponseRedirect(_url("history", article))
        return self._page(
            request,
            "admin/articles/article/compare.html",
            original=article,
            title=f"Compare versions of “{article}”",
            left_name=left_name,
            right_name=right_name,
            compare=SideBySide(left=left, right=right),
            versions=versions,
            left_key=left_key,
            right_key=right_key,
        )

    def _state(self, article: Article, key: str):
        if key == "current":
            return state_of_article(article), "Now"
        if key == "live" and article.live is not None:
            return state_of_article(article.live), "The published page"
        try:
            version = article_versions(article).get(pk=int(key))
        except (ValueError, Version.DoesNotExist):
            raise ValidationError(f"There is no revision “{key[:20]}” of this article.") from None
        return state_of_revision(version.revision, article.pk), _version_name(version)

    def history_view(self, request: HttpRequest, object_id: str, extra_context: Any = None):
        article = self._article(request, object_id)
        context = {"versions": list(article_versions(article)), "article": article}
        context.update(extra_context or {})
        return super().history_view(request, object_id, context)

    def revision_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        """Restore a revision: first what it will change, then (POST) the restore."""
        article = self._article(request, object_id)
        version = get_object_or_404(article_versions(article), pk=version_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        target, diff = services.restore_preview(article=article, version=version)
        if (target.status == Status.PUBLISHED or article.status == Status.PUBLISHED) and not (
            request.user.has_perm(PUBLISH)
        ):
            raise PermissionDenied
        error = ""
        if request.method == "POST":
            try:
                services.article_revision_restore(
                    article=article,
                    version=version,
                    user=request.user,
                    confirmed=request.POST.get("confirm") == "yes",
                )
            except ValidationError as problem:
                error = problem.messages[0]
            else:
                self.message_user(
                    request, f"Restored the revision of {_version_name(version)}.", messages.SUCCESS
                )
                return HttpResponseRedirect(_url("change", article))
        return self._page(
            request,
            "admin/articles/article/restore.html",
            original=article,
            title=f"Restore “{article}” as it was on {_version_name(version)}?",
            version=version,
            diff=diff,
            missing=target.missing,
            error=error,
            status=400 if error else 200,
        )

    # --- review and publication ------------------------------------------------------

    TRANSITIONS = {
        "submit": ("Send for review", False),
        "publish": ("Publish", True),
        "withdraw": ("Withdraw to draft", True),
        "return": ("Return to the author", True),
    }

    def transition_view(self, request: HttpRequest, object_id: str, transition: str):
        article = self._article(request, object_id)
        if transition not in self.TRANSITIONS:
            raise PermissionDenied
        return self._transition(request, [article], transition, via_action=False)

    def _transition(
        self, request: HttpRequest, articles: list[Article], transition: str, *, via_action: bool
    ) -> HttpResponse | None:
        label, reviewers_only = self.TRANSITIONS[transition]
        if reviewers_only and not request.user.has_perm(PUBLISH):
            raise PermissionDenied
        if transition == "submit" and not all(
            self.has_change_permission(request, a) for a in articles
        ):
            raise PermissionDenied
        note = request.POST.get("note", "") if request.method == "POST" else ""
        if request.method == "POST" and request.POST.get("confirm") == "yes":
            done, failed = 0, []
            result: Article | None = None
            for article in articles:
                try:
                    result = self._do(transition, article, request, note)
                    done += 1
                except ValidationError as error:
                    failed.append((article, error.messages))
            if not failed:
                self.message_user(request, f"{label}: {done} article(s).", messages.SUCCESS)
                if via_action:
                    return None
                return HttpResponseRedirect(_url("change", result))
            if done:
                self.message_user(request, f"{label}: {done} article(s).", messages.SUCCESS)
            errors = {a.pk: msgs for a, msgs in failed}
        else:
            errors = {}
        rows = [
            {
                "article": a,
                "problems": errors.get(a.pk)
                or (
                    publish_problems(a, change_note=note or "-", user=request.user)
                    if transition == "publish"
                    else []
                ),
            }
            for a in articles
        ]
        return self._page(
            request,
            "admin/articles/article/confirm.html",
            title=f"{label}?",
            label=label,
            transition=transition,
            rows=rows,
            note=note,
            via_action=via_action,
            action={"submit": "send_for_review", "return": "return_to_author"}.get(
                transition, transition
            ),
            selected=[a.pk for a in articles],
            error=bool(errors),
            status=400 if errors else 200,
        )

    def _do(self, transition: str, article: Article, request: HttpRequest, note: str) -> Article:
        """The service for `transition`; the article readers or editors now see."""
        user = request.user
        if transition == "submit":
            return services.article_submit_for_review(article=article, user=user)
        if transition == "publish":
            return services.article_publish(article=article, user=user, change_note=note)
        if transition == "withdraw":
            return services.article_unpublish(article=article, user=user, note=note)
        return services.article_return_to_author(article=article, reason=note, user=user)

    @admin.action(description="Send selected drafts for review")
    def send_for_review(self, request: HttpRequest, queryset: QuerySet[Article]):
        return self._transition(request, list(queryset), "submit", via_action=True)

    @admin.action(description="Publish selected articles…", permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Article]):
        return self._transition(request, list(queryset), "publish", via_action=True)

    @admin.action(description="Withdraw selected articles to draft…", permissions=["publish"])
    def withdraw(self, request: HttpRequest, queryset: QuerySet[Article]):
        return self._transition(request, list(queryset), "withdraw", via_action=True)

    @admin.action(description="Return selected articles to their author…", permissions=["publish"])
    def return_to_author(self, request: HttpRequest, queryset: QuerySet[Article]):
        return self._transition(request, list(queryset), "return", via_action=True)


def _url(view: str, article: Article | None) -> str:
    if view == "changelist" or article is None:
        return reverse("admin:articles_article_changelist")
    return reverse(f"admin:articles_article_{view}", args=[article.pk])


def _version_name(version: Version) -> str:
    from django.utils import timezone

    return f"{timezone.localtime(version.revision.date_created):%-d %B %Y, %H:%M:%S}"


def _article_context(article: Article) -> dict[str, Any]:
    return {
        "article": article,
        "staged": Article.objects.filter(live=article).first(),
        "symptom_label": symptom_label(article.symptom) if article.symptom_id else "",
    }
