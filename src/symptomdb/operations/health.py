"""/healthz for load balancers, /healthz/ready for deploys.

/healthz (liveness) answers as long as this process and its database do: a load
balancer takes a server out when it fails. /healthz/ready (readiness) checks every
part a reader's request needs (operations/probes.py), so a deploy waits for it
before sending traffic. Both answer plain HTTP under SYMPTOMDB_HTTPS and whatever
Host the prober sends (operations/middleware.py); a failure is a 503 naming the
part, with the details in the log.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_deny
from django.views.decorators.http import require_safe

from symptomdb.operations.probes import PROBES
from symptomdb.terminology.models import Symptom

log = logging.getLogger(__name__)

READY_PARTS = ("database", "cache", "catalogue", "search_index", "model")


@require_safe
@never_cache
@xframe_options_deny
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        # The details go to the log, not to whoever asks.
        log.exception("Health check: the database did not answer.")
        return JsonResponse(
            {"status": "error", "failing": ["database"], "database": "unavailable"}, status=503
        )
    return JsonResponse({"status": "ok", "symptoms": Symptom.objects.count()})


@require_safe
@never_cache
@xframe_options_deny
def healthz_ready(request: HttpRequest) -> JsonResponse:
    checks: dict[str, str] = {}
    failing: list[str] = []
    for part in READY_PARTS:
        probe = PROBES[part]()
        checks[part] = "ok" if probe.ok else "failing"
        if not probe.ok:
            failing.append(part)
            log.warning("Readiness: %s failing: %s", part, probe.problem)
    if failing:
        return JsonResponse({"status": "error", "failing": failing, "checks": checks}, status=503)
    return JsonResponse({"status": "ok", "checks": checks})
