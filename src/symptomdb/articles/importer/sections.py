"""Groups blocks into the article's sections, each with its subsections.

A heading opens a section when its words name one ("What Causes X?", "Prevention");
otherwise it is a subsection of the section it sits in (a relief method's name). Where
the markup gives levels (## and ###, <h2> and <h3>), a deeper heading is always a
subsection, whatever its words; a page that puts every heading at one level is read
by words alone, like plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .blocks import UNKNOWN_LEVEL, Block
from .headings import HeadingFallback, SectionKind, care_prefix, classify_heading

# "intro" is what precedes the first heading; "other" a section this importer does not know.
Kind = SectionKind | Literal["intro", "other"]


@dataclass
class Subsection:
    heading: Block
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Section:
    kind: Kind
    heading: Block | None
    lead: list[Block] = field(default_factory=list)  # the blocks before any subsection
    subsections: list[Subsection] = field(default_factory=list)
    # How the kind was told: "words" (a synonym set), "care card", "model" (the sentence
    # model's fallback) or "" (not recognised, or no heading).
    recognised_by: str = ""

    @property
    def line(self) -> int:
        if self.heading is not None:
            return self.heading.line
        return self.lead[0].line if self.lead else 1

    def all_blocks(self) -> list[Block]:
        found = list(self.lead)
        for sub in self.subsections:
            found.extend(sub.blocks)
        return found

    def tail(self) -> list[Block]:
        """The blocks at the very end of the section, where a closing paragraph sits."""
        return self.subsections[-1].blocks if self.subsections else self.lead


def _kind(block: Block) -> tuple[SectionKind | None, str]:
    if block.role in {"routine", "urgent", "emergency"}:
        return "red_flags", "care card"
    if care_prefix(block.text)[0]:
        return "red_flags", "care card"
    kind = classify_heading(block.text)
    return kind, "words" if kind else ""


def _reads_as_section(text: str) -> bool:
    words = text.split()
    if text.rstrip().endswith("?"):
        return True
    title_case = all(w[:1].isupper() for w in words if len(w) > 3)
    return len(words) >= 3 and not title_case


def split_sections(body: list[Block], fallback: HeadingFallback | None = None) -> list[Section]:
    """The body's sections. `fallback` names the kind of a heading no synonym set knows,
    for headings the markup makes sections anyway (never for a plain-text line, which
    is a section only when its words say so)."""
    explicit_levels = {x.level for x in body if x.kind == "heading" and x.level != UNKNOWN_LEVEL}
    by_words_only = len(explicit_levels) <= 1
    sections = [Section("intro", None)]
    section_level: int | None = None  # level of the latest explicitly marked-up section
    for block in body:
        current = sections[-1]
        if block.kind != "heading":
            (current.subsections[-1].blocks if current.subsections else current.lead).append(block)
            continue
        kind, how = _kind(block)
        if block.level == UNKNOWN_LEVEL:
            opens_section = kind is not None
        elif by_words_only:
            # One level of markup for everything: a known heading opens its section, and so
            # does one that reads as a section of its own ("Who's affected?", "How long it
            # lasts") rather than an item's name ("Heat or Cold Therapy").
            opens_section = kind is not None or _reads_as_section(block.text)
        else:
            deeper = section_level is not None and block.level > section_level
            # A known heading under an unknown section ("## More" then "### Prevention")
            # still opens its section: otherwise its content would be lost.
            opens_section = not deeper or (kind is not None and current.kind in {"intro", "other"})
            if opens_section:
                section_level = block.level
        if opens_section:
            if kind is None and fallback is not None and block.level != UNKNOWN_LEVEL:
                kind = fallback(block.text)
                how = "model" if kind else ""
            sections.append(Section(kind or "other", block, recognised_by=how))
        else:
            current.subsections.append(Subsection(block))
    return sections
