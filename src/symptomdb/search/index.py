"""Building the search's own indexes after the catalogue loads.

The FTS5 table lives in the database and keeps itself current (migration 0001);
this writes the catalogue's sentence vectors to the database (search/vectors.py:
only the texts it has no vector of yet) and builds the two files under
SYMPTOMDB_HOME/search/: the cache of those vectors and the vocabulary for spelling
correction.

What gets embedded (measured: every name, synonym and definition would take
~5 minutes here, and rare wordings add noise): every symptom's name, and for
symptoms readers plausibly mean (prior ≥ 0.3: an ICD-10-CM complaint code, or a
lay synonym that is not dysmorphology) also their exact, lay, plural and
ICD-10-CM inclusion wordings and their definition — a definition describes a
complaint in sentences, as readers' longer descriptions do. UK spellings repeat
the US ones for the model; abbreviations embed poorly; broader, narrower and
related synonyms would pull a symptom towards other meanings — except WordNet's names
(BEST_ONLY_SOURCES), embedded to count only as a symptom's best text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from django.db.models import Q
from tqdm import tqdm

from symptomdb.language.embedding import (
    MODEL_NAME,
    Embedder,
    EmbeddingUnavailable,
    Vectors,
    embedder,
)
from symptomdb.search.models import TextVector
from symptomdb.search.spelling import speller_save, vocabulary_count, vocabulary_path
from symptomdb.search.vectors import (
    StoredVectors,
    stored_vectors,
    text_digest,
    vector_paths,
    vectors_load,
    vectors_prune,
    vectors_save,
    vectors_store,
)
from symptomdb.terminology.models import Symptom, Synonym, SynonymSource
from symptomdb.terminology.text import key

logger = logging.getLogger(__name__)

EMBED_KINDS = {"exact", "layperson", "plural", "inclusion"}
EMBED_MIN_PRIOR = 0.3
# WordNet's names (kind related) are embedded too, for the same common symptoms, but they
# count only as a symptom's best text, never in the mean of its texts (MEAN_WEIGHT,
# search/vectors.py): a one-word name such as "cramp" is close to short queries and far
# from long ones, and in the mean it lowered its symptom for long ones (docs/search.md).
BEST_ONLY_SOURCES = {SynonymSource.WORDNET}
# Texts embedded between two steps of the progress bar (the model runs one text at a time).
BATCH = 256

Say = Callable[[str], None]


def search_index_present() -> bool:
    npy, meta = vector_paths()
    return vocabulary_path().is_file() and npy.is_file() and meta.is_file()


def embedding_texts() -> tuple[list[str], list[str]]:
    """(texts, slugs): what to embed, grouped by symptom, in slug order."""
    symptoms = list(
        Symptom.objects.order_by("slug").values_list("id", "slug", "name", "prior", "definition")
    )
    extra: dict[int, list[str]] = {}
    for sid, text in Synonym.objects.filter(
        Q(kind__in=EMBED_KINDS) | Q(source__in=BEST_ONLY_SOURCES),
        symptom__prior__gte=EMBED_MIN_PRIOR,
    ).values_list("symptom_id", "text"):
        extra.setdefault(sid, []).append(text)
    texts: list[str] = []
    slugs: list[str] = []
    for sid, slug, name, prior, definition in symptoms:
        seen: set[str] = set()
        wordings = [name, *sorted(extra.get(sid, []))]
        if prior >= EMBED_MIN_PRIOR and definition.strip():
            wordings.append(definition.strip())
        for text in wordings:
            k = key(text)
            if k and k not in seen:
                seen.add(k)
                texts.append(text)
                slugs.append(slug)
    return texts, slugs


def best_only_texts() -> dict[str, set[str]]:
    """Per slug, the embedded texts that count only as the symptom's best text, never in
    the mean of its texts (BEST_ONLY_SOURCES)."""
    best_only: dict[str, set[str]] = {}
    for slug, text in Synonym.objects.filter(
        source__in=BEST_ONLY_SOURCES, symptom__prior__gte=EMBED_MIN_PRIOR
    ).values_list("symptom__slug", "text"):
        best_only.setdefault(slug, set()).add(text)
    return best_only


def search_index_current() -> bool:
    """Whether this home's files hold the catalogue as the database has it now, and the
    database every vector of it: then `init` has nothing to build."""
    if not vocabulary_path().is_file():
        return False
    stored = vectors_load()
    if stored is None:
        return False
    texts, slugs = embedding_texts()
    if stored.texts != texts or stored.slugs != slugs:
        return False  # another home loaded a newer catalogue, or this one never finished
    held = set(
        TextVector.objects.filter(model=MODEL_NAME).values_list("digest", flat=True).iterator()
    )
    return all(text_digest(text) in held for text in texts)


@dataclass
class Built:
    """Where the vectors of one build came from, text by text."""

    texts: int = 0
    symptoms: int = 0
    from_database: int = 0
    from_cache: int = 0
    embedded: int = 0


def search_index_build(*, say: Say = print, progress: bool = True, prune: bool = False) -> Built:
    """The home's search files, from the database; the model embeds only the texts the
    database has no vector of (a new catalogue release, a new wording), and those are
    written to the database for every other home. `prune`: also delete the rows of texts
    the catalogue no longer embeds (after a load)."""
    started = time.monotonic()
    names = Symptom.objects.values_list("name", flat=True)
    synonyms = Synonym.objects.values_list("text", flat=True)
    speller_save(vocabulary_count([*names, *synonyms]))

    texts, slugs = embedding_texts()
    built = Built(texts=len(texts), symptoms=len(set(slugs)))
    unavailable = ""
    try:
        model: Embedder | None = embedder()
    except EmbeddingUnavailable as error:
        model, unavailable = None, str(error)
    matrix, found = stored_vectors(texts)
    built.from_database = int(found.sum())
    # Vectors this home kept of the same texts by the same model: a database that has
    # none yet (this home's first run on it) gets them without the model.
    fresh = _from_cache(vectors_load(mmap=False), texts, matrix, found)
    built.from_cache = int(fresh.sum())
    todo = [int(i) for i in np.flatnonzero(~(found | fresh))]
    if todo and model is None:
        say(f"Search: no embedding model ({unavailable}); the search will match words only.")
        return built
    if todo:
        assert model is not None
        say(
            f"Search: embedding {len(todo):,} catalogue texts ({built.from_database:,} read "
            f"from the database, {built.from_cache:,} from this home's cache)…"
        )
        bar = tqdm(total=len(todo), desc="Embeddings", unit="text", disable=not progress)
        for start in range(0, len(todo), BATCH):
            rows = todo[start : start + BATCH]
            matrix[rows] = model.embed([texts[i] for i in rows])
            bar.update(len(rows))
        bar.close()
        fresh[todo] = True
        built.embedded = len(todo)
    written = np.flatnonzero(fresh)
    if len(written):
        vectors_store([texts[i] for i in written], matrix[written])
    if prune:
        vectors_prune(texts)
    vectors_save(matrix=matrix, texts=texts, slugs=slugs)
    say(
        f"Search: {built.texts:,} texts of {built.symptoms:,} symptoms indexed in "
        f"{time.monotonic() - started:.0f} s ({built.from_database:,} vectors read from the "
        f"database, {built.from_cache:,} from this home's cache, {built.embedded:,} embedded)."
    )
    if model is None:
        say(f"Search: no embedding model ({unavailable}); the search will match words only.")
    return built


def vectors_cache_rebuild() -> StoredVectors | None:
    """The home's vectors cache written again from the database alone (never the model),
    with the texts the database has a vector of; None when it has none."""
    texts, slugs = embedding_texts()
    matrix, found = stored_vectors(texts)
    if not found.any():
        return None
    kept = np.flatnonzero(found)
    stored = StoredVectors(
        matrix=matrix[kept], texts=[texts[i] for i in kept], slugs=[slugs[i] for i in kept]
    )
    vectors_save(matrix=stored.matrix, texts=stored.texts, slugs=stored.slugs)
    logger.info("Search: the vectors cache was rebuilt from the database (%d texts).", len(kept))
    return stored


def _from_cache(
    previous: StoredVectors | None, texts: list[str], matrix: Vectors, found: npt.NDArray[np.bool_]
) -> npt.NDArray[np.bool_]:
    """Fill the rows `found` lacks from the home's previous cache, by text; returns which."""
    filled = np.zeros(len(texts), dtype=bool)
    if previous is None or found.all():
        return filled
    row_of = {text: i for i, text in enumerate(previous.texts)}
    for i in np.flatnonzero(~found):
        j = row_of.get(texts[i])
        if j is not None:
            matrix[i] = previous.matrix[j]
            filled[i] = True
    return filled
