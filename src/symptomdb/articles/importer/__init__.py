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
from .frontmatter import take_front_matter
from .headings import HeadingFallback
from .html import read_html
from .intake import check_text, decode, detect_format
from .items import Skip
from .markdown import read_markdown
from .model import Advice, Byline, Cause, ParsedArticle, RedFlag, Source, Urgency
from .plaintext import read_plaintext
from .render import render_markdown
from .structure import Analysis, SectionReport, analyse_blocks

__all__ = [
    "Advice",
    "Analysis",
    "Byline",
    "Cause",
    "HeadingFallback",
    "ParseError",
    "ParsedArticle",
    "RedFlag",
    "SectionReport",
    "Skip",
    "Source",
    "Urgency",
    "analyse_article",
    "analyse_article_bytes",
    "parse_article",
    "parse_article_bytes",
    "render_markdown",
]

_READERS: dict[str, Callable[[str], list[Block]]] = {
    "plaintext": read_plaintext,
    "html": read_html,
    "markdown": read_markdown,
}


def analyse_article(
    text: str, *, filename: str = "<input>", fallback: HeadingFallback | None = None
) -> Analysis:
    """Parse one article in the seed's plain-text layout, HTML or Markdown, with the report
    the dry run prints: per section what was found from which lines, what was left out
    and why, and warnings. `fallback` names the kind of headings no synonym set knows
    (the loader passes the sentence model's; None reads by words alone).

    Raises ParseError naming the file, the line and what to fix.
    """
    text = check_text(text, filename=filename)
    text, covers = take_covers(text, filename=filename)
    text, author, publisher = take_front_matter(text)
    blocks = _READERS[detect_format(text, filename=filename)](text)
    analysis = analyse_blocks(blocks, filename=filename, fallback=fallback)
    article = analysis.article
    if not analysis.sections and not _has_content(article):
        # A title alone (the rest blank or invisible characters) is no article to keep; a
        # section found empty is kept, with a warning the dry run shows.
        raise ParseError(
            filename,
            2,
            "nothing after the title could be read: add the article's sections "
            "(causes, relief, prevention, when to get help) under it.",
        )
    warnings = analysis.warnings
    if author is not None and author.name and not article.author.name:
        # The front matter names the author where the page does not.
        article = replace(article, author=author)
        warnings = tuple(w for w in warnings if not w.startswith("no author is named"))
    if publisher is not None and publisher not in article.sources:
        article = replace(article, sources=[*article.sources, publisher])
    if covers.items:
        article = replace(
            article, covers=list(covers.items), covers_at=f"{filename}, line {covers.line}"
        )
    return replace(analysis, article=article, warnings=warnings)


def _has_content(article: ParsedArticle) -> bool:
    return any(
        [
            article.summary.strip(),
            article.causes,
            article.relief,
            article.prevention,
            article.professional_treatment,
            article.red_flags,
            article.conclusion.strip(),
        ]
    )


def parse_article(
    text: str, *, filename: str = "<input>", fallback: HeadingFallback | None = None
) -> ParsedArticle:
    """The article alone (see `analyse_article`). Raises ParseError naming the file, the
    line and what to fix."""
    return analyse_article(text, filename=filename, fallback=fallback).article


def parse_article_bytes(
    data: bytes, *, filename: str = "<input>", fallback: HeadingFallback | None = None
) -> ParsedArticle:
    """Like `parse_article`, for a file's bytes: UTF-8, with or without a byte-order mark."""
    return parse_article(decode(data, filename=filename), filename=filename, fallback=fallback)


def analyse_article_bytes(
    data: bytes, *, filename: str = "<input>", fallback: HeadingFallback | None = None
) -> Analysis:
    """Like `analyse_article`, for a file's bytes."""
    return analyse_article(decode(data, filename=filename), filename=filename, fallback=fallback)
