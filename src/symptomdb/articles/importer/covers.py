"""The other symptoms an article covers, from an optional "Covers:" line or a front-matter
`covers:` key; taken off the text before the readers see it, so every format reads it alike.

    Covers: leg cramps; HP:0003394; R25.2          (a line of its own, any format)
    ---
    covers: [night leg cramps, R25.2]              (front matter, Markdown)
    ---

Items are symptom names, slugs or codes (HPO, ICD-10-CM), separated by ";" — or by ","
when there is no ";", since some ICD-10-CM titles hold commas. Whether each names a
symptom of the catalogue is the loader's question (articles/covering.py): this stays pure.
The taken line is left blank, so the lines the readers report stay the file's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ParseError

_COVERS_LINE = re.compile(
    r"^\s*(?:<p>\s*)?(?:\*\*|__)?covers:(?:\*\*|__)?\s*(?P<items>.*?)\s*(?:</p>)?\s*$",
    re.IGNORECASE,
)
_FRONT_MATTER_KEY = re.compile(r"^covers\s*:\s*(?P<items>.*?)\s*$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*-\s+(?P<item>.+?)\s*$")


@dataclass(frozen=True)
class Covers:
    items: tuple[str, ...] = ()
    line: int = 0  # where they were written, for the loader's errors


def split_items(text: str) -> tuple[str, ...]:
    text = text.strip().removeprefix("[").removesuffix("]")
    parts = text.split(";") if ";" in text else text.split(",")
    return tuple(dict.fromkeys(p.strip().strip("\"'") for p in parts if p.strip().strip("\"'")))


def take_covers(text: str, *, filename: str) -> tuple[str, Covers]:
    """The text without its "Covers:" line or front-matter key, and what they named."""
    lines = text.split("\n")
    found: list[tuple[int, tuple[str, ...]]] = []
    body_from = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is not None:
            body_from = end + 1
            i = 1
            while i < end:
                match = _FRONT_MATTER_KEY.match(lines[i])
                if match:
                    key_line = i + 1
                    listed = list(split_items(match.group("items")))
                    lines[i] = ""
                    while i + 1 < end and (item := _LIST_ITEM.match(lines[i + 1])):
                        listed.append(item.group("item").strip("\"'"))
                        lines[i + 1] = ""
                        i += 1
                    found.append((key_line, tuple(listed)))
                i += 1
            if not any(line.strip() for line in lines[1:end]):
                lines[0] = lines[end] = ""  # nothing else in the front matter
    for number in range(body_from, len(lines)):
        match = _COVERS_LINE.match(lines[number])
        if match:
            found.append((number + 1, split_items(match.group("items"))))
            lines[number] = ""
    if not found:
        return text, Covers()
    if len(found) > 1:
        raise ParseError(
            filename, found[1][0], "“Covers:” is given twice; list every symptom on one line."
        )
    line, items = found[0]
    if not items:
        raise ParseError(
            filename, line, "“Covers:” names no symptom; list them after it, or remove the line."
        )
    return "\n".join(lines), Covers(items=items, line=line)
