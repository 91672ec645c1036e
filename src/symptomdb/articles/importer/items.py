"""Turns a section's blocks into the article's items: causes, advice, red flags, sources,
and finds the disclaimer sentence in the closing text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .blocks import Block
from .errors import ParseError
from .model import Advice, Cause, RedFlag, Source, Urgency
from .sections import Section

_MAX_NAME_WORDS = 8
_EMERGENCY = re.compile(r"\b(911|999|112|emergency|ambulance|immediately)\b", re.IGNORECASE)
# Capitals matter here: "ER" is the emergency room, "er" is a hesitation.
_EMERGENCY_ABBREVIATIONS = re.compile(r"(?<!\w)(A&E|ER)(?!\w)")
_URGENT = re.compile(
    r"\b(today|same[- ]day|urgent|urgently|promptly|within 24 hours|within a day|"
    r"as soon as possible|right away|straight away)\b",
    re.IGNORECASE,
)
# "Emergency: …" written by the author (and by `render_markdown`) says the urgency outright.
_URGENCY_PREFIX = re.compile(r"^(emergency|urgent|routine)\s*(?::|—|–|-)\s*(\S.*)$", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_SAFE_URL = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_DISCLAIMER = re.compile(
    r"^disclaimer\b|consult (with )?(a|your) (doctor|physician|gp|healthcare|health care|"
    r"medical|qualified)|for a proper diagnosis|not (a substitute|intended to replace|"
    r"intended as|meant to replace|meant as)|(is|are) not medical advice|"
    r"for (general )?information(al)?( purposes)? only|does not (replace|constitute)|"
    r"seek the advice of",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z])")


def join_text(blocks: Iterable[Block]) -> str:
    """Running text: paragraphs separated by a blank line, bullets as "- " lines under
    the paragraph that introduces them. `render` writes this back as Markdown."""
    chunks: list[str] = []
    for block in blocks:
        if block.kind == "paragraph":
            chunks.append(block.text)
        elif block.kind == "bullet":
            line = f"- {block.text}"
            if chunks:
                chunks[-1] += f"\n{line}"
            else:
                chunks.append(line)
    return "\n\n".join(chunks)


def split_named(text: str) -> tuple[str, str] | None:
    """("Dehydration", "Not drinking enough …") from "Dehydration: Not drinking enough …",
    also with a dash ("Dehydration – …"); None when there is no short name up front."""
    for pattern in (
        r"^(?P<name>[^:]+?)\s*:\s+(?P<rest>\S.*)$",
        r"^(?P<name>.+?)\s+[—–-]\s+(?P<rest>\S.*)$",
    ):
        match = re.match(pattern, text)
        if match:
            name = match["name"].strip()
            # A name is a few words, not a sentence or a list ("Rest; then: …").
            if (
                name
                and len(name.split()) <= _MAX_NAME_WORDS
                and not re.search(r"[.!?](\s|$)|;", name)
            ):
                return name, match["rest"].strip()
    return None


def _append(text: str, more: str) -> str:
    if not text:
        return more
    return f"{text}{'' if text.endswith(('.', ';', ':')) else ';'} {more}"


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57].rstrip() + "…"


def read_causes(section: Section, *, filename: str) -> list[Cause]:
    causes: list[Cause] = []
    lead = section.lead
    bullets = [x for x in lead if x.kind == "bullet"]
    for index, block in enumerate(bullets):
        if block.depth > 0 and causes:
            # Nested bullets explain the cause above them.
            causes[-1] = Cause(causes[-1].name, _append(causes[-1].explanation, block.text))
            continue
        named = split_named(block.text)
        nested_follows = index + 1 < len(bullets) and bullets[index + 1].depth > 0
        if named is None and block.text.endswith(":") and nested_follows:
            named = (block.text.rstrip(":").strip(), "")
        if named is None:
            raise ParseError(
                filename,
                block.line,
                f"the cause “{_short(block.text.rstrip(':'))}” has no explanation; write it "
                f"as “Name: explanation”, such as “Dehydration: not drinking enough fluid”.",
            )
        causes.append(Cause(*named))
    if not bullets and not section.subsections:
        # Causes written one per line without bullet marks.
        lines = [line for x in lead if x.kind == "paragraph" for line in x.lines]
        named_lines = [n for n in (split_named(line) for line in lines) if n]
        if len(named_lines) >= 2:
            causes.extend(Cause(*n) for n in named_lines)
    for sub in section.subsections:
        explanation = join_text(sub.blocks)
        if not explanation:
            raise ParseError(
                filename,
                sub.heading.line,
                f"the cause “{_short(sub.heading.text)}” has no explanation; add a paragraph "
                f"under its heading.",
            )
        causes.append(Cause(sub.heading.text, explanation))
    if not causes:
        raise ParseError(
            filename,
            section.line,
            "the causes section lists no causes; add bullet points such as "
            "“Dehydration: not drinking enough fluid”.",
        )
    return causes


def read_advice(section: Section) -> list[Advice]:
    """Relief methods, prevention tips or treatments: subsections (a name line, then its
    text) or bullets ("Rest: lie down…"). The section's opening sentence is not an item;
    a section with neither is one item named by its heading."""
    items: list[Advice] = []
    for block in section.lead:
        if block.kind != "bullet":
            continue
        if block.depth > 0 and items:
            items[-1] = Advice(items[-1].name, _append(items[-1].text, block.text))
            continue
        name, text = split_named(block.text) or ("", block.text)
        items.append(Advice(name, text))
    items.extend(Advice(sub.heading.text, join_text(sub.blocks)) for sub in section.subsections)
    if not items and section.heading is not None:
        text = join_text(x for x in section.lead if x.kind == "paragraph")
        if text:
            items.append(Advice(section.heading.text, text))
    return items


def urgency_of(text: str) -> Urgency:
    if _EMERGENCY.search(text) or _EMERGENCY_ABBREVIATIONS.search(text):
        return "emergency"
    if _URGENT.search(text):
        return "urgent"
    return "routine"


_RANK: dict[Urgency, int] = {"routine": 0, "urgent": 1, "emergency": 2}
_STATED: dict[str, Urgency] = {"emergency": "emergency", "urgent": "urgent", "routine": "routine"}


def _most_urgent(first: Urgency, second: Urgency) -> Urgency:
    return first if _RANK[first] >= _RANK[second] else second


def read_red_flags(section: Section) -> list[RedFlag]:
    """Each bullet is a red flag; its urgency is the one it states ("Emergency: …"), else
    the most urgent of its own words, its heading's and the line that introduces it
    ("Call 999 if:"). A section without bullets has one red flag per paragraph."""
    base = urgency_of(section.heading.text) if section.heading else "routine"
    groups: list[tuple[Urgency, list[Block]]] = [(base, section.lead)]
    groups.extend(
        (_most_urgent(base, urgency_of(sub.heading.text)), sub.blocks)
        for sub in section.subsections
    )
    has_bullets = any(x.kind == "bullet" for _, blocks in groups for x in blocks)
    flags: list[RedFlag] = []
    for group_urgency, blocks in groups:
        context = group_urgency
        for block in blocks:
            if block.kind == "paragraph" and has_bullets:
                context = _most_urgent(group_urgency, urgency_of(block.text))
                continue
            if block.kind not in {"bullet", "paragraph"}:
                continue
            if block.depth > 0 and flags:
                last = flags[-1]
                flags[-1] = RedFlag(_append(last.text, block.text), last.urgency)
                continue
            stated = _URGENCY_PREFIX.match(block.text)
            if stated:
                flags.append(RedFlag(stated[2], _STATED[stated[1].lower()]))
            else:
                flags.append(RedFlag(block.text, _most_urgent(context, urgency_of(block.text))))
    return flags


def read_sources(section: Section) -> list[Source]:
    blocks = section.all_blocks()
    has_bullets = any(x.kind == "bullet" for x in blocks)
    sources: list[Source] = []
    for block in blocks:
        if block.kind != ("bullet" if has_bullets else "paragraph"):
            continue
        link = next((x for x in block.links if _SAFE_URL.match(x.url)), None)
        if link is not None:
            title = block.text or link.text
            sources.append(Source(title or link.url, link.url))
            continue
        match = _URL.search(block.text)
        url = match.group(0).rstrip(").,;:") if match else ""
        if url.lower().startswith("www."):
            url = f"https://{url}"
        title = _URL.sub("", block.text) if match else block.text
        title = title.strip().strip("—–-:|(<>").strip().rstrip("—–-:|(<").strip()
        sources.append(Source(title or url, url))
    return sources


def sentences(text: str) -> list[str]:
    return [s for paragraph in text.split("\n\n") for s in _SENTENCE_END.split(paragraph) if s]


def extract_disclaimer(text: str) -> str:
    """The sentences of a closing paragraph that are the disclaimer ("consult with a
    healthcare professional for a proper diagnosis…"), or "" if it has none."""
    return " ".join(s.strip() for s in sentences(text) if _DISCLAIMER.search(s))
