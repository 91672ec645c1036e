"""Per-address limits on readers' writes, shared by the web forms and the API.

django-ratelimit counts in the default cache: shared by the workers of one machine
through diskcache, and across servers too when REDIS_URL points it at Redis.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

# What a reader is told, on the page and by the API, once over the limit.
TOO_MANY = "You have sent a lot of these in a short time; please wait a while and try again."

RATES = {
    "rating": lambda: settings.RATELIMIT_RATING,
    "comment": lambda: settings.RATELIMIT_COMMENT,
    "feedback": lambda: settings.RATELIMIT_FEEDBACK,  # “Was this page helpful?” (insights)
}


def write_allowed(request: HttpRequest, action: str) -> bool:
    """Count this write against the client's address; False once over the limit."""
    limited = is_ratelimited(
        request,
        group=f"symptomdb.{action}",
        key="ip",
        rate=RATES[action](),
        method=["POST"],
        increment=True,
    )
    return not limited
