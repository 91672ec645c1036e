"""The one search entry point, used by the results page, the API and the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q

from symptomdb.terminology.models import CodeSystem
from symptomdb.terminology.selectors import symptoms_with_article_flag

MAX_QUERY_LENGTH = 1000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class QueryError(ValueError):
    """A query the search cannot take; the message says why, for the reader."""


@dataclass(frozen=True)
class Code:
    system: str
    code: str

    @property
    def label(self) -> str:
        return {"ICD10CM": "ICD-10-CM"}.get(self.system, self.system)


@dataclass(frozen=True)
class Hit:
    slug: str
    name: str
    score: float
    codes: list[Code] = field(default_factory=list)
    has_article: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "slug": self.slug,
            "name": self.name,
            "score": round(self.score, 4),
            "codes": [{"system": c.system, "code": c.code} for c in self.codes],
            "has_article": self.has_article,
        }


def clean_query(query: str | None) -> str:
    """The query with its whitespace folded, or QueryError saying what is wrong."""
    if query is None or not query.strip():
        raise QueryError("Please type a symptom to search for.")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"The search is {len(query):,} characters long; please keep it under "
            f"{MAX_QUERY_LENGTH:,}."
        )
    if _CONTROL.search(query):
        raise QueryError("The search contains control characters; please type plain text.")
    return " ".join(query.split())


PUBLIC_SYSTEMS = {CodeSystem.HPO, CodeSystem.ICD10CM, CodeSystem.SNOMEDCT}


def search(query: str, *, limit: int = 10) -> list[Hit]:
    """Symptoms whose name, synonyms or article title contain the query."""
    text = clean_query(query)
    matches = (
        symptoms_with_article_flag()
        .filter(
            Q(name__icontains=text)
            | Q(synonyms__text__icontains=text)
            | Q(articles__title__icontains=text)
        )
        .distinct()
        .prefetch_related("codes")
    )
    ranked = sorted(
        matches[:500],
        key=lambda s: (s.name.lower() != text.lower(), not s.has_article, -s.prior, s.name),
    )[:limit]
    return [
        Hit(
            slug=s.slug,
            name=s.name,
            score=1.0 / (rank + 1),
            codes=[Code(c.system, c.code) for c in s.codes.all() if c.system in PUBLIC_SYSTEMS],
            has_article=s.has_article,
        )
        for rank, s in enumerate(ranked)
    ]
