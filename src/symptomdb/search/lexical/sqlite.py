"""Lexical retrieval on SQLite: FTS5 with bm25 field weights.

The table and the triggers that keep it current are made by the search app's
migration 0001. Every user word reaches FTS5 as a quoted string (escape_fts), so
no query can use FTS5's own syntax (AND, OR, NEAR, *, -, column filters) or
break it with a stray quote.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection

from symptomdb.search.lexical import WORD, Indexed, words_of

TABLE = "search_symptom_fts"
# The shadow table in which FTS5 keeps the text of a table with content of its own:
# `{TABLE}_content(id INTEGER PRIMARY KEY, c0, c1, c2, c3)`, id the rowid, one cN per
# column in the order migration 0001 declares them, so name is c0 and synonyms c1.
# tests/search/test_lexical.py holds texts() to the FTS5 table's own columns.
CONTENT = f"{TABLE}_content"
CONTENT_NAME, CONTENT_SYNONYMS = "c0", "c1"
# bm25 weights per column (name, synonyms, definition, article): a word in the
# name says more than one in a synonym, far more than one in a definition.
WEIGHTS = (10.0, 5.0, 1.0, 2.0)


def escape_fts(query: str) -> str:
    """The query's words as FTS5 strings, each double-quoted, space-separated
    (FTS5's implicit AND). Punctuation and emoji, which the tokenizer drops
    anyway, are dropped here so that no token is empty."""
    return " ".join(f'"{token}"' for token in WORD.findall(query))


class Fts5Backend:
    def match(self, words: Iterable[str], *, limit: int) -> dict[int, float]:
        terms = [f'"{word}"' for word in words_of(words)]
        if not terms:
            return {}
        weights = ", ".join(str(w) for w in WEIGHTS)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({TABLE}, {weights}) AS score FROM {TABLE} "  # noqa: S608 - constants
                f"WHERE {TABLE} MATCH %s ORDER BY score LIMIT %s",
                [" OR ".join(terms), limit],
            )
            # bm25 is lower for a better match: negated, higher is better.
            return {row[0]: -float(row[1]) for row in cursor.fetchall()}

    def texts(self, symptom_ids: Iterable[int]) -> Iterator[Indexed]:
        ids = list(symptom_ids)
        if not ids:
            return
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            # From the table FTS5 keeps the rows' text in (CONTENT: name, synonyms), by its
            # primary key: the same strings as a rowid lookup through the FTS5 table, which
            # opens an FTS5 cursor for each of the hundred-odd ids (0.42 against 0.23 ms).
            cursor.execute(
                f"SELECT id, {CONTENT_NAME}, {CONTENT_SYNONYMS} FROM {CONTENT} "  # noqa: S608 - constants
                f"WHERE id IN ({placeholders})",
                ids,
            )
            for rowid, name, synonyms in cursor.fetchall():
                yield Indexed(rowid, name, [s for s in (synonyms or "").split(" ; ") if s])

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Triggers off (a row in search_fts_pause) while the loader bulk-writes."""
        with connection.cursor() as cursor:
            cursor.execute("INSERT OR IGNORE INTO search_fts_pause(id) VALUES (1)")
        # No try/finally: on an error the caller's transaction rolls back, pause row
        # included, and a query here would only hide the original error.
        yield
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts_pause")

    def rebuild(self) -> None:
        """About a second for the whole catalogue."""
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 - a constant
            cursor.execute(
                f"INSERT INTO {TABLE}(rowid, name, synonyms, definition, article) "  # noqa: S608
                "SELECT s.id, s.name, coalesce(syn.texts, ''), s.definition, "
                "coalesce(art.texts, '') "
                "FROM terminology_symptom s "
                "LEFT JOIN (SELECT symptom_id, group_concat(text, ' ; ') AS texts "
                "           FROM terminology_synonym GROUP BY symptom_id) syn "
                "       ON syn.symptom_id = s.id "
                "LEFT JOIN (SELECT symptom_id, group_concat(title || ' ' || summary, ' ') "
                "           AS texts FROM articles_article WHERE status = 'published' "
                "           GROUP BY symptom_id) art "
                "       ON art.symptom_id = s.id"
            )


BACKEND = Fts5Backend()
