"""Loading the catalogue into the database: `symptomdb init` calls catalogue_load().

Reads HPO and ICD-10-CM (hpo.py, icd.py), joins them into concepts (mapping.py),
and writes them in one transaction with bulk inserts. Then the search indexes
are built (search/index.py). A second run finds the same releases already
loaded and returns at once.

Symptoms that exist before the catalogue (an article imported first creates
"Muscle spasms") are merged into the catalogue concept with that name or
synonym: their articles move over and the stray row goes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from tqdm import tqdm

from symptomdb.terminology.display import display_name_choose
from symptomdb.terminology.hpo import hpo_read, hpo_version
from symptomdb.terminology.icd import icd_read, icd_version
from symptomdb.terminology.mapping import Concept, concepts_build
from symptomdb.terminology.models import CatalogueRelease, Symptom, SymptomCode, Synonym
from symptomdb.terminology.prior import concept_prior
from symptomdb.terminology.selectors import catalogue_release
from symptomdb.terminology.services import unique_slug
from symptomdb.terminology.text import key

# Bump when the loader builds something different from the same releases, so that
# `init` reloads. 1: first catalogue.
LOADER_VERSION = 1
BATCH = 5000

Say = Callable[[str], None]
T = TypeVar("T")


def catalogue_is_current() -> bool:
    latest = catalogue_release()
    return latest is not None and (
        latest.hpo_version,
        latest.icd_version,
        latest.loader_version,
    ) == (hpo_version(), icd_version(), LOADER_VERSION)


def catalogue_load(*, say: Say = print, force: bool = False, progress: bool = True) -> bool:
    """Load the catalogue unless these releases are loaded already.

    Returns whether anything was loaded. The search indexes are (re)built when
    the catalogue is, and also when they are missing (a new SYMPTOMDB_HOME).
    """
    from symptomdb.search.index import search_index_build, search_index_present

    if catalogue_is_current() and not force:
        say(f"Catalogue: HPO {hpo_version()} already loaded.")
        if not search_index_present():
            search_index_build(say=say, progress=progress)
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
    with transaction.atomic():
        catalogue_store(concepts, say=say, progress=progress)
        CatalogueRelease.objects.create(
            hpo_version=hpo.version,
            icd_version=icd_version(),
            loader_version=LOADER_VERSION,
            symptoms=len(concepts),
        )
    say(f"Catalogue: stored in {time.monotonic() - started:.0f} s.")
    search_index_build(say=say, progress=progress)
    return True


def _batches(items: list[T], size: int = BATCH) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _existing_by_code() -> dict[tuple[str, str], int]:
    return {
        (system, code): sid
        for system, code, sid in SymptomCode.objects.values_list("system", "code", "symptom_id")
    }


def catalogue_store(concepts: list[Concept], *, say: Say = print, progress: bool = True) -> None:
    """Write the concepts; keep the rows (and so the articles) of concepts already
    stored from an earlier release, matched by code; merge strays by name."""
    from symptomdb.articles.models import Article
    from symptomdb.search.lexical import lexical

    with lexical().paused():
        by_code = _existing_by_code()
        # Concepts already stored (a reload): the row carrying the concept's own code.
        kept: dict[str, int] = {}
        for concept in concepts:
            code = concept.codes[0]
            if code in by_code:
                kept[concept.key] = by_code[code]
        catalogue_ids = set(by_code.values())
        strays = list(Symptom.objects.exclude(id__in=catalogue_ids))
        merges = _strays_to_merge(strays, concepts)
        obsolete = catalogue_ids - set(kept.values())

        # Free the slugs of rows about to be renamed, merged or dropped, so that
        # the catalogue's slugs (from its names) stay the same on every load.
        moving = set(kept.values()) | {s.id for s in merges} | obsolete
        for id_batch in _batches(sorted(moving), 500):
            Symptom.objects.filter(id__in=id_batch).update(
                slug=Concat(Value("~"), Cast("id", output_field=CharField()))
            )
        taken = set(Symptom.objects.exclude(id__in=moving).values_list("slug", flat=True))
        for concept in concepts:
            if concept.slug in taken:
                concept.slug = unique_slug(concept.name, suffix=concept.key.replace(":", "-"))

        with_article = set(
            Article.objects.filter(
                symptom_id__in=[*kept.values(), *(s.id for s in merges)]
            ).values_list("symptom_id", flat=True)
        )
        merged_into = {merges[s]: s.id for s in merges}

        def prior(concept: Concept) -> float:
            sid = kept.get(concept.key) or merged_into.get(concept.key)
            return concept_prior(concept, has_article=sid in with_article)

        # Rows: update the kept ones, create the rest.
        updates = []
        for concept in concepts:
            if concept.key in kept:
                updates.append(
                    Symptom(
                        id=kept[concept.key],
                        slug=concept.slug,
                        name=concept.name,
                        display_name=display_name(concept),
                        definition=concept.definition,
                        prior=prior(concept),
                    )
                )
        for update_batch in _batches(updates, 500):
            Symptom.objects.bulk_update(
                update_batch, ["slug", "name", "display_name", "definition", "prior"]
            )
        if kept:
            SymptomCode.objects.filter(symptom_id__in=kept.values()).delete()
            Synonym.objects.filter(symptom_id__in=kept.values()).delete()
            Symptom.broader.through.objects.filter(from_symptom_id__in=kept.values()).delete()

        new = [c for c in concepts if c.key not in kept]
        bar = tqdm(total=len(concepts) * 3, desc="Catalogue", unit="row", disable=not progress)
        for concept_batch in _batches(new):
            Symptom.objects.bulk_create(
                [
                    Symptom(
                        slug=c.slug,
                        name=c.name,
                        display_name=display_name(c),
                        definition=c.definition,
                        prior=prior(c),
                    )
                    for c in concept_batch
                ],
                batch_size=BATCH,
            )
            bar.update(len(concept_batch))
        bar.update(len(kept))
        by_slug = dict(Symptom.objects.values_list("slug", "id"))
        id_of = {c.key: kept[c.key] if c.key in kept else by_slug[c.slug] for c in concepts}

        codes = [
            SymptomCode(symptom_id=id_of[c.key], system=system, code=code)
            for c in concepts
            for system, code in c.codes
        ]
        for code_batch in _batches(codes):
            SymptomCode.objects.bulk_create(code_batch, batch_size=BATCH)
        bar.update(len(concepts))
        synonyms = [
            Synonym(symptom_id=id_of[c.key], text=t[:500], kind=kind, source=source, scope=scope)
            for c in concepts
            for t, kind, source, scope in c.synonyms
        ]
        for synonym_batch in _batches(synonyms):
            Synonym.objects.bulk_create(synonym_batch, batch_size=BATCH)
        links = [
            Symptom.broader.through(from_symptom_id=id_of[c.key], to_symptom_id=id_of[p])
            for c in concepts
            for p in c.parents
            if p in id_of and p != c.key
        ]
        for link_batch in _batches(links):
            Symptom.broader.through.objects.bulk_create(link_batch, batch_size=BATCH)
        bar.update(len(concepts))
        bar.close()

        # Strays: articles move to the catalogue concept, the stray row goes.
        for stray, concept_key in merges.items():
            Article.objects.filter(symptom_id=stray.id).update(symptom_id=id_of[concept_key])
            stray.delete()
        if merges:
            say(f"Catalogue: merged {len(merges)} symptom(s) created before it into the catalogue.")
        # Concepts gone from a new release: dropped unless an article needs them.
        orphans = Symptom.objects.filter(id__in=obsolete)
        keep = orphans.filter(Exists(Article.objects.filter(symptom=OuterRef("pk"))))
        for symptom in keep:
            symptom.slug = unique_slug(symptom.name)
            symptom.save(update_fields=["slug"])
        orphans.exclude(id__in=keep.values("id")).delete()
        lexical().rebuild()


def display_name(concept: Concept) -> str:
    return display_name_choose(
        concept.name,
        [(text, kind, scope) for text, kind, _source, scope in concept.synonyms],
        icd_only=not concept.key.startswith("HP:"),
    )


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
        for text, kind, _source, _scope in concept.synonyms:
            if kind in {"exact", "layperson", "plural", "uk_spelling", "inclusion"}:
                k = key(text)
                if k not in by_synonym or by_synonym[k][0] < weight:
                    by_synonym[k] = (weight, concept.key)
    merges = {}
    for stray in strays:
        k = key(stray.name)
        target = by_name.get(k) or (by_synonym[k][1] if k in by_synonym else None)
        if target:
            merges[stray] = target
    return merges
