"""Blocks → ParsedArticle: the one place that knows how an article is laid out.

Order of work: take the title, take the byline off the end, split the rest into
sections, take the closing paragraph(s), then read each section's items. Errors are
raised in reading order (title, causes, byline) so the first one reported is the
first one in the file.
"""

from __future__ import annotations

from .blocks import Block
from .byline import has_name, is_byline_line, parse_byline
from .errors import ParseError
from .headings import classify_heading, is_label
from .items import (
    extract_disclaimer,
    join_text,
    read_advice,
    read_causes,
    read_red_flags,
    read_sources,
)
from .model import Advice, Byline, Cause, ParsedArticle
from .sections import Section, split_sections
from .symptom import derive_symptom

_ITEM_KINDS = frozenset({"causes", "relief", "prevention", "professional", "red_flags"})
_TRAILING_KINDS = frozenset({"sources", "disclaimer", "author"})
_MAX_TITLE_CHARS = 200


def build_article(blocks: list[Block], *, filename: str) -> ParsedArticle:
    blocks = [x for x in blocks if not (x.kind in {"heading", "paragraph"} and is_label(x.text))]
    title, body = _take_title(blocks, filename=filename)
    last_line = blocks[-1].line if blocks else title.line
    body, author = _take_byline(body)
    sections = split_sections(body)
    conclusion = _take_conclusion(sections)

    def of_kind(kind: str) -> list[Section]:
        return [s for s in sections if s.kind == kind]

    symptom = derive_symptom(
        title.text,
        [
            s.heading.text
            for k in ("causes", "relief", "prevention")
            for s in of_kind(k)
            if s.heading
        ],
    )
    causes = _read_causes(sections, symptom=symptom, filename=filename, last_line=last_line)
    if not author.name:
        raise ParseError(
            filename,
            last_line,
            "no author byline was found; end the article with the author's name and "
            "credentials on a line of their own, such as “Jane Doe, MD”.",
        )
    disclaimer_sections = of_kind("disclaimer")
    disclaimer = " ".join(join_text(s.all_blocks()) for s in disclaimer_sections)
    return ParsedArticle(
        title=title.text,
        symptom=symptom,
        summary=_summary(sections),
        causes=causes,
        relief=_advice(of_kind("relief")),
        prevention=_advice(of_kind("prevention")),
        professional_treatment=_advice(of_kind("professional")),
        red_flags=[f for s in of_kind("red_flags") for f in read_red_flags(s)],
        conclusion=conclusion,
        disclaimer=disclaimer if disclaimer_sections else extract_disclaimer(conclusion),
        sources=[x for s in of_kind("sources") for x in read_sources(s)],
        author=author,
    )


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
    for block in body:
        if block.kind == "heading":
            kind = classify_heading(block.text)
            if kind == "author":
                in_author_section = True
                continue
            if kind is not None:
                in_author_section = False
        if block.kind == "byline" or in_author_section:
            explicit.extend(block.lines)
        else:
            kept.append(block)

    explicit_author = parse_byline(explicit, explicit=True)
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


def _read_causes(
    sections: list[Section], *, symptom: str, filename: str, last_line: int
) -> list[Cause]:
    found = [s for s in sections if s.kind == "causes"]
    if not found:
        after_intro = next((s for s in sections if s.heading is not None), None)
        line = after_intro.line if after_intro else last_line
        example = f"What Causes {symptom.title()}?" if symptom else "What Causes Headaches?"
        raise ParseError(
            filename,
            line,
            f"no causes section was found; add a heading such as “{example}” "
            f"followed by bullet points.",
        )
    return [c for s in found for c in read_causes(s, filename=filename)]


def _advice(sections: list[Section]) -> list[Advice]:
    return [a for s in sections for a in read_advice(s)]
