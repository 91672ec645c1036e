from __future__ import annotations

from django.contrib import admin

from symptomdb.terminology.models import Symptom, SymptomCode, Synonym


class SymptomCodeInline(admin.TabularInline):
    model = SymptomCode
    extra = 0


class SynonymInline(admin.TabularInline):
    model = Synonym
    extra = 0


@admin.register(Symptom)
class SymptomAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "prior"]
    search_fields = ["name", "slug", "codes__code"]
    inlines = [SymptomCodeInline, SynonymInline]
    filter_horizontal = ["broader"]
    prepopulated_fields = {"slug": ["name"]}
