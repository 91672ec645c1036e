"""Moderation: readers' comments wait here until a moderator approves or rejects them.

Built for volume: the newest pending comment first, its text first, filters by
status, article and date, approve or reject on each row or in bulk (a bulk reject
asks for confirmation), and the pending count on the admin's home page.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Case, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from symptomdb.community import services
from symptomdb.community.models import AuthorRating, Comment, CommentStatus

# The home page shows how many comments wait (templates/admin/symptomdb_index.html).
admin.site.index_template = "admin/symptomdb_index.html"


# The moderation queue's order, for every list of readers' writing a moderator works through
# (comments here, helpfulness notes in insights/admin.py): pending first (0 before 1), newest
# first within each status. (django-stubs types ordering as names only; Django takes
# expressions too.)
PENDING_FIRST = [
    Case(When(status=CommentStatus.PENDING, then=Value(0)), default=Value(1)),
    "-created_at",
    "-id",
]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["text", "name", "article", "created_at", "status", "moderate"]
    list_display_links = ["text"]
    list_filter = [
        "status",
        ("article", admin.RelatedOnlyFieldListFilter),
        ("created_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["article"]
    date_hierarchy = "created_at"
    search_fields = ["name", "body"]
    readonly_fields = ["article", "name", "body", "created_at"]
    fields = ["body", "name", "article", "created_at", "status"]
    actions = ["approve", "reject"]
    list_per_page = 50
    ordering = PENDING_FIRST  # type: ignore[assignment]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # comments come from readers

    @admin.display(description="Comment")
    def text(self, comment: Comment) -> str:
        return comment.body[:300]  # the admin escapes it, like every page

    @admin.display(description="Moderate")
    def moderate(self, comment: Comment) -> str:
        # Buttons of the list's own form (which carries the CSRF token), each sent to
        # its row's address: one click per comment, no nested forms.
        buttons = []
        if comment.status != CommentStatus.APPROVED:
            buttons.append(
                format_html(
                    '<button type="submit" class="button" formaction="{}" '
                    'aria-label="Approve the comment by {}">Approve</button>',
                    reverse("admin:community_comment_approve_one", args=[comment.pk]),
                    comment.name,
                )
            )
        if comment.status != CommentStatus.REJECTED:
            buttons.append(
                format_html(
                    '<button type="submit" class="button" formaction="{}" '
                    'aria-label="Reject the comment by {}">Reject</button>',
                    reverse("admin:community_comment_reject_one", args=[comment.pk]),
                    comment.name,
                )
            )
        return format_html(" ".join(["{}"] * len(buttons)), *buttons) if buttons else "—"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/approve/",
                view(require_POST(self.approve_one)),
                name="community_comment_approve_one",
            ),
            path(
                "<path:object_id>/reject/",
                view(require_POST(self.reject_one)),
                name="community_comment_reject_one",
            ),
            *super().get_urls(),
        ]

    def _one(self, request: HttpRequest, object_id: str) -> Comment:
        comment = self.get_object(request, unquote(object_id))
        if comment is None or not self.has_change_permission(request, comment):
            raise PermissionDenied
        return comment

    def _back(self, request: HttpRequest) -> HttpResponseRedirect:
        query = request.META.get("QUERY_STRING", "")
        url = reverse("admin:community_comment_changelist")
        return HttpResponseRedirect(f"{url}?{query}" if query else url)

    def approve_one(self, request: HttpRequest, object_id: str) -> HttpResponse:
        comment = services.comment_approve(comment=self._one(request, object_id))
        self.message_user(request, f"Approved the comment by {comment.name}.", messages.SUCCESS)
        return self._back(request)

    def reject_one(self, request: HttpRequest, object_id: str) -> HttpResponse:
        # A rejection is undone by approving: the comment stays, hidden, under "Rejected".
        comment = services.comment_reject(comment=self._one(request, object_id))
        self.message_user(
            request,
            f"Rejected the comment by {comment.name}; it is kept under “Rejected” if you "
            "change your mind.",
            messages.SUCCESS,
        )
        return self._back(request)

    @admin.action(description="Approve selected comments", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        count = services.comments_moderate(comments=queryset, status=CommentStatus.APPROVED)
        self.message_user(request, f"{count} comment(s) approved.", messages.SUCCESS)

    @admin.action(description="Reject selected comments…", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Comment]) -> TemplateResponse | None:
        if request.POST.get("confirm") != "yes":
            return TemplateResponse(
                request,
                "admin/community/comment/reject_confirm.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.model._meta,
                    "title": f"Reject {queryset.count()} comment(s)?",
                    "comments": queryset,
                },
            )
        count = services.comments_moderate(comments=queryset, status=CommentStatus.REJECTED)
        self.message_user(request, f"{count} comment(s) rejected.", messages.SUCCESS)
        return None


@admin.register(AuthorRating)
class AuthorRatingAdmin(admin.ModelAdmin):
    list_display = ["author", "stars", "updated_at"]
    list_filter = ["stars"]
    readonly_fields = ["author", "reader_id", "stars", "created_at", "updated_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
