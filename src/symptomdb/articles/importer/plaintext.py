"""Reads the seed's plain-text layout into blocks.

The layout has no markup, so headings are recognised by their look: a short line on its
own (no closing full stop, colon or comma) that introduces a paragraph or bullets. The
first line is the title. Two or more blank lines are a visible gap; in the seed that gap
is what separates the last section from the closing paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import blocks as b
from .headings import classify_heading

_BULLET = re.compile(r"^(?P<indent>\s*)(?:[•●○◦▪▫‣⁃∙·*+\-–—]|\d{1,2}[.)])\s+(?P<text>\S.*)$")
_MAX_HEADING_CHARS = 80
_MAX_TITLE_CHARS = 200
_MAX_HEADING_WORDS = 12
# Words that stay lower case in a Title Case heading.
_SMALL_WORDS = frozenset(
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on",
        "or", "the", "to", "vs", "via", "with", "your", "you"
    }
)  # fmt: skip


@dataclass
class _Group:
    """Consecutive non-blank lines, and how many blank lines came before them."""

    blank_before: int
    lines: list[tuple[int, str]]


def read_plaintext(text: str) -> list[b.Block]:
    groups = _groups(text)
    if not groups:
        return []
    result: list[b.Block] = []
    first_line, first = groups[0].lines[0]
    if _can_be_title(first):
        groups[0].lines.pop(0)
        result.append(b.heading(first, first_line, level=1))
    pieces: list[tuple[b.Block, bool]] = []  # (block, stands alone in its group)
    for index, group in enumerate(groups):
        if not group.lines:
            continue
        if index and group.blank_before >= 2:
            pieces.append((b.gap(group.lines[0][0]), False))
        group_blocks = _group_blocks(group.lines)
        alone = len(group_blocks) == 1
        pieces.extend((block, alone) for block in group_blocks)
    result.extend(_find_headings(pieces))
    return result


def _can_be_title(line: str) -> bool:
    """The first line is the title unless it is plainly not one: a bullet, a long
    paragraph, or running sentences. `structure` then reports the missing title."""
    line = b.clean(line)
    if _BULLET.match(line) or len(line) > _MAX_TITLE_CHARS:
        return False
    return not (
        line.endswith(".") and (len(line) > _MAX_HEADING_CHARS or re.search(r"[.!?]\s", line))
    )


def _groups(text: str) -> list[_Group]:
    groups: list[_Group] = []
    blank = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip() or b.FIXTURE_MARKER.match(raw):
            blank += 1
            continue
        if blank or not groups:
            groups.append(_Group(blank, []))
            blank = 0
        groups[-1].lines.append((number, raw.rstrip()))
    return [g for g in groups if g.lines]


def _indent(raw: str) -> int:
    return len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())


def _group_blocks(lines: list[tuple[int, str]]) -> list[b.Block]:
    """Bullets and paragraphs of one group; a line under a bullet that is indented
    further or starts in lower case continues that bullet (hard-wrapped text)."""
    found: list[b.Block] = []
    bullet_indent = -1
    first_indent: int | None = None  # a bullet indented past the group's first is nested
    run: list[tuple[int, str]] = []

    def flush_run() -> None:
        if run:
            block = b.paragraph([t for _, t in run], run[0][0])
            if block.lines:  # lines of invisible characters only clean to nothing
                found.append(block)
            run.clear()

    for number, raw in lines:
        match = _BULLET.match(raw)
        if match:
            flush_run()
            bullet_indent = len(match["indent"].expandtabs(4))
            if first_indent is None:
                first_indent = bullet_indent
            depth = 1 if bullet_indent > first_indent + 1 else 0
            found.append(b.bullet(match["text"], number, depth=depth))
            continue
        stripped = b.clean(raw)
        continues = bool(found) and found[-1].kind == "bullet" and not run
        if continues and (_indent(raw) > bullet_indent or stripped[:1].islower()):
            last = found.pop()
            found.append(b.bullet(f"{last.text} {stripped}", last.line, depth=last.depth))
            continue
        run.append((number, raw))
    flush_run()
    return _split_leading_headings(found)


def looks_like_heading(line: str) -> bool:
    """Short, starts with a capital, no closing punctuation except "?", one sentence."""
    line = b.clean(line)
    words = line.split()
    return (
        0 < len(line) <= _MAX_HEADING_CHARS
        and len(words) <= _MAX_HEADING_WORDS
        and (line[0].isupper() or line[0].isdigit())
        and not re.search(r"[.,;:!]$", line)
        and not re.search(r"[.!?]\s", line)
        and "://" not in line
    )


def is_title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W_][\w'’-]*", line) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() or w[0].isdigit() for w in words) >= 0.75 * len(words)


def _is_known_heading(line: str) -> bool:
    return looks_like_heading(line) and classify_heading(line) is not None


def _split_leading_headings(found: list[b.Block]) -> list[b.Block]:
    """A group may start with its heading on the line above the text, with no blank line:
    "Preventing Leg Cramps" then the paragraph. Split such a heading off when it is
    Title Case or a known section name and what follows reads as running text."""
    if not found or found[0].kind != "paragraph":
        return found
    first = found[0]
    head, rest = first.lines[0], first.lines[1:]
    strong = _is_known_heading(head) or (looks_like_heading(head) and is_title_case(head))
    if not strong:
        return found
    if rest:
        body = " ".join(rest)
        if len(body) < _MAX_HEADING_CHARS and not re.search(r"[.!?:]$", body):
            return found  # short lines without full stops: a byline or a list, not text
        # The text may itself start with a subheading: "Prevention", "Wash Your Hands", text.
        following = _split_leading_headings([b.paragraph(rest, first.line + 1), *found[1:]])
        return [b.heading(head, first.line), *following]
    if len(found) > 1 and found[1].kind == "bullet":
        return [b.heading(head, first.line), *found[1:]]
    return found


def _find_headings(pieces: list[tuple[b.Block, bool]]) -> list[b.Block]:
    """Turn one-line paragraphs that stand alone into headings when they introduce
    content. A run of such lines ("How to Relieve Hiccups" then "Hold Your Breath" then
    the text) is a section heading and a subheading; a run that reaches the end of the
    file (a byline) or a known section heading (an empty subsection) is not."""
    result: list[b.Block] = []
    for index, (block, alone) in enumerate(pieces):
        if _is_heading_candidate(block, alone) and _introduces_content(pieces, index):
            result.append(b.heading(block.text, block.line))
        else:
            result.append(block)
    return result


def _is_heading_candidate(block: b.Block, alone: bool) -> bool:
    if block.kind == "heading":
        return False
    return (
        block.kind == "paragraph"
        and alone
        and len(block.lines) == 1
        and looks_like_heading(block.text)
    )


def _introduces_content(pieces: list[tuple[b.Block, bool]], index: int) -> bool:
    block = pieces[index][0]
    if _is_known_heading(block.text) and index + 1 < len(pieces):
        return True
    if index + 1 >= len(pieces):
        return False
    following, alone = pieces[index + 1]
    if following.kind in {"bullet", "heading"}:
        return following.kind == "bullet" or _is_known_heading(block.text)
    if following.kind == "gap":
        return False
    if _is_heading_candidate(following, alone):
        # Two short lines in a row: this one heads the next only if it is clearly a
        # heading itself and the next is not a new section (which would leave it empty).
        if _is_known_heading(following.text):
            return False
        return is_title_case(block.text) and _introduces_content(pieces, index + 1)
    return True
