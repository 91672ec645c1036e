from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from symptomdb.api.app import api

admin.site.site_header = "Symptom Database editors"
admin.site.site_title = "Symptom Database"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("symptomdb.web.urls")),
]
