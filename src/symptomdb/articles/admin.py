"""The editors' desk: write articles with their sections inline, move them
through draft → in review → published, and see or restore any revision."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from reversion.admin import VersionAdmin

from symptomdb.articles import services
from symptomdb.articles.models import (
    Article,
    Cause,
    PreventionTip,
    ProfessionalTreatment,
    RedFlag,
    ReliefMethod,
    Source,
)


class SectionInline(admin.StackedInline):
    extra = 0
    fields = ["position", "name", "text"]


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


class RedFlagInline(admin.TabularInline):
    model = RedFlag
    extra = 0
    fields = ["position", "text", "urgency"]
    verbose_name_plural = "When to see a professional (red flags)"


class SourceInline(admin.TabularInline):
    model = Source
    extra = 0
    fields = ["position", "title", "url"]
    # A typed "nih.gov/…" means https, as Django 6 will assume.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Article)
class ArticleAdmin(VersionAdmin):
    list_display = ["title", "symptom", "author", "status", "last_reviewed_on", "next_review_on"]
    list_filter = ["status"]
    search_fields = ["title", "symptom__name", "author__name"]
    autocomplete_fields = ["symptom", "author", "reviewer"]
    readonly_fields = ["status", "published_on", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "symptom", "summary", "conclusion", "disclaimer"]}),
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
    actions = ["send_for_review", "publish", "withdraw"]

    def _each(self, request: HttpRequest, queryset: QuerySet[Article], action, done: str) -> None:
        count = 0
        for article in queryset:
            try:
                action(article=article)
                count += 1
            except ValidationError as error:
                self.message_user(request, f"{article}: {error.messages[0]}", messages.ERROR)
        if count:
            self.message_user(request, f"{count} article(s) {done}.", messages.SUCCESS)

    @admin.action(description="Send selected drafts for review")
    def send_for_review(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._each(request, queryset, services.article_submit_for_review, "sent for review")

    @admin.action(description="Publish selected articles")
    def publish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._each(request, queryset, services.article_publish, "published")

    @admin.action(description="Withdraw selected articles to draft")
    def withdraw(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._each(request, queryset, services.article_unpublish, "withdrawn to draft")
