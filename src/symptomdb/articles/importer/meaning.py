"""The sentence model as a fallback for headings no synonym set names.

`model_fallback()` returns a `HeadingFallback` that embeds a heading with the model the
search loads (`symptomdb.language.embedding`) and gives it the kind of its closest
example heading in `sections.yaml`, when their cosine similarity reaches the threshold
there; None when the model cannot be loaded, so the importer reads by words alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np

from symptomdb.language.embedding import Embedder, EmbeddingUnavailable, embedder

from .headings import HeadingFallback, SectionKind
from .vocabulary import vocabulary


class HeadingModel:
    def __init__(self, model: Embedder) -> None:
        examples = vocabulary().model_examples
        self._model = model
        self._kinds = [kind for kind, texts in examples.items() for _ in texts]
        self._vectors = model.embed([text for texts in examples.values() for text in texts])

    def closest(self, headings: Sequence[str]) -> list[tuple[SectionKind, float]]:
        """Each heading's closest kind and its cosine similarity."""
        if not headings:
            return []
        scores = self._model.embed(list(headings)) @ self._vectors.T
        best = np.argmax(scores, axis=1)
        return [
            (cast(SectionKind, self._kinds[int(i)]), float(row[int(i)]))
            for i, row in zip(best, scores, strict=True)
        ]


def heading_model() -> HeadingModel | None:
    try:
        return HeadingModel(embedder())
    except EmbeddingUnavailable:
        return None


def model_fallback(threshold: float | None = None) -> HeadingFallback | None:
    model = heading_model()
    if model is None:
        return None
    limit = vocabulary().model_threshold if threshold is None else threshold

    def fallback(heading: str) -> SectionKind | None:
        kind, score = model.closest([heading])[0]
        return kind if score >= limit else None

    return fallback
