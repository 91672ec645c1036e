"""Reads Markdown into blocks, from markdown-it tokens rather than regular expressions,
so emphasis, escapes, links and nested lists mean what CommonMark says they mean."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from . import blocks as b

# A paragraph that is nothing but bold text ("**Hold your breath**") is a subheading
# in many hand-written articles; longer bold paragraphs are emphasis, not headings.
_MAX_BOLD_HEADING_CHARS = 80


@dataclass
class _Item:
    line: int
    depth: int
    lines: list[str] = field(default_factory=list)
    links: list[b.Link] = field(default_factory=list)
    emitted: bool = False


# Lines of Markdown dialects CommonMark does not know, blanked (line numbers kept):
# kramdown/Pandoc attribute lists after a block ("{.list--check}") and abbreviation
# definitions ("*[A&E]: Accident and Emergency").
_DIALECT_LINES = re.compile(r"^\s{0,3}(?:\{:?[.#][^{}\n]*\}|\*\[[^\]\n]+\]:.*)\s*$", re.MULTILINE)
# A definition list (PHP Markdown Extra, Pandoc): a term line, then "~ " or ": " items.
_DEFINITION = re.compile(r"^[~:]\s+(\S.*)$")


def read_markdown(text: str) -> list[b.Block]:
    text = _DIALECT_LINES.sub("", text)
    # "commonmark" keeps typography as written: no smart quotes, no linkify.
    tokens = MarkdownIt("commonmark").parse(text)
    found: list[b.Block] = []
    lists = 0
    items: list[_Item] = []

    def emit_item(item: _Item) -> None:
        if item.lines and not item.emitted:
            found.append(b.bullet(" ".join(item.lines), item.line, tuple(item.links), item.depth))
        item.emitted = True

    for index, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else (found[-1].line if found else 1)
        if token.type in {"bullet_list_open", "ordered_list_open"}:
            if items:
                emit_item(items[-1])  # the parent item comes before its nested list
            lists += 1
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            lists -= 1
        elif token.type == "list_item_open":
            items.append(_Item(line, max(lists - 1, 0)))
        elif token.type == "list_item_close":
            emit_item(items.pop())
        elif token.type == "hr":
            found.append(b.gap(line))
        elif token.type == "inline":
            opener = tokens[index - 1]
            lines, links = _inline_text(token)
            if opener.type == "heading_open":
                found.append(b.heading(" ".join(lines), line, level=int(opener.tag[1])))
            elif items and not items[-1].emitted:
                items[-1].lines.extend(lines)
                items[-1].links.extend(links)
            elif _is_definitions(lines):
                found.append(b.heading(lines[0], line, role="term"))
                found.extend(
                    b.bullet(_DEFINITION.sub(r"\1", x), line + i)
                    for i, x in enumerate(lines[1:], start=1)
                )
            elif (
                _is_bold_only(token)
                and len(" ".join(lines)) <= _MAX_BOLD_HEADING_CHARS
                # A whole sentence in bold is emphasis, not a heading.
                and not " ".join(lines).endswith(".")
            ):
                found.append(b.heading(" ".join(lines), line))
            else:
                found.append(b.paragraph(lines, line, tuple(links), _bold_lead(token)))
    return [block for block in found if block.text or block.kind == "gap"]


def _is_definitions(lines: list[str]) -> bool:
    return (
        len(lines) >= 2
        and not _DEFINITION.match(lines[0])
        and all(_DEFINITION.match(x) for x in lines[1:])
    )


def _inline_text(token: Token) -> tuple[list[str], list[b.Link]]:
    """The text of an inline token, one string per source line, and its links."""
    lines = [""]
    links: list[b.Link] = []
    href: str | None = None
    link_text: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind in {"text", "text_special", "code_inline", "image"}:
            content = child.content
            lines[-1] += content
            if href is not None:
                link_text.append(content)
        elif kind in {"softbreak", "hardbreak"} or _is_br(child):
            lines.append("")
        elif kind == "link_open":
            href, link_text = str(child.attrGet("href") or ""), []
        elif kind == "link_close" and href is not None:
            links.append(b.Link(b.clean("".join(link_text)), href))
            href = None
    return [b.clean(x) for x in lines], links


def _is_br(token: Token) -> bool:
    return token.type == "html_inline" and bool(
        re.fullmatch(r"<br\s*/?>", token.content, re.IGNORECASE)
    )


def _bold_lead(token: Token) -> str:
    """The bold words a paragraph opens with ("**Rest.** Lie down…")."""
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content)]
    if len(children) < 4 or children[0].type != "strong_open":
        return ""
    words: list[str] = []
    for child in children[1:]:
        if child.type == "strong_close":
            return "".join(words)
        if child.type not in {"text", "text_special", "code_inline"}:
            return ""
        words.append(child.content)
    return ""


def _is_bold_only(token: Token) -> bool:
    # markdown-it puts empty text tokens around the emphasis; they are not content.
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    return (
        len(children) >= 3
        and children[0].type == "strong_open"
        and children[-1].type == "strong_close"
        and not any(c.type == "strong_open" for c in children[1:-1])
    )
