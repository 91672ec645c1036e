"""Building the search's own indexes after the catalogue loads.

The FTS5 table lives in the database and keeps itself current (migration 0001);
this builds the two files under SYMPTOMDB_HOME/search/: the sentence vectors of
the catalogue and the vocabulary for spelling correction.

What gets embedded (measured: every name, synonym and definition would take
~5 minutes here, and rare wordings add noise): every symptom's name, and for
symptoms readers plausibly mean (prior ≥ 0.3: an ICD-10-CM complaint code, or a
lay synonym that is not dysmorphology) also their exact, lay, plural and
ICD-10-CM inclusion wordings and their definition — a definition describes a
complaint in sentences, as readers' longer descriptions do. UK spellings repeat
the US ones for the model; abbreviations embed poorly; broader, narrower and
related synonyms would pull a symptom towards other meanings.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import numpy as np
from tqdm import tqdm

from symptomdb.language.embedding import DIMENSIONS, EmbeddingUnavailable, Vectors, embedder
from symptomdb.search.spelling import speller_save, vocabulary_count, vocabulary_path
from symptomdb.search.vectors import StoredVectors, vector_paths, vectors_load, vectors_save
from symptomdb.terminology.models import Symptom, Synonym
from symptomdb.terminology.text import key

logger = logging.getLogger(__name__)

EMBED_KINDS = {"exact", "layperson", "plural", "inclusion"}
EMBED_MIN_PRIOR = 0.3
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
        kind__in=EMBED_KINDS, symptom__prior__gte=EMBED_MIN_PRIOR
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


def search_index_build(*, say: Say = print, progress: bool = True) -> None:
    started = time.monotonic()
    names = Symptom.objects.values_list("name", flat=True)
    synonyms = Synonym.objects.values_list("text", flat=True)
    speller_save(vocabulary_count([*names, *synonyms]))

    texts, slugs = embedding_texts()
    try:
        model = embedder()
    except EmbeddingUnavailable as error:
        say(f"Search: no embedding model ({error}); the search will match words only.")
        return
    previous = vectors_load(mmap=False)
    matrix, reused = _reuse(previous, texts)
    todo = [i for i in range(len(texts)) if not reused[i]]
    if todo:
        say(f"Search: embedding {len(todo):,} catalogue texts ({len(texts) - len(todo):,} reused)…")
        # Longest first in batches of similar length: little padding, steady bar.
        todo.sort(key=lambda i: len(texts[i]))
        bar = tqdm(total=len(todo), desc="Embeddings", unit="text", disable=not progress)
        for start in range(0, len(todo), BATCH):
            rows = todo[start : start + BATCH]
            matrix[rows] = model.embed([texts[i] for i in rows], batch_size=BATCH)
            bar.update(len(rows))
        bar.close()
    vectors_save(matrix=matrix, texts=texts, slugs=slugs)
    say(
        f"Search: {len(texts):,} texts of {len(set(slugs)):,} symptoms indexed "
        f"in {time.monotonic() - started:.0f} s."
    )


def _reuse(previous: StoredVectors | None, texts: list[str]) -> tuple[Vectors, list[bool]]:
    matrix = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    reused = [False] * len(texts)
    if previous is None:
        return matrix, reused
    row_of = {text: i for i, text in enumerate(previous.texts)}
    for i, text in enumerate(texts):
        j = row_of.get(text)
        if j is not None:
            matrix[i] = previous.matrix[j]
            reused[i] = True
    return matrix, reused
