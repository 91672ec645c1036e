"""A long query read clause by clause (issue 13.3).

"My boss has been on at me all week, and I keep waking at night to pass urine, so I'm
exhausted" is three clauses; embedded whole, the words about work pull the query's vector
away from the one clause that names a symptom. The search (search/service.py) embeds each
clause as well as the whole (the clauses in one batch of their own), and a symptom that
one clause points to clearly keeps part of that clause's similarity (search/fusion.py,
clause_fused).

The split is the plain one a reader would make: at punctuation that ends a clause (not the
point of "39.2"), and before a word that opens a new one ("but", "because", "although";
"and" when a new subject follows, "and I", "and my"). It is deliberately simpler than the
triage's reading (triage/reading.py, which the search may not import): a clause here only
says which words go together; nothing is negated or dated by it.

A query of one clause is not split, so it is searched exactly as before and pays for
nothing but this regular expression.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from symptomdb.language.spelling import fold

# The most clauses one query is read in; beyond it, the shortest neighbours are joined.
# The clauses are one more run of the model, about as long as the whole query's.
MAX_CLAUSES = 4
# A query is read clause by clause from this many words that are not filler: a short
# one ("headache, nausea", "sore throat and a fever") is read whole, as before, and pays
# for nothing more than this count.
MIN_QUERY_WORDS = 6
# A clause needs this many words that are not filler to be read on its own; shorter
# pieces ("lately", "all week") are read with their neighbour.
MIN_CONTENT_WORDS = 1

# Clause-ending punctuation: a full stop that is not a decimal point, commas, semicolons,
# colons, question and exclamation marks, brackets, dashes between spaces, new lines.
_PUNCTUATION = re.compile(r"[,;:!?()\[\]\n\r]+|\.(?!\d)|(?<!\d)\.|\s[-–—]+\s")
# Words that open a new clause wherever they stand.
_OPENERS = frozenset({"but", "because", "although", "though", "whereas", "unless", "plus"})
# Words a clause is shown without when it starts with them (", and then I…").
_LEADING = _OPENERS | {"and", "then", "so", "also", "or"}
# "and" opens a new clause when a new subject follows ("and I", "and my back").
_SUBJECTS = frozenset(
    """i im ive id my me she shes he hes it its we were they theyre his her our their
    the this that there""".split()  # noqa: SIM905 - a word list reads better as prose
)
_WORD = re.compile(r"\S+")
_EDGES = " \t\n\r,;:.!?()[]-–—\"'"
_APOSTROPHE = re.compile(r"[’'`]")


@dataclass(frozen=True)
class Clause:
    """One clause: its words exactly as typed (a piece of the query) and where it starts."""

    text: str
    start: int


def clauses_of(text: str, filler: frozenset[str]) -> list[Clause]:
    """The query's clauses, in order, when it is long (MIN_QUERY_WORDS) and has at least two
    that say something (MIN_CONTENT_WORDS words not in `filler` each); otherwise [] — the
    query is read whole."""
    if _content_count(text, filler) < MIN_QUERY_WORDS:
        return []
    pieces = _pieces(text)
    if len(pieces) < 2:
        return []
    counted = [(piece, _content_count(piece.text, filler)) for piece in pieces]
    # Too-short pieces join the piece before them (the first joins the next).
    merged: list[tuple[Clause, int]] = []
    for piece, count in counted:
        if merged and (count < MIN_CONTENT_WORDS or merged[-1][1] < MIN_CONTENT_WORDS):
            merged[-1] = _joined(text, merged[-1], (piece, count))
        else:
            merged.append((piece, count))
    while len(merged) > MAX_CLAUSES:
        # Join the shortest neighbouring pair, so no part of a long query is dropped.
        i = min(range(len(merged) - 1), key=lambda j: merged[j][1] + merged[j + 1][1])
        merged[i : i + 2] = [_joined(text, merged[i], merged[i + 1])]
    said = [clause for clause, count in merged if count >= MIN_CONTENT_WORDS]
    return said if len(said) >= 2 else []


def _pieces(text: str) -> list[Clause]:
    """The text cut at punctuation and before clause-opening words; each piece stripped
    of the punctuation around it, empty pieces dropped."""
    cuts = {0, len(text)}
    for mark in _PUNCTUATION.finditer(text):
        cuts.update((mark.start(), mark.end()))
    words = list(_WORD.finditer(text))
    for i, word in enumerate(words):
        bare = _bare(word.group())
        following = _bare(words[i + 1].group()) if i + 1 < len(words) else ""
        if i and _opens(bare, following):
            # The opening word is a piece of its own, dropped below: the clause is shown
            # from its first word that says something ("I come close", not "but I…").
            cuts.update((word.start(), word.end()))
    bounds = sorted(cuts)
    out = []
    for start, end in itertools.pairwise(bounds):
        piece = text[start:end]
        stripped = piece.strip(_EDGES)
        first, _, rest = stripped.partition(" ")
        if _bare(first) in _LEADING:  # ", and then…": from the first word that says something
            stripped = rest.strip(_EDGES)
        if stripped and any(ch.isalnum() for ch in stripped):
            out.append(Clause(stripped, start + piece.index(stripped)))
    return out


def _opens(word: str, following: str) -> bool:
    """Whether `word` opens a clause: "but", or "and" before a new subject."""
    return word in _OPENERS or (word == "and" and following in _SUBJECTS)


def _joined(text: str, first: tuple[Clause, int], second: tuple[Clause, int]) -> tuple[Clause, int]:
    """Two neighbouring pieces as one: the query's own text from the first's start to the
    second's end (so the punctuation between them is kept as typed)."""
    start = first[0].start
    end = second[0].start + len(second[0].text)
    return Clause(text[start:end], start), first[1] + second[1]


def _bare(word: str) -> str:
    return fold(_APOSTROPHE.sub("", word)).strip(',;:.!?()[]"-')


def _content_count(piece: str, filler: frozenset[str]) -> int:
    return sum(1 for word in piece.split() if (bare := _bare(word)) and bare not in filler)
