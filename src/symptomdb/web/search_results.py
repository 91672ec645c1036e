"""The results page's view of the search's hits: each everyday name with the words the
query matched in <mark>, and a line of context (the synonym that matched, or the start of
the definition). HTML belongs here, in the web layer: the search and its answer cache keep
data only (search/service.py, search/answer.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from symptomdb.search.answer import SearchAnswer
from symptomdb.search.grouping import results_grouped
from symptomdb.search.service import Hit
from symptomdb.terminology.text import key

SNIPPET_LENGTH = 160


@dataclass(frozen=True)
class ShownHit:
    """A hit as the page shows it; every field of the hit reads through."""

    hit: Hit
    highlighted_name: SafeString
    snippet: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.hit, name)


@dataclass(frozen=True)
class ShownGroups:
    first: list[ShownHit]
    more: list[ShownHit]


def results_shown(answer: SearchAnswer) -> ShownGroups:
    """The answer's hits in the page's two groups (search/grouping.py), ready to show."""
    groups = results_grouped(answer.results)
    return ShownGroups(
        first=[hit_shown(hit, answer.words) for hit in groups.first],
        more=[hit_shown(hit, answer.words) for hit in groups.more],
    )


def hit_shown(hit: Hit, words: tuple[str, ...]) -> ShownHit:
    return ShownHit(
        hit=hit,
        highlighted_name=highlight(hit.display_name or hit.name, words),
        snippet=snippet(hit),
    )


def highlight(name: str, words: tuple[str, ...]) -> SafeString:
    """The name, HTML-escaped, with the words the query matched in <mark> (`words` are
    folded, as terminology.text.key folds them; a long word matches on its first five
    letters, so "vomiting" marks "Vomit")."""
    wanted = set(words)
    stems = {w[:5] for w in wanted if len(w) >= 5}
    parts = []
    for piece in re.split(r"(\w+)", name):
        if piece and re.fullmatch(r"\w+", piece):
            k = key(piece)
            if k in wanted or (len(k) >= 5 and k[:5] in stems):
                parts.append(f"<mark>{escape(piece)}</mark>")
                continue
        parts.append(str(escape(piece)))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def snippet(hit: Hit) -> str:
    """“Also called ‘…’.” when a synonym matched rather than the name, then the start of
    the definition."""
    definition = hit.definition.strip()
    if len(definition) > SNIPPET_LENGTH:
        definition = definition[: SNIPPET_LENGTH - 3].rsplit(" ", 1)[0] + "…"
    synonym = hit.matched_synonym
    shown_name = hit.display_name or hit.name
    if synonym and synonym.casefold() != shown_name.casefold():
        return f"Also called “{synonym}”. {definition}".strip()
    return definition
