"""A knowledge response as an Atom feed (RFC 4287), the Infobutton SOA guide's
format, or as MedlinePlus Connect's JSON rendering of that feed.

MedlinePlus Connect's JSON keeps the Atom names and puts element text in
`_value`: feed.title._value, feed.entry[].title._value, entry.link[].href,
entry.summary._value. Integrators written against it read ours unchanged.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from symptomdb.infobutton.codes import LABELS
from symptomdb.infobutton.knowledge import (
    CODE,
    CODE_SYSTEM,
    DISPLAY_NAME,
    RECIPIENT,
    KnowledgeResponse,
    summary,
)

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SITE = "Symptom Database"


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _subtitle(response: KnowledgeResponse) -> str:
    request = response.request
    if request.system and request.code:
        asked = f"{LABELS.get(request.system, request.system)} {request.code}"
        if response.matched_by == "parent code":
            return f"{SITE} results for {asked} (by its parent code {response.matched_code})"
        if response.matched_by == "display name":
            return f"{SITE} results for “{request.display_name}” ({asked} has no page)"
        return f"{SITE} results for {asked}"
    return f"{SITE} results for “{request.display_name}”"


def feed_data(
    response: KnowledgeResponse,
    *,
    absolute: Callable[[str], str],
    feed_id: str,
    now: dt.datetime,
) -> dict[str, Any]:
    """The feed as plain data, in the order both renderings write it."""
    request = response.request
    entries = []
    for entry in response.entries:
        href = absolute(entry.symptom.get_absolute_url())
        title = entry.article.title if entry.article else entry.symptom.name
        updated = entry.article.updated_at if entry.article else now
        entries.append(
            {
                "title": title,
                "href": href,
                "id": href,
                "updated": _iso(updated),
                "summary": summary(entry, request.recipient),
            }
        )
    return {
        "title": SITE,
        "subtitle": _subtitle(response),
        "base": absolute("/"),
        "id": feed_id,
        "updated": _iso(now),
        "category": [
            (CODE, request.code),
            (CODE_SYSTEM, request.code_system_oid),
            (DISPLAY_NAME, request.display_name),
            (RECIPIENT, request.recipient),
        ],
        "entries": entries,
    }


def as_json(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "feed": {
            "base": data["base"],
            "lang": "en",
            "title": {"_value": data["title"], "type": "text"},
            "subtitle": {"_value": data["subtitle"], "type": "text"},
            "author": {"name": {"_value": SITE}, "uri": {"_value": data["base"]}},
            "updated": {"_value": data["updated"]},
            "category": [{"scheme": scheme, "term": term} for scheme, term in data["category"]],
            "id": {"_value": data["id"]},
            "entry": [
                {
                    "lang": "en",
                    "title": {"_value": e["title"], "type": "text"},
                    "link": [
                        {"title": e["title"], "rel": "alternate", "type": "html", "href": e["href"]}
                    ],
                    "id": {"_value": e["id"]},
                    "updated": {"_value": e["updated"]},
                    "summary": {"_value": e["summary"], "type": "text"},
                }
                for e in data["entries"]
            ],
        }
    }


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def as_atom(data: dict[str, Any]) -> str:
    # Plain tags under an xmlns attribute: Atom as the default namespace, without
    # ElementTree's "ns0:" prefixes (its default_namespace option refuses attributes).
    feed = ET.Element(
        "feed", {"xmlns": ATOM_NS, f"{{{XML_NS}}}lang": "en", f"{{{XML_NS}}}base": data["base"]}
    )
    _sub(feed, "title", data["title"], type="text")
    _sub(feed, "subtitle", data["subtitle"], type="text")
    author = _sub(feed, "author")
    _sub(author, "name", SITE)
    _sub(author, "uri", data["base"])
    _sub(feed, "updated", data["updated"])
    for scheme, term in data["category"]:
        _sub(feed, "category", scheme=scheme, term=term)
    _sub(feed, "id", data["id"])
    for e in data["entries"]:
        entry = _sub(feed, "entry")
        _sub(entry, "title", e["title"], type="text")
        _sub(entry, "link", rel="alternate", type="text/html", href=e["href"], title=e["title"])
        _sub(entry, "id", e["id"])
        _sub(entry, "updated", e["updated"])
        _sub(entry, "summary", e["summary"], type="text")
    body = ET.tostring(feed, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def error_xml(status: int, code: str, message: str, parameter: str | None) -> str:
    """The API's error shape, as XML for a client that asked for text/xml."""
    error = ET.Element("error")
    for tag, text in (("status", str(status)), ("code", code), ("message", message)):
        ET.SubElement(error, tag).text = text
    if parameter:
        ET.SubElement(error, "parameter").text = parameter
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(error, encoding="unicode")
