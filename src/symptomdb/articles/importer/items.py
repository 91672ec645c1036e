"""Turns a section's blocks into the article's items: causes, advice, red flags, sources,
and finds the disclaimer sentence in the closing text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from markdown_it import MarkdownIt

from .blocks import Block
from .headings import care_prefix, classify_heading
from .model import Advice, Cause, RedFlag, Source, Urgency
from .sections import Section
from .vocabulary import vocabulary

_MAX_NAME_WORDS = 8
# Capitals matter here: "ER" is the emergency room, "er" is a hesitation.
_EMERGENCY_ABBREVIATIONS = re.compile(r"(?<!\w)(A&E|ER)(?!\w)")
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


# What a reader found in a section: each item with the line it came from, and what it
# left out with the reason (the dry run's report shows both).
@dataclass(frozen=True)
class Skip:
    line: int
    text: str
    reason: str


T = TypeVar("T")


@dataclass
class Reading(Generic[T]):
    items: list[tuple[T, int]] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)

    def add(self, item: T, line: int) -> None:
        self.items.append((item, line))

    def skip(self, block: Block, reason: str) -> None:
        self.skipped.append(Skip(block.line, _short(block.text), reason))

    def values(self) -> list[T]:
        return [item for item, _ in self.items]


_LINK_ONLY = re.compile(r"^\W*$")
# Where the list a cause cue opens ends: the sentence's end, or a new clause.
_CLAUSE_END = re.compile(
    r"[.;!?]|,?\s+(?:but|which|although|though|so that|while|whereas|and this|this)\b"
    r"|,\s+(?=\w+ (?:can|may|will|is|are)\b)"
)
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_ITEM_LEAD = re.compile(r"^(?:from|by|of|with)\s+", re.IGNORECASE)
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_OPEN_CONDITION = re.compile(
    r"\bif( you| your child| they| you're| you are| you have| you've)?\s*:?$", re.IGNORECASE
)
_CONTINUES = re.compile(r"\b(and|with|or|plus|also)\s*:$", re.IGNORECASE)
_NAMES_HELP = re.compile(
    r"\b(gp|doctor|pharmacist|nurse|midwife|111|999|911|112|a&e|emergency|hospital|ambulance|"
    r"urgent care|health ?care provider|clinician|specialist)\b",
    re.IGNORECASE,
)


def is_link_only(block: Block) -> bool:
    """A paragraph that is only a link ("Find a pharmacy"): page furniture, not content."""
    if not block.links or block.kind != "paragraph":
        return False
    rest = block.text
    for link in block.links:
        rest = rest.replace(link.text, "")
    return bool(_LINK_ONLY.match(rest))


def _lead_split(block: Block) -> tuple[str, str]:
    """("Rest", "Lie down…") from a paragraph "**Rest.** Lie down…"."""
    name = block.lead.strip().rstrip(".:—–-").strip()
    rest = block.text[len(block.lead) :].strip().lstrip(".:—–-").strip()
    return name, rest


def causes_in_prose(text: str) -> list[str]:
    """The causes a sentence lists: "… because of something else, for example cold, flu,
    bad posture or stress" gives cold, flu, bad posture, stress. Each is named as written;
    nothing is added to explain it. Sentences without a cause cue give nothing."""
    words = vocabulary()
    found: list[str] = []
    for sentence in sentences(text):
        plain = _PARENTHESES.sub("", sentence)
        cue = words.prose_cue.search(plain)
        if not cue:
            continue
        tail_from = cue.end()
        for marker in words.prose_list_after.finditer(plain, cue.start()):
            tail_from = max(tail_from, marker.end())
        tail = plain[tail_from:]
        end = _CLAUSE_END.search(tail)
        tail = tail[: end.start()] if end else tail
        for part in _ITEM_SPLIT.split(tail):
            name = _ITEM_LEAD.sub("", part.strip(" ,:;–—-")).strip()
            if name and len(name.split()) <= _MAX_NAME_WORDS:
                found.append(name)
    return found


def _is_causes_heading(block: Block) -> bool:
    return classify_heading(block.text) == "causes" or bool(
        vocabulary().causes_lead_in.search(block.text)
    )


def _is_symptoms_lead_in(text: str) -> bool:
    return bool(vocabulary().symptoms_lead_in.search(text)) or classify_heading(text) == "summary"


def _read_cause_blocks(blocks: list[Block], reading: Reading[Cause]) -> None:
    """Bullets are causes ("Name: explanation", or a plain name); a sentence naming causes
    gives each; a list introduced as symptoms ("Symptoms include:") is not causes."""
    intro = ""
    causes_start = len(reading.items)
    for index, block in enumerate(blocks):
        if block.kind == "paragraph":
            if is_link_only(block):
                reading.skip(block, "a link, not a cause")
                continue
            if block.text.endswith(":"):
                intro = block.text
                reading.skip(block, "introduces the list below")
                continue
            intro = ""
            if block.lead:
                reading.add(Cause(*_lead_split(block)), block.line)
                continue
            named_lines = [n for n in (split_named(x) for x in block.lines) if n]
            if len(block.lines) >= 2 and len(named_lines) >= 2:
                for cause in named_lines:
                    reading.add(Cause(*cause), block.line)
                continue
            names = causes_in_prose(block.text)
            for name in names:
                reading.add(Cause(name, ""), block.line)
            if not names:
                reading.skip(block, "running text that names no list of causes")
            continue
        if block.kind != "bullet":
            continue
        if intro and _is_symptoms_lead_in(intro):
            reading.skip(block, "a symptom (the list's lead-in says so), not a cause")
            continue
        if block.depth > 0 and len(reading.items) > causes_start:
            last, line = reading.items[-1]
            reading.items[-1] = (Cause(last.name, _append(last.explanation, block.text)), line)
            continue
        named = split_named(block.text)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if named is None and block.text.endswith(":") and following and following.depth > 0:
            named = (block.text.rstrip(":").strip(), "")
        reading.add(Cause(*(named or (block.text.rstrip(":").strip(), ""))), block.line)


def read_causes(section: Section) -> Reading[Cause]:
    reading: Reading[Cause] = Reading()
    _read_cause_blocks(section.lead, reading)
    for sub in section.subsections:
        heading = sub.heading
        if heading.role == "term" or _is_causes_heading(heading):
            _read_cause_blocks(sub.blocks, reading)
        elif _is_symptoms_lead_in(heading.text):
            for block in sub.blocks:
                reading.skip(block, f"under “{_short(heading.text)}”: symptoms, not causes")
        else:
            reading.add(Cause(heading.text, join_text(sub.blocks)), heading.line)
    return reading


def _dont(text: str) -> str:
    return text if vocabulary().already_negative.match(text) else f"Don't {text}"


def read_advice(section: Section) -> Reading[Advice]:
    """Relief methods, prevention tips or treatments: bullets ("Rest: lie down…"), "Do" and
    "Don't" lists (each item one piece of advice), or subsections (a name, then its text).
    The section's running text is not an item; a section with neither is one item named
    by its heading."""
    words = vocabulary()
    reading: Reading[Advice] = Reading()
    groups: list[tuple[Block | None, list[Block]]] = [(None, section.lead)]
    groups.extend((sub.heading, sub.blocks) for sub in section.subsections)
    for heading, blocks in groups:
        do = heading is not None and bool(words.do.match(heading_text(heading)))
        dont = heading is not None and bool(words.dont.match(heading_text(heading)))
        as_items = heading is None or do or dont or heading.role == "term"
        if not as_items and heading is not None:
            reading.add(Advice(heading.text, join_text(blocks)), heading.line)
            continue
        group_start = len(reading.items)
        for block in blocks:
            if block.kind == "paragraph" and block.lead:
                reading.add(Advice(*_lead_split(block)), block.line)
                continue
            if block.kind != "bullet":
                if block.kind == "paragraph":
                    reason = "a link, not advice" if is_link_only(block) else "running text"
                    reading.skip(block, reason)
                continue
            if block.depth > 0 and len(reading.items) > group_start:
                last, line = reading.items[-1]
                reading.items[-1] = (Advice(last.name, _append(last.text, block.text)), line)
                continue
            if dont:
                reading.add(Advice("", _dont(block.text)), block.line)
                continue
            name, text = split_named(block.text) or ("", block.text)
            reading.add(Advice(name, text), block.line)
    if not reading.items and section.heading is not None:
        text = join_text(x for x in section.lead if x.kind == "paragraph" and not is_link_only(x))
        if text:
            reading.skipped.clear()
            reading.add(Advice(section.heading.text, text), section.heading.line)
    return reading


def heading_text(block: Block) -> str:
    return block.text.strip().rstrip(":").strip().lower().replace("’", "'")


def urgency_of(text: str) -> Urgency:
    words = vocabulary()
    if any(p.search(text) for p in words.emergency) or _EMERGENCY_ABBREVIATIONS.search(text):
        return "emergency"
    if any(p.search(text) for p in words.urgent):
        return "urgent"
    return "routine"


_RANK: dict[Urgency, int] = {"routine": 0, "urgent": 1, "emergency": 2}
_STATED: dict[str, Urgency] = {"emergency": "emergency", "urgent": "urgent", "routine": "routine"}


def _most_urgent(first: Urgency, second: Urgency) -> Urgency:
    return first if _RANK[first] >= _RANK[second] else second


def _heading_urgency(heading: Block) -> Urgency:
    if heading.role in _STATED:
        return _STATED[heading.role]
    stated, rest = care_prefix(heading.text)
    if stated:
        return _most_urgent(stated, urgency_of(rest))
    return urgency_of(heading.text)


def _says_what_to_do(text: str) -> bool:
    """ "See a GP urgently if you're coughing up blood.": an action and its condition."""
    return classify_heading(text) == "red_flags" and " if " in f" {text.lower()} "


def read_red_flags(section: Section) -> Reading[RedFlag]:
    """Each bullet is a red flag; its urgency is the one it states ("Emergency: …"), else
    the most urgent of its own words, its heading's (a care card's class or prefix) and
    the line that introduces it ("Call 999 if:"). Under a heading that leaves its
    condition open ("Call 999 if you:"), sentences before the list are red flags too; a
    sentence after the list is a note unless it says what to do itself. A section without
    bullets has one red flag per paragraph — per paragraph that says whom to contact,
    when only some do."""
    reading: Reading[RedFlag] = Reading()
    for urgency, open_condition, blocks in _red_flag_groups(section, reading):
        _read_red_flag_group(reading, blocks, urgency=urgency, open_condition=open_condition)
    return reading


_Group = tuple[Urgency, bool, list[Block]]


def _red_flag_groups(section: Section, reading: Reading[RedFlag]) -> list[_Group]:
    """The section's lead and each subsection that says when to act, with the urgency of
    its heading and whether the heading leaves its condition open; the notes under other
    subsections are left out in `reading`."""
    base = _heading_urgency(section.heading) if section.heading else "routine"
    open_heading = section.heading is not None and bool(
        _OPEN_CONDITION.search(section.heading.text)
    )
    groups: list[_Group] = [(base, open_heading, section.lead)]
    for sub in section.subsections:
        says_when = (
            classify_heading(sub.heading.text) == "red_flags"
            or sub.heading.role in _STATED
            or bool(_OPEN_CONDITION.search(sub.heading.text))
        )
        if not says_when and not any(x.kind == "bullet" for x in sub.blocks):
            # "### Antibiotics" under "See a GP if": a note on something else.
            for block in sub.blocks:
                reading.skip(block, f"under “{_short(sub.heading.text)}”, not a sign to act on")
            continue
        groups.append(
            (
                _most_urgent(base, _heading_urgency(sub.heading)),
                bool(_OPEN_CONDITION.search(sub.heading.text)),
                sub.blocks,
            )
        )
    return groups


def _read_red_flag_group(
    reading: Reading[RedFlag], blocks: list[Block], *, urgency: Urgency, open_condition: bool
) -> None:
    """One group's red flags into `reading`: its bullets, under the urgency of the line
    that introduces them, and the paragraphs that are signs themselves."""
    bullets = [i for i, x in enumerate(blocks) if x.kind == "bullet"]
    context = urgency
    lead_in = ""
    start = len(reading.items)
    for index, block in enumerate(blocks):
        if block.kind not in {"bullet", "paragraph"}:
            continue
        if block.kind == "paragraph":
            if bullets and block.text.endswith(":") and not is_link_only(block):
                context = _most_urgent(urgency, urgency_of(block.text))
                lead_in = block.text[:-1].strip() if _CONTINUES.search(block.text) else ""
                reading.skip(block, "introduces the list below")
                continue
            why = _paragraph_left_out(block, index, blocks, bullets, open_condition=open_condition)
            if why:
                reading.skip(block, why)
                continue
        if block.depth > 0 and len(reading.items) > start:
            last, line = reading.items[-1]
            reading.items[-1] = (RedFlag(_append(last.text, block.text), last.urgency), line)
            continue
        stated = _URGENCY_PREFIX.match(block.text)
        if stated:
            reading.add(RedFlag(stated[2], _STATED[stated[1].lower()]), block.line)
            continue
        text = f"{lead_in} {block.text}" if block.kind == "bullet" and lead_in else block.text
        own = context if block.kind == "bullet" else urgency
        reading.add(RedFlag(text, _most_urgent(own, urgency_of(block.text))), block.line)


def _paragraph_left_out(
    block: Block, index: int, blocks: list[Block], bullets: list[int], *, open_condition: bool
) -> str | None:
    """Why a paragraph of a red-flag group is not a red flag, or None when it is one."""
    if is_link_only(block):
        return "a link, not a red flag"
    if _says_what_to_do(block.text):
        return None
    before_list = bool(bullets) and index < bullets[0]
    if bullets and not (before_list and open_condition):
        return "a note beside the list, not a sign to act on"
    paragraphs = [x for x in blocks if x.kind == "paragraph" and not is_link_only(x)]
    some_name_help = any(_NAMES_HELP.search(x.text) for x in paragraphs)
    all_name_help = all(_NAMES_HELP.search(x.text) for x in paragraphs)
    if not bullets and some_name_help and not all_name_help and not _NAMES_HELP.search(block.text):
        return "says no one to contact, unlike the others"
    return None


def read_sources(section: Section) -> list[Source]:
    blocks = section.all_blocks()
    has_bullets = any(x.kind == "bullet" for x in blocks)
    sources: list[Source] = []
    for block in blocks:
        if block.kind != ("bullet" if has_bullets else "paragraph"):
            continue
        link = next((x for x in block.links if _SAFE_URL.match(x.url) and _printable(x.url)), None)
        if link is not None:
            title = block.text or link.text
            sources.append(Source(title or link.url, link.url))
            continue
        match = _URL.search(block.text)
        url = match.group(0).rstrip(").,;:") if match else ""
        url = _MARKDOWN.normalizeLink(url) if url and _printable(url) else ""
        if url.lower().startswith("www."):
            url = f"https://{url}"
        title = _URL.sub("", block.text) if match else block.text
        title = title.strip().strip("—–-:|(<>").strip().rstrip("—–-:|(<").strip()
        sources.append(Source(title or url, url))
    return sources


# Addresses are stored as Markdown reads them back ("https://¡x" → punycode), so an
# export re-imports to the same address.
_MARKDOWN = MarkdownIt("commonmark")


def _printable(url: str) -> bool:
    """No control or unassigned characters: a link that holds them is damage, not an address."""
    return not any(unicodedata.category(c).startswith("C") for c in url)


def sentences(text: str) -> list[str]:
    return [s for paragraph in text.split("\n\n") for s in _SENTENCE_END.split(paragraph) if s]


def extract_disclaimer(text: str) -> str:
    """The sentences of a closing paragraph that are the disclaimer ("consult with a
    healthcare professional for a proper diagnosis…"), or "" if it has none."""
    return " ".join(s.strip() for s in sentences(text) if _DISCLAIMER.search(s))
