"""API v1 under /api/: OpenAPI at /api/openapi.json, docs at /api/docs."""

from __future__ import annotations

from ninja import NinjaAPI

from symptomdb import __version__
from symptomdb.api import errors, search

api = NinjaAPI(
    title="Symptom Database API",
    version=__version__,
    description=(
        "Search symptoms in readers' words, with emergency triage; every error is "
        '`{"error": {"status", "code", "message"}}`.'
    ),
    urls_namespace="api",
)
errors.install(api)
api.add_router("/", search.router)
