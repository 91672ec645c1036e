"""What the search reads of its candidates, in two SQL statements per search.

Every uncached search reads the rows of its hundred-odd candidates. Through the ORM
that cost 4.4 ms of CPU a search, for 0.9 ms of work in the database: a filter on a
hundred ids passes each one through the field's preparation and compiles the query
afresh (docs/search.md, *Speed*). Here the statements are written once, with the
tables' and columns' names taken from the models, and run on Django's connection, so
they work on SQLite and PostgreSQL alike.

    candidate_rows(ids)  each candidate's names, prior and definition, and, read live,
                         whether a published article is about it or covers it
                         (the same as articles/selectors.symptoms_with_article_flags,
                         which the pages use; tests/search/test_rows.py holds them
                         to the same answers)
    codes_of(ids)        the codes of the few shown, in the order they are shown
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.db import connection

from symptomdb.articles.models import Article, Status
from symptomdb.terminology.codes import BY_SYSTEM, CODE_SYSTEMS
from symptomdb.terminology.models import Symptom, SymptomCode


@dataclass(frozen=True)
class Row:
    """A candidate as the ranking and the hits need it."""

    slug: str
    name: str
    display_name: str
    prior: float
    definition: str
    has_article: bool  # a published article of its own
    covered: bool  # a published article covers it beside its own symptom (Article.covers)


@dataclass(frozen=True)
class Code:
    system: str
    code: str

    @property
    def label(self) -> str:
        info = BY_SYSTEM.get(self.system)
        return info.label if info else self.system


@cache
def _candidates_sql() -> str:
    symptom = Symptom._meta.db_table
    article = Article._meta.db_table
    covers = Article.covers.through
    return (
        "SELECT s.id, s.slug, s.name, s.display_name, s.prior, s.definition, "  # noqa: S608 - names from the models
        f"EXISTS (SELECT 1 FROM {article} a WHERE a.symptom_id = s.id AND a.status = %s), "
        f"EXISTS (SELECT 1 FROM {covers._meta.db_table} c JOIN {article} a "
        f"ON a.id = c.{covers._meta.get_field('article').column} "
        f"WHERE c.{covers._meta.get_field('symptom').column} = s.id AND a.status = %s) "
        f"FROM {symptom} s WHERE s.id IN "
    )


def candidate_rows(symptom_ids: list[int]) -> dict[int, Row]:
    """The rows of these symptoms; a removed one (a catalogue update since the vectors
    were read) is simply absent."""
    if not symptom_ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            _candidates_sql() + _placeholders(symptom_ids),
            [Status.PUBLISHED.value, Status.PUBLISHED.value, *symptom_ids],
        )
        return {
            sid: Row(slug, name, display, float(prior), definition, bool(own), bool(covered))
            for sid, slug, name, display, prior, definition, own, covered in cursor.fetchall()
        }


# The order codes are shown in: the catalogue's table of code systems (terminology/codes.py).
_SYSTEM_ORDER = {info.system: i for i, info in enumerate(CODE_SYSTEMS)}


def codes_of(symptom_ids: list[int]) -> dict[int, list[Code]]:
    """Each symptom's codes in the systems the site shows: by system, then by code."""
    if not symptom_ids:
        return {}
    # Filtered by symptom only: with the system in the WHERE clause too, SQLite
    # picks the (system, code) unique index and scans every HPO code.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT symptom_id, system, code FROM {SymptomCode._meta.db_table} "  # noqa: S608 - a model's table
            f"WHERE symptom_id IN {_placeholders(symptom_ids)} ORDER BY code",
            symptom_ids,
        )
        out: dict[int, list[Code]] = {}
        for sid, system, code in cursor.fetchall():
            if system in BY_SYSTEM:
                out.setdefault(sid, []).append(Code(system, code))
    for codes in out.values():
        codes.sort(key=lambda c: _SYSTEM_ORDER.get(c.system, len(_SYSTEM_ORDER)))
    return out


def _placeholders(values: list[int]) -> str:
    return "(" + ", ".join(["%s"] * len(values)) + ")"
