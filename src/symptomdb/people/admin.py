from __future__ import annotations

from django.contrib import admin
from reversion.admin import VersionAdmin

from symptomdb.people.models import Author


@admin.register(Author)
class AuthorAdmin(VersionAdmin):
    list_display = ["name", "credentials", "affiliation", "location"]
    search_fields = ["name", "affiliation"]
    prepopulated_fields = {"slug": ["name"]}
