"""A CDS Service call (`POST /cds-services/{id}`), checked against the specification's
request shape: `hook`, `hookInstance` and `context` are required; `context` carries the
hook's fields (`patient-view`: `userId` and `patientId`, optionally `encounterId`);
`prefetch` is an object whose values are FHIR resources or null. Fields the
specification adds later (or an extension) are ignored, as it asks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from symptomdb.cds_hooks.catalogue import CdsService

MAX_ID_LENGTH = 200


class HookError(ValueError):
    """A call that does not follow the specification; names the field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class HookRequest:
    hook: str
    hook_instance: str
    context: dict[str, Any]
    prefetch: dict[str, Any] | None  # None when the client sent no prefetch at all


def _text(data: dict[str, Any], name: str, where: str = "") -> str:
    field = f"{where}{name}"
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise HookError(field, f"{field} is required: a non-empty string.")
    if len(value) > MAX_ID_LENGTH:
        raise HookError(field, f"{field} is longer than {MAX_ID_LENGTH} characters.")
    return value


def parse_hook_request(body: bytes, service: CdsService) -> HookRequest:
    """The call's JSON, checked; HookError names the first field at fault."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise HookError(
            "body", "The request body is not JSON; send the hook call as a JSON object."
        ) from None
    if not isinstance(data, dict):
        raise HookError("body", "The request body must be a JSON object.")
    hook = _text(data, "hook")
    if hook != service.hook:
        raise HookError(
            "hook", f"The service {service.id} answers the {service.hook} hook, not {hook[:60]!r}."
        )
    hook_instance = _text(data, "hookInstance")
    context = data.get("context")
    if not isinstance(context, dict):
        raise HookError("context", "context is required: an object with the hook's fields.")
    _text(context, "userId", "context.")
    _text(context, "patientId", "context.")
    if "encounterId" in context and context["encounterId"] is not None:
        _text(context, "encounterId", "context.")
    prefetch = data.get("prefetch")
    if prefetch is not None and not isinstance(prefetch, dict):
        raise HookError(
            "prefetch", "prefetch must be an object of prefetch keys and FHIR resources."
        )
    return HookRequest(hook=hook, hook_instance=hook_instance, context=context, prefetch=prefetch)
