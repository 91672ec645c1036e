"""Reading what the reader typed: normalised words, their stems and the clause of each.

Lower case, accents stripped, contractions expanded, UK spellings made US, clause ends marked,
articles dropped, typos of clinical words corrected. The word lists are data (``reading.yaml``,
``context.yaml``); the same reading is applied to the rules' terms, so both sides always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from symptomdb.language.spelling import fold_case, us_spelling

from .stems import stem
from .wordlists import context_words, reading_words


class Corrector(Protocol):
    """What reads a typed word as the vocabulary word it was meant to be (speller.Speller)."""

    def correct(self, word: str) -> str: ...

    def joined(self, first: str, second: str) -> str | None: ...


# Two words for one: "can not" and "could not" read as "cannot", as the contractions do. British
# spellings are made American word by word (symptomdb.language.spelling, the table the catalogue
# and the search use too), so the rules only need one of them. Typos are left to the speller.
_CAN_NOT = re.compile(r"\bcan not\b")
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_CAN_NOT, "cannot"),
    (re.compile(r"\bcould not\b"), "cannot"),
)

# Punctuation that ends a clause; NegEx scopes stop here. A decimal point ("38.5") does not.
# A comma ends a clause too, but is marked apart: it may also separate the items of a list
# ("no headache, hearing loss or weakness"), which context.py reads.
# So do the separators of notes typed as a list or a timeline: a spaced slash, plus or dash,
# an arrow, a bullet ("no fever / stiff neck / rash", "day 1 sore throat -> day 2 drooling").
# Each item is its own clause, so a "no" at the head of one does not deny the next (issue 10:
# a negation silences a finding only when that is clear within its own clause). Unspaced,
# "150/100", "and/or" and "n+v" stay whole.
LIST_SEPARATORS = r"\u2022|\s[/+-]\s|-+>|=>|(?:^|\s)\*+\s"  # semantic.py splits at them too
_CLAUSE_PUNCTUATION = re.compile(rf"[;:!?()\[\]\n\r]|\.(?!\d)|(?<!\d)\.|{LIST_SEPARATORS}")
# A form's field answered "no" after its name is read as the denial written first: "chest
# pain: none" as "no chest pain", which NegEx reads within its clause, and "conscious: no" or
# "breathing - no" as "not conscious", "not breathing", which are the emergencies they say.
_FORM_DENIAL = re.compile(
    r"(^|[,;/\n+*\u2022]\s*|\s-\s*)([a-z][a-z' ]{0,40}?)\s*(?::|=|\s-)\s*"
    r"(none|nil|no|negative|absent|denied)(?=\s*(?:$|[,;/\n+*.\u2022]|\s-))"
)
_FORM_NONE = frozenset({"none", "nil", "absent"})  # "no chest pain"; "no", "negative": "not"


def _form_denied(match: re.Match[str]) -> str:
    lead, field, answer = match.groups()
    return f"{lead}{'no' if answer in _FORM_NONE else 'not'} {field}"


_BOUNDARY = " | "  # a clause mark, kept as its own token through normalisation
_CLAUSE_MARK = "|"
_COMMA = " ^ "
_COMMA_MARK = "^"
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?|\||\^")


@cache
def _contractions() -> dict[str, str]:
    return {str(k): str(v) for k, v in reading_words()["contractions"].items()}


@cache
def _is_contractions() -> frozenset[str]:
    return frozenset(reading_words()["is_contractions"])


@cache
def dropped_words() -> frozenset[str]:
    """Articles and possessives, which carry nothing for triage."""
    return frozenset(reading_words()["dropped"])


@cache
def _shorthand_words() -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in reading_words().get("shorthand", {}).items()}


@cache
def _shorthand() -> re.Pattern[str]:
    """Shorthand as whole words: not inside another word, not glued to letters or digits."""
    forms = sorted(_shorthand_words(), key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w#?&/])(?:{alternatives})(?![\w&/])")


@cache
def _belief() -> re.Pattern[str]:
    # "do not think she is breathing" -> "she is not breathing" (reading.yaml explains why).
    words = reading_words()
    verbs = "|".join(map(re.escape, words["belief_verbs"]))
    subjects = "|".join(map(re.escape, words["belief_subjects"]))
    after = "|".join(map(re.escape, words["belief_verbs_after"]))
    return re.compile(
        rf"\b(?:do|does|did) not (?:{verbs}) (?:that )?((?:my |his |her |our |the )?"
        rf"(?:{subjects})) ({after})\b"
    )


def content_words(text: str) -> list[str]:
    """``normalise`` split into words, without clause marks and dropped words."""
    return list(analyse(text).words)


def _dropped(token: str, previous: list[str]) -> bool:
    """Whether ``token`` carries nothing here: an article, or a possessive not after "if"."""
    if token not in dropped_words():
        return False
    return not (previous and previous[-1] in _keep_possessive_after())


@cache
def _keep_possessive_after() -> frozenset[str]:
    return frozenset(reading_words()["keep_possessive_after"])


def normalise(text: str) -> str:
    """Lower-case, strip accents, expand contractions, mark clause ends with ``|``, spell US."""
    # The shared folding keeps punctuation, which the triage reads: apostrophes for the
    # contractions, commas and full stops for the clauses, the point of "38.5".
    text = fold_case(text).replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = _shorthand().sub(lambda m: _shorthand_words()[m.group(0)], text)
    text = _FORM_DENIAL.sub(_form_denied, text)
    text = _CLAUSE_PUNCTUATION.sub(_BOUNDARY, text).replace(",", _COMMA)
    text = " ".join(_expand_contraction(raw) for raw in text.split())
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    text = " ".join(us_spelling(word) for word in _WORD.findall(text))
    text = _belief().sub(r"\1 \2 not", text)
    # "do not think he can move his legs" is now "he can not move his legs": read as the
    # reader would have typed it, "he cannot move his legs".
    return _CAN_NOT.sub("cannot", text)


def _expand_contraction(word: str) -> str:
    stripped = word.strip("'\"")
    contractions = _contractions()
    if stripped in contractions:
        return contractions[stripped]
    if stripped.endswith("'s"):
        head = stripped[:-2]
        # "it's" is "it is"; "baby's" is a possessive and just loses the 's.
        return f"{head} is" if head in _is_contractions() else head
    for suffix, replacement in _SUFFIX_CONTRACTIONS:
        if stripped.endswith(suffix):
            head = stripped[: -len(suffix)]
            if suffix == "n't":
                head = {"ca": "can", "wo": "will", "sha": "shall"}.get(head, head)
                return f"{head} not" if head != "can" else "cannot"
            return head + replacement
    return stripped.replace("'", " ")


_SUFFIX_CONTRACTIONS: tuple[tuple[str, str], ...] = (
    ("n't", " not"),
    ("'m", " am"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'d", " would"),
)


def _compounds_joined(tokens: list[str], speller: Corrector) -> list[str]:
    """Two typed words that make one vocabulary word ("head ache") read as that word."""
    out: list[str] = []
    for token in tokens:
        whole = speller.joined(out[-1], token) if out else None
        if whole is not None:
            out[-1] = whole
        else:
            out.append(token)
    return out


@dataclass(frozen=True)
class Document:
    """Text as the matcher sees it: parallel tuples, one entry per word."""

    words: tuple[str, ...]
    stems: tuple[str, ...]
    clauses: tuple[int, ...]
    # For each clause number, the words in it that name a person ("my", "she", "son"), read
    # before possessives are dropped; "my" before an animal ("my cat") names its owner only.
    # context.py reads it to tell whom a clause is about.
    who: tuple[frozenset[str], ...] = ()
    # The clause numbers that a comma opened (the others follow a full stop, a semicolon, a
    # clause word such as "but"...): the items of a list are among them.
    after_comma: frozenset[int] = frozenset()
    # The words that follow a comma or the end of a sentence: a term does not run on past one
    # ("got out, had a cold shower" is not "out cold").
    breaks: frozenset[int] = frozenset()

    def phrase(self, start: int, end: int) -> str:
        return " ".join(self.words[start:end])


@cache
def _clause_words() -> tuple[frozenset[str], frozenset[str]]:
    words = context_words()
    return frozenset(words["terminators"]), frozenset(words["new_subject"])


@cache
def _who_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words naming a person, the possessives among them, and what they may own that is not a
    body: animals, and pieces of work ("my school project")."""
    words = context_words()
    return (
        frozenset(words["people"]),
        frozenset(words["possessives"]),
        frozenset(str(a).split()[0] for a in words["animals"])
        | frozenset(str(w) for w in words["possessed_work"]),
    )


def analyse(
    text: str, speller: Corrector | None = None, *, join_compounds: bool = False
) -> Document:
    """Normalise ``text`` into words, stems and clause numbers; with ``join_compounds``, two
    words the speller knows as one ("head ache") read as that one."""
    terminators, new_subject = _clause_words()
    people, possessives, owned = _who_words()
    words: list[str] = []
    clauses: list[int] = []
    who: dict[int, set[str]] = {}
    after_comma: set[int] = set()
    breaks: set[int] = set()
    clause = 0
    tokens = normalise(text).split()
    if speller is not None and join_compounds:
        tokens = _compounds_joined(tokens, speller)
    for index, token in enumerate(tokens):
        if token in (_CLAUSE_MARK, _COMMA_MARK):
            clause += 1
            if token == _COMMA_MARK:
                after_comma.add(clause)
            breaks.add(len(words))
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        after_next = tokens[index + 2] if index + 2 < len(tokens) else ""
        # "my 8 month old": the possessive of a child's age, not the reader. "my neighbour's
        # cat" ("'s" is gone by now): the neighbour owns the cat and "my" the neighbour, so
        # neither is a person the clause is about.
        owner = following in owned or (
            token in possessives
            and (following[:1].isdigit() or (following in people and after_next in owned))
        )
        if token in people and not owner:
            who.setdefault(clause, set()).add(token)
        if _dropped(token, words):
            continue
        word = speller.correct(token) if speller is not None else token
        if word in terminators or (word == "and" and following in new_subject):
            clause += 1
        words.append(word)
        clauses.append(clause)
        if word == "no" and following in new_subject:
            # "no" before a subject is an interjection, not a determiner: "no my son
            # drank bleach" corrects what came before; it does not deny what follows
            # as "no fever" does. It ends its clause, as a comma after it would.
            clause += 1
    # A clause word opens the next clause, so the last clause may hold no word of its own.
    last = max([clause, *clauses])
    return Document(
        words=tuple(words),
        stems=tuple(stem(w) for w in words),
        clauses=tuple(clauses),
        who=tuple(frozenset(who.get(number, ())) for number in range(last + 1)),
        after_comma=frozenset(after_comma),
        breaks=frozenset(breaks),
    )
