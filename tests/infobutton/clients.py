"""Infobutton clients, as the public ones read an answer: our own code, written from
their behaviour, so the tests fail where they would.

- OpenInfobutton's response parser binds the Atom feed (namespace-aware XML) and reads,
  per entry, the title, the alternate link's href and the summary, unescaping the HTML.
- Integrations written against MedlinePlus Connect's JSON (OpenEMR's patient-education
  lookups among them) read feed.entry[].title._value, entry.link[0].href and
  entry.summary._value.
- A JSONP page loads `…&callback=name` in a script tag: the answer must be exactly one
  call of that name with the JSON as its argument.
- A browser sent to the URL (OpenEMR opens it in a window) follows the redirect to a
  page it can show.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    summary: str  # as text, HTML taken away


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text_of(html: str) -> str:
    reader = _Text()
    reader.feed(html)
    return " ".join("".join(reader.parts).split())


def openinfobutton_read(body: bytes) -> list[Resource]:
    feed = etree.fromstring(body, etree.XMLParser(no_network=True, resolve_entities=False))
    if feed.tag != f"{ATOM}feed":
        raise ValueError(f"not an Atom feed: {feed.tag}")
    found = []
    for entry in feed.findall(f"{ATOM}entry"):
        link = next(
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        )
        summary = entry.find(f"{ATOM}summary")
        text = summary.text or "" if summary is not None else ""
        if summary is not None and summary.get("type") == "html":
            text = _text_of(text)
        found.append(Resource(entry.findtext(f"{ATOM}title") or "", link.get("href") or "", text))
    return found


def medlineplus_json_read(body: bytes) -> list[Resource]:
    feed = json.loads(body)["feed"]
    return [
        Resource(
            e["title"]["_value"],
            e["link"][0]["href"],
            _text_of(e["summary"]["_value"])
            if e["summary"].get("type") == "html"
            else e["summary"]["_value"],
        )
        for e in feed.get("entry", [])
    ]


def jsonp_read(body: bytes, callback: str) -> list[Resource]:
    text = body.decode("ascii")  # the script is ASCII: nothing a page's encoding can garble
    match = re.fullmatch(rf"/\*\*/{re.escape(callback)}\((.*)\);", text, re.S)
    if match is None:
        raise ValueError(f"not one call of {callback}: {text[:80]!r}")
    return medlineplus_json_read(match.group(1).encode())


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
