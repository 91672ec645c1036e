from __future__ import annotations

from django.contrib import admin
from django.urls import include, path, re_path

from symptomdb.api.app import api
from symptomdb.infobutton.views import knowledge_request

admin.site.site_header = "Symptom Database editors"
admin.site.site_title = "Symptom Database"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    re_path(r"^infobutton/?$", knowledge_request, name="infobutton"),
    path("", include("symptomdb.web.urls")),
]
