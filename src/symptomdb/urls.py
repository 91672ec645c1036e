from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Symptom Database editors"
admin.site.site_title = "Symptom Database"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("symptomdb.api.urls")),
    path("", include("symptomdb.web.urls")),
]
