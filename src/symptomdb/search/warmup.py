"""Loading what the search needs before the first reader asks, under gunicorn.

The search loads its engine lazily (search.engine.engine(): vocabulary, catalogue
vectors and the embedding model), and the triage its rules, on first use; without
a warm-up the first search of every worker waits for all of it.

Two steps, because onnxruntime must not be loaded before a fork: once it is
imported, a forked child hangs when it exits (ONNX Runtime's own threads exist in
the parent only; microsoft/onnxruntime#31961), so every worker gunicorn recycles or
stops would hang until gunicorn kills it 30 s later. So:

- warm_up_before_fork(), in gunicorn's master: what is safe to share with the
  workers copy-on-write — the triage rules, the lay vocabulary, the English word
  list. It never imports onnxruntime.
- warm_up(), in each worker as it starts: the engine with its model, and one
  search end to end.

The engine builds its vectors and its model together, so the engine is loaded per
worker; the vectors are memory-mapped, so their 35 MB are shared all the same, but
the vocabulary is not (docs/serving.md).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import connections

from symptomdb.search.answer import answer_now
from symptomdb.search.engine import engine
from symptomdb.search.query import lay_vocabulary
from symptomdb.search.spelling import english_words
from symptomdb.triage import load_rules
from symptomdb.triage.locale import numbers_for
from symptomdb.triage.semantic import detector

# One search end to end, so that what is only set up on first use (onnxruntime's
# buffers, the query analysis, the database statements) is set up here too.
WARM_UP_QUERY = "muscle cramp in my calf at night"


def warm_up_before_fork() -> None:
    """Load the parts of the search that are safe to share across a fork."""
    lay_vocabulary()
    english_words()
    load_rules()
    numbers_for(settings.SYMPTOMDB_LOCALE)


def warm_up() -> float:
    """Load the search engine and its model in this process and run one search;
    then close the database connections this opened. Returns the seconds taken."""
    started = time.perf_counter()
    try:
        warm_up_before_fork()
        engine()
        detector()
        # Computed, not read from the answer cache: the point is to run the model.
        answer_now(WARM_UP_QUERY, limit=10, locale=settings.SYMPTOMDB_LOCALE)
    finally:
        connections.close_all()
    return time.perf_counter() - started
