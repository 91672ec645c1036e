from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

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

    def add_view(
        self, request: HttpRequest, form_url: str = "", extra_context: dict | None = None
    ) -> HttpResponse:
        # One way to add a symptom by hand: the page that first shows the catalogue's close
        # matches, so that nobody adds "Hiccups" beside "Hiccough".
        return HttpResponseRedirect(reverse("admin:articles_article_symptom_new"))
