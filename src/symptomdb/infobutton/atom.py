"""A knowledge response as an Atom feed (RFC 4287) valid against the HL7 Infobutton
knowledge-response schema, or as MedlinePlus Connect's JSON rendering of that feed.

The schema asks more than plain Atom: `xml:lang` on the feed and on every entry; `rel`,
`type`, `hreflang` and `title` on every link; a `type` on every text; categories whose
scheme is one of the request's parameters. Summaries are HTML, escaped inside the XML
(`type="html"`), as MedlinePlus Connect sends them.

MedlinePlus Connect's JSON keeps the Atom names and puts element text in `_value`:
feed.title._value, feed.entry[].title._value, entry.link[].href, entry.summary._value.
Integrators written against it read ours unchanged.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from django.utils.html import escape

from symptomdb.infobutton.knowledge import Entry, KnowledgeResponse, Outcome
from symptomdb.terminology.codes import label_of

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SITE = "Symptom Database"


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _told(outcome: Outcome) -> str:
    criterion = outcome.criterion
    asked = criterion.label
    if criterion.system and criterion.code:
        asked = f"{label_of(criterion.system)} {criterion.normalised or criterion.code}"
    if outcome.matched_by == "code":
        return asked
    if outcome.matched_by == "parent code":
        return f"{asked} (by its parent code {outcome.matched_code})"
    words = criterion.display_name if outcome.matched_by == "display name" else ""
    words = words or (criterion.original_text if outcome.matched_by == "original text" else "")
    if not criterion.code:
        return f"“{words}”" if words else f"{asked} (no page)"
    if criterion.system is None:
        why = f"{asked}: its code system is not one this site offers"
    elif not criterion.normalised:
        why = f"{asked}: not a code of its system"
    else:
        why = f"{asked} has no page"
    return f"“{words}” ({why})" if words else f"{why}; nothing found"


def subtitle(response: KnowledgeResponse) -> str:
    told = "; ".join(_told(o) for o in response.outcomes)
    note = f" {response.language_note}" if response.language_note else ""
    return f"{SITE} results for {told}.{note}"


def summary_html(entry: Entry, recipient: str) -> str:
    """The entry's summary as HTML. A patient gets the article's introduction (plain
    words) where there is one; a provider or payer gets the definition and the codes."""
    symptom = entry.symptom
    lay = entry.article.summary if entry.article else ""
    if recipient == "PAT":
        paragraphs = [lay or symptom.definition or symptom.name]
    else:
        paragraphs = [symptom.definition or lay or symptom.name]
        if entry.codes:
            codes = "; ".join(f"{label_of(system)} {code}" for system, code in entry.codes)
            paragraphs.append(f"Codes: {codes}")
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def feed_data(
    response: KnowledgeResponse,
    *,
    absolute: Callable[[str], str],
    feed_id: str,
    updated: dt.datetime,
) -> dict[str, Any]:
    """The feed as plain data, in the order both renderings write it. `updated` is when
    the site's content last changed; an entry with an article says when it was edited."""
    request = response.request
    entries = []
    for entry in response.entries:
        href = absolute(entry.symptom.get_absolute_url())
        title = entry.article.title if entry.article else entry.symptom.name
        changed = min(entry.article.updated_at, updated) if entry.article else updated
        entries.append(
            {
                "title": title,
                "href": href,
                "id": href,
                "updated": _iso(changed),
                "summary": summary_html(entry, request.recipient),
            }
        )
    return {
        "title": SITE,
        "subtitle": subtitle(response),
        "lang": response.language,
        "base": absolute("/"),
        "id": feed_id,
        "updated": _iso(updated),
        "category": request.categories,
        "entries": entries,
    }


def as_json(data: dict[str, Any]) -> dict[str, Any]:
    lang = data["lang"]
    return {
        "feed": {
            "base": data["base"],
            "lang": lang,
            "title": {"_value": data["title"], "type": "text"},
            "subtitle": {"_value": data["subtitle"], "type": "text"},
            "author": {"name": {"_value": SITE}, "uri": {"_value": data["base"]}},
            "updated": {"_value": data["updated"]},
            "category": [{"scheme": scheme, "term": term} for scheme, term in data["category"]],
            "id": {"_value": data["id"]},
            "entry": [
                {
                    "lang": lang,
                    "title": {"_value": e["title"], "type": "text"},
                    "link": [
                        {
                            "title": e["title"],
                            "rel": "alternate",
                            "type": "html",
                            "hreflang": lang,
                            "href": e["href"],
                        }
                    ],
                    "id": {"_value": e["id"]},
                    "updated": {"_value": e["updated"]},
                    "summary": {"_value": e["summary"], "type": "html"},
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


def _lang(lang: str) -> dict[str, str]:
    return {f"{{{XML_NS}}}lang": lang}


def as_atom(data: dict[str, Any]) -> str:
    # Plain tags under an xmlns attribute: Atom as the default namespace, without
    # ElementTree's "ns0:" prefixes (its default_namespace option refuses attributes).
    lang = data["lang"]
    feed = ET.Element("feed", {"xmlns": ATOM_NS, **_lang(lang), f"{{{XML_NS}}}base": data["base"]})
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
        entry = ET.SubElement(feed, "entry", _lang(lang))
        _sub(entry, "title", e["title"], type="text")
        _sub(
            entry,
            "link",
            rel="alternate",
            type="text/html",
            hreflang=lang,
            href=e["href"],
            title=e["title"],
        )
        _sub(entry, "id", e["id"])
        _sub(entry, "updated", e["updated"])
        _sub(entry, "summary", e["summary"], type="html")
    body = ET.tostring(feed, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def error_xml(status: int, code: str, message: str, parameter: str | None) -> str:
    """The API's error shape, as XML for a client that asked for XML."""
    error = ET.Element("error")
    for tag, text in (("status", str(status)), ("code", code), ("message", message)):
        ET.SubElement(error, tag).text = text
    if parameter:
        ET.SubElement(error, "parameter").text = parameter
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(error, encoding="unicode")
