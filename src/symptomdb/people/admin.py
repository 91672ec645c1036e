from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.http import HttpRequest
from reversion.admin import VersionAdmin

from symptomdb.people.models import Author


@admin.register(Author)
class AuthorAdmin(VersionAdmin):
    list_display = ["name", "credentials", "affiliation", "location"]
    search_fields = ["name", "affiliation"]
    prepopulated_fields = {"slug": ["name"]}


class EditorAccountAdmin(UserAdmin):
    """Editors' accounts, which a site admin manages without being able to make anyone (or
    themselves) a superuser: superuser status and single permissions are a superuser's to give,
    roles are groups (people/roles.py), and a superuser's own account is theirs."""

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = tuple(super().get_readonly_fields(request, obj))
        if request.user.is_superuser:
            return fields
        return (*fields, "is_superuser", "user_permissions")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


admin.site.unregister(User)
admin.site.register(User, EditorAccountAdmin)
