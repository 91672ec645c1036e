"""What the reader gets back for a query: the emergency verdict first, then the
symptoms. The results page, `GET /api/search` and the CLI all call this; the
triage alone (`GET /api/triage`, `symptomdb triage`) is `triage_answer`.

Both are for the reader's country (`locale`: "GB", "en-GB"; the site's
SYMPTOMDB_LOCALE when not given), which decides the numbers in the message and
the safety net every verdict carries, whatever its level.

Answers are kept with the public pages (symptomdb/content_cache.py), keyed by
the content version, the cleaned query, the limit and the country: one search
costs about 20 ms of CPU, a kept answer about one. Any change to an article, a
symptom, an author or the catalogue starts a new content version, so a kept
answer is never older than the content it ranks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings

from symptomdb.content_cache import content_cache, content_version
from symptomdb.search.engine import engine
from symptomdb.search.service import Hit, clean_query, search_found
from symptomdb.triage import TriageResult, triage
from symptomdb.triage.locale import numbers_for

# Bump when SearchAnswer changes shape, so answers pickled by an older version
# are not read back into the new one. 2: the verdict's safety net, sources and country.
# 3: hits' everyday names, covering articles and priors; the corrected query.
# 4: data only, no HTML: hits' matched synonym and definition, the answer's words.
# 5: hits' matched clause (a long query read clause by clause).
ANSWER_FORMAT = 5


@dataclass(frozen=True)
class SearchAnswer:
    query: str
    results: list[Hit]
    triage: TriageResult
    # The query as the search read it when it corrected a typo; "" when it did not.
    corrected: str = ""
    # The folded words the search looked for: the results page marks them in each name.
    words: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "query": self.query,
            "results": [hit.to_dict() for hit in self.results],
            "triage": self.triage.to_dict(),
            "corrected_query": self.corrected or None,
        }


def search_with_triage(
    query: str | None, *, limit: int = 10, locale: str | None = None, correct: bool = True
) -> SearchAnswer:
    """Triage runs on the same cleaned text as the search, so the banner, the API
    field and the CLI always agree. `correct` off searches the words as typed."""
    text = clean_query(query)
    locale = _country(locale)
    seconds = settings.SEARCH_CACHE_SECONDS
    if seconds <= 0:
        return answer_now(text, limit=limit, locale=locale, correct=correct)
    key = answer_key(text, limit=limit, locale=locale, correct=correct)
    cache = content_cache()
    kept = cache.get(key)
    if isinstance(kept, SearchAnswer):
        return kept
    answer = answer_now(text, limit=limit, locale=locale, correct=correct)
    # A search without its model (matching words only, with a warning in the log)
    # is a stopgap: it is not kept, so the next search tries the model again.
    if engine().model is not None:
        cache.set(key, answer, seconds)
    return answer


def triage_answer(query: str | None, *, locale: str | None = None) -> TriageResult:
    """The verdict alone, on the text as the search would clean it (so it is the
    one the search shows for the same query)."""
    return triage(clean_query(query), locale=_country(locale))


def _country(locale: str | None) -> str:
    """The country the numbers are for: "en-GB", "gb" and "UK" are all "GB"; every
    locale not on record is the 112 default (""), so they share one kept answer."""
    return numbers_for(locale or settings.SYMPTOMDB_LOCALE).country


def answer_now(text: str, *, limit: int, locale: str, correct: bool = True) -> SearchAnswer:
    """The answer computed afresh, bypassing the cache (the warm-up uses this)."""
    found = search_found(text, limit=limit, correct=correct)
    return SearchAnswer(
        query=text,
        results=found.hits,
        triage=triage(text, locale=locale),
        corrected=found.corrected,
        words=found.words,
    )


def answer_key(text: str, *, limit: int, locale: str, correct: bool = True) -> str:
    # Hashed: a query may be up to 1,000 characters of anything, and cache keys
    # must be short and plain for every backend (memcached's 250-byte limit).
    as_typed = "" if correct else "as-typed\n"
    digest = hashlib.sha256(f"{as_typed}{locale}\n{limit}\n{text}".encode()).hexdigest()
    return f"search-answer:{ANSWER_FORMAT}:{content_version()}:{digest}"
