"""Loading the catalogue into the database: `symptomdb init` calls catalogue_load()
(through site_init, which also rebuilds the search indexes).

Reads HPO and ICD-10-CM (hpo.py, icd.py), joins them into concepts (mapping.py, which adds
the leaflets' lay phrases and WordNet's synonyms), and writes them in one transaction with
bulk inserts, in three steps:

    plan   which stored rows each concept keeps (matched by code), which rows made
           before the catalogue merge into it (matched by name), which are gone
    write  the symptoms, then their codes, synonyms and broader links, through one
           bulk helper
    retire merge the strays and drop the concepts a new release no longer has

The catalogue knows nothing of the packages above it. A row made before the
catalogue ("Muscle spasms", created by an article imported first) is merged into
the catalogue concept with that name or synonym: every foreign key of another app
that points at it (an article's symptom) moves over and the stray row goes. A
concept gone from a new release is dropped unless a protected foreign key needs it
(an article's symptom). A full-text index kept by triggers on these tables (the
search's, passed in by site_init) is paused while writing and rebuilt at the end.
A second run finds the same releases already loaded and returns at once.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from django.db import models, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from tqdm import tqdm

from symptomdb.terminology.display import display_name_choose
from symptomdb.terminology.hpo import hpo_read, hpo_version
from symptomdb.terminology.icd import icd_read, icd_version
from symptomdb.terminology.mapping import Concept, concepts_build
from symptomdb.terminology.models import (
    CatalogueRelease,
    Symptom,
    SymptomCode,
    Synonym,
    SynonymKind,
    SynonymSource,
)
from symptomdb.terminology.prior import concept_prior
from symptomdb.terminology.selectors import catalogue_release
from symptomdb.terminology.services import unique_slug
from symptomdb.terminology.text import key

# Bump when the loader builds something different from the same releases, so that
# `init` reloads. 1: first catalogue. 2: the prior no longer counts articles (they are
# read live by the search), so stored priors are recomputed. 3: lay phrases from patient
# leaflets (data/lay_phrases.yaml) added as synonyms. 4: WordNet's synonyms (wordnet.py).
# 5: English dictionaries' idioms (data/idioms.yaml) added as synonyms.
LOADER_VERSION = 5
BATCH = 5000

Say = Callable[[str], None]
T = TypeVar("T")
Row = TypeVar("Row", bound=models.Model)


class TextIndex(Protocol):
    """A full-text index kept up by triggers on the catalogue's tables (the search's
    lexical backend): off during the bulk writes, rebuilt in one statement after."""

    def paused(self) -> AbstractContextManager[None]: ...

    def rebuild(self) -> None: ...


def catalogue_is_current() -> bool:
    latest = catalogue_release()
    return latest is not None and (
        latest.hpo_version,
        latest.icd_version,
        latest.loader_version,
    ) == (hpo_version(), icd_version(), LOADER_VERSION)


def catalogue_load(
    *,
    say: Say = print,
    force: bool = False,
    progress: bool = True,
    index: TextIndex | None = None,
) -> bool:
    """Load the catalogue unless these releases are loaded already; returns whether
    anything was loaded (site_init then rebuilds the search's vectors)."""
    if catalogue_is_current() and not force:
        say(f"Catalogue: HPO {hpo_version()} already loaded.")
        return False

    started = time.monotonic()
    say("Catalogue: reading HPO and ICD-10-CM…")
    hpo = hpo_read()
    codes = icd_read()
    concepts = concepts_build(hpo.terms, codes)
    say(
        f"Catalogue: {len(hpo.terms):,} HPO terms and {len(codes):,} ICD-10-CM codes "
        f"make {len(concepts):,} symptoms."
    )
    say(f"Catalogue: names by source: {names_by_source_line(names_by_source(concepts))}.")
    with transaction.atomic():
        catalogue_store(concepts, say=say, progress=progress, index=index)
        CatalogueRelease.objects.create(
            hpo_version=hpo.version,
            icd_version=icd_version(),
            loader_version=LOADER_VERSION,
            symptoms=len(concepts),
        )
    say(f"Catalogue: stored in {time.monotonic() - started:.0f} s.")
    return True


def names_by_source(concepts: list[Concept]) -> dict[str, tuple[int, int]]:
    """Per synonym source: how many symptoms have names from it, and how many names."""
    symptoms: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for concept in concepts:
        sources = [str(s.source) for s in concept.synonyms]
        symptoms.update(set(sources))
        names.update(sources)
    return {source: (symptoms[source], names[source]) for source in sorted(symptoms)}


def names_by_source_line(counts: dict[str, tuple[int, int]]) -> str:
    """ "HPO 12,345 symptoms (23,456 names); …" with each source's label."""
    return "; ".join(
        f"{SynonymSource(source).label} {n:,} symptoms ({names:,} names)"
        for source, (n, names) in counts.items()
    )


def _batches(items: list[T], size: int = BATCH) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _bulk_create(model: type[Row], rows: list[Row], bar: tqdm | None = None) -> None:
    """The one way the loader inserts: in batches, counting on the progress bar."""
    for batch in _batches(rows):
        model._default_manager.bulk_create(batch, batch_size=BATCH)
        if bar is not None:
            bar.update(len(batch))


@dataclass
class StorePlan:
    """What a load does to the rows already stored."""

    kept: dict[str, int] = field(default_factory=dict)  # concept key → its stored row
    merges: dict[Symptom, str] = field(default_factory=dict)  # stray row → concept key
    obsolete: set[int] = field(default_factory=set)  # catalogue rows no concept keeps

    @property
    def moving(self) -> set[int]:
        return set(self.kept.values()) | {s.id for s in self.merges} | self.obsolete


def catalogue_store(
    concepts: list[Concept],
    *,
    say: Say = print,
    progress: bool = True,
    index: TextIndex | None = None,
) -> None:
    """Write the concepts; keep the rows (and so whatever refers to them) of concepts
    already stored from an earlier release, matched by code; merge strays by name."""
    with index.paused() if index is not None else nullcontext():
        plan = store_plan(concepts)
        slugs_free(concepts, plan)
        id_of = store_write(concepts, plan, progress=progress)
        store_retire(plan, id_of, say=say)
        if index is not None:
            index.rebuild()


def store_plan(concepts: list[Concept]) -> StorePlan:
    """Concepts already stored (a reload) keep the row carrying their own code; rows
    made before the catalogue merge into the concept they name; the rest are obsolete."""
    by_code = {
        (system, code): sid
        for system, code, sid in SymptomCode.objects.values_list("system", "code", "symptom_id")
    }
    kept = {c.key: by_code[c.codes[0].pair] for c in concepts if c.codes[0].pair in by_code}
    catalogue_ids = set(by_code.values())
    strays = list(Symptom.objects.exclude(id__in=catalogue_ids))
    return StorePlan(
        kept=kept,
        merges=_strays_to_merge(strays, concepts),
        obsolete=catalogue_ids - set(kept.values()),
    )


def slugs_free(concepts: list[Concept], plan: StorePlan) -> None:
    """Free the slugs of rows about to be renamed, merged or dropped, so that the
    catalogue's slugs (from its names) stay the same on every load; a concept whose
    slug another row still holds gets its key appended."""
    moving = plan.moving
    for id_batch in _batches(sorted(moving), 500):
        Symptom.objects.filter(id__in=id_batch).update(
            slug=Concat(Value("~"), Cast("id", output_field=CharField()))
        )
    taken = set(Symptom.objects.exclude(id__in=moving).values_list("slug", flat=True))
    for concept in concepts:
        if concept.slug in taken:
            concept.slug = unique_slug(concept.name, suffix=concept.key.replace(":", "-"))


def _symptom_row(concept: Concept, *, id: int | None = None) -> Symptom:
    return Symptom(
        id=id,
        slug=concept.slug,
        name=concept.name,
        display_name=display_name(concept),
        definition=concept.definition,
        prior=concept_prior(concept),
    )


def store_write(concepts: list[Concept], plan: StorePlan, *, progress: bool) -> dict[str, int]:
    """Update the kept rows, create the others, then write every concept's codes,
    synonyms and broader links afresh. Returns each concept key's row id."""
    kept = plan.kept
    updates = [_symptom_row(c, id=kept[c.key]) for c in concepts if c.key in kept]
    for update_batch in _batches(updates, 500):
        Symptom.objects.bulk_update(
            update_batch, ["slug", "name", "display_name", "definition", "prior"]
        )
    if kept:
        SymptomCode.objects.filter(symptom_id__in=kept.values()).delete()
        Synonym.objects.filter(symptom_id__in=kept.values()).delete()
        Symptom.broader.through.objects.filter(from_symptom_id__in=kept.values()).delete()

    bar = tqdm(total=len(concepts) * 4, desc="Catalogue", unit="row", disable=not progress)
    _bulk_create(Symptom, [_symptom_row(c) for c in concepts if c.key not in kept], bar)
    bar.update(len(kept))
    by_slug = dict(Symptom.objects.values_list("slug", "id"))
    id_of = {c.key: kept[c.key] if c.key in kept else by_slug[c.slug] for c in concepts}
    _bulk_create(
        SymptomCode,
        [
            SymptomCode(symptom_id=id_of[c.key], system=row.system, code=row.code)
            for c in concepts
            for row in c.codes
        ],
    )
    bar.update(len(concepts))
    _bulk_create(
        Synonym,
        [
            Synonym(
                symptom_id=id_of[c.key],
                text=s.text[:500],
                kind=s.kind,
                source=s.source,
                scope=s.scope,
            )
            for c in concepts
            for s in c.synonyms
        ],
    )
    bar.update(len(concepts))
    Link = Symptom.broader.through
    _bulk_create(
        Link,
        [
            Link(from_symptom_id=id_of[c.key], to_symptom_id=id_of[p])
            for c in concepts
            for p in c.parents
            if p in id_of and p != c.key
        ],
    )
    bar.update(len(concepts))
    bar.close()
    return id_of


def _references() -> list[models.ForeignObject]:
    """The foreign keys of other apps that point at a symptom (an article's symptom)."""
    return [
        rel.field
        for rel in Symptom._meta.related_objects
        if rel.one_to_many and rel.field.model._meta.app_label != Symptom._meta.app_label
    ]


def store_retire(plan: StorePlan, id_of: dict[str, int], *, say: Say) -> None:
    """Strays: whatever refers to them moves to the catalogue concept, the stray row goes.
    Concepts gone from a new release: dropped unless a protected foreign key needs them."""
    references = _references()
    for stray, concept_key in plan.merges.items():
        for fk in references:
            fk.model._base_manager.filter(**{fk.attname: stray.id}).update(
                **{fk.attname: id_of[concept_key]}
            )
        stray.delete()
    if plan.merges:
        say(
            f"Catalogue: merged {len(plan.merges)} symptom(s) created before it into the catalogue."
        )
    needed: set[int] = set()
    for fk in references:
        if fk.remote_field.on_delete is models.PROTECT:
            needed |= set(
                fk.model._base_manager.filter(**{f"{fk.attname}__in": plan.obsolete}).values_list(
                    fk.attname, flat=True
                )
            )
    for symptom in Symptom.objects.filter(id__in=needed):
        symptom.slug = unique_slug(symptom.name)
        symptom.save(update_fields=["slug"])
    Symptom.objects.filter(id__in=plan.obsolete - needed).delete()


def display_name(concept: Concept) -> str:
    return display_name_choose(
        concept.name,
        [(s.text, s.kind, s.scope) for s in concept.synonyms],
        icd_only=not concept.key.startswith("HP:"),
    )


# Synonym kinds that name the concept itself, by which a stray row is recognised.
_MERGE_KINDS = {
    SynonymKind.EXACT,
    SynonymKind.LAYPERSON,
    SynonymKind.PLURAL,
    SynonymKind.UK_SPELLING,
    SynonymKind.INCLUSION,
}


def _strays_to_merge(strays: list[Symptom], concepts: list[Concept]) -> dict[Symptom, str]:
    """Each stray whose name is a catalogue concept's name or same-meaning synonym
    (singular or plural, any case): stray → concept key. A name beats a synonym;
    among synonyms, the concept with the higher prior wins."""
    if not strays:
        return {}
    by_name: dict[str, str] = {}
    by_synonym: dict[str, tuple[float, str]] = {}
    for concept in concepts:
        by_name.setdefault(key(concept.name), concept.key)
        weight = concept_prior(concept)
        for synonym in concept.synonyms:
            if synonym.kind in _MERGE_KINDS:
                k = key(synonym.text)
                if k not in by_synonym or by_synonym[k][0] < weight:
                    by_synonym[k] = (weight, concept.key)
    merges = {}
    for stray in strays:
        k = key(stray.name)
        target = by_name.get(k) or (by_synonym[k][1] if k in by_synonym else None)
        if target:
            merges[stray] = target
    return merges
