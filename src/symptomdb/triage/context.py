"""Whether each finding in a text is negated, in the past, or part of a question for information.

NegEx (Chapman WW, Bridewell W, Hanbury P, Cooper GF, Buchanan BG. "A simple algorithm for
identifying negated findings and diseases in discharge summaries." J Biomed Inform
2001;34(5):301-10) with the historical and hypothetical modifiers of its successor ConText
(Harkema H et al., J Biomed Inform 2009;42(5):839-51), narrowed to fail safe: context silences a
finding only when that is clear within the finding's own clause. "Never felt pain like this" is a
report, and so is "what does it mean if I have chest pain". The trigger lists are data
(``context.yaml``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from .quantities import is_number
from .reading import Document, content_words
from .terms import Span, spelled_out
from .wordlists import context_words

Phrase = tuple[str, ...]


class Phrases:
    """Trigger phrases, longest first (so "no sign of" wins over "no"), each looked for only at
    the words it can begin with. Every phrase of a list is looked for at every word of every
    piece of text the semantic detector reads: compared with each phrase in turn, that was
    the largest part of an uncached search's CPU outside the model (docs/search.md)."""

    __slots__ = ("_by_first", "_open", "phrases")

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.phrases: tuple[Phrase, ...] = tuple(sorted(phrases, key=lambda p: -len(p)))
        # Phrases opening with a placeholder ("<number> years ago") may begin at any word.
        self._open = tuple(p for p in self.phrases if p[0] in _PLACEHOLDERS)
        firsts = {p[0] for p in self.phrases if p[0] not in _PLACEHOLDERS}
        self._by_first = {
            first: tuple(p for p in self.phrases if p[0] == first or p in self._open)
            for first in firsts
        }

    def starting_at(self, word: str) -> tuple[Phrase, ...]:
        """The phrases that may begin with ``word``, longest first."""
        return self._by_first.get(word, self._open)

    def __contains__(self, words: object) -> bool:
        return tuple(words) in self.phrases if isinstance(words, Sequence) else False

    def __iter__(self) -> Iterator[Phrase]:
        return iter(self.phrases)

    def __len__(self) -> int:
        return len(self.phrases)


@dataclass(frozen=True)
class Triggers:
    pre_negation: Phrases
    post_negation: Phrases
    taken_back: Phrases
    normal_signs: Phrases
    pseudo_negation: Phrases
    never_like_this: Phrases
    historical: Phrases
    historical_ahead: Phrases
    pseudo_historical: Phrases
    not_real: Phrases
    told_elsewhere: Phrases
    training_frame: Phrases
    hypothetical: Phrases
    question_starters: frozenset[str]
    list_negation: Phrases
    list_negation_and: Phrases
    list_item_words: int
    list_breakers: frozenset[str]
    info_cues: Phrases
    present_report: Phrases
    conditional_report: Phrases
    not_a_report_after: frozenset[str]
    cannot_words: frozenset[str]
    not_a_doing: frozenset[str]
    reader_in_question: frozenset[str]
    story_stops: frozenset[str]
    reader_cause_cues: frozenset[str]
    animals: Phrases
    animal_verbs: frozenset[str]
    animal_found: frozenset[str]
    animal_acts: frozenset[str]
    max_scope: int


@cache
def triggers() -> Triggers:
    data = context_words()

    def phrases(name: str) -> Phrases:
        # Choices are spelt out as in rules.yaml ("breathing (is|sounds) (normal|fine)").
        items = (spelt for item in data[name] for spelt in spelled_out(str(item)))
        return Phrases(p for p in map(_phrase, items) if p)

    return Triggers(
        pre_negation=phrases("pre_negation"),
        post_negation=phrases("post_negation"),
        taken_back=phrases("taken_back"),
        normal_signs=phrases("normal_signs"),
        pseudo_negation=phrases("pseudo_negation"),
        never_like_this=phrases("never_like_this"),
        historical=phrases("historical"),
        historical_ahead=phrases("historical_ahead"),
        pseudo_historical=phrases("pseudo_historical"),
        not_real=phrases("not_real"),
        told_elsewhere=phrases("told_elsewhere"),
        training_frame=phrases("training_frame"),
        hypothetical=phrases("hypothetical"),
        question_starters=frozenset(str(w) for w in data["question_starters"]),
        list_negation=phrases("list_negation"),
        list_negation_and=phrases("list_negation_and"),
        list_item_words=int(data["list_item_words"]),
        list_breakers=frozenset(str(w) for w in data["list_breakers"]),
        info_cues=phrases("info_cues"),
        present_report=phrases("present_report"),
        conditional_report=phrases("conditional_report"),
        not_a_report_after=frozenset(str(w) for w in data["not_a_report_after"]),
        cannot_words=frozenset(str(w) for w in data["cannot_before_without"]),
        not_a_doing=frozenset(str(w) for w in data["not_a_doing"]),
        reader_in_question=frozenset(str(w) for w in data["reader_in_question"]),
        story_stops=frozenset(str(w) for w in data["story_stops"]),
        reader_cause_cues=frozenset(str(w) for w in data["reader_cause_cues"]),
        animals=phrases("animals"),
        animal_verbs=frozenset(str(w) for w in data["animal_verbs"]),
        animal_found=frozenset(str(w) for w in data["animal_found"]),
        animal_acts=frozenset(str(w) for w in data["animal_acts"]),
        max_scope=int(data["max_scope"]),
    )


# Placeholders a trigger phrase may hold ("when i was <number>"), each the test of one word.
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_SOMEONE = frozenset(["i", "he", "she", "they", "we", "you"])
_PLACEHOLDERS = {
    "<number>": is_number,
    # A past year: "in 2019" is history, "due in 2027" is not.
    "<year>": lambda w: w.isdigit() and 1900 <= int(w) < datetime.date.today().year,
    "<month>": lambda w: w in _MONTHS,
    # Whoever it was, and the verb that goes with them: "when <someone> <was> little" reads
    # "when I was little", "when he was little", "when they were little".
    "<someone>": lambda w: w in _SOMEONE,
    "<was>": lambda w: w in ("was", "were"),
}


def _phrase(item: str) -> tuple[str, ...]:
    """A trigger as words, normalised like the text, its placeholders kept as they are."""
    words: list[str] = []
    for part in re.split(r"(<[a-z]+>)", item):
        words += [part] if part in _PLACEHOLDERS else content_words(part)
    return tuple(words)


def _word_matches(word: str, wanted: str) -> bool:
    if word == wanted:
        return True
    test = _PLACEHOLDERS.get(wanted) if wanted[0] == "<" else None
    return test is not None and test(word)


@dataclass(frozen=True)
class Context:
    """Which word positions are negated, historical, hypothetical, or in an info question."""

    negated: frozenset[int]
    historical: frozenset[int]
    hypothetical: frozenset[int]
    questions: frozenset[int] = frozenset()
    # Fiction and training ("in the TV drama", "on the first aid course"): quiet for a clinical
    # picture, never for words that are an emergency on their own ("is not breathing").
    not_real: frozenset[int] = frozenset()
    # Someone else's story read or heard about ("saw on the news"): quiet for everything.
    told_elsewhere: frozenset[int] = frozenset()
    # An animal and no person ("budgie seems to be choking"): quiet for everything.
    animal: frozenset[int] = frozenset()
    # Words after a negation that is part of a clinical term ("no sweating" as a sign of
    # heatstroke): negated for any other finding that starts there ("sweating" with chest pain).
    negated_within_terms: frozenset[int] = frozenset()

    @property
    def not_reported(self) -> frozenset[int]:
        """Positions said of no one now: asked about, imagined, told elsewhere or of an animal
        (what the semantic readings take as asking rather than telling)."""
        return self.questions | self.hypothetical | self.told_elsewhere | self.animal


def assign_context(doc: Document, protected: Iterable[Span] = ()) -> Context:
    """Run NegEx (pre, post and pseudo triggers) and the ConText historical/hypothetical cues.

    ``protected`` are the spans of clinical terms found in the text. Some contain a trigger word
    themselves ("not breathing", "no pulse", "won't wake up"): a trigger wholly inside such a term
    is part of the finding and negates nothing.
    """
    t = triggers()
    covers = [(span.start, span.end) for span in protected]
    covers += _occurrences(doc.words, t.pseudo_negation, covers)
    told = _report_clauses(doc, t, t.present_report)
    reports = told | _report_clauses(doc, t, t.conditional_report)
    own = {clause for clause, who in enumerate(doc.who) if who & t.reader_in_question}
    asked = [
        (start, end)
        for start, end in _info_questions(doc, t)
        if not (doc.clauses[start] in own and " ".join(doc.words[start:end]) in t.reader_cause_cues)
    ]

    negated: set[int] = set()
    within_terms = _negated_within_terms(doc, t, covers)
    for start, end in _occurrences(doc.words, t.pre_negation, covers):
        if doc.words[start] == "never" and _first_time(doc, end, t):
            continue
        if doc.words[start] == "without" and _cannot_before(doc, start, t):
            continue
        clause = doc.clauses[start]
        for position in range(end, min(end + t.max_scope, len(doc.words))):
            if doc.clauses[position] != clause:
                break
            negated.add(position)
        trigger = tuple(doc.words[start:end])
        if trigger in t.list_negation:
            listed = _negated_list(doc, clause, t, closes_with_and=trigger in t.list_negation_and)
            negated.update(i for i, c in enumerate(doc.clauses) if c in listed)
    for start, end in _occurrences(doc.words, t.post_negation, covers):
        if _stopped_doing(doc, end, t):
            continue
        negated.update(_before_in_clause(doc, start, doc.clauses[start], t.max_scope))
    for start, _ in _occurrences(doc.words, t.taken_back, covers):
        negated.update(_taken_back(doc, start, t.max_scope))

    hypothetical = _occurrences(doc.words, t.hypothetical, covers)
    not_past = [*covers, *_occurrences(doc.words, t.pseudo_historical, ())]
    # Where a story told on stops: a report now, the reader, or a word of the present.
    ends = told | own | _present_clauses(doc, t)
    return Context(
        negated=frozenset(negated),
        historical=_whole_clauses(doc, _occurrences(doc.words, t.historical, not_past))
        | _rest_of_clauses(doc, _occurrences(doc.words, t.historical_ahead, not_past)),
        not_real=_story_clauses(
            doc, _except_reports(doc, _occurrences(doc.words, t.not_real, covers), told), ends
        ),
        told_elsewhere=_story_clauses(
            doc, _except_reports(doc, _occurrences(doc.words, t.told_elsewhere, covers), told), ends
        )
        | _training_frame(doc, t, covers, reports),
        hypothetical=_whole_clauses(doc, _except_reports(doc, hypothetical, reports)),
        questions=_whole_clauses(doc, _except_reports(doc, asked, reports)),
        animal=_animal_clauses(doc, t),
        negated_within_terms=within_terms,
    )


def normal_signs(doc: Document) -> frozenset[int]:
    """The word positions of signs said to be as they should be ("breathing comfortably",
    context.yaml normal_signs). Only the semantic detector reads them: the rules match their
    own terms ("not breathing normally" is one), so assign_context does not look for them."""
    return frozenset(
        i
        for start, end in _occurrences(doc.words, triggers().normal_signs, ())
        for i in range(start, end)
    )


def _taken_back(doc: Document, start: int, scope: int) -> list[int]:
    """The words a figure of speech taken back ("not literally") denies: those before it in its
    clause, or, when it opens the clause after a comma ("I want to die, not literally"), those
    of the clause before."""
    clause = doc.clauses[start]
    # "not literally, but I have pills saved": the take-back is itself taken back.
    if "but" in doc.words[start : start + 5]:
        return []
    if start > 0 and doc.clauses[start - 1] != clause and clause in doc.after_comma:
        clause = doc.clauses[start - 1]
    return _before_in_clause(doc, start, clause, scope)


def _before_in_clause(doc: Document, start: int, clause: int, scope: int) -> list[int]:
    """Up to ``scope`` words before ``start``, nearest first, while they are in ``clause``."""
    words = []
    for position in range(start - 1, max(start - scope, 0) - 1, -1):
        if doc.clauses[position] != clause:
            break
        words.append(position)
    return words


def _negated_within_terms(
    doc: Document, t: Triggers, covers: Sequence[tuple[int, int]]
) -> frozenset[int]:
    """The one word of a term made of a negation and that word: the term is a finding ("no
    sweating" in heatstroke, "not breathing"), and the word alone is not there ("no sweating"
    is no sweat beside a chest pain). Where a longer term holds it, its words are read as that
    term's rules expect ("baby has not moved much" still reads "moved" as the baby's movements,
    "not weed all day" "all day" as how long)."""
    inner: set[int] = set()
    for start, end in covers:
        if any(s <= start and end <= e and e - s > end - start for s, e in covers):
            continue
        for phrase in t.pre_negation.starting_at(doc.words[start]):
            stop = start + len(phrase)
            if stop == end - 1 and tuple(doc.words[start:stop]) == phrase:
                inner.add(stop)
    return frozenset(inner)


def _negated_list(
    doc: Document, clause: int, t: Triggers, *, closes_with_and: bool = False
) -> frozenset[int]:
    """The clauses after ``clause`` that continue a negated list, or none: each opened by a
    comma, short, naming no person, holding no list breaker, and the last holding "or"/"nor" —
    or "and", after a clinician's denial ("denies fever, headache and photophobia"), a register
    in which "and" closes a list of negatives rather than starting what the reader has."""
    closing = {"or", "nor", "and"} if closes_with_and else {"or", "nor"}
    breakers = t.list_breakers - closing
    items: list[int] = []
    following = clause + 1
    while following in doc.after_comma:
        words = [w for w, c in zip(doc.words, doc.clauses, strict=True) if c == following]
        who = doc.who[following] if following < len(doc.who) else frozenset()
        if not words or len(words) > t.list_item_words or who or breakers & set(words):
            return frozenset()
        items.append(following)
        if closing & set(words):
            return frozenset(items)
        following += 1
    return frozenset()


def _animal_clauses(doc: Document, t: Triggers) -> frozenset[int]:
    """Positions of clauses about an animal alone: the animal the subject ("dog is") or found,
    no person named, nothing done to someone."""
    quiet = set()
    for start, end in _occurrences(doc.words, t.animals, ()):
        clause = doc.clauses[start]
        after = doc.words[end] if end < len(doc.words) and doc.clauses[end] == clause else ""
        before = doc.words[start - 1] if start and doc.clauses[start - 1] == clause else ""
        if after not in t.animal_verbs and before not in t.animal_found:
            continue
        named = doc.who[clause] if clause < len(doc.who) else frozenset()
        acts = any(
            w in t.animal_acts for w, c in zip(doc.words, doc.clauses, strict=True) if c == clause
        )
        if not named and not acts:
            quiet.add(clause)
    return frozenset(i for i, clause in enumerate(doc.clauses) if clause in quiet)


def _cannot_before(doc: Document, start: int, t: Triggers) -> bool:
    """ "can't stand up without nearly fainting": what follows "without" happens every time,
    a double negative, when a "cannot" comes a few words before it in its clause."""
    clause = doc.clauses[start]
    words = [
        doc.words[i] for i in range(max(0, start - t.max_scope), start) if doc.clauses[i] == clause
    ]
    return any(w in t.cannot_words for w in words)


def _first_time(doc: Document, after: int, t: Triggers) -> bool:
    """Whether the clause of a "never" says the finding is new ("never felt pain like this")."""
    clause = doc.clauses[after - 1]
    end = after
    while end < len(doc.words) and doc.clauses[end] == clause:
        end += 1
    return bool(_occurrences(doc.words[after:end], t.never_like_this, ()))


def _except_reports(
    doc: Document, occurrences: list[tuple[int, int]], reports: set[int]
) -> list[tuple[int, int]]:
    """A question about the reader's own present symptoms is a report, not a question."""
    return [(s, e) for s, e in occurrences if doc.clauses[s] not in reports]


def _info_questions(doc: Document, t: Triggers) -> list[tuple[int, int]]:
    """Info cues in clauses that open with a question word."""
    found = []
    for start, end in _occurrences(doc.words, t.info_cues, ()):
        clause = doc.clauses[start]
        opening = doc.clauses.index(clause)
        if doc.words[opening] in t.question_starters:
            found.append((start, end))
    return found


def _stopped_doing(doc: Document, end: int, t: Triggers) -> bool:
    """ "has stopped sweating", "has stopped eating": a new finding told with its verb, not the
    end of the one before ("confused and has stopped sweating" is still confused)."""
    if end >= len(doc.words) or doc.clauses[end] != doc.clauses[end - 1]:
        return False
    word = doc.words[end]
    return word.endswith("ing") and word not in t.not_a_doing


def _occurrences(
    words: Sequence[str], phrases: Phrases, covers: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Occurrences of ``phrases`` (longest first), except those inside one of ``covers``."""
    found: list[tuple[int, int]] = []
    position = 0
    while position < len(words):
        word = words[position]
        for phrase in phrases.starting_at(word):
            end = position + len(phrase)
            # Compare the words first: checking ``covers`` is the costly part on long text.
            if not _word_matches(word, phrase[0]):
                continue
            if end > len(words) or not all(
                _word_matches(later, wanted)
                for later, wanted in zip(words[position + 1 : end], phrase[1:], strict=True)
            ):
                continue
            if any(s <= position and end <= e for s, e in covers):
                continue
            found.append((position, end))
            position = end - 1
            break
        position += 1
    return found


def _training_frame(
    doc: Document, t: Triggers, covers: Sequence[tuple[int, int]], reports: set[int]
) -> frozenset[int]:
    """Every word, when the message is framed as learning ("first aid course question: do you
    use the EpiPen first or call 999 first?"): the frame is said once and the question comes in
    its own clause, which clause-wide cues never reach. Only a question is framed, and only when
    nothing in it reports a person now ("he is", "has collapsed") and the reader is nowhere in
    it ("on a first aid course and now my chest is crushing" is a report)."""
    if reports or any(who & t.reader_in_question for who in doc.who):
        return frozenset()
    openings = (i for i, c in enumerate(doc.clauses) if i == 0 or c != doc.clauses[i - 1])
    asks = any(doc.words[i] in t.question_starters for i in openings)
    if not asks or not _occurrences(doc.words, t.training_frame, covers):
        return frozenset()
    return frozenset(range(len(doc.words)))


def _rest_of_clauses(doc: Document, occurrences: list[tuple[int, int]]) -> frozenset[int]:
    """From each occurrence to the end of its clause."""
    marked: set[int] = set()
    for start, _ in occurrences:
        clause = doc.clauses[start]
        position = start
        while position < len(doc.words) and doc.clauses[position] == clause:
            marked.add(position)
            position += 1
    return frozenset(marked)


def _report_clauses(doc: Document, t: Triggers, cues: Phrases) -> set[int]:
    """The clauses where one of ``cues`` reports a person now ("he is", "if my son...")."""
    return {
        doc.clauses[start]
        for start, end in _occurrences(doc.words, cues, ())
        if not set(doc.words[end : end + 2]) & t.not_a_report_after
    }


def _present_clauses(doc: Document, t: Triggers) -> set[int]:
    """Clauses with a word of the present, and the clause before one that opens with it ("...
    is drooping now" reads "now" as a clause of its own)."""
    present: set[int] = set()
    for position, (word, clause) in enumerate(zip(doc.words, doc.clauses, strict=True)):
        if word in t.story_stops:
            present.add(clause)
            if position and doc.clauses[position - 1] != clause:
                present.add(doc.clauses[position - 1])
    return present


def _story_clauses(
    doc: Document, occurrences: list[tuple[int, int]], ends: set[int]
) -> frozenset[int]:
    """The clauses of a film, a book or a lesson: the clause that names it and the clauses
    that tell it after ("In the novel I'm reading, a girl can't wake her grandmother and does
    CPR"), up to one of ``ends``: a report now, the reader ("... and I feel faint myself") or
    a word of the present ("husband's face drooping now")."""
    framed = {doc.clauses[start] for start, _ in occurrences}
    last = doc.clauses[-1] if doc.clauses else -1
    for clause in sorted(framed):
        following = clause + 1
        while following <= last and following not in ends:
            framed.add(following)
            following += 1
    return frozenset(i for i, c in enumerate(doc.clauses) if c in framed)


def _whole_clauses(doc: Document, occurrences: list[tuple[int, int]]) -> frozenset[int]:
    clauses = {doc.clauses[start] for start, _ in occurrences}
    return frozenset(i for i, clause in enumerate(doc.clauses) if clause in clauses)
