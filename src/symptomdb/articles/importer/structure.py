"""Blocks → ParsedArticle: the one place that knows how an article is laid out.

Order of work: take the title, take the byline off the end, split the rest into
sections, take the closing paragraph(s), then read each section's items. Errors are
raised in reading order (title, causes, byline) so the first one reported is the
first one in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .blocks import Block
from .byline import has_name, is_byline_line, parse_byline
from .errors import ParseError
from .headings import HeadingFallback, classify_heading, is_label
from .items import (
    Reading,
    Skip,
    extract_disclaimer,
    join_text,
    read_advice,
    read_causes,
    read_red_flags,
    read_sources,
    split_named,
)
from .model import Advice, Byline, Cause, ParsedArticle, RedFlag, Source
from .sections import Section, split_sections
from .symptom import derive_symptom
from .vocabulary import vocabulary

_ITEM_KINDS = frozenset({"causes", "relief", "prevention", "professional", "red_flags"})
_TRAILING_KINDS = frozenset({"sources", "disclaimer", "author"})
_MAX_TITLE_CHARS = 200


@dataclass(frozen=True)
class SectionReport:
    """What the dry run says about one section: what it is, how that was told, the
    items found (each with its line) and what was left out, with why."""

    heading: str
    line: int
    kind: str
    recognised_by: str
    items: tuple[tuple[int, str], ...] = ()
    skipped: tuple[Skip, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "line": self.line,
            "kind": self.kind,
            "recognised_by": self.recognised_by,
            "items": [{"line": line, "text": text} for line, text in self.items],
            "skipped": [{"line": x.line, "text": x.text, "reason": x.reason} for x in self.skipped],
        }


@dataclass(frozen=True)
class Analysis:
    article: ParsedArticle
    sections: tuple[SectionReport, ...] = ()
    warnings: tuple[str, ...] = ()


def build_article(
    blocks: list[Block], *, filename: str, fallback: HeadingFallback | None = None
) -> ParsedArticle:
    return analyse_blocks(blocks, filename=filename, fallback=fallback).article


def analyse_blocks(
    blocks: list[Block], *, filename: str, fallback: HeadingFallback | None = None
) -> Analysis:
    blocks = [x for x in blocks if not (x.kind in {"heading", "paragraph"} and is_label(x.text))]
    title, body = _take_title(blocks, filename=filename)
    body, attribution, furniture = _take_attribution(body)
    body, author = _take_byline(body)
    sections = split_sections(body, fallback)
    conclusion = _take_conclusion(sections)
    symptom = _symptom_of(title, sections)
    readings = _read_items(sections)
    # A list whose lead-in says it lists causes ("Triggers can include:") is causes in
    # whatever section it sits.
    stray_causes = _stray_causes(sections, readings)

    def values(kind: str) -> list[Any]:
        return [v for i, s in enumerate(sections) if s.kind == kind for v in readings[i].values()]

    causes = values("causes") + [c for c, _, _ in stray_causes]
    disclaimer_sections = _of_kind(sections, "disclaimer")
    disclaimer = " ".join(join_text(s.all_blocks()) for s in disclaimer_sections)
    sources = [x for s in _of_kind(sections, "sources") for x in read_sources(s)]
    sources.extend(attribution)
    article = ParsedArticle(
        title=title.text,
        symptom=symptom,
        summary=_summary(sections),
        causes=causes,
        relief=values("relief"),
        prevention=values("prevention"),
        professional_treatment=values("professional"),
        red_flags=values("red_flags"),
        conclusion=conclusion,
        disclaimer=disclaimer if disclaimer_sections else extract_disclaimer(conclusion),
        sources=sources,
        author=author,
    )
    return Analysis(
        article=article,
        sections=tuple(_reports(sections, readings, stray_causes, furniture)),
        warnings=tuple(_warnings(sections, causes=causes, author=author)),
    )


def _of_kind(sections: list[Section], kind: str) -> list[Section]:
    return [s for s in sections if s.kind == kind]


def _symptom_of(title: Block, sections: list[Section]) -> str:
    """The symptom, from the title and the headings recognised by their words."""
    return derive_symptom(
        title.text,
        [
            s.heading.text
            for k in ("causes", "relief", "prevention")
            for s in _of_kind(sections, k)
            if s.heading and s.recognised_by == "words"
        ],
    )


def _read_items(sections: list[Section]) -> dict[int, Reading[Any]]:
    """Each item section's reading, by the section's index."""
    readings: dict[int, Reading[Any]] = {}
    for index, section in enumerate(sections):
        if section.kind == "causes":
            readings[index] = read_causes(section)
        elif section.kind in {"relief", "prevention", "professional"}:
            readings[index] = read_advice(section)
        elif section.kind == "red_flags":
            readings[index] = read_red_flags(section)
    return readings


def _warnings(sections: list[Section], *, causes: list[Cause], author: Byline) -> list[str]:
    """What the editor should check, in this order: causes, author, sections left out,
    sections read by their meaning."""
    warnings: list[str] = []
    if not _of_kind(sections, "causes") and not causes:
        warnings.append(
            "no causes section was found; the article is imported without causes (add a "
            "heading such as “What causes …?” to give them)."
        )
    elif not causes:
        warnings.append("the causes section lists no causes.")
    if not author.name:
        warnings.append(
            "no author is named in the page; the article is imported as a draft without "
            "one (name the clinician with --author, or in the import form, before publishing)."
        )
    for section in _of_kind(sections, "other"):
        if section.heading is not None:
            warnings.append(
                f"line {section.line}: the section “{section.heading.text}” was not recognised "
                "and is left out."
            )
    for section in sections:
        if section.recognised_by == "model" and section.heading is not None:
            warnings.append(
                f"line {section.line}: “{section.heading.text}” was read as {section.kind} by "
                "its meaning (no synonym names it); check it."
            )
    return warnings


def _reports(
    sections: list[Section],
    readings: dict[int, Reading[Any]],
    stray_causes: list[tuple[Cause, int, int]],
    furniture: list[Skip],
) -> list[SectionReport]:
    """The dry run's report: each section with a heading or items, then the page
    furniture left out."""
    reports = [
        _section_report(s, readings.get(i), [x for x in stray_causes if x[2] == i])
        for i, s in enumerate(sections)
        if s.heading is not None or i in readings
    ]
    if furniture:
        reports.append(
            SectionReport(
                heading="(page furniture)",
                line=furniture[0].line,
                kind="other",
                recognised_by="",
                skipped=tuple(furniture),
            )
        )
    return reports


def _stray_causes(
    sections: list[Section], readings: dict[int, Reading[Any]]
) -> list[tuple[Cause, int, int]]:
    found: list[tuple[Cause, int, int]] = []
    words = vocabulary()
    for index, section in enumerate(sections):
        if section.kind in {"causes", "intro", "summary", "conclusion", "sources", "author"}:
            continue
        groups = [(None, section.lead)] + [(sub.heading, sub.blocks) for sub in section.subsections]
        for heading, blocks in groups:
            intro = heading.text if heading is not None else ""
            for block in blocks:
                if block.kind == "paragraph":
                    intro = block.text if block.text.endswith(":") else intro
                    continue
                if block.kind != "bullet" or block.depth > 0:
                    continue
                # The lead-in's last clause must say it: "Many things can cause a cough
                # and your GP might:" introduces what the GP does.
                last_clause = re.split(r"\s+and\s+|,\s+", intro)[-1]
                if last_clause and words.causes_lead_in.search(last_clause):
                    name, explanation = split_named(block.text) or (block.text, "")
                    found.append((Cause(name, explanation), block.line, index))
                    reading = readings.get(index)
                    if reading is not None:
                        reading.items[:] = [x for x in reading.items if x[1] != block.line]
    return found


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:77].rstrip() + "…"


def _item_label(item: Any) -> str:
    if isinstance(item, Cause):
        return f"{item.name}: {item.explanation}" if item.explanation else item.name
    if isinstance(item, Advice):
        return f"{item.name}: {item.text}" if item.name else item.text
    if isinstance(item, RedFlag):
        return f"{item.urgency}: {item.text}"
    return str(item)


def _section_report(
    section: Section, reading: Reading[Any] | None, stray: list[tuple[Cause, int, int]]
) -> SectionReport:
    items = [(line, _short(_item_label(x))) for x, line in reading.items] if reading else []
    items.extend((line, _short("cause " + _item_label(c))) for c, line, _ in stray)
    skipped = list(reading.skipped) if reading else []
    if reading is None and section.kind == "other":
        skipped = [
            Skip(section.line, _short(section.heading.text if section.heading else ""),
                 "a section this importer does not know; left out")
        ]  # fmt: skip
    return SectionReport(
        heading=section.heading.text if section.heading else "(introduction)",
        line=section.line,
        kind=section.kind,
        recognised_by=section.recognised_by,
        items=tuple(sorted(items, key=lambda x: x[0])),
        skipped=tuple(skipped),
    )


def _take_attribution(body: list[Block]) -> tuple[list[Block], list[Source], list[Skip]]:
    """Attribution lines ("Content supplied by the NHS website, nhs.uk") become sources;
    review stamps ("Page last reviewed: …") are page furniture."""
    words = vocabulary()
    kept: list[Block] = []
    sources: list[Source] = []
    furniture: list[Skip] = []
    for block in body:
        if block.kind in {"paragraph", "byline"} and words.attribution.match(block.text):
            link = next((x for x in block.links if x.url.startswith(("http://", "https://"))), None)
            sources.append(Source(block.text, link.url if link else ""))
            continue
        if block.kind == "paragraph" and words.furniture.match(block.text):
            furniture.append(Skip(block.line, _short(block.text), "page furniture"))
            continue
        kept.append(block)
    return kept, sources, furniture


def _take_title(blocks: list[Block], *, filename: str) -> tuple[Block, list[Block]]:
    """The first level-1 heading; failing that, a first heading or a short first line
    that opens no section. What comes before the title is page furniture."""
    for index, block in enumerate(blocks):
        if block.kind == "heading" and block.level == 1:
            return block, blocks[index + 1 :]
    if blocks:
        first = blocks[0]
        short_line = (
            first.kind == "paragraph"
            and len(first.lines) == 1
            and len(first.text) <= _MAX_TITLE_CHARS
            and not first.text.endswith(".")
        )
        if (first.kind == "heading" or short_line) and classify_heading(first.text) is None:
            return first, blocks[1:]
    raise ParseError(
        filename,
        blocks[0].line if blocks else 1,
        "no title was found; put the article's title on its first line "
        "(in Markdown as “# Title”, in HTML as an <h1>).",
    )


def _source_section_indices(body: list[Block]) -> set[int]:
    """Blocks under a "Sources" heading, which may follow the byline."""
    inside = False
    found: set[int] = set()
    for index, block in enumerate(body):
        if block.kind == "heading":
            kind = classify_heading(block.text)
            # An unknown heading inside the sources section is a subsection of it.
            if kind is not None or not inside:
                inside = kind == "sources"
        if inside:
            found.add(index)
    return found


def _take_byline(body: list[Block]) -> tuple[list[Block], Byline]:
    """Remove the byline from the body and read it.

    Explicit bylines (an HTML element marked as the author, an "About the author"
    section) may sit anywhere. Otherwise the byline is the run of short byline-like lines
    at the end — names with credentials, affiliations, "Rate author" — and failing that a
    "By Dr. …" line just under the title.
    """
    explicit: list[str] = []
    kept: list[Block] = []
    in_author_section = False
    has_author_section = False
    for block in body:
        if block.kind == "heading":
            kind = classify_heading(block.text)
            if kind == "author":
                in_author_section = has_author_section = True
                continue
            if kind is not None:
                in_author_section = False
        if block.kind == "byline" or in_author_section:
            explicit.extend(block.lines)
        else:
            kept.append(block)

    explicit_author = parse_byline(explicit, explicit=True)
    if has_author_section:
        # The page says where its author is; an empty "About the author" names no one.
        return kept, explicit_author
    body, tail = _take_tail(kept)
    tail_author = parse_byline(tail)
    if not tail_author.name and not explicit_author.name:
        body, tail = _take_top_by_line(kept)
        tail_author = parse_byline(tail)
    author = Byline(
        name=explicit_author.name or tail_author.name,
        credentials=explicit_author.credentials or tail_author.credentials,
        affiliation=explicit_author.affiliation or tail_author.affiliation,
        location=explicit_author.location or tail_author.location,
    )
    return body, author


def _take_tail(body: list[Block]) -> tuple[list[Block], list[str]]:
    skip = _source_section_indices(body)
    taken: list[str] = []
    result = list(body)
    index = len(result) - 1
    while index >= 0:
        block = result[index]
        # A sources list may sit between the closing paragraph and the byline: step over
        # its heading and bullets, but read its paragraphs (the byline may follow the list).
        if block.kind == "gap" or (index in skip and block.kind in {"heading", "bullet"}):
            index -= 1
            continue
        if block.kind not in {"paragraph", "heading"} or (
            block.kind == "heading" and (block.level == 1 or classify_heading(block.text))
        ):
            break
        lines = list(block.lines)
        cut = len(lines)
        while cut > 0 and is_byline_line(lines[cut - 1]):
            cut -= 1
        taken[:0] = lines[cut:]
        if cut == 0:
            del result[index]
            index -= 1
            continue
        if cut < len(lines):
            result[index] = Block(
                "paragraph", " ".join(lines[:cut]), block.line, lines=tuple(lines[:cut])
            )
        break
    return result, taken


def _take_top_by_line(body: list[Block]) -> tuple[list[Block], list[str]]:
    """A "By Dr. Jane Doe, DO" line among the first blocks under the title."""
    for index, block in enumerate(body[:3]):
        if block.kind not in {"paragraph", "heading"}:
            continue
        lines = list(block.lines)
        if lines and lines[0].lower().startswith(("by ", "written by")) and has_name(lines[0]):
            result = body[:index] + body[index + 1 :]
            return result, lines
    return body, []


def _take_conclusion(sections: list[Section]) -> str:
    """The closing paragraph(s): a "Conclusion" section if there is one; else the
    paragraphs after a visible gap (two blank lines, a rule) at the end of the last
    section, as in the seed; else paragraphs left after the last section's bullets;
    else a final paragraph holding the disclaimer."""
    first_item = next((i for i, s in enumerate(sections) if s.kind in _ITEM_KINDS), len(sections))
    closing = [s for s in sections[first_item:] if s.kind == "conclusion"]
    if closing:
        return "\n\n".join(join_text(s.all_blocks()) for s in closing)
    # Sources and an author note may follow the closing paragraph; look before them.
    last = next((s for s in reversed(sections) if s.kind not in _TRAILING_KINDS), sections[0])
    if last.kind in {"intro", "conclusion"}:
        return ""
    tail = last.tail()
    gaps = [i for i, x in enumerate(tail) if x.kind == "gap"]
    if gaps:
        after = tail[gaps[-1] + 1 :]
        if any(x.kind == "paragraph" for x in after):
            del tail[gaps[-1] :]
            return join_text(after)
    paragraphs = [i for i, x in enumerate(tail) if x.kind == "paragraph"]
    bullets = [i for i, x in enumerate(tail) if x.kind == "bullet"]
    # In a list section, text after the list closes the article. Under a subsection it
    # would more likely be that item's own text, so only the section's lead counts.
    if tail is last.lead and bullets and paragraphs:
        after_bullets = [i for i in paragraphs if i > bullets[-1]]
        if after_bullets:
            text = join_text(tail[after_bullets[0] :])
            del tail[after_bullets[0] :]
            return text
    ends_with_disclaimer = bool(tail) and bool(extract_disclaimer(tail[-1].text))
    if len(paragraphs) >= 2 and paragraphs[-1] == len(tail) - 1 and ends_with_disclaimer:
        return join_text([tail.pop()])
    return ""


def _summary(sections: list[Section]) -> str:
    """The introduction, plus overview sections and any "Summary" placed before the
    first causes/relief section."""
    parts: list[str] = []
    for section in sections:
        if section.kind in _ITEM_KINDS:
            break
        if section.kind in {"intro", "summary", "conclusion"}:
            text = join_text(section.all_blocks())
            if text:
                parts.append(text)
    return "\n\n".join(parts)
