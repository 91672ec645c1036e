"""Reading free text for triage: normalise it, find concepts, and decide which are negated.

Three steps, each a pure function over text:

1. ``analyse`` normalises what the reader typed (case, accents, contractions, UK/US spelling,
   typos of clinical words) into words, their stems and the clause each word belongs to.
2. ``TermIndex.find`` finds every occurrence of a rule vocabulary term in those words.
3. ``assign_context`` marks each occurrence as negated, historical or hypothetical with NegEx
   (Chapman WW, Bridewell W, Hanbury P, Cooper GF, Buchanan BG. "A simple algorithm for
   identifying negated findings and diseases in discharge summaries." J Biomed Inform
   2001;34(5):301-10) and two of the extra modifiers of its successor ConText (Harkema H et al.,
   J Biomed Inform 2009;42(5):839-51).

Nothing here knows about clinical rules: the vocabulary comes from ``rules.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

# --- normalisation -----------------------------------------------------------------------------

# Contractions are expanded so that "can't" and "cannot" are one word and "isn't" carries the
# negation trigger "not". The apostrophe-less forms are how people type on phones.
_CONTRACTIONS: dict[str, str] = {
    "can't": "cannot",
    "cant": "cannot",
    # "couldn't breathe" is the same finding as "can't breathe".
    "couldn't": "cannot",
    "couldnt": "cannot",
    "won't": "will not",
    "wont": "will not",
    "shan't": "shall not",
    "ain't": "is not",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "im": "i am",
    "ive": "i have",
    "youre": "you are",
    "theyre": "they are",
    "thats": "that is",
    "whats": "what is",
    "let's": "let us",
}
_IS_CONTRACTIONS = frozenset(
    {"it", "he", "she", "that", "there", "what", "who", "where", "here", "this"}
)
_SUFFIX_CONTRACTIONS: tuple[tuple[str, str], ...] = (
    ("n't", " not"),
    ("'m", " am"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'d", " would"),
)

# UK and US spellings of the same word are made one (the US form) before anything is matched, so
# the rules only need one of them. Typos are left to the fuzzy matcher below.
_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bcan not\b", "cannot"),
        (r"\bcould not\b", "cannot"),
        (r"haem", "hem"),
        (r"\banaem", "anem"),
        (r"\banaesth", "anesth"),
        (r"\boe(?=(dema|sophag|strogen))", "e"),
        (r"diarrhoea", "diarrhea"),
        (r"\bfaec", "fec"),
        (r"\bpaediatric", "pediatric"),
        (r"\bfoet", "fet"),
        (r"ischaem", "ischem"),
        (r"\bparalys(e|ed|es|ing)\b", r"paralyz\1"),
        (r"\bdisorientated\b", "disoriented"),
        (r"\bsulph", "sulf"),
        (r"\bgr[a]y(ish)?\b", r"grey\1"),
        (r"\bcolour", "color"),
        (r"\bcentre\b", "center"),
        (r"\bagonis", "agoniz"),
        (r"\brecognis", "recogniz"),
    )
)

# Punctuation that ends a clause; NegEx scopes stop here. A decimal point ("38.5") does not.
_CLAUSE_PUNCTUATION = re.compile(r"[,;:!?()\[\]\n\r]|\.(?!\d)|(?<!\d)\.")
_BOUNDARY = " | "  # a clause mark, kept as its own token through normalisation
_CLAUSE_MARK = "|"
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?|\|")


# Articles and possessives carry nothing for triage; dropping them lets "pain down my left arm"
# match the term "down left arm" and keeps windows short. "her"/"him" stay: "I can't wake her"
# must not read as "I can't wake (up)".
_DROPPED = frozenset({"a", "an", "the", "my", "his", "their", "your", "our", "its", "some", "any"})


def content_words(text: str) -> list[str]:
    """``normalise`` split into words, without clause marks and dropped words."""
    return [w for w in normalise(text).split() if w != _CLAUSE_MARK and w not in _DROPPED]


def normalise(text: str) -> str:
    """Lower-case, strip accents, expand contractions, mark clause ends with ``|``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = _CLAUSE_PUNCTUATION.sub(_BOUNDARY, text)
    words = []
    for raw in text.split():
        words.append(_expand_contraction(raw))
    text = " ".join(words)
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    return " ".join(_WORD.findall(text))


def _expand_contraction(word: str) -> str:
    stripped = word.strip("'\"")
    if stripped in _CONTRACTIONS:
        return _CONTRACTIONS[stripped]
    if stripped.endswith("'s"):
        head = stripped[:-2]
        # "it's" is "it is"; "baby's" is a possessive and just loses the 's.
        return f"{head} is" if head in _IS_CONTRACTIONS else head
    for suffix, replacement in _SUFFIX_CONTRACTIONS:
        if stripped.endswith(suffix):
            head = stripped[: -len(suffix)]
            if suffix == "n't":
                head = {"ca": "can", "wo": "will", "sha": "shall"}.get(head, head)
                return f"{head} not" if head != "can" else "cannot"
            return head + replacement
    return stripped.replace("'", " ")


# --- stemming ----------------------------------------------------------------------------------

# Irregular forms mapped to the lemma that is then stemmed like any word. Words that map to
# themselves are kept apart on purpose: "fitting"/"fits" (a seizure) must not become "fit"
# ("I'm fit and healthy").
_IRREGULAR: dict[str, str] = {
    "swollen": "swell",
    "bled": "bleed",
    "fell": "fall",
    "fallen": "fall",
    "took": "take",
    "taken": "take",
    "ate": "eat",
    "eaten": "eat",
    "drank": "drink",
    "drunk": "drink",
    "threw": "throw",
    "thrown": "throw",
    "struck": "strike",
    "woke": "wake",
    "woken": "wake",
    "bitten": "bite",
    "stung": "sting",
    "felt": "feel",
    "lost": "lose",
    "went": "go",
    "gone": "go",
    "goes": "go",
    "going": "go",
    "came": "come",
    "children": "child",
    "teeth": "tooth",
    "feet": "foot",
    "breathe": "breath",
    "breathes": "breath",
    "breathed": "breath",
    "breathing": "breath",
    "breaths": "breath",
    "dying": "die",
    "died": "die",
    "lying": "lie",
    "worse": "worse",
    "fitting": "fitting",
    "fits": "fits",
    "news": "news",
}
_NO_UNDOUBLE = frozenset("lszaeiouy")  # "swelling" -> "swell", "pooing" -> "poo"


def stem(word: str) -> str:
    """A light suffix stripper: enough to make swelling/swells/swelled one word.

    Applied the same way to the rule vocabulary and to the text, so its output only has to be
    consistent, not a real lemma.
    """
    lemma = _IRREGULAR.get(word)
    if lemma is not None:
        return lemma if lemma == word else _stem_regular(lemma)
    return _stem_regular(word)


def _stem_regular(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and not word.endswith("eed"):
            base = word[: -len(suffix)]
            if len(base) >= 3:
                if base[-1] == base[-2] and base[-1] not in _NO_UNDOUBLE:
                    base = base[:-1]
                return _drop_final_e(base)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif word.endswith("ly") and len(word) >= 6:
        word = word[:-2]
    return _drop_final_e(word)


def _drop_final_e(word: str) -> str:
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


# --- typo tolerance ----------------------------------------------------------------------------


class Speller:
    """Corrects a typed word to a word of the rule vocabulary when it is one slip away.

    Only words the vocabulary does not know are touched, never real English words listed in
    ``known_words`` (so "sitting" does not become "fitting"), and the first letter must agree:
    people rarely mistype the first letter, and requiring it removes most false corrections.
    Distance is optimal string alignment, so a swapped pair ("siezure") is one slip.
    """

    def __init__(self, vocabulary: Iterable[str], known_words: Iterable[str] = ()) -> None:
        self._vocabulary = frozenset(w for w in vocabulary if w.isalpha())
        self._stems = frozenset(stem(w) for w in self._vocabulary)
        self._known = frozenset(known_words)
        by_letter: dict[str, list[str]] = {}
        for word in sorted(self._vocabulary):
            if len(word) >= 4:
                by_letter.setdefault(word[0], []).append(word)
        self._by_letter = {k: tuple(v) for k, v in by_letter.items()}
        self._cache: dict[str, str] = {}

    def correct(self, word: str) -> str:
        """``word`` itself, or the vocabulary word it is a slip away from."""
        if word not in self._cache:
            if len(self._cache) > 20_000:  # bounded: the input is open-ended
                self._cache.clear()
            self._cache[word] = self._correct(word)
        return self._cache[word]

    def _correct(self, word: str) -> str:
        if (
            len(word) < 4
            or not word.isalpha()
            or word in self._vocabulary
            or word in self._known
            or stem(word) in self._stems
        ):
            return word
        allowed = 2 if len(word) >= 8 else 1
        best, best_distance = word, allowed + 1
        for candidate in self._by_letter.get(word[0], ()):
            if abs(len(candidate) - len(word)) > allowed:
                continue
            distance = OSA.distance(word, candidate, score_cutoff=2)
            anagram = sorted(word) == sorted(candidate)
            # Four-letter words are too close to each other: only a swapped pair ("pian") counts.
            if len(word) == 4 and not anagram:
                continue
            # The right letters in a wrong place ("tounge") is one slip, not two.
            if anagram and distance == 2 and len(word) >= 5:
                distance = 1
            if distance > allowed or distance >= best_distance:
                continue
            best, best_distance = candidate, distance
        return best


# --- the analysed text -------------------------------------------------------------------------

# NegEx termination terms: a negation's scope stops before these (Chapman et al. 2001, table 2),
# plus clause-joining words that usually start a new statement in lay writing.
_TERMINATORS = frozenset(
    {
        "but",
        "however",
        "although",
        "though",
        "except",
        "apart",
        "aside",
        "nevertheless",
        "yet",
        "still",
        "whereas",
        "while",
        "because",
        "since",
        "which",
        "who",
        "whose",
        "until",
        "so",
        "then",
        "now",
        "also",
    }
)
# "and" ends a clause only when a new subject follows: "no fever and my neck is stiff" (two
# statements) but "no fever and stiff neck" (both negated), as NegEx reads coordinated findings.
_NEW_SUBJECT = frozenset(
    {
        "i",
        "my",
        "he",
        "she",
        "his",
        "her",
        "it",
        "its",
        "they",
        "their",
        "we",
        "our",
        "you",
        "your",
        "the",
        "this",
        "that",
        "there",
        "now",
        "then",
        "someone",
        "somebody",
        "suddenly",
    }
)


@dataclass(frozen=True)
class Document:
    """Text as the matcher sees it: parallel tuples, one entry per word."""

    words: tuple[str, ...]
    stems: tuple[str, ...]
    clauses: tuple[int, ...]

    def phrase(self, start: int, end: int) -> str:
        return " ".join(self.words[start:end])


def analyse(text: str, speller: Speller | None = None) -> Document:
    """Normalise ``text`` into words, stems and clause numbers."""
    words: list[str] = []
    clauses: list[int] = []
    clause = 0
    tokens = normalise(text).split()
    for index, token in enumerate(tokens):
        if token == _CLAUSE_MARK:
            clause += 1
            continue
        if token in _DROPPED:
            continue
        word = speller.correct(token) if speller is not None else token
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if word in _TERMINATORS or (word == "and" and following in _NEW_SUBJECT):
            clause += 1
        words.append(word)
        clauses.append(clause)
        if word == "no" and following in _NEW_SUBJECT:
            # "no" before a subject is an interjection, not a determiner: "no my son
            # drank bleach" corrects what came before; it does not deny what follows
            # as "no fever" does. It ends its clause, as a comma after it would.
            clause += 1
    return Document(words=tuple(words), stems=tuple(stem(w) for w in words), clauses=tuple(clauses))


# --- terms -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One vocabulary entry. Each part matches a word's stem, or its exact form if ``exact``."""

    text: str
    parts: tuple[tuple[str, bool], ...]

    @classmethod
    def parse(cls, text: str) -> Term:
        """``"crushing chest"`` matches any inflection; ``"=tearing"`` only that exact word."""
        parts: list[tuple[str, bool]] = []
        for raw in text.split():
            exact = raw.startswith("=")
            for word in content_words(raw.lstrip("=")):
                parts.append((word if exact else stem(word), exact))
        if not parts:
            raise ValueError(f"vocabulary term {text!r} has no words")
        return cls(text=text, parts=tuple(parts))

    @property
    def surface_words(self) -> tuple[str, ...]:
        return tuple(w for raw in self.text.split() for w in content_words(raw.lstrip("=")))

    def matches_at(self, doc: Document, start: int) -> bool:
        if start + len(self.parts) > len(doc.words):
            return False
        for offset, (value, exact) in enumerate(self.parts):
            seen = doc.words[start + offset] if exact else doc.stems[start + offset]
            if seen != value:
                return False
        return True


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class TermIndex:
    """All vocabulary terms, indexed by their first word, each owned by a concept name."""

    def __init__(self, entries: Iterable[tuple[str, Term]]) -> None:
        self._by_first: dict[tuple[str, bool], list[tuple[str, Term]]] = {}
        for owner, term in entries:
            self._by_first.setdefault(term.parts[0], []).append((owner, term))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda entry: -len(entry[1].parts))

    def find(self, doc: Document) -> dict[str, list[Span]]:
        """Spans of every owner's terms in ``doc``; at one position an owner's longest term."""
        found: dict[str, list[Span]] = {}
        for start in range(len(doc.words)):
            candidates = [
                *self._by_first.get((doc.stems[start], False), ()),
                *self._by_first.get((doc.words[start], True), ()),
            ]
            candidates.sort(key=lambda entry: -len(entry[1].parts))
            seen: set[str] = set()
            for owner, term in candidates:
                if owner not in seen and term.matches_at(doc, start):
                    seen.add(owner)
                    found.setdefault(owner, []).append(Span(start, start + len(term.parts)))
        return found


# --- NegEx and ConText -------------------------------------------------------------------------


def _phrases(*items: str) -> tuple[tuple[str, ...], ...]:
    """Trigger phrases as word tuples, longest first so "no sign of" wins over "no"."""
    return tuple(sorted((tuple(content_words(i)) for i in items), key=lambda p: -len(p)))


# Pre-negation triggers negate what follows them (Chapman et al. 2001).
PRE_NEGATION = _phrases(
    "no",
    "not",
    "denies",
    "denied",
    "deny",
    "without",
    "without any",
    "never",
    "nor",
    "neither",
    "none",
    "no longer",
    "no more",
    "negative for",
    "free of",
    "no sign of",
    "no signs of",
    "no evidence of",
    "absence of",
    "ruled out",
    "rules out",
    "rule out",
)
# Post-negation triggers negate what comes before them. Deliberately short: "the pain went away"
# is NOT treated as negation, because a crushing chest pain that has eased still needs help.
POST_NEGATION = _phrases(
    "ruled out",
    "was ruled out",
    "has been ruled out",
    "is negative",
    "was negative",
    "came back negative",
    "has stopped",
    "have stopped",
    "had stopped",
    "has resolved",
    "have resolved",
    "cleared up",
)
# Pseudo-negations contain a trigger but negate nothing ("not only", "no improvement"). For
# triage most of them say a symptom persists ("won't stop", "not going down").
PSEUDO_NEGATION = _phrases(
    "not only",
    "not just",
    "not even",
    "not sure",
    "not certain",
    "not know",
    "not knowing",
    "no idea",
    "no matter",
    "not necessarily",
    "no improvement",
    "not improving",
    "not improved",
    "not improve",
    "no better",
    "not better",
    "not getting better",
    "no change",
    "not changed",
    "no relief",
    "not relieved",
    "not helping",
    "not help",
    "not helped",
    "not working",
    "not work",
    "no effect",
    "no increase",
    "not cause",
    "not like",
    "no warning",
    "without warning",
    "no reason",
    "for no reason",
    "not stop",
    "not stopping",
    "not stopped",
    "never stops",
    "never stopped",
    "never goes away",
    "not go away",
    "not going away",
    "not gone away",
    "not went away",
    "not come down",
    "not coming down",
    "not go down",
    "not going down",
    "not ease",
    "not easing",
    "not eased",
    "not settle",
    "not settling",
    "not subside",
    "not subsiding",
    "without stopping",
    "not able to",
    "not been able to",
    "no way",
)
# ConText "historical": the finding belongs to the past ("I had a seizure as a child").
# Only the distant past: "hit my head two days ago and now I'm vomiting" must still count.
HISTORICAL = _phrases(
    "as a child",
    "as a kid",
    "as a baby",
    "as an infant",
    "as a teenager",
    "as a teen",
    "when i was a child",
    "when i was a kid",
    "when i was young",
    "when i was younger",
    "when i was little",
    "when i was small",
    "when i was a baby",
    "when i was a teenager",
    "in my childhood",
    "childhood",
    "years ago",
    "year ago",
    "decades ago",
    "long time ago",
    "long ago",
    "history of",
    "family history",
    "in the past",
    "used to",
    "last year",
    "years back",
)
# ConText "hypothetical", narrowed to questions that seek information. These only quiet rules
# that fire on a condition's NAME ("how to prevent a heart attack"); a described clinical picture
# is always taken as a report, because people in trouble also phrase things as questions.
HYPOTHETICAL = _phrases(
    "risk",
    "risk of",
    "risk factor",
    "risk factors",
    "at risk",
    "prevent",
    "prevention",
    "preventing",
    "avoid",
    "signs of",
    "sign of",
    "symptoms of",
    "symptom of",
    "warning signs",
    "what causes",
    "causes of",
    "cause of",
    "what is",
    "what are",
    "how to",
    "how do",
    "how does",
    "how can",
    "how long",
    "difference between",
    "asked if",
    "asking if",
    "asked whether",
    "wondering",
    "wonder",
    "in case",
    "information",
    "facts",
    "statistics",
    "recovery",
    "recovering",
    "treatment for",
    "chance of",
    "chances of",
    "survive",
    "mean",
    "means",
    "after a",
)

# A question that asks what causes or prevents something ("can anxiety cause chest tightness?")
# is about a symptom, not a report of one: such a clause starts with a question word and holds
# one of these cues. It quiets clinical pictures too; words that are emergencies on their own
# ("overdose", "anaphylaxis") still fire. "What should I do, crushing chest pain" has no cue.
QUESTION_STARTERS = frozenset(
    {"can", "could", "does", "do", "did", "is", "are", "what", "why", "how", "which", "will"}
)
INFO_CUES = _phrases(
    "cause",
    "causes",
    "prevent",
    "prevention",
    "preventing",
    "risk",
    "risks",
    "signs of",
    "sign of",
    "symptoms of",
    "symptom of",
    "difference between",
    "mean",
    "means",
    "linked to",
    "related to",
)

# Chapman et al. limited a scope to five words; we let it run to the end of the clause but no
# further than this, so one early "no" cannot silence a long run-on complaint.
MAX_SCOPE = 8


@dataclass(frozen=True)
class Context:
    """Which word positions are negated, historical, hypothetical, or in an info question."""

    negated: frozenset[int]
    historical: frozenset[int]
    hypothetical: frozenset[int]
    questions: frozenset[int] = frozenset()


def assign_context(doc: Document, protected: Iterable[Span] = ()) -> Context:
    """Run NegEx (pre, post and pseudo triggers) and the ConText historical/hypothetical cues.

    ``protected`` are the spans of clinical terms found in the text. Some contain a trigger word
    themselves ("not breathing", "no pulse", "won't wake up"): a trigger wholly inside such a term
    is part of the finding and negates nothing.
    """
    covers = [(span.start, span.end) for span in protected]
    covers += _occurrences(doc.words, PSEUDO_NEGATION, covers)

    negated: set[int] = set()
    for start, end in _occurrences(doc.words, PRE_NEGATION, covers):
        clause = doc.clauses[start]
        for position in range(end, min(end + MAX_SCOPE, len(doc.words))):
            if doc.clauses[position] != clause:
                break
            negated.add(position)
    for start, _end in _occurrences(doc.words, POST_NEGATION, covers):
        clause = doc.clauses[start]
        for position in range(start - 1, max(start - MAX_SCOPE, 0) - 1, -1):
            if doc.clauses[position] != clause:
                break
            negated.add(position)

    return Context(
        negated=frozenset(negated),
        historical=_whole_clauses(doc, _occurrences(doc.words, HISTORICAL, covers)),
        hypothetical=_whole_clauses(doc, _occurrences(doc.words, HYPOTHETICAL, covers)),
        questions=_whole_clauses(doc, _info_questions(doc)),
    )


def _info_questions(doc: Document) -> list[tuple[int, int]]:
    """Info cues in clauses that open with a question word."""
    found = []
    for start, end in _occurrences(doc.words, INFO_CUES, ()):
        clause = doc.clauses[start]
        opening = doc.clauses.index(clause)
        if doc.words[opening] in QUESTION_STARTERS:
            found.append((start, end))
    return found


def _occurrences(
    words: Sequence[str], phrases: Sequence[tuple[str, ...]], covers: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Occurrences of ``phrases`` (longest first), except those inside one of ``covers``."""
    found: list[tuple[int, int]] = []
    position = 0
    while position < len(words):
        for phrase in phrases:
            end = position + len(phrase)
            # Compare the words first: checking ``covers`` is the costly part on long text.
            if words[position] != phrase[0] or tuple(words[position:end]) != phrase:
                continue
            if any(s <= position and end <= e for s, e in covers):
                continue
            found.append((position, end))
            position = end - 1
            break
        position += 1
    return found


def _whole_clauses(doc: Document, occurrences: list[tuple[int, int]]) -> frozenset[int]:
    clauses = {doc.clauses[start] for start, _ in occurrences}
    return frozenset(i for i, clause in enumerate(doc.clauses) if clause in clauses)
