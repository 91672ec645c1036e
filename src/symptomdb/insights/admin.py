"""The editors' dashboard and the moderation of readers' notes on pages.

The dashboard is the admin's "Readers' insights" page (the SearchEvent changelist,
replaced): what readers search for that no article answers, searches that found
nothing good, triage levels by week, pages by helpfulness, and articles past or near
their review — each row with its action (start an article, edit it, mark it reviewed)
and each table exportable as CSV. Authors, reviewers, moderators and site admins see
it (migration 0002); marking reviewed needs the reviewers' publish permission.
"""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from symptomdb.articles.models import Article
from symptomdb.community.admin import PENDING_FIRST
from symptomdb.community.models import CommentStatus
from symptomdb.insights import selectors, services
from symptomdb.insights.models import PageFeedback, SearchEvent

PERIODS = {"7": 7, "30": 30, "90": 90, "365": 365}


class ReviewDueFilter(admin.SimpleListFilter):
    """The articles list's “Review due” filter: overdue, or due within 30 days."""

    title = "review due"
    parameter_name = "review"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("overdue", "Overdue"),
            ("soon", f"Within {selectors.REVIEW_SOON_DAYS} days"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.published().filter(next_review_on__lt=today)  # type: ignore[attr-defined]
        if self.value() == "soon":
            return queryset.published().filter(  # type: ignore[attr-defined]
                next_review_on__gte=today,
                next_review_on__lte=today + dt.timedelta(days=selectors.REVIEW_SOON_DAYS),
            )
        return queryset


def review_filter_add() -> None:
    """Give the articles list (registered by the admin modules of articles and web) its
    “Review due” filter, kept here with the rest of the review tooling. Called from
    InsightsConfig.ready, once every admin module is loaded."""
    articles = admin.site._registry.get(Article)
    if articles is not None and ReviewDueFilter not in articles.list_filter:
        articles.list_filter = [*articles.list_filter, ReviewDueFilter]  # type: ignore[misc]


TABLES = ("sought", "unanswered", "triage", "helpfulness", "review")


@admin.register(SearchEvent)
class DashboardAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "review/<int:article_id>/",
                view(require_POST(self.mark_reviewed)),
                name="insights_article_mark_reviewed",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        days = PERIODS.get(request.GET.get("days", "30"), 30)
        since = timezone.localdate() - dt.timedelta(days=days)
        tables = {
            "sought": selectors.symptoms_searched_without_article(since=since),
            "unanswered": selectors.queries_without_good_result(since=since),
            "triage": selectors.triage_levels_by_week(since=since),
            "helpfulness": selectors.pages_by_helpfulness(),
            "review": list(selectors.articles_review_due()),
        }
        export = request.GET.get("export")
        if export in TABLES:
            return self._csv(export, tables[export], days)
        return TemplateResponse(
            request,
            "admin/insights/dashboard.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Readers' insights",
                "days": days,
                "periods": PERIODS,
                "today": timezone.localdate(),
                "levels": selectors.LEVELS,
                "can_review": request.user.has_perm("articles.publish_article"),
                "can_write": request.user.has_perm("articles.add_article"),
                **tables,
            },
        )

    def _csv(self, table: str, rows: Any, days: int) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"readers-insights-{table}-{timezone.localdate():%Y-%m-%d}-{days}d.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        out = csv.writer(response)
        if table == "sought":
            out.writerow(["symptom", "slug", "searches", "commonest wordings"])
            for r in rows:
                wordings = "; ".join(f"{q} ({n})" for q, n in r.wordings)
                out.writerow([_cell(r.symptom.name), r.symptom.slug, r.searches, _cell(wordings)])
        elif table == "unanswered":
            out.writerow(["query", "searches", "found nothing", "results followed"])
            for r in rows:
                out.writerow([_cell(r.query), r.searches, r.found_nothing, r.followed])
        elif table == "triage":
            out.writerow(["week", *[level or "none" for level in selectors.LEVELS]])
            for week, levels in rows:
                out.writerow([week.isoformat(), *[levels[level] for level in selectors.LEVELS]])
        elif table == "helpfulness":
            out.writerow(["symptom", "slug", "article", "yes", "no", "notes"])
            for r in rows:
                out.writerow(
                    [
                        _cell(r.symptom.name),
                        r.symptom.slug,
                        _cell(r.article.title if r.article else ""),
                        r.yes,
                        r.no,
                        _cell(" | ".join(r.notes)),
                    ]
                )
        else:
            out.writerow(["article", "id", "next review", "last reviewed", "reviewer"])
            for a in rows:
                out.writerow(
                    [
                        _cell(a.title),
                        a.pk,
                        a.next_review_on,
                        a.last_reviewed_on,
                        _cell(str(a.reviewer or "")),
                    ]
                )
        return response

    def mark_reviewed(self, request: HttpRequest, article_id: int) -> HttpResponse:
        article = get_object_or_404(Article, pk=article_id)
        try:
            services.article_mark_reviewed(article=article, user=request.user)
        except ValidationError as error:
            self.message_user(request, error.messages[0], messages.ERROR)
        else:
            self.message_user(
                request,
                f"Marked “{article.title}” reviewed today; next review on "
                f"{article.next_review_on:%-d %B %Y}.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:insights_searchevent_changelist") + "#review")


def _cell(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (OWASP's CSV injection advice)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    """Readers' “what was missing?” notes, moderated as comments are."""

    list_display = ["note", "helpful", "symptom", "created_at", "status"]
    list_display_links = ["note"]
    list_filter = ["status", "helpful", ("created_at", admin.DateFieldListFilter)]
    list_select_related = ["symptom"]
    search_fields = ["missing", "symptom__name"]
    readonly_fields = ["symptom", "article", "helpful", "missing", "created_at"]
    fields = ["missing", "helpful", "symptom", "article", "created_at", "status"]
    actions = ["approve", "reject"]
    list_per_page = 50
    ordering = PENDING_FIRST  # type: ignore[assignment]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # feedback comes from readers

    @admin.display(description="What was missing")
    def note(self, feedback: PageFeedback) -> str:
        return feedback.missing[:300] or "—"  # the admin escapes it, like every page

    @admin.action(description="Approve selected notes", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[PageFeedback]) -> None:
        count = services.feedback_moderate(feedback=queryset, status=CommentStatus.APPROVED)
        self.message_user(request, f"{count} note(s) approved.", messages.SUCCESS)

    @admin.action(description="Reject selected notes", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet[PageFeedback]) -> None:
        count = services.feedback_moderate(feedback=queryset, status=CommentStatus.REJECTED)
        self.message_user(request, f"{count} note(s) rejected.", messages.SUCCESS)
