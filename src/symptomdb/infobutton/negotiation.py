"""Which format a knowledge request is answered in, as MedlinePlus Connect and the URL
guide have it.

- `knowledgeResponseType` decides when it is sent: `text/xml` (the guide's own example
  writes `text/XML`: media types are compared case-insensitively), `application/xml` or
  `application/atom+xml` for the Atom feed; `application/json`; `application/javascript`
  (or `text/javascript`) with `callback` for JSONP; `text/html` for a redirect to the
  best page.
- `callback` alone asks for JSONP (what jQuery's `$.getJSON(url + "&callback=?")` sends).
- Otherwise the `Accept` header decides, among the same types. The Atom feed wins ties
  and is the answer to `*/*` or no header at all, as MedlinePlus Connect answers XML by
  default; a browser (text/html first) is sent to the page itself, as OpenEMR's
  patient-education link expects.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from symptomdb.infobutton.request import RequestError

RESPONSE_TYPE = "knowledgeResponseType"
CALLBACK = "callback"


class Format(enum.Enum):
    ATOM = "atom"
    JSON = "json"
    JSONP = "jsonp"
    HTML = "html"


# What each response type is answered with; in order of preference for Accept's ties.
OFFERED: dict[str, Format] = {
    "text/xml": Format.ATOM,
    "application/xml": Format.ATOM,
    "application/atom+xml": Format.ATOM,
    "application/json": Format.JSON,
    "application/javascript": Format.JSONP,
    "text/javascript": Format.JSONP,
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
}
# JSONP is only chosen by name (a script loader's Accept says nothing useful).
_BY_ACCEPT = [(media, fmt) for media, fmt in OFFERED.items() if fmt is not Format.JSONP]
JSONP_TYPE = "application/javascript"

# A JavaScript identifier path ("cb", "jQuery3210_1", "app.handlers.ib"): nothing that
# could close the call and run something else.
_CALLBACK = re.compile(r"^[A-Za-z_$][\w$]{0,63}(?:\.[A-Za-z_$][\w$]{0,63}){0,4}$", re.ASCII)


@dataclass(frozen=True)
class Negotiated:
    format: Format
    media_type: str  # what the Content-Type says
    callback: str = ""


def _media(value: str) -> str:
    return value.split(";", 1)[0].strip().lower()


def _accepted(accept: str) -> list[tuple[str, float]]:
    """The Accept header's media ranges with their q values; unreadable ones skipped."""
    ranges = []
    for part in accept.split(","):
        media, *params = part.split(";")
        media = media.strip().lower()
        if "/" not in media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(media: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range matching `media` (RFC 9110 §12.5.1)."""
    kind = media.split("/")[0]
    best: tuple[int, float] | None = None
    for accepted, q in ranges:
        if accepted == media:
            specificity = 2
        elif accepted == f"{kind}/*":
            specificity = 1
        elif accepted == "*/*":
            specificity = 0
        else:
            continue
        if best is None or specificity > best[0]:
            best = (specificity, q)
    return best[1] if best else 0.0


def _by_accept(accept: str) -> Negotiated:
    ranges = _accepted(accept)
    if not ranges:
        return Negotiated(Format.ATOM, "text/xml")
    scored = [
        (_quality(media, ranges), -n, media, fmt) for n, (media, fmt) in enumerate(_BY_ACCEPT)
    ]
    q, _, media, fmt = max(scored)
    if q <= 0:  # nothing offered is acceptable: answer the default rather than refuse
        return Negotiated(Format.ATOM, "text/xml")
    if media == "application/xhtml+xml":
        media = "text/html"
    return Negotiated(fmt, media)


def negotiate(*, response_type: str, callback: str, accept: str) -> Negotiated:
    """The answer's format; RequestError for an unknown type or an unsafe callback."""
    if callback and not _CALLBACK.fullmatch(callback):
        raise RequestError(
            CALLBACK,
            "callback must be a JavaScript function name (letters, digits, _ and $, "
            "dot-separated, at most 64 characters a part).",
        )
    media = _media(response_type)
    if media:
        fmt = OFFERED.get(media)
        if fmt is None:
            offered = ", ".join(OFFERED)
            raise RequestError(
                RESPONSE_TYPE,
                f"{RESPONSE_TYPE} {response_type.strip()!r} is not offered; use {offered}.",
            )
        if fmt is Format.JSONP and not callback:
            raise RequestError(CALLBACK, f"{RESPONSE_TYPE} {media} needs a callback parameter.")
        if fmt in (Format.JSON, Format.JSONP) and callback:
            return Negotiated(Format.JSONP, JSONP_TYPE, callback)
        if fmt is Format.HTML:
            media = "text/html"
        return Negotiated(fmt, media)
    if callback:
        return Negotiated(Format.JSONP, JSONP_TYPE, callback)
    return _by_accept(accept)
