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
from .headings import SectionKind, classify_heading

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


def split_sections(body: list[Block]) -> list[Section]:
    explicit_levels = {x.level for x in body if x.kind == "heading" and x.level != UNKNOWN_LEVEL}
    by_words_only = len(explicit_levels) <= 1
    sections = [Section("intro", None)]
    section_level: int | None = None  # level of the latest explicitly marked-up section
    for block in body:
        current = sections[-1]
        if block.kind != "heading":
            (current.subsections[-1].blocks if current.subsections else current.lead).append(block)
            continue
        kind = classify_heading(block.text)
        if block.level == UNKNOWN_LEVEL or by_words_only:
            opens_section = kind is not None
        else:
            deeper = section_level is not None and block.level > section_level
            # A known heading under an unknown section ("## More" then "### Prevention")
            # still opens its section: otherwise its content would be lost.
            opens_section = not deeper or (kind is not None and current.kind in {"intro", "other"})
            if opens_section:
                section_level = block.level
        if opens_section:
            sections.append(Section(kind or "other", block))
        else:
            current.subsections.append(Subsection(block))
    return sections
