from __future__ import annotations

from django.contrib import admin
from django.urls import include, path, re_path

from symptomdb.api.app import api
from symptomdb.cds_hooks.views import service_call, service_discovery
from symptomdb.infobutton.views import knowledge_request
from symptomdb.operations.health import healthz, healthz_ready

# Errors outside any view: JSON for the API and services, the site's pages for readers.
handler400 = "symptomdb.operations.errors.bad_request"
handler403 = "symptomdb.operations.errors.permission_denied"
handler404 = "symptomdb.operations.errors.page_not_found"
handler500 = "symptomdb.operations.errors.server_error"

admin.site.site_header = "Symptom Database editors"
admin.site.site_title = "Symptom Database"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    re_path(r"^infobutton/?$", knowledge_request, name="infobutton"),
    # CDS Hooks: {baseUrl}/cds-services and {baseUrl}/cds-services/{id}, as clients build them.
    re_path(r"^cds-services/?$", service_discovery, name="cds-services"),
    re_path(r"^cds-services/(?P<service_id>[^/]{1,200})/?$", service_call, name="cds-service"),
    # Answered by operations.middleware.HealthProbeMiddleware first; named here for reverse().
    path("healthz", healthz, name="healthz"),
    path("healthz/ready", healthz_ready, name="healthz-ready"),
    path("", include("symptomdb.web.urls")),
]
