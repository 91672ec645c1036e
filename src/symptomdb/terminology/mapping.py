"""Joining HPO terms and ICD-10-CM codes into one list of symptom concepts.

Pure functions: HPO terms and ICD codes in, concepts out. An ICD-10-CM code
joins the HPO term that means the same, found in this order:

1. the curated mapping (data/icd10cm_hpo_map.yaml), for pairs whose names differ
   ("Cramp and spasm" is HPO's "Muscle spasm");
2. the code's name, folded (see text.name_variants: "Pain in right elbow" →
   "elbow pain"), equal to an HPO name, else to one HPO exact, layperson,
   plural or UK-spelling synonym that no other term shares;
3. its inclusion terms, when those that match all point at one HPO term
   (N89.8's "Leukorrhea NOS" is HPO's "Vaginal discharge");
4. otherwise, when it only restates its parent code with a side or site
   ("Tinnitus, right ear" under "Tinnitus"), the parent's concept;
5. otherwise it becomes a concept of its own.

Then the leaflets' lay phrases (lay_phrases.py) and WordNet's synonyms (wordnet.py) join the
concepts they name, each with its source.
"""

from __future__ import annotations

import importlib.resources
import re
from collections import defaultdict
from dataclasses import dataclass, field

import yaml
from django.utils.text import slugify

from symptomdb.terminology.hpo import HpoTerm
from symptomdb.terminology.icd import IcdCode
from symptomdb.terminology.lay_phrases import (
    IDIOMS_FILE,
    LEAFLETS_FILE,
    LayPhrases,
    lay_phrases_read,
)
from symptomdb.terminology.models import CodeSystem, SynonymKind, SynonymSource
from symptomdb.terminology.text import QUALIFIERS, key, name_variants
from symptomdb.terminology.wordnet import (
    WORDNET_SCOPE,
    ConceptNames,
    WordNet,
    wordnet_read,
    wordnet_synonyms,
)

# HPO synonym kinds that say the same thing as the name; broader, narrower and
# related synonyms would join an ICD code to the wrong term.
_SAME_MEANING = {"exact", "layperson", "plural", "uk_spelling"}


@dataclass(frozen=True)
class CodeRow:
    """One code a concept carries ("ICD10CM", "R25.2")."""

    system: CodeSystem
    code: str

    @property
    def pair(self) -> tuple[str, str]:
        """As the database's (system, code) unique key reads it."""
        return (str(self.system), self.code)


@dataclass(frozen=True)
class SynonymRow:
    """One synonym a concept carries; ICD-10-CM terms have no OBO scope."""

    text: str
    kind: SynonymKind
    source: SynonymSource | CodeSystem
    scope: str = ""  # the OBO scope the source gave: EXACT, RELATED, BROAD, NARROW


@dataclass
class Concept:
    """One symptom as it will be stored: a Symptom row and its codes and synonyms."""

    key: str  # "HP:0003394" or "ICD10CM:R25.2": stable across releases
    name: str
    definition: str = ""
    codes: list[CodeRow] = field(default_factory=list)
    synonyms: list[SynonymRow] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)  # keys of broader concepts
    slug: str = ""
    # Where the HPO term sits, for the prior (prior.py): under an "Abnormal …
    # morphology" class (a structural finding, e.g. "Broad hallux"), or itself an
    # organising class ("Abnormality of the calf") with terms under it.
    anatomical: bool = False
    grouping: bool = False

    @property
    def has_layperson(self) -> bool:
        return any(s.kind == SynonymKind.LAYPERSON for s in self.synonyms)

    @property
    def has_icd(self) -> bool:
        return any(c.system == CodeSystem.ICD10CM for c in self.codes)


def curated_mapping() -> dict[str, str]:
    text = (
        importlib.resources.files("symptomdb.terminology")
        .joinpath("data/icd10cm_hpo_map.yaml")
        .read_text(encoding="utf-8")
    )
    return {str(code): str(hpo) for code, hpo in (yaml.safe_load(text) or {}).items()}


def _hpo_index(terms: list[HpoTerm]) -> tuple[dict[str, str], dict[str, str]]:
    """Name keys → term id, and unambiguous same-meaning synonym keys → term id."""
    by_name: dict[str, str] = {}
    by_synonym: dict[str, set[str]] = defaultdict(set)
    for term in terms:
        by_name.setdefault(key(term.name), term.id)
        for synonym in term.synonyms:
            if synonym.kind in _SAME_MEANING:
                by_synonym[key(synonym.text)].add(term.id)
    unique = {k: next(iter(ids)) for k, ids in by_synonym.items() if len(ids) == 1}
    return by_name, unique


_MORPHOLOGY = re.compile(r"\bmorphology$", re.IGNORECASE)
_CLASS_NAME = re.compile(r"^(abnormality of|abnormal)\b", re.IGNORECASE)


def _hpo_classes(terms: list[HpoTerm]) -> tuple[set[str], set[str]]:
    """Terms under an "… morphology" class, and organising classes ("Abnormal…"
    names with at least three terms directly under them)."""
    by_id = {t.id: t for t in terms}
    children: dict[str, int] = defaultdict(int)
    for term in terms:
        for parent in term.parents:
            children[parent] += 1
    memo: dict[str, bool] = {}

    def structural(term_id: str) -> bool:
        if term_id not in memo:
            memo[term_id] = False  # guards against a cycle in a broken file
            term = by_id[term_id]
            memo[term_id] = bool(_MORPHOLOGY.search(term.name)) or any(
                structural(p) for p in term.parents if p in by_id
            )
        return memo[term_id]

    anatomical = {t.id for t in terms if structural(t.id)}
    grouping = {t.id for t in terms if children[t.id] >= 3 and _CLASS_NAME.search(t.name)}
    return anatomical, grouping


def _stripped(name: str) -> str:
    return " ".join(w for w in key(name).split() if w not in QUALIFIERS)


_SIDES = {"right", "left", "bilateral", "unspecified"}


def _restates(name: str, parent_name: str) -> bool:
    """Whether a code only restates its parent: the same words once sides and
    "unspecified" are set aside, or a side or "unspecified" variant of it
    ("Unspecified lump in the right breast, upper outer quadrant")."""
    return _stripped(name) == _stripped(parent_name) or bool(_SIDES & set(key(name).split()))


def _hpo_concepts(terms: list[HpoTerm]) -> list[Concept]:
    """One concept per HPO term, with its own code, cross-references and synonyms."""
    anatomical, grouping = _hpo_classes(terms)
    concepts = []
    for term in terms:
        concept = Concept(
            key=term.id,
            name=term.name,
            definition=term.definition,
            anatomical=term.id in anatomical,
            grouping=term.id in grouping,
            parents=[p for p in term.parents if p != term.id],
        )
        concept.codes.append(CodeRow(CodeSystem.HPO, term.id))
        concept.codes.extend(CodeRow(CodeSystem(system), code) for system, code in term.xrefs)
        concept.synonyms.extend(
            SynonymRow(s.text, SynonymKind(s.kind), CodeSystem.HPO, s.scope) for s in term.synonyms
        )
        concepts.append(concept)
    return concepts


def concepts_build(
    terms: list[HpoTerm],
    codes: list[IcdCode],
    curated: dict[str, str] | None = None,
    phrases: list[LayPhrases] | None = None,
    wordnet: WordNet | None = None,
    idioms: list[LayPhrases] | None = None,
) -> list[Concept]:
    curated = curated_mapping() if curated is None else curated
    phrases = lay_phrases_read() if phrases is None else phrases
    idioms = lay_phrases_read(name=IDIOMS_FILE) if idioms is None else idioms
    wordnet = wordnet_read() if wordnet is None else wordnet
    by_name, by_synonym = _hpo_index(terms)
    known = {t.id for t in terms}
    for code, hpo in curated.items():
        if hpo not in known:
            raise ValueError(f"icd10cm_hpo_map.yaml maps {code} to {hpo}, not a live HPO term.")

    concepts = {concept.key: concept for concept in _hpo_concepts(terms)}

    def hpo_match(texts: list[str]) -> str | None:
        for index in (by_name, by_synonym):
            for text in texts:
                for variant in sorted(name_variants(text)):
                    if variant in index:
                        return index[variant]
        return None

    icd_names = {c.code: c.name for c in codes}
    concept_of_code: dict[str, str] = {}
    for icd in codes:
        target = curated.get(icd.code) or hpo_match([icd.name])
        if target is None and icd.inclusions:
            matches = {m for m in (hpo_match([t]) for t in icd.inclusions) if m}
            if len(matches) == 1:
                target = matches.pop()
        if target is None and icd.parent and _restates(icd.name, icd_names[icd.parent]):
            target = concept_of_code[icd.parent]
        if target is None:
            target = f"ICD10CM:{icd.code}"
            parent = concept_of_code.get(icd.parent) if icd.parent else None
            concepts[target] = Concept(
                key=target, name=icd.name, parents=[parent] if parent else []
            )
        concept_of_code[icd.code] = target
        concept = concepts[target]
        concept.codes.append(CodeRow(CodeSystem.ICD10CM, icd.code))
        concept.synonyms.append(SynonymRow(icd.name, SynonymKind.EXACT, CodeSystem.ICD10CM))
        concept.synonyms.extend(
            SynonymRow(t, SynonymKind.INCLUSION, CodeSystem.ICD10CM) for t in icd.inclusions
        )

    _add_lay_phrases(concepts, phrases, known)
    _add_lay_phrases(concepts, idioms, known, source=SynonymSource.IDIOM)
    _add_wordnet(concepts, wordnet)
    result = list(concepts.values())
    for concept in result:
        concept.synonyms = _distinct_synonyms(concept)
        concept.codes = list(dict.fromkeys(concept.codes))
    _share_codes_once(result)
    slugs_assign(result)
    return result


def _add_lay_phrases(
    concepts: dict[str, Concept],
    phrases: list[LayPhrases],
    known: set[str],
    *,
    source: SynonymSource = SynonymSource.LEAFLET,
) -> None:
    """The leaflets' lay phrases (or the dictionaries' idioms), as lay synonyms of the HPO
    terms they name."""
    file = IDIOMS_FILE if source == SynonymSource.IDIOM else LEAFLETS_FILE
    for entry in phrases:
        if entry.hpo_id not in known:
            raise ValueError(f"{file} names {entry.hpo_id}, not a live HPO term.")
        concepts[entry.hpo_id].synonyms.extend(
            SynonymRow(text, SynonymKind.LAYPERSON, source, "RELATED") for text in entry.phrases
        )


def _add_wordnet(concepts: dict[str, Concept], wordnet: WordNet) -> None:
    """WordNet's synonyms (wordnet.py's rules), matched on each concept's name and EXACT
    synonyms: HPO's exact ones and layperson ones of EXACT scope, and ICD-10-CM titles."""
    if not wordnet:
        return
    names = []
    for concept in concepts.values():
        exact = [
            s.text
            for s in concept.synonyms
            if s.kind == SynonymKind.EXACT
            or (s.kind == SynonymKind.LAYPERSON and s.scope == "EXACT")
        ]
        others = [s.text for s in concept.synonyms if s.text not in exact]
        names.append(ConceptNames(concept.key, concept.name, tuple(exact), tuple(others)))
    for proposal in wordnet_synonyms(names, wordnet).proposals:
        concepts[proposal.concept].synonyms.append(
            SynonymRow(proposal.text, SynonymKind.RELATED, SynonymSource.WORDNET, WORDNET_SCOPE)
        )


def _share_codes_once(concepts: list[Concept]) -> None:
    """A code belongs to one symptom. HPO cross-references a few SNOMED CT and
    UMLS codes from several terms; the code stays with the term readers are most
    likely to mean (one with lay synonyms), then the lowest HPO id."""
    owner: dict[CodeRow, str] = {}
    for concept in sorted(concepts, key=lambda c: (not c.has_layperson, c.key)):
        for code in concept.codes:
            owner.setdefault(code, concept.key)
    for concept in concepts:
        concept.codes = [code for code in concept.codes if owner[code] == concept.key]


def _distinct_synonyms(concept: Concept) -> list[SynonymRow]:
    """Every HPO synonym as published; ICD-10-CM titles and inclusion terms, the leaflets'
    phrases and WordNet's synonyms only where they add words: side variants ("Pain in right
    elbow") and titles that restate the name ("Headache, unspecified") are dropped."""
    out = list(dict.fromkeys(s for s in concept.synonyms if s.source == CodeSystem.HPO))
    seen = {key(concept.name), _stripped(concept.name)} | {key(s.text) for s in out}
    for synonym in concept.synonyms:
        if synonym.source == CodeSystem.HPO:
            continue
        folded = key(synonym.text)
        stripped = _stripped(synonym.text) if synonym.kind != SynonymKind.INCLUSION else folded
        if folded in seen or stripped in seen:
            continue
        seen.update({folded, stripped})
        out.append(synonym)
    return out


def slugs_assign(concepts: list[Concept], *, taken: set[str] | None = None) -> None:
    """Slugs from names, unique; a clash gets the concept's code as a suffix, so a
    slug does not depend on the order rows were loaded in."""
    taken = set() if taken is None else taken
    for concept in sorted(concepts, key=lambda c: (not c.key.startswith("HP:"), c.key)):
        base = slugify(concept.name)[:100] or "symptom"
        slug = base
        if slug in taken:
            slug = f"{base}-{slugify(concept.key.replace(':', '-'))}"
        concept.slug = slug
        taken.add(slug)
