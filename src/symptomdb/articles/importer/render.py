"""ParsedArticle → Markdown in exactly the layout `markdown.read_markdown` reads back,
so `parse_article(render_markdown(a)) == a` for every article the parser produced.

Layout: "# title", the summary, then "##" sections with canonical headings built from
the symptom ("What causes heartburn?"), "###" per named relief/prevention/treatment
item, "- **Name:** explanation" causes, "- **Emergency:** …" red flags, "## Conclusion",
"## Disclaimer" (only when it is not already a sentence of the conclusion), "## Sources"
as links and "## About the author".
"""

from __future__ import annotations

import re

from .byline import byline_lines
from .headings import SectionKind, classify_heading
from .items import extract_disclaimer, split_named
from .model import Advice, Cause, ParsedArticle

# Characters that mean something to CommonMark anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<])")
# …and at the start of a line: headings, quotes, list markers, rules, setext underlines.
_LINE_START_SPECIAL = re.compile(r"^([#>+=|~-])")
_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape_entities(text: str) -> str:
    """`&lt;` and `&#60;` kept as the characters typed, not read as entities: articles'
    text is stored as read, so an entity in it was meant literally."""
    return _ENTITY.sub(r"\\&", text)


def escape(text: str) -> str:
    """Text that markdown-it reads back as exactly `text`."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = escape_entities(text)
    text = _ORDERED_MARKER.sub(r"\1\\\2", text)
    return _LINE_START_SPECIAL.sub(r"\\\1", text)


def _url(url: str) -> str:
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


def _running_text(text: str) -> list[str]:
    """Markdown for text joined by `items.join_text`: paragraphs, and "- " bullet lines."""
    out: list[str] = []
    for chunk in text.split("\n\n"):
        lines = chunk.split("\n")
        bullets: list[str] = []
        for line in lines:
            if line.startswith("- "):
                bullets.append(f"- {escape(line[2:])}")
            else:
                if bullets:
                    out.append("\n".join(bullets))
                    bullets = []
                out.append(escape(line))
        if bullets:
            out.append("\n".join(bullets))
    return out


def _heading(level: int, text: str) -> str:
    return f"{'#' * level} {escape(text)}"


def _advice_section(kind: SectionKind, heading: str, items: list[Advice]) -> list[str]:
    if not items:
        return []
    only = items[0]
    if (
        len(items) == 1
        and only.text
        and classify_heading(only.name) == kind
        and "\n- " not in f"\n{only.text}"
    ):
        # A section with no subsections is one item named by the section's heading.
        return [_heading(2, only.name), *_running_text(only.text)]
    out = [_heading(2, heading)]
    after_named = False
    for item in items:
        if item.name:
            out.append(_heading(3, item.name))
            out.extend(_running_text(item.text) if item.text else [])
            after_named = True
        else:
            if after_named:
                # A bullet under a "###" item would join that item's text: reopen the section.
                out.append(_heading(2, heading))
                after_named = False
            out.append(f"- {escape(item.text)}")
    return out


def _causes_section(heading: str, causes: list[Cause]) -> list[str]:
    out = [_heading(2, heading)]
    bullets: list[str] = []
    after_subsection = False
    for cause in causes:
        if not cause.explanation and "\n" not in cause.name and split_named(cause.name) is None:
            # A cause named without an explanation ("smoking"): a plain bullet.
            if after_subsection:
                out.append(_heading(2, heading))
                after_subsection = False
            bullets.append(f"- {escape(cause.name)}")
            continue
        as_bullet = f"{cause.name}: {cause.explanation}"
        if "\n" in as_bullet or split_named(as_bullet) != (cause.name, cause.explanation):
            # Not expressible as one "Name: explanation" bullet: a "###" subsection.
            if bullets:
                out.append("\n".join(bullets))
                bullets = []
            out.append(_heading(3, cause.name))
            out.extend(_running_text(cause.explanation))
            after_subsection = True
            continue
        if after_subsection:
            # Bullets under a "###" cause would join its text: reopen the section.
            out.append(_heading(2, heading))
            after_subsection = False
        bullets.append(f"- **{escape(cause.name)}:** {escape(cause.explanation)}")
    if bullets:
        out.append("\n".join(bullets))
    return out


def render_markdown(article: ParsedArticle) -> str:
    symptom = article.symptom or "this symptom"
    blocks: list[str] = [_heading(1, article.title)]
    if article.covers:
        blocks.append("Covers: " + "; ".join(article.covers))
    if article.summary:
        blocks.extend(_running_text(article.summary))
    if article.causes:
        blocks.extend(_causes_section(f"What causes {symptom}?", article.causes))
    blocks.extend(_advice_section("relief", f"How to relieve {symptom}", article.relief))
    blocks.extend(_advice_section("prevention", f"How to prevent {symptom}", article.prevention))
    blocks.extend(
        _advice_section("professional", "Professional treatment", article.professional_treatment)
    )
    if article.red_flags:
        blocks.append(_heading(2, "When to see a doctor"))
        blocks.append(
            "\n".join(f"- **{f.urgency.title()}:** {escape(f.text)}" for f in article.red_flags)
        )
    if article.conclusion:
        blocks.append(_heading(2, "Conclusion"))
        blocks.extend(_running_text(article.conclusion))
    if article.disclaimer and article.disclaimer != extract_disclaimer(article.conclusion):
        blocks.append(_heading(2, "Disclaimer"))
        blocks.extend(_running_text(article.disclaimer))
    if article.sources:
        blocks.append(_heading(2, "Sources"))
        blocks.append(
            "\n".join(
                f"- [{escape(s.title)}]({_url(s.url)})" if s.url else f"- {escape(s.title)}"
                for s in article.sources
            )
        )
    # Written even with no author: the heading ends the article, so no closing line that
    # looks like a byline is taken for one when this is read back.
    blocks.append(_heading(2, "About the author"))
    blocks.extend(escape(line) for line in byline_lines(article.author))
    return "\n\n".join(blocks) + "\n"
