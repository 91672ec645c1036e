"""Section text as editors write it: Markdown, rendered to sanitised HTML.

    markdown_html("Drink **water**; see [NHS](https://www.nhs.uk/)")
      -> '<p>Drink <strong>water</strong>; see
          <a href="https://www.nhs.uk/" rel="nofollow noopener">NHS</a></p>'

The same CommonMark reader as the importer (markdown-it-py, "commonmark" preset), with
raw HTML switched off, so `<script>` is text, and entities such as `&lt;` kept as
typed (the importer stores text as read, and its Markdown export escapes them); then
nh3 (the maintained Rust sanitiser, ammonia) keeps only the tags below and links to
http and https addresses. The page, the previews and the API's HTML fields all call
these two functions.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from symptomdb.articles.importer.render import escape_entities

# What a section may contain: paragraphs, lists, emphasis, links, a quote, a small heading.
BLOCK_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "code",
    "blockquote",
    "h3",
    "h4",
}
INLINE_TAGS = {"strong", "em", "a", "code", "br"}
LINK_SCHEMES = {"http", "https"}


@lru_cache(maxsize=1)
def _reader() -> MarkdownIt:
    # html=False: raw HTML in the text is shown as text, never passed through.
    return MarkdownIt("commonmark", {"html": False})


def _clean(html: str, tags: set[str]) -> SafeString:
    cleaned = nh3.clean(
        html,
        tags=tags,
        attributes={"a": {"href"}, "ol": {"start"}},
        url_schemes=LINK_SCHEMES,
        # Only absolute http(s) addresses: "/x" and "//host/x" lose their href too.
        url_relative="deny",
        link_rel="nofollow noopener",
        strip_comments=True,
    )
    return mark_safe(_quotes_escaped(cleaned.strip()))  # noqa: S308 - sanitised by nh3 above


# nh3 writes tags whose attribute values never hold ">" (only href, percent-encoded by
# markdown-it, and start), so the text between tags is everything outside <...>.
_TAG = re.compile(r"(<[^>]*>)")


def _quotes_escaped(html: str) -> str:
    """Quotes in text escaped as Django's templates escape them: harmless in element
    text, but never left where a careless template could put the text in an attribute."""
    parts = _TAG.split(html)
    return "".join(
        part if i % 2 else part.replace('"', "&quot;").replace("'", "&#x27;")
        for i, part in enumerate(parts)
    )


def markdown_html(text: str) -> SafeString:
    """A block of Markdown (paragraphs, lists, …) as safe HTML."""
    # Headings an editor types ("# …") would outrank the page's own; they become h3/h4.
    html = _reader().render(escape_entities(text or ""))
    for level in (1, 2):
        html = html.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    for level in (5, 6):
        html = html.replace(f"<h{level}>", "<h4>").replace(f"</h{level}>", "</h4>")
    return _clean(html, BLOCK_TAGS)


def markdown_inline_html(text: str) -> SafeString:
    """One line of Markdown (a red flag, a list item) as safe HTML without paragraphs."""
    return _clean(_reader().renderInline(escape_entities(text or "")), INLINE_TAGS)
