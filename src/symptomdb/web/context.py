"""What every page's template needs: the site's name and the reader's numbers."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    return {"site_name": "Symptom Database", "locale": settings.SYMPTOMDB_LOCALE}
