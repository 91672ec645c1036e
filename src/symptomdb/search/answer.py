"""What the reader gets back for a query: the emergency verdict first, then the
symptoms. The results page, `GET /api/search` and the CLI all call this."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from symptomdb.search.service import Hit, clean_query, search
from symptomdb.triage import TriageResult, triage


@dataclass(frozen=True)
class SearchAnswer:
    query: str
    results: list[Hit]
    triage: TriageResult

    def to_dict(self) -> dict[str, object]:
        return {
            "query": self.query,
            "results": [hit.to_dict() for hit in self.results],
            "triage": self.triage.to_dict(),
        }


def search_with_triage(query: str | None, *, limit: int = 10) -> SearchAnswer:
    """Triage runs on the same cleaned text as the search, so the banner, the API
    field and the CLI always agree."""
    text = clean_query(query)
    verdict = triage(text, locale=settings.SYMPTOMDB_LOCALE)
    return SearchAnswer(query=text, results=search(text, limit=limit), triage=verdict)
