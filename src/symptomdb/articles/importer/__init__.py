"""The article importer's pure parser: text, HTML or Markdown in, `ParsedArticle` out.

No database and no Django here; the loader service (`articles.services`) stores what
this returns. Readers turn each format into the same blocks (`blocks.py`), and one
`structure.build_article` turns blocks into an article, so every format understands the
same section headings, bylines and errors.

    parse_article(text, filename="muscle.txt")         # str in
    parse_article_bytes(data, filename="muscle.txt")   # bytes in, UTF-8 decoded
    render_markdown(article)                           # back out; parses to the same article
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .blocks import Block
from .covers import take_covers
from .errors import ParseError
from .html import read_html
from .intake import check_text, decode, detect_format
from .markdown import read_markdown
from .model import Advice, Byline, Cause, ParsedArticle, RedFlag, Source, Urgency
from .plaintext import read_plaintext
from .render import render_markdown
from .structure import build_article

__all__ = [
    "Advice",
    "Byline",
    "Cause",
    "ParseError",
    "ParsedArticle",
    "RedFlag",
    "Source",
    "Urgency",
    "parse_article",
    "parse_article_bytes",
    "render_markdown",
]

_READERS: dict[str, Callable[[str], list[Block]]] = {
    "plaintext": read_plaintext,
    "html": read_html,
    "markdown": read_markdown,
}


def parse_article(text: str, *, filename: str = "<input>") -> ParsedArticle:
    """Parse one article in the seed's plain-text layout, HTML or Markdown.

    Raises ParseError naming the file, the line and what to fix.
    """
    text = check_text(text, filename=filename)
    text, covers = take_covers(text, filename=filename)
    blocks = _READERS[detect_format(text, filename=filename)](text)
    article = build_article(blocks, filename=filename)
    if not covers.items:
        return article
    return replace(article, covers=list(covers.items), covers_at=f"{filename}, line {covers.line}")


def parse_article_bytes(data: bytes, *, filename: str = "<input>") -> ParsedArticle:
    """Like `parse_article`, for a file's bytes: UTF-8, with or without a byte-order mark."""
    return parse_article(decode(data, filename=filename), filename=filename)
