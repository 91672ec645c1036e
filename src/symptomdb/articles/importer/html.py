"""Reads a saved web page into blocks.

The article is found inside the page's furniture: an <article> holding the <h1>, else
<main>, else <body>. Menus, banners, sidebars, scripts, forms and cookie notices are
dropped; what remains is walked in document order.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, NavigableString

from . import blocks as b
from .headings import care_prefix
from .vocabulary import vocabulary

# Never article text, wherever they appear.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "form", "button", "input",
    "select", "textarea", "iframe", "nav", "aside", "dialog", "menu", "object", "embed",
)  # fmt: skip
_DROP_ROLES = frozenset({"navigation", "complementary", "dialog", "alertdialog", "search"})
# Class or id words of page furniture, matched as whole words of a class name
# ("cookie-banner", "share_buttons") so that "shared-layout" is not furniture.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|banner|sidebar|newsletter|popup|modal|advert|ads?|"
    r"promo|social|share|breadcrumbs?|related|subscribe|comments?|skip|toolbar|"
    r"ratings?|widget)(?=$|[\s_-])",
    re.IGNORECASE,
)
_AUTHOR_MARK = re.compile(r"\b(author|byline|contributor|writer)\b", re.IGNORECASE)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "ul", "ol", "li", "dl",
        "dt", "dd", "blockquote", "table", "thead", "tbody", "tr", "td", "th", "figure",
        "figcaption", "address", "hr", "pre", "details", "summary", *_HEADINGS,
    }
)  # fmt: skip
_MAX_BOLD_HEADING_CHARS = 80


def read_html(text: str) -> list[b.Block]:
    soup = BeautifulSoup(text, "html.parser")
    title_fallback = _page_title(soup)
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    root = _article_root(soup)
    _drop_furniture(root)
    found: list[b.Block] = []
    _walk(root, found, depth=0)
    if title_fallback and not any(x.kind == "heading" and x.level == 1 for x in found):
        found.insert(0, b.heading(title_fallback, 1, level=1))
    return [x for x in found if x.text or x.kind == "gap"]


def _page_title(soup: BeautifulSoup) -> str:
    """The <title> without the site name ("Heartburn: causes and relief | Example Health")."""
    title = soup.find("title")
    if not isinstance(title, Tag):
        return ""
    return b.clean(re.split(r"\s+[|–—]\s+|\s+-\s+", title.get_text())[0])


def _article_root(soup: BeautifulSoup) -> Tag:
    articles = [a for a in soup.find_all("article") if isinstance(a, Tag)]
    with_title = [a for a in articles if a.find("h1")]
    if with_title:
        return with_title[0]
    main = soup.find("main") or soup.find(True, attrs={"role": "main"})
    if isinstance(main, Tag):
        return main
    if articles:
        return max(articles, key=lambda a: len(a.get_text()))
    body = soup.find("body")
    return body if isinstance(body, Tag) else soup


def _marks(tag: Tag) -> str:
    values: list[str] = []
    for attribute in ("class", "id", "rel", "itemprop", "role"):
        value = tag.get(attribute)
        if isinstance(value, list):
            values.extend(value)
        elif value:
            values.append(str(value))
    return " ".join(values)


def _is_author_mark(tag: Tag) -> bool:
    return tag.name == "address" or bool(_AUTHOR_MARK.search(_marks(tag)))


def _holds_content(tag: Tag) -> bool:
    """Whether a tag holds what we must keep: the title or the byline."""
    return bool(tag.find("h1")) or bool(tag.find(_is_author_mark)) or _is_author_mark(tag)


def _drop_furniture(root: Tag) -> None:
    for tag in root.find_all(True):
        if not isinstance(tag, Tag) or tag.decomposed:
            continue
        hidden = (
            tag.has_attr("hidden")
            or tag.get("aria-hidden") == "true"
            or re.search(r"display\s*:\s*none", str(tag.get("style") or ""))
        )
        furniture = (
            tag.get("role") in _DROP_ROLES
            or tag.name in {"header", "footer"}
            or (_FURNITURE.search(_marks(tag)) and not _is_author_mark(tag))
        )
        if hidden or (furniture and not _holds_content(tag)):
            tag.decompose()


def _line(tag: Tag) -> int:
    return tag.sourceline or 1


def _links(tag: Tag) -> tuple[b.Link, ...]:
    return tuple(
        b.Link(_text(a), str(a.get("href") or ""))
        for a in tag.find_all("a")
        if isinstance(a, Tag) and a.get("href")
    )


def _text_lines(tag: Tag) -> list[str]:
    """The tag's text split where the page breaks lines (<br>, nested blocks)."""
    lines: list[str] = [""]
    for piece in tag.descendants:
        if isinstance(piece, NavigableString) and not isinstance(piece, Comment):
            lines[-1] += str(piece)
        elif isinstance(piece, Tag) and (piece.name == "br" or piece.name in _BLOCKS):
            lines.append("")
    return [c for c in (b.clean(x) for x in lines) if c]


def _walk(tag: Tag, found: list[b.Block], depth: int) -> None:
    """Append the blocks of `tag`'s children; loose text between blocks is a paragraph."""
    loose: list[Tag | NavigableString] = []

    def flush() -> None:
        text = b.clean("".join(_flat(piece) for piece in loose))
        if text:
            first = next((p for p in loose if isinstance(p, Tag)), None)
            found.append(b.paragraph([text], _line(first or tag)))
        loose.clear()

    for child in tag.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            loose.append(child)
            continue
        if not isinstance(child, Tag):
            continue
        if child.name not in _BLOCKS and child.name != "br":
            loose.append(child)
            continue
        flush()
        _block(child, found, depth)
    flush()


def _flat(piece: Tag | NavigableString) -> str:
    return piece.get_text() if isinstance(piece, Tag) else str(piece)


def _text(tag: Tag) -> str:
    # Not get_text(" "): that puts a space inside "<b>Dehydration</b>: …" before the colon.
    return " ".join(_text_lines(tag))


def _care_urgency(tag: Tag) -> str:
    classes = tag.get("class")
    names = classes if isinstance(classes, list) else str(classes or "").split()
    cards = vocabulary().care_classes
    return next((cards[c.lower()] for c in names if c.lower() in cards), "")


def _care_card(tag: Tag, urgency: str, found: list[b.Block], depth: int) -> None:
    """A care card: its heading opens a red-flags section of the card's urgency. The
    visually hidden prefix ("Urgent advice: ") says it again; a card without a heading
    is headed by that prefix."""
    prefix = ""
    for hidden in tag.find_all(class_=re.compile(r"visually-hidden|sr-only")):
        if isinstance(hidden, Tag) and care_prefix(_text(hidden))[0]:
            prefix = _text(hidden).rstrip(": ")
            hidden.decompose()
    start = len(found)
    _walk(tag, found, depth)
    for index in range(start, len(found)):
        if found[index].kind == "heading":
            old = found[index]
            found[index] = b.heading(old.text, old.line, level=old.level, role=urgency)
            return
    found.insert(start, b.heading(prefix or f"{urgency.title()} advice", _line(tag), role=urgency))


def _definition_list(tag: Tag, found: list[b.Block], depth: int) -> None:
    """<dt> terms as headings of the "term" role, each <dd> as an item under it."""
    for child in tag.find_all(["dt", "dd"]):
        if not isinstance(child, Tag):
            continue
        if child.name == "dt":
            found.append(b.heading(_text(child), _line(child), role="term"))
        else:
            found.append(b.bullet(_text(child), _line(child), _links(child), depth))


def _block(tag: Tag, found: list[b.Block], depth: int) -> None:
    name = tag.name
    urgency = _care_urgency(tag) if name in {"div", "section", "aside"} else ""
    if urgency:
        _care_card(tag, urgency, found, depth)
    elif name == "dl":
        _definition_list(tag, found, depth)
    elif name in _HEADINGS:
        found.append(b.heading(_text(tag), _line(tag), level=int(name[1])))
    elif _is_author_mark(tag) or (name == "p" and tag.find(_is_author_mark)):
        found.append(b.byline(_text_lines(tag), _line(tag)))
    elif name == "hr":
        found.append(b.gap(_line(tag)))
    elif name in {"ul", "ol"}:
        for item in tag.find_all("li", recursive=False):
            _list_item(item, found, depth)
    elif name == "p":
        if _is_bold_only(tag):
            found.append(b.heading(_text(tag), _line(tag)))
        else:
            found.append(b.paragraph(_text_lines(tag), _line(tag), _links(tag), _bold_lead(tag)))
    elif name == "li":
        _list_item(tag, found, depth)
    elif name != "br":
        _walk(tag, found, depth)


def _list_item(item: Tag, found: list[b.Block], depth: int) -> None:
    nested = [x for x in item.find_all(["ul", "ol"], recursive=False)]
    for sub in nested:
        sub.extract()
    found.append(b.bullet(_text(item), _line(item), _links(item), depth))
    for sub in nested:
        for child in sub.find_all("li", recursive=False):
            _list_item(child, found, depth + 1)


def _bold_lead(tag: Tag) -> str:
    """The bold words a paragraph opens with (<p><strong>Rest.</strong> Lie down…</p>)."""
    children = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    first = children[0] if children else None
    if isinstance(first, Tag) and first.name in {"strong", "b"} and len(children) > 1:
        return _text(first)
    return ""


def _is_bold_only(tag: Tag) -> bool:
    """<p><strong>Hold your breath</strong></p>: a subheading written as bold text."""
    children = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    return (
        len(children) == 1
        and isinstance(children[0], Tag)
        and children[0].name in {"strong", "b"}
        and 0 < len(_text(children[0])) <= _MAX_BOLD_HEADING_CHARS
        # A whole sentence in bold ("See a GP urgently if you're coughing up blood.") is
        # emphasis, not a heading.
        and not _text(children[0]).endswith(".")
    )
