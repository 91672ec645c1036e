"""The triage rule set: loaded from ``rules.yaml``, checked, and applied to analysed text.

A rule fires when every concept group in ``all`` has an affirmed occurrence and one occurrence of
each lies within ``window`` words of the others, or when any of its ``any`` phrases (findings that
are emergencies on their own, such as "anaphylaxis") is affirmed. See the header of rules.yaml for
the editor's view of the format.
"""

from __future__ import annotations

import bisect
import itertools
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .context import Context, assign_context
from .families import FamilyFlag, RuleSetError, Source, family_flags
from .locale import PLACEHOLDERS
from .quantities import MEASURES, Quantity, Threshold, read_quantities
from .reading import Document, analyse
from .speller import Speller
from .terms import Span, Term, TermIndex, parse_terms
from .wordlists import load_yaml

LEVELS = ("emergency", "urgent", "routine", "self_care")
DEFAULT_WINDOW = 12
_EXCEPT = "!except"  # suffix of the index owner holding a concept's exceptions


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    level: str
    message: str
    sources: tuple[Source, ...]
    all_of: tuple[str, ...]
    any_of: str | None  # name of the anonymous concept holding the rule's own phrases
    unless: tuple[str, ...]
    # Concepts that stop the rule wherever in the text they are said: an outcome told apart
    # from the finding ("it bled a lot. It stopped with pressure after two minutes").
    unless_anywhere: tuple[str, ...]
    window: int
    same_clause: bool
    # Fired by a condition's name ("having a stroke"): quiet in information-seeking questions.
    condition_name: bool
    # Concepts of ``all_of`` that describe the person (rules.yaml ``about_the_person``): they
    # may sit anywhere in the text, outside the window.
    anywhere: tuple[str, ...] = ()
    # Of those, the conditions a person lives with (rules.yaml ``lifelong_conditions``): told as
    # the past ("I've had sickle cell all my life") they still hold now.
    lifelong: tuple[str, ...] = ()
    # Whether the rule speaks for its whole family, so that the semantic detector defers to it
    # there (RuleSet._families_read). Not a rule for one picture among the family's others:
    # "labour before 37 weeks" says nothing of a cord seen at 40 weeks (rules.yaml
    # ``speaks_for_family: false``).
    speaks_for_family: bool = True
    # Concepts naming a known cause that stop the rule wherever they are said, the past
    # included ("diagnosed with Bell's palsy last month"): only a denial or a question leaves
    # them out.
    unless_known: tuple[str, ...] = ()

    @property
    def rank(self) -> int:
        return LEVELS.index(self.level)


@dataclass(frozen=True)
class Firing:
    rule: Rule
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Reading:
    firings: list[Firing]  # most urgent first
    # Families the rules have judged (RuleSet._families_read): the semantic detector defers.
    families_read: frozenset[str]
    # What the rules read on the way, kept for the words reading (learned_words.py), which
    # reads the same words rather than analysing the text again: the concepts found, by name,
    # and the context of every word.
    concepts: Mapping[str, list[Span]]
    context: Context

    @property
    def level(self) -> str | None:
        """The most urgent level a rule gave, or None when none fired."""
        return self.firings[0].rule.level if self.firings else None


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    concepts: Mapping[str, tuple[Term, ...]]
    index: TermIndex
    speller: Speller
    # Concepts that are measurements ("more than 8 tablets"), by name.
    thresholds: Mapping[str, Threshold]
    # The families' lines for symptom pages, by the (system, code) they concern (red_flags.py).
    red_flags: Mapping[tuple[str, str], tuple[FamilyFlag, ...]] = field(default_factory=dict)
    # Concepts that a measurement also stands for, by name: "child" is said by "my 7yo" as by
    # "my son" (a concept's ``measured:`` list in rules.yaml).
    measured_as: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Measures whose numbers a concept's words are not, by concept: "3 weeks" is how long
    # something has lasted, except in "baby's 3 weeks" (an age) or "33 weeks, contractions"
    # (a pregnancy) (a concept's ``except_measured:`` list in rules.yaml).
    except_measured: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Concepts whose exceptions are the same words meaning something else ("the worst headache
    # in weeks"): said only in those, they rule out the families that ask for the concept
    # (a concept's ``except_rules_out: true`` in rules.yaml).
    excepts_rule_out: frozenset[str] = frozenset()

    def rule_for(self, family: str, level: str) -> Rule | None:
        """The first rule of ``family`` at ``level`` (its message speaks for that family there),
        else the family's most urgent rule; None when the family has no rule."""
        of_family = sorted((r for r in self.rules if r.family == family), key=lambda r: r.rank)
        at_level = [r for r in of_family if r.level == level]
        chosen = at_level or of_family
        # A rule for one picture of the family ("speaks_for_family: false") speaks for it only
        # where no other rule can.
        chosen = sorted(chosen, key=lambda r: not r.speaks_for_family)
        return chosen[0] if chosen else None

    @cached_property
    def _rules_by_concept(self) -> Mapping[str, tuple[int, ...]]:
        """The rules, by position, under the concept without which each cannot fire: its own
        phrases (``any``), or the first concept of ``all``, which needs every one of them."""
        under: dict[str, list[int]] = {}
        for position, rule in enumerate(self.rules):
            for concept in {rule.any_of, *rule.all_of[:1]} - {None}:
                under.setdefault(str(concept), []).append(position)
        return {concept: tuple(positions) for concept, positions in under.items()}

    def _rules_possible(self, found: Mapping[str, list[Span]]) -> list[Rule]:
        """The rules that may fire on the concepts found, in file order: most rules have none
        of their words in a given text, and trying each one was a tenth of an uncached
        search's CPU outside the model (docs/search.md)."""
        positions = {p for concept in found for p in self._rules_by_concept.get(concept, ())}
        return [self.rules[p] for p in sorted(positions)]

    def evaluate(self, doc: Document) -> list[Firing]:
        """Rules that fire on ``doc``, most urgent first, in file order within a level."""
        return self.read(doc).firings

    def read_text(self, text: str) -> tuple[Document, Reading]:
        """``text`` analysed and read. People split compounds the rules know in one piece
        ("head ache", "over dose"): the text is also read with them joined, and that reading
        is kept when it is the more urgent. It never replaces a reading otherwise, because
        the rules may read the two words apart ("tummy" and "ache" in two concepts)."""
        doc = analyse(text, self.speller)
        reading = self.read(doc)
        joined = analyse(text, self.speller, join_compounds=True)
        if joined.words != doc.words:
            other = self.read(joined)
            if other.level is not None and (
                reading.level is None or LEVELS.index(other.level) < LEVELS.index(reading.level)
            ):
                return joined, other
        return doc, reading

    def read(self, doc: Document) -> Reading:
        """The rules that fire on ``doc`` and the families they have judged, from one search
        for the concepts and one reading of the numbers."""
        found = self.index.find(doc)
        excepted = _drop_exceptions(found)
        measuring = self.thresholds or self.except_measured
        quantities = read_quantities(doc.words) if measuring else []
        for name, threshold in self.thresholds.items():
            measured = [Span(q.start, q.end) for q in quantities if threshold.holds(q)]
            if measured:
                found[name] = measured
        # A concept's words inside a number first, then the numbers it is said by: a concept
        # may both ignore "minutes" in "2 minutes" and count "10 minutes" (seizures).
        for name, not_these in self.except_measured.items():
            if name in found:
                other = [q for q in quantities if q.measure in not_these]
                found[name] = [
                    span
                    for span in found[name]
                    if not any(q.start < span.end and span.start < q.end for q in other)
                ]
        for name, measures in self.measured_as.items():
            said = [span for measure in measures for span in found.get(measure, ())]
            if said:
                found[name] = sorted([*found.get(name, ()), *said], key=lambda s: s.start)
        context = assign_context(doc, protected=[s for spans in found.values() for s in spans])
        firings = []
        spared: set[str] = set()
        for rule in self._rules_possible(found):
            spans = _fire(rule, doc, found, context)
            if spans is not None:
                firings.append(Firing(rule, spans))
            elif (
                (rule.unless or rule.unless_anywhere or rule.unless_known)
                and rule.speaks_for_family
                and _fire(
                    replace(rule, unless=(), unless_anywhere=(), unless_known=()),
                    doc,
                    found,
                    context,
                )
                is not None
            ):
                # Its picture is there and its own "unless" words said no ("a bit of blood on
                # the paper, I have piles"): the rules have judged the family.
                spared.add(rule.family)
        firings.sort(key=lambda firing: firing.rule.rank)
        read = self._families_read(firings, found, quantities, excepted)
        return Reading(firings, read | spared, found, context)

    @cached_property
    def _families_by_concept(self) -> Mapping[str, frozenset[str]]:
        """The families whose rules ask for each concept, in ``any`` or ``all``."""
        by: dict[str, set[str]] = {}
        for rule in self.rules:
            for concept in {rule.any_of, *rule.all_of} - {None}:
                by.setdefault(str(concept), set()).add(rule.family)
        return {concept: frozenset(families) for concept, families in by.items()}

    def _families_read(
        self,
        firings: list[Firing],
        found: Mapping[str, list[Span]],
        quantities: list[Quantity],
        excepted: frozenset[str] = frozenset(),
    ) -> frozenset[str]:
        """The families whose own criteria the rules have applied: those of the rules that
        fired, and those with a rule that compares a measurement the text gives, when the
        rules have settled that number — it is outside the rule's range ("took 2 paracetamol"
        against the overdose threshold, "my 2 year old" against the rules for babies under 3
        months), everything else the rule asks for is there, or a rule that fired compared the
        same measure ("my 3 month old has a fever" answered by the fever rules for young
        babies). The semantic detector, which reads neither numbers nor a family's fine print,
        defers to the rules on these. A number no rule has settled ("my 6 month old" with words
        for green vomit the rules lack) leaves the detector free to read the text."""
        fired = frozenset(f.rule.family for f in firings if f.rule.speaks_for_family)
        # A concept said only in words its own list calls something else ("the worst headache
        # in weeks", "drowning in paperwork"): the rules have read those words and ruled them
        # out, so the detector, which hears them as the real thing, defers on the families that
        # ask for that concept. Only where the list says so: "blood pressure" is not blood, but
        # says nothing against "blood flowing heavy" beside it.
        fired |= {
            family
            for concept in excepted & self.excepts_rule_out
            for family in self._families_by_concept.get(concept, ())
        }
        if not quantities:
            return fired  # no number to settle: most texts
        # Measures a rule that fired has read: by a threshold, or by words over the number
        # ("3 month old" is a term of the young-baby rules).
        used = {
            q.measure
            for q in quantities
            for f in firings
            if any(span.start < q.end and q.start < span.end for span in f.spans)
        }

        def settled(rule: Rule) -> bool:
            if not rule.speaks_for_family:
                return False
            compared = [self.thresholds[c] for c in rule.all_of if c in self.thresholds]
            measured = [t for t in compared if any(q.measure == t.measure for q in quantities)]
            if not measured:
                return False
            ruled_out = any(not any(t.holds(q) for q in quantities) for t in measured)
            complete = all(c in self.thresholds or c in found for c in rule.all_of)
            return ruled_out or complete or any(t.measure in used for t in measured)

        return fired | {rule.family for rule in self.rules if settled(rule)}


def _drop_exceptions(found: dict[str, list[Span]]) -> frozenset[str]:
    """Remove concept occurrences inside one of its exceptions ("food poisoning" for poison);
    the concepts every occurrence of which was such an exception."""
    ruled_out = set()
    for owner in [o for o in found if o.endswith(_EXCEPT)]:
        exceptions = found.pop(owner)
        concept = owner.removesuffix(_EXCEPT)
        said = found.get(concept, [])
        found[concept] = [
            span for span in said if not any(e.start <= span.start < e.end for e in exceptions)
        ]
        if said and not found[concept]:
            ruled_out.add(concept)
    return frozenset(ruled_out)


def _affirmed(
    span: Span, rule: Rule, context: Context, *, picture: bool, past_counts: bool = False
) -> bool:
    """Whether an occurrence counts for ``rule``: a ``picture`` is part of an ``all`` pattern.

    A condition's name or a finding that is an emergency on its own ("anaphylaxis", "cardiac
    arrest") is quiet in a question for information ("how quickly does anaphylaxis develop");
    context.py has already kept every question about the reader's own present symptoms ("what
    does it mean if I have...", "he is not breathing, how do I...") out of those clauses.
    """
    if span.start in context.negated or (span.start in context.historical and not past_counts):
        return False
    if span.start in context.negated_within_terms:
        return False
    if span.start in context.questions or span.start in context.told_elsewhere:
        return False
    if span.start in context.animal:
        return False
    if picture and span.start in context.not_real:
        return False
    quiet_when_asked = rule.condition_name or not picture
    return not (quiet_when_asked and span.start in context.hypothetical)


def _fire(
    rule: Rule, doc: Document, found: dict[str, list[Span]], context: Context
) -> tuple[Span, ...] | None:
    # Most rules have none of their words in a given text: say so before any context work.
    alone_possible = rule.any_of is not None and rule.any_of in found
    if not alone_possible and not (rule.all_of and all(c in found for c in rule.all_of)):
        return None

    def affirmed(concept: str, *, picture: bool = True, past_counts: bool = False) -> list[Span]:
        past = past_counts or concept in rule.lifelong
        return [
            s
            for s in found.get(concept, [])
            if _affirmed(s, rule, context, picture=picture, past_counts=past)
        ]

    # Said anywhere, these stop the rule before any clause work.
    if any(affirmed(c, picture=False) for c in rule.unless_anywhere):
        return None
    # A known cause counts told as the past too; denied or only asked about, it does not.
    if any(affirmed(c, picture=False, past_counts=True) for c in rule.unless_known):
        return None

    # An exception ("unless") speaks for its own clause only: "nosebleed" spares the breathing
    # rule in "nosebleed, can't breathe through my nose", not in "nosebleed. Now he can't breathe".
    # Its own clauses, when its words run over a clause word: "laughed so hard I couldn't
    # breathe" ("so" ends a clause) is one idiom.
    excepted = {
        doc.clauses[i]
        for c in rule.unless
        for s in affirmed(c, picture=False)
        for i in range(s.start, s.end)
    }

    def counted(concept: str, *, picture: bool = True) -> list[Span]:
        return [
            s for s in affirmed(concept, picture=picture) if doc.clauses[s.start] not in excepted
        ]

    if rule.any_of is not None:
        alone = counted(rule.any_of, picture=False)
        if alone:
            return tuple(alone)
    if not rule.all_of:
        return None
    groups = [counted(concept) for concept in rule.all_of]
    if not all(groups):
        return None
    # Who the text is about ("a 5-day-old baby", "38 weeks pregnant", "on warfarin") is said
    # once, often at the start of a long story, and holds for the findings told after it.
    near = [g for c, g in zip(rule.all_of, groups, strict=True) if c not in rule.anywhere]
    if not near:
        return _narrowest(groups, rule, doc)
    picked = _narrowest(near, rule, doc)
    if picked is None:
        return None
    # ... of the same person: "I'm pregnant. My toddler has a nosebleed" is not a pregnancy
    # bleeding. Where the person changes, the rule keeps its window.
    speaker = _person(doc, doc.clauses[picked[0].start])
    about = []
    for c, group in zip(rule.all_of, groups, strict=True):
        if c not in rule.anywhere:
            continue
        same = [s for s in group if _same_person(speaker, _person(doc, doc.clauses[s.start]))]
        if not same:
            return _narrowest(groups, rule, doc)
        about.append(same[0])
    return (*picked, *about)


_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})


def _person(doc: Document, clause: int) -> str | None:
    """Whom a clause is about, as far as its words say: the reader ("I", "my"), someone else
    ("she", "my dad", "the baby"), or None when it names no one."""
    who = doc.who[clause] if clause < len(doc.who) else frozenset()
    if not who:
        return None
    return "self" if who <= _FIRST_PERSON else "other"


def _same_person(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _narrowest(groups: list[list[Span]], rule: Rule, doc: Document) -> tuple[Span, ...] | None:
    """One occurrence per group, as close together as possible, if within ``rule.window``.

    The narrowest combination starts at some occurrence; from each start take, in every group,
    the occurrence at or after it that ends first (in the same clause when the rule asks for
    that). Ending first, not starting first: a finding's longer wording ("won't wake up
    properly") holds its shorter one ("won't wake"), which must not fall out of the window
    because the longer one runs on past it.
    """
    starts = [[s.start for s in group] for group in groups]
    ends_first = [_ends_first_from(group) for group in groups]
    best: tuple[Span, ...] | None = None
    best_width = rule.window + 1
    for anchor in sorted({s.start for group in groups for s in group}):
        picked = []
        for group, group_starts, earliest in zip(groups, starts, ends_first, strict=True):
            index = bisect.bisect_left(group_starts, anchor)
            if index == len(group):
                break
            span = earliest[index]
            if rule.same_clause and doc.clauses[span.start] != doc.clauses[anchor]:
                span = group[index]
                if doc.clauses[span.start] != doc.clauses[anchor]:
                    break
            picked.append(span)
        else:
            width = max(s.end for s in picked) - anchor - 1
            if width < best_width:
                best, best_width = tuple(picked), width
    return best


def _ends_first_from(group: list[Span]) -> list[Span]:
    """For each position of a group (in order of start), the occurrence from there on that ends
    first."""
    earliest = list(group)
    for index in range(len(group) - 2, -1, -1):
        if earliest[index + 1].end < earliest[index].end:
            earliest[index] = earliest[index + 1]
    return earliest


# --- loading -----------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def load_ruleset(path: str | None = None) -> RuleSet:
    """Read and check the rule set; the packaged ``rules.yaml`` unless ``path`` is given."""
    package = resources.files(__package__)
    if path is None:
        text = package.joinpath("rules.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    lines = package.joinpath("known_words.txt").read_text(encoding="utf-8").splitlines()
    known = [w.strip() for w in lines if w.strip() and not w.startswith("#")]
    return build_ruleset(load_yaml(text), known_words=known)


def build_ruleset(data: Mapping[str, Any], known_words: Sequence[str] = ()) -> RuleSet:
    raw_concepts: Mapping[str, Any] = data.get("concepts") or {}
    concepts: dict[str, tuple[Term, ...]] = {}
    thresholds: dict[str, Threshold] = {}
    entries: list[tuple[str, Term]] = []
    measured_as: dict[str, tuple[str, ...]] = {}
    except_measured: dict[str, frozenset[str]] = {}
    excepts_rule_out: set[str] = set()
    for name in raw_concepts:
        spec = raw_concepts[name]
        if isinstance(spec, Mapping) and "quantity" in spec:
            try:
                thresholds[name] = Threshold.parse(spec)
            except ValueError as error:
                raise RuleSetError(f"concept {name!r}: {error}") from None
            concepts[name] = ()
            continue
        terms, exceptions, measures = _concept_terms(name, raw_concepts, ())
        concepts[name] = terms
        if measures:
            measured_as[name] = measures
        if isinstance(spec, Mapping) and spec.get("except_measured"):
            except_measured[name] = frozenset(str(m) for m in spec["except_measured"])
            if unknown := sorted(except_measured[name] - set(MEASURES)):
                raise RuleSetError(
                    f"concept {name!r}: except_measured {unknown[0]!r} is not a measure"
                )
        if isinstance(spec, Mapping) and spec.get("except_rules_out"):
            excepts_rule_out.add(name)
        entries += [(name, t) for t in terms] + [(name + _EXCEPT, t) for t in exceptions]

    for name, measures in measured_as.items():
        if unknown := [m for m in measures if m not in thresholds]:
            raise RuleSetError(f"concept {name!r}: measured {unknown[0]!r} is not a quantity")

    about_the_person = frozenset(str(c) for c in data.get("about_the_person") or ())
    if unknown := sorted(about_the_person - set(concepts)):
        raise RuleSetError(f"about_the_person: {unknown[0]!r} is not under concepts:")
    lifelong = frozenset(str(c) for c in data.get("lifelong_conditions") or ())
    if unknown := sorted(lifelong - about_the_person):
        raise RuleSetError(f"lifelong_conditions: {unknown[0]!r} is not under about_the_person:")
    families = data.get("families") or {}
    rules: list[Rule] = []
    for raw in data.get("rules") or []:
        rule = _build_rule(raw, families, concepts, about_the_person, lifelong)
        if rule.any_of is not None:
            terms = tuple(parse_terms(raw["any"]))
            concepts[rule.any_of] = terms
            entries += [(rule.any_of, t) for t in terms]
            # Idioms that start with one of those phrases: "killing myself laughing". They are
            # the same words meaning something else, so they rule the family out as a concept's
            # `except_rules_out` exceptions do.
            entries += [
                (rule.any_of + _EXCEPT, t) for t in parse_terms(raw.get("any_except") or ())
            ]
            if raw.get("any_except"):
                excepts_rule_out.add(rule.any_of)
        rules.append(rule)
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuleSetError(f"rule ids must be unique; repeated: {', '.join(duplicates)}")

    vocabulary = {w for terms in concepts.values() for t in terms for w in t.surface_words}
    apart = {pair for phrase in vocabulary for pair in itertools.pairwise(phrase.split())}
    speller = Speller(
        (w for phrase in vocabulary for w in phrase.split()), known_words, apart=apart
    )
    return RuleSet(
        rules=tuple(rules),
        concepts=concepts,
        index=TermIndex(entries),
        speller=speller,
        thresholds=thresholds,
        red_flags=family_flags(families),
        measured_as=measured_as,
        except_measured=except_measured,
        excepts_rule_out=frozenset(excepts_rule_out),
    )


def _concept_terms(
    name: str, raw_concepts: Mapping[str, Any], seen: tuple[str, ...]
) -> tuple[tuple[Term, ...], tuple[Term, ...], tuple[str, ...]]:
    """A concept's terms, exceptions and ``measured`` quantities, with those of the concepts it
    ``include``s: "infection" includes "fever", so a temperature of 38C read as a number says
    it as "fever" does."""
    if name in seen:
        raise RuleSetError(f"concept {name!r} includes itself via {' -> '.join(seen)}")
    if name not in raw_concepts:
        raise RuleSetError(f"concept {seen[-1]!r} includes unknown concept {name!r}")
    spec = raw_concepts[name]
    if not isinstance(spec, Mapping):
        spec = {"terms": spec}
    if "quantity" in spec:
        raise RuleSetError(f"concept {seen[-1]!r} includes {name!r}, a quantity: use it in a rule")
    terms = parse_terms(spec.get("terms") or ())
    exceptions = parse_terms(spec.get("except") or ())
    measures = tuple(str(m) for m in spec.get("measured") or ())
    for included in spec.get("include") or ():
        more = _concept_terms(included, raw_concepts, (*seen, name))
        terms += more[0]
        exceptions += more[1]
        measures += more[2]
    if not terms:
        raise RuleSetError(f"concept {name!r} has no terms")
    return (
        tuple(dict.fromkeys(terms)),
        tuple(dict.fromkeys(exceptions)),
        tuple(dict.fromkeys(measures)),
    )


def _build_rule(
    raw: Mapping[str, Any],
    families: Mapping[str, Any],
    concepts: Mapping[str, Any],
    about_the_person: frozenset[str] = frozenset(),
    lifelong: frozenset[str] = frozenset(),
) -> Rule:
    rule_id = str(raw.get("id") or "")
    if not rule_id:
        raise RuleSetError(f"a rule has no id: {dict(raw)}")
    family = str(raw.get("family") or "")
    defaults = families.get(family)
    if defaults is None:
        raise RuleSetError(f"rule {rule_id}: family {family!r} is not under families:")
    level = raw.get("level")
    if level not in LEVELS:
        raise RuleSetError(f"rule {rule_id}: level must be one of {', '.join(LEVELS)}")
    message = str(raw.get("message") or defaults.get("message") or "").strip()
    _check_message(rule_id, message)
    sources = tuple(
        Source(title=str(s["name"]), url=str(s["url"]))
        for s in (raw.get("source") or defaults.get("source") or [])
    )
    if not sources or not all(s.url.startswith("https://") for s in sources):
        raise RuleSetError(f"rule {rule_id}: needs a source with an https:// url")
    all_of = tuple(raw.get("all") or ())
    unless = tuple(raw.get("unless") or ())
    unless_anywhere = tuple(raw.get("unless_anywhere") or ())
    unless_known = tuple(raw.get("unless_known") or ())
    for concept in (*all_of, *unless, *unless_anywhere, *unless_known):
        if concept not in concepts:
            raise RuleSetError(f"rule {rule_id}: concept {concept!r} is not under concepts:")
    if not all_of and not raw.get("any"):
        raise RuleSetError(f"rule {rule_id}: give its pattern as all: and/or any:")
    if raw.get("any_except") and not raw.get("any"):
        raise RuleSetError(f"rule {rule_id}: any_except: needs an any: list to except from")
    return Rule(
        id=rule_id,
        family=family,
        level=level,
        message=message,
        sources=sources,
        all_of=all_of,
        any_of=f"{rule_id}:any" if raw.get("any") else None,
        unless=unless,
        unless_anywhere=unless_anywhere,
        window=int(raw.get("window", DEFAULT_WINDOW)),
        same_clause=bool(raw.get("same_clause", False)),
        condition_name=bool(raw.get("condition_name", False)),
        anywhere=tuple(c for c in all_of if c in about_the_person),
        lifelong=tuple(c for c in all_of if c in lifelong),
        speaks_for_family=bool(raw.get("speaks_for_family", True)),
        unless_known=unless_known,
    )


def _check_message(rule_id: str, message: str) -> None:
    if not message:
        raise RuleSetError(f"rule {rule_id}: needs a message (on the rule or its family)")
    fields = {f for _, f, _, _ in string.Formatter().parse(message) if f}
    unknown = fields - set(PLACEHOLDERS)
    if unknown:
        raise RuleSetError(f"rule {rule_id}: unknown placeholder(s) {sorted(unknown)}")


def concept_names(rules: Sequence[Rule]) -> set[str]:
    """Every concept a rule refers to (used to find unused vocabulary)."""
    return {c for r in rules for c in (*r.all_of, *r.unless, *r.unless_anywhere, *r.unless_known)}
