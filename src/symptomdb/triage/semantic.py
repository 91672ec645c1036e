"""A second emergency detector that reads meaning, not words.

The rules (rules.yaml) recognise emergencies written the way their vocabulary expects. People
also write "he's gone grey and I can't wake him" or "breath smells like pear drops and she's
breathing really deep": the same emergencies in words no list foresaw. This detector compares what
the reader typed, clause by clause, with a bank of example presentations written from public
guidance (presentations.yaml), using the sentence model the search already loads, and answers
with the level of the nearest group when the text is close enough to it and clearly closer to it
than to the bank's look-alikes ("what are the signs of a stroke", "my heart sank").

Its thresholds (semantic.yaml) are set by benchmarks/triage_tune.py on the tuning split of the
project's own labelled sentences, and checked on the held-out split, never on the dev set.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from symptomdb.language.embedding import MODEL_NAME, EmbeddingUnavailable, embedder

from .context import assign_context, normal_signs
from .learned import LearnedReading, load_learned
from .reading import LIST_SEPARATORS, Document, analyse
from .ruleset import Source
from .wordlists import load_yaml

logger = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]
Embed = Callable[[Sequence[str]], Vectors]

ALARM_LEVELS = ("emergency", "urgent")
CALM = "none"  # the level of the look-alike groups
MAX_SEGMENTS = 24  # a long story is read in at most this many pieces
MIN_WORDS = 4  # shorter pieces are left to the rules (text_segments says why)
# The separators of a list or a timeline end a clause too (reading.LIST_SEPARATORS).
_CLAUSE_END = re.compile(
    rf"[.;!?\n]+|,|{LIST_SEPARATORS}|\bbut\b|\bthen\b|\band now\b", re.IGNORECASE
)
# Where a run of words with no punctuation starts a new statement: "and" before a new subject
# ("and it", "and my", as reading.analyse reads "and"; context.yaml new_subject) or a
# conjunction that opens one. Speech typed by a phone's microphone and hurried messages have
# no commas: read whole, a denial anywhere in them ("no chest pain") takes the stance of the
# whole clause and hides every finding in it from the detector.
_SPOKEN_CLAUSE = re.compile(
    r"\s+and\s+(?=(?:i|i'm|im|my|he|he's|she|she's|his|her|it|it's|its|they|their|we|our|"
    r"you|your|the|this|that|there|now|then|someone|somebody|suddenly)\b)"
    r"|\s+(?=(?:because|although|though|whereas|however)\b)",
    re.IGNORECASE,
)


class BankError(ValueError):
    """presentations.yaml or semantic.yaml is malformed; the message names what to fix."""


@dataclass(frozen=True)
class Group:
    id: str
    family: str
    level: str  # emergency, urgent, or none for look-alikes
    sources: tuple[Source, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Thresholds:
    """How close a piece of text must be to a group's nearest example to take its level."""

    emergency: float
    urgent: float
    # ... and by how much closer than to the nearest look-alike.
    margin: float
    # The learned reading (learned.py): a piece is an emergency when it gives "emergency" at
    # least this probability, urgent when "emergency" and "urgent" together reach
    # learned_urgent. 2 is never reached: the reading is off.
    learned_emergency: float = 2.0
    learned_urgent: float = 2.0
    # The words reading (learned_words.py), the same way, where the learned reading gives the
    # same level (for "urgent", emergency and urgent together) at least words_gate on a piece.
    words_emergency: float = 2.0
    words_urgent: float = 2.0
    words_gate: float = 2.0

    def for_level(self, level: str) -> float:
        return self.emergency if level == "emergency" else self.urgent

    def learned_for_level(self, level: str) -> float:
        return self.learned_emergency if level == "emergency" else self.learned_urgent

    def words_for_level(self, level: str) -> float:
        return self.words_emergency if level == "emergency" else self.words_urgent


@dataclass(frozen=True)
class Finding:
    group: Group
    similarity: float
    segment: str  # the piece of the reader's text that was close to the group
    calm_similarity: float  # how close the same piece is to the nearest look-alike
    # For a finding of the learned reading: the probability it gave the group's level (for
    # "urgent", emergency and urgent together). 0 for a finding of the nearest examples.
    learned: float = 0.0
    # Which reading found it: "semantic" (the examples or the learned reading) or "words"
    # (learned_words.py, with the piece the learned reading let it speak on).
    reading: str = "semantic"


@dataclass(frozen=True, eq=False)
class _Piece:
    """A piece of the reader's text the detector reads: not denied, with its vector."""

    segment: str
    vector: Vectors
    similarities: Vectors  # to every example of the bank
    stance: tuple[bool, bool, bool]


class SemanticDetector:
    """The bank's groups and their vectors; ``detect`` compares a text with them."""

    def __init__(
        self,
        groups: Sequence[Group],
        vectors: Vectors,
        embed: Embed,
        learned: LearnedReading | None = None,
    ) -> None:
        self.groups = tuple(groups)
        self._vectors = vectors
        owners = [i for i, g in enumerate(self.groups) for _ in g.examples]
        self._calm = np.array([self.groups[i].level == CALM for i in owners], dtype=bool)
        self._examples = [e for g in self.groups for e in g.examples]
        self._stance = np.array([stance(e) for e in self._examples])
        # The alarm groups' example rows, padded to one width (-1), for one gather per text.
        self._alarm_groups = [i for i, g in enumerate(self.groups) if g.level != CALM]
        rows = [[r for r, o in enumerate(owners) if o == i] for i in self._alarm_groups]
        width = max(len(r) for r in rows)
        self._rows = np.array([r + [-1] * (width - len(r)) for r in rows], dtype=np.int64)
        self._embed = embed
        self.learned_reading = learned
        # The alarm groups of each level, as positions in _alarm_groups (the learned reading
        # defers, as the examples do, when the nearest group of its level is settled by rules).
        self._alarm_of_level = {
            level: [i for i, g in enumerate(self._alarm_groups) if self.groups[g].level == level]
            for level in ALARM_LEVELS
        }

    @property
    def vectors(self) -> Vectors:
        """The bank's example vectors, one row per example in the groups' order."""
        return self._vectors

    def detect(
        self,
        text: str,
        thresholds: Thresholds | None = None,
        *,
        defer_to: frozenset[str] = frozenset(),
        words: Vectors | None = None,
    ) -> Finding | None:
        """The most urgent group the text is close to, or None. Groups of the families in
        ``defer_to`` are passed over: the rules have applied those families' own criteria.

        A piece takes a group's level when it is close enough to the group's examples, and
        clearly closer than to any look-alike (the thresholds' first three), or when the
        learned reading gives that level enough probability (the next two; its finding then
        speaks for the level alone, learned_group). Last, ``words``, the words reading's
        probabilities for the whole text (learned_words.py), may raise the level found so
        far, never lower it: where it gives a level enough probability and the learned reading
        gives the same level at least ``words_gate`` on one of the pieces it reads."""
        limits = thresholds or load_thresholds()
        pieces = self._pieces(text)
        best = None
        for finding in self._nearest(pieces):
            if finding.group.family in defer_to:
                continue
            close = finding.similarity >= limits.for_level(finding.group.level)
            clear = finding.similarity - finding.calm_similarity >= limits.margin
            if close and clear and (best is None or _more_urgent(finding, best)):
                best = finding
        learned = self._learned(pieces, defer_to)
        for finding in learned:
            likely = finding.learned >= limits.learned_for_level(finding.group.level)
            if likely and (best is None or _more_urgent(finding, best)):
                best = finding
        if words is not None:
            best = _raised_by_words(best, learned, words, limits)
        return best

    def nearest(self, text: str, *, leave_out: str | None = None) -> list[Finding]:
        """For each piece of the text, its nearest alarm group (the tuning benchmark reads
        these to choose the thresholds; ``leave_out`` hides one of the bank's own examples, so
        that the bank can be measured against itself).

        A group's closeness is the mean of its two nearest examples: a real presentation is near
        several of its group's phrasings, while a few shared words ("burning when I pee" and an
        example about chemotherapy that also burns) bring one example close by chance.
        """
        return self._nearest(self._pieces(text, leave_out=leave_out))

    def learned(self, text: str, *, defer_to: frozenset[str] = frozenset()) -> list[Finding]:
        """For each piece of the text the learned reading reads, its two findings: "emergency"
        with the probability of emergency, "urgent" with that of emergency or urgent
        (benchmarks/triage_train.py chooses the thresholds from these). Empty without a
        learned reading."""
        return self._learned(self._pieces(text), defer_to)

    def _pieces(self, text: str, *, leave_out: str | None = None) -> list[_Piece]:
        readable = readable_pieces(text)
        if not readable:
            return []
        vectors = self._embed([segment for segment, _ in readable])
        similarities = vectors @ self._vectors.T
        if leave_out is not None:
            hidden = [i for i, e in enumerate(self._examples) if e == leave_out]
            similarities[:, hidden] = -np.inf
        rows = zip(readable, vectors, similarities, strict=True)
        return [_Piece(segment, vector, row, stance) for (segment, stance), vector, row in rows]

    def _closeness(self, row: Vectors, comparable: npt.NDArray[np.bool_]) -> Vectors:
        """Each alarm group's closeness to a piece: the mean of its two nearest comparable
        examples; a group with a single one counts for less than one with two."""
        scores = np.where(comparable, row, -np.inf)
        gathered = np.where(self._rows >= 0, scores[self._rows], -np.inf)
        top_two = -np.partition(-gathered, 1, axis=1)[:, :2]
        closeness: Vectors = np.where(
            np.isfinite(top_two[:, 1]), top_two.mean(axis=1), top_two[:, 0] - 0.1
        )
        return closeness

    def _nearest(self, pieces: Sequence[_Piece]) -> list[Finding]:
        findings = []
        for piece in pieces:
            comparable = ~self._calm & (self._stance == piece.stance).all(axis=1)
            closeness = self._closeness(piece.similarities, comparable)
            best = int(np.argmax(closeness))
            if not np.isfinite(closeness[best]):
                continue
            group = self.groups[self._alarm_groups[best]]
            findings.append(
                Finding(group, float(closeness[best]), piece.segment, self._calm_of(piece))
            )
        return findings

    def _learned(self, pieces: Sequence[_Piece], defer_to: frozenset[str]) -> list[Finding]:
        if self.learned_reading is None or not pieces:
            return []
        # A question for information, a hypothetical, someone else's story on television or an
        # animal's is not read (the examples compare such a piece only with examples told the
        # same way; the reading has no such sense: "is it ok for him to take ibuprofen on blood
        # thinners?" read as an emergency). A first-person question about present symptoms is
        # a report for context.py, so it is still read.
        pieces = [p for p in pieces if not p.stance[2]]
        if not pieces:
            return []
        probabilities = self.learned_reading.probabilities(np.stack([p.vector for p in pieces]))
        findings = []
        for piece, (emergency, urgent, _) in zip(pieces, probabilities, strict=True):
            # The nearest group of each level, of any stance, is only asked whether the rules
            # have settled its family (defer_to); the finding names no family.
            closeness = self._closeness(piece.similarities, ~self._calm)
            for level, probability in (("emergency", emergency), ("urgent", emergency + urgent)):
                of_level = self._alarm_of_level[level]
                if not of_level:
                    continue
                nearest = max(of_level, key=lambda i: closeness[i])
                if self.groups[self._alarm_groups[nearest]].family in defer_to:
                    continue  # the rules have read this family's own numbers
                findings.append(
                    Finding(
                        learned_group(level),
                        float(closeness[nearest]),
                        piece.segment,
                        self._calm_of(piece),
                        learned=float(probability),
                    )
                )
        return findings

    def _calm_of(self, piece: _Piece) -> float:
        return float(np.max(piece.similarities[self._calm], initial=-1.0))


def _raised_by_words(
    best: Finding | None, learned: Sequence[Finding], words: Vectors, limits: Thresholds
) -> Finding | None:
    """``best``, or a finding of the words reading when it gives a more urgent level: enough
    probability of that level from the words, and at least ``words_gate`` from the learned
    reading on one piece (the one with the most, which the finding shows)."""
    for level, probability in (("emergency", words[0]), ("urgent", words[0] + words[1])):
        if best is not None and ALARM_LEVELS.index(best.group.level) <= ALARM_LEVELS.index(level):
            break
        if probability < limits.words_for_level(level):
            continue
        of_level = [f for f in learned if f.group.level == level]
        gate = max(of_level, key=lambda f: f.learned, default=None)
        if gate is not None and gate.learned >= limits.words_gate:
            return replace(gate, learned=float(probability), reading="words")
    return best


def _more_urgent(a: Finding, b: Finding) -> bool:
    rank_a, rank_b = ALARM_LEVELS.index(a.group.level), ALARM_LEVELS.index(b.group.level)
    return rank_a < rank_b or (rank_a == rank_b and a.similarity > b.similarity)


# The words that join a list's items ("arm weakness and numbness"): a piece made of denied
# items and these is denied, though "and" is said elsewhere in the text too.
_LIST_JOINERS = frozenset({"and", "or", "nor"})


def _only_denied(doc: Document, negated: frozenset[int]) -> frozenset[str]:
    """Words the whole text uses only where it denies them: the items of "no headache, double
    vision, slurred speech or weakness", which the clause pieces no longer show as denied."""
    denied = {w for i, w in enumerate(doc.words) if i in negated}
    said = {w for i, w in enumerate(doc.words) if i not in negated}
    return frozenset(denied - said)


def stance(text: str) -> tuple[bool, bool, bool]:
    """Whether ``text`` negates something, speaks of the past, or asks for information, read as
    the rules read context (context.py)."""
    return _stance_of(analyse(text))


def _stance_of(doc: Document) -> tuple[bool, bool, bool]:
    context = assign_context(doc)
    return (
        bool(context.negated),
        bool(context.historical),
        bool(context.not_reported),
    )


def readable_pieces(text: str) -> list[tuple[str, tuple[bool, bool, bool]]]:
    """The pieces of ``text`` the detector compares with the bank (text_segments), each with
    its stance.

    Sentence vectors barely see "not", "last year" or "what is": a piece that denies is not
    read, and the others are compared with the alarm examples that take the same stance as
    they do (_nearest). Nor do they tell "breathing comfortably" from "struggling to breathe":
    a sign said to be as it should be (context.yaml, normal_signs) is cut out of its piece and
    the rest is read, so "wasp sting, whole arm swollen, breathing fine" is read for the sting
    and the arm.
    """
    whole = analyse(text)
    context = assign_context(whole)
    denied = _only_denied(whole, context.negated)
    # A text told elsewhere from end to end (a first-aid lesson's question, context.py
    # _training_frame) asks for information in every piece, though a piece alone may not say so.
    told = len(context.told_elsewhere) == len(whole.words) > 0
    readable: dict[str, tuple[bool, bool, bool]] = {}
    for segment in text_segments(text):
        doc = analyse(segment)
        normal = normal_signs(doc)
        if normal:
            segment = _cut(doc, normal)
            if len(segment.split()) < MIN_WORDS:
                continue
            doc = analyse(segment)
        position = _stance_of(doc)
        if told:
            position = (position[0], position[1], True)
        listed = [w for w in doc.words if w not in _LIST_JOINERS]
        if position[0] or (listed and denied.issuperset(listed)):
            continue
        readable.setdefault(segment, position)
    return list(readable.items())


def _cut(doc: Document, positions: frozenset[int]) -> str:
    """The piece's words without those at ``positions``, its clauses still apart."""
    kept = [i for i in range(len(doc.words)) if i not in positions]
    return "".join(
        ("" if n == 0 else ", " if doc.clauses[i] != doc.clauses[kept[n - 1]] else " ")
        + doc.words[i]
        for n, i in enumerate(kept)
    )


def text_segments(text: str) -> list[str]:
    """The whole text, each clause, and each pair of neighbouring clauses.

    A presentation may sit in one clause ("lips going blue") or need two ("diabetic, breathing
    deep and fast"); the whole text catches what is spread further.
    """
    text = " ".join(text.split())
    if not text:
        return []
    clauses = [c for c in (c.strip() for c in _CLAUSE_END.split(text)) if c]
    segments = [text, *clauses, *(f"{a}, {b}" for a, b in itertools.pairwise(clauses))]
    # The statements of a run-on clause, each alone as well: "my leg's warm and swollen and it
    # hurts when I walk no chest pain" holds a finding that the denial at its end would hide
    # (nearest() passes over a piece that denies anything). A statement cut from its clause
    # needs a word more than a clause to stand alone ("tearing up a lot" is not a tearing pain).
    for clause in clauses:
        pieces = [p for p in (p.strip() for p in _SPOKEN_CLAUSE.split(clause)) if p]
        if len(pieces) > 1:
            segments += [p for p in pieces if len(p.split()) > MIN_WORDS]
    # A piece of a few words ("muscle spasms") is the name of a symptom, which the rules read
    # well; to the model it is close to every presentation that mentions it ("muscle spasms
    # after stepping on a rusty nail"). The detector reads the longer pieces: its job is the
    # story no rule foresaw.
    long_enough = [s for s in segments if len(s.split()) >= MIN_WORDS]
    return list(dict.fromkeys(long_enough))[:MAX_SEGMENTS]


# --- loading -----------------------------------------------------------------------------------


BANK_FILES = ("presentations.yaml", "everyday.yaml")


@cache
def load_groups(*paths: str) -> tuple[Group, ...]:
    """The bank's groups, checked: ids unique, levels known, a https source, examples.

    The packaged bank is the example presentations and the everyday look-alikes (BANK_FILES).
    """
    groups = []
    for path in paths or BANK_FILES:
        for raw in _yaml(path).get("groups") or []:
            groups.append(_group(raw))
    if not groups:
        raise BankError(f"{', '.join(paths or BANK_FILES)}: no groups")
    ids = [g.id for g in groups]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise BankError(f"group ids must be unique; repeated: {', '.join(repeated)}")
    return tuple(groups)


def _group(raw: dict[str, Any]) -> Group:
    group_id = str(raw.get("id") or "")
    level = str(raw.get("level") or "")
    if not group_id:
        raise BankError(f"a group has no id: {str(raw)[:80]}")
    if level not in (*ALARM_LEVELS, CALM):
        raise BankError(f"group {group_id}: level must be emergency, urgent or none")
    sources = _sources(raw.get("sources"), f"group {group_id}")
    examples = tuple(" ".join(str(e).split()) for e in raw.get("examples") or [] if str(e).strip())
    if not examples:
        raise BankError(f"group {group_id}: needs examples")
    return Group(group_id, str(raw.get("family") or CALM), level, sources, examples)


LEARNED_FAMILY = "any"  # the learned reading's findings name no family (learned_group)


@cache
def learned_group(level: str) -> Group:
    """The group a finding of the learned reading speaks as: its level, no family, and the
    guidance on when to get help at that level (semantic.yaml)."""
    raw = (_yaml("semantic.yaml").get("learned") or {}).get("sources") or {}
    sources = _sources(raw.get(level), f"semantic.yaml, learned sources for {level}")
    return Group(f"learned-{level}", LEARNED_FAMILY, level, sources, ())


def _sources(raw: list[dict[str, Any]] | None, where: str) -> tuple[Source, ...]:
    """The guidance pages listed at ``where``: at least one, each with a title and an https
    url, or BankError."""
    sources = tuple(
        Source(title=str(s.get("title") or ""), url=str(s.get("url") or "")) for s in raw or []
    )
    if not sources or not all(s.title and s.url.startswith("https://") for s in sources):
        raise BankError(f"{where}: needs a source with a title and an https:// url")
    return sources


@cache
def load_thresholds() -> Thresholds:
    settings = _yaml("semantic.yaml")
    data = settings["thresholds"]
    learned = settings.get("learned") or {}  # without it the learned reading is off
    words = settings.get("words") or {}  # without it the words reading is off
    return Thresholds(
        emergency=float(data["emergency"]),
        urgent=float(data["urgent"]),
        margin=float(data["margin"]),
        learned_emergency=float(learned.get("emergency_probability", 2.0)),
        learned_urgent=float(learned.get("urgent_probability", 2.0)),
        words_emergency=float(words.get("emergency_probability", 2.0)),
        words_urgent=float(words.get("urgent_probability", 2.0)),
        words_gate=float(words.get("learned_at_least", 2.0)),
    )


def _yaml(name: str) -> dict[str, Any]:
    if Path(name).is_absolute():
        text = Path(name).read_text(encoding="utf-8")
    else:
        text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


def bank_vectors(groups: Sequence[Group], embed: Embed, cache_dir: Path | None) -> Vectors:
    """The examples' vectors, from ``cache_dir`` when the same bank was embedded before."""
    examples = [e for g in groups for e in g.examples]
    # The model is part of the key: another model's vectors are not these.
    digest = hashlib.sha256("\n".join([MODEL_NAME, *examples]).encode()).hexdigest()[:16]
    path = cache_dir / f"triage-bank-{digest}.npy" if cache_dir else None
    if path is not None and path.is_file():
        try:
            stored: Vectors = np.load(path)
            if stored.shape[0] == len(examples):
                return stored
        except (OSError, ValueError):
            logger.warning("Triage: could not read %s; embedding the bank again.", path)
    vectors = embed(examples).astype(np.float32)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp.npy")
            np.save(temporary, vectors)
            temporary.replace(path)
        except OSError as error:
            logger.warning("Triage: could not keep the bank's vectors in %s (%s).", path, error)
    return vectors


# --- the process's detector --------------------------------------------------------------------

_lock = threading.Lock()
_loaded: dict[str, SemanticDetector | None] = {}
_cache_dir: list[Path] = []


def cache_dir_use(path: Path) -> None:
    """Keep the bank's vectors in ``path`` between processes (the site sets its cache folder)."""
    _cache_dir[:] = [path]


def detector() -> SemanticDetector | None:
    """The process-wide detector, or None when the sentence model is unavailable.

    Loaded on first use. Without the model the triage answers from its rules alone, and says so
    once in the log.
    """
    if "detector" in _loaded:
        return _loaded["detector"]
    with _lock:
        if "detector" not in _loaded:
            _loaded["detector"] = _detector_load(_cache_dir[0] if _cache_dir else None)
    return _loaded["detector"]


def detector_reset() -> None:
    """Forget the loaded detector (tests)."""
    _loaded.clear()


def _detector_load(cache_dir: Path | None) -> SemanticDetector | None:
    try:
        model = embedder()
    except EmbeddingUnavailable as error:
        logger.warning("Triage: the sentence model is unavailable (%s); rules alone.", error)
        return None
    groups = load_groups()
    vectors = bank_vectors(groups, model.embed, cache_dir)
    return SemanticDetector(groups, vectors, model.embed_recent, load_learned())
