"""The intermediate form every reader produces and `structure` consumes.

Readers know their format (plain text, HTML, Markdown) and nothing about articles;
`structure` knows articles and nothing about formats. Blocks are the seam.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "paragraph", "bullet", "gap", "byline"]

# Heading levels: 1 is the title; 2+ come from explicit markup (h2, ##); UNKNOWN_LEVEL is
# a heading recognised by its look (a short plain-text line, a paragraph that is only bold
# text), whose rank `structure` decides from its words.
UNKNOWN_LEVEL = 0

# The line that marks a test fixture; readers drop it so fixtures parse like real files.
FIXTURE_MARKER = re.compile(r"^\s*\[TEST FIXTURE [—–-]+ not medical advice\]\s*$")

# Characters that only add noise: zero-width spaces, soft hyphens, byte-order marks.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Every kind of space (tabs, no-break and thin spaces, line breaks) becomes one space.
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2028\u2029\x85]+")


def clean(text: str) -> str:
    """One line of running text: invisible characters gone, spaces collapsed, ends trimmed.

    Curly quotes, dashes and other typography are the author's and are kept as written.
    """
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, bullet, gap (a visible break) or byline hint.

    `lines` keeps a paragraph's own line breaks: a byline is several short lines in one
    paragraph, and joining them would lose where one field ends. `text` is the lines
    joined by spaces, which is what running text wants.
    """

    kind: BlockKind
    text: str
    line: int
    level: int = UNKNOWN_LEVEL
    lines: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    depth: int = 0  # bullets: 0 for a top-level item, 1 for an item nested in it, …
    # What the markup says a heading is, beyond its words: "term" for a definition list's
    # term (its items follow as bullets), "routine"/"urgent"/"emergency" for the heading
    # of a care card of that urgency.
    role: str = ""
    # A paragraph that opens with bold words ("**Rest.** Lie down…"): those words, which
    # name the item the paragraph is ("bold lead-ins").
    lead: str = ""


def heading(text: str, line: int, level: int = UNKNOWN_LEVEL, role: str = "") -> Block:
    text = clean(text)
    return Block("heading", text, line, level=level, lines=(text,), role=role)


def paragraph(
    lines: list[str] | tuple[str, ...], line: int, links: tuple[Link, ...] = (), lead: str = ""
) -> Block:
    kept = tuple(c for c in (clean(x) for x in lines) if c)
    text = " ".join(kept)
    lead = clean(lead)
    # Only a lead that is a short name at the start, with text after it.
    if not (lead and text.startswith(lead) and len(text) > len(lead) + 1 and len(lead) <= 80):
        lead = ""
    return Block("paragraph", text, line, lines=kept, links=links, lead=lead)


def bullet(text: str, line: int, links: tuple[Link, ...] = (), depth: int = 0) -> Block:
    text = clean(text)
    return Block("bullet", text, line, lines=(text,), links=links, depth=depth)


def byline(lines: list[str] | tuple[str, ...], line: int) -> Block:
    kept = tuple(c for c in (clean(x) for x in lines) if c)
    return Block("byline", " ".join(kept), line, lines=kept)


def gap(line: int) -> Block:
    return Block("gap", "", line)
