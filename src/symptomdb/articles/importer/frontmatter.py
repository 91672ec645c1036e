"""Who wrote or supplied a page, from its front matter (a Markdown page's `---` block):

    ---
    author: Jane Doe, MD, Riverside Clinic
    publisher: Example Health Library
    ---

Taken off the text before the readers see it (the lines left blank, so reported line
numbers stay the file's own), like `covers.py` takes `covers:`.
"""

from __future__ import annotations

import re

from .model import Byline, Source

_KEY = re.compile(r"^(?P<key>author|publisher|source)\s*:\s*(?P<value>.*?)\s*$", re.IGNORECASE)


def take_front_matter(text: str) -> tuple[str, Byline | None, Source | None]:
    """The text without its front matter's author and publisher keys, and what they said."""
    from .byline import parse_byline

    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text, None, None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return text, None, None
    author: Byline | None = None
    source: Source | None = None
    for i in range(1, end):
        match = _KEY.match(lines[i])
        if not match or not match["value"].strip("\"' "):
            continue
        value = match["value"].strip("\"' ")
        if match["key"].lower() == "author":
            author = parse_byline([value], explicit=True)
        else:
            source = Source(f"Content supplied by {value}")
        lines[i] = ""
    if author is None and source is None:
        return text, None, None
    if not any(line.strip() for line in lines[1:end]):
        lines[0] = lines[end] = ""  # nothing else in the front matter
    return "\n".join(lines), author, source
