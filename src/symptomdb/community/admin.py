"""Moderation: comments wait here until an editor approves or rejects them."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from symptomdb.community import services
from symptomdb.community.models import AuthorRating, Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["name", "article", "status", "created_at", "excerpt"]
    list_filter = ["status"]
    search_fields = ["name", "body"]
    readonly_fields = ["article", "name", "body", "created_at"]
    fields = ["article", "name", "body", "status", "created_at"]
    actions = ["approve", "reject"]

    @admin.display(description="Comment")
    def excerpt(self, comment: Comment) -> str:
        return comment.body[:80]  # the admin escapes it, like every page

    @admin.action(description="Approve selected comments")
    def approve(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        for comment in queryset:
            services.comment_approve(comment=comment)
        self.message_user(request, f"{queryset.count()} comment(s) approved.")

    @admin.action(description="Reject selected comments")
    def reject(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        for comment in queryset:
            services.comment_reject(comment=comment)
        self.message_user(request, f"{queryset.count()} comment(s) rejected.")


@admin.register(AuthorRating)
class AuthorRatingAdmin(admin.ModelAdmin):
    list_display = ["author", "stars", "updated_at"]
    list_filter = ["stars"]
    readonly_fields = ["author", "reader_id", "stars", "created_at", "updated_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
