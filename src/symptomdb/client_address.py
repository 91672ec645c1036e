"""The reader's network address, as the write limits and the sign-in lockout see it.

With nothing in front of the server, the address of the connection (REMOTE_ADDR).
Behind proxies or a load balancer every connection comes from them, so every
reader would share one limit, and one reader's wrong passwords would lock the
account for everyone. Each proxy appends the address it received the request from
to X-Forwarded-For; with SYMPTOMDB_TRUSTED_PROXIES = N, the N-th entry from the
right is the address our outermost proxy saw: the reader. Entries further left
were written by the client and are never believed — nor is the header at all
when no proxy is declared.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

# When no address can be told (a Unix socket without a proxy): one shared bucket,
# rather than an error page.
UNKNOWN = "0.0.0.0"  # noqa: S104 - an address to count under, not one to bind to


def client_address(request: HttpRequest) -> str:
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.SYMPTOMDB_TRUSTED_PROXIES
    if proxies <= 0:
        return remote or UNKNOWN
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        # Fewer entries than proxies: the request did not come through all of them.
        return remote or UNKNOWN
    return _address(forwarded[-proxies]) or remote or UNKNOWN


def _address(text: str) -> str:
    """The address written plainly, or "" when the text is not one."""
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return ""
