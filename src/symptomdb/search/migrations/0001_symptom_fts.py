"""The full-text index of the catalogue: an SQLite FTS5 table, one row per symptom.

Triggers keep it in step with every write to symptoms, synonyms and articles, so
a symptom an editor adds in the admin (or a test creates) is searchable at once.
The catalogue loader pauses the triggers (a row in search_fts_pause) while it
bulk-inserts, then rebuilds the table in one statement: firing a trigger per
synonym would cost more than the rebuild.

On PostgreSQL this migration does nothing: migration 0002 makes PostgreSQL's
own full-text index (search/lexical/postgres.py).
"""

# The SQL below is assembled from constants in this file, never from input.
# ruff: noqa: S608

from __future__ import annotations

from django.db import migrations

ACTIVE = "NOT EXISTS (SELECT 1 FROM search_fts_pause)"
SYNONYMS = "(SELECT group_concat(text, ' ; ') FROM terminology_synonym WHERE symptom_id = {id})"
ARTICLE = (
    "(SELECT group_concat(title || ' ' || summary, ' ') FROM articles_article"
    " WHERE symptom_id = {id} AND status = 'published')"
)

CREATE = [
    "CREATE TABLE IF NOT EXISTS search_fts_pause (id INTEGER PRIMARY KEY)",
    # name, synonyms, definition, article: bm25 weights are given per query in
    # search/lexical/sqlite.py, in this column order.
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_symptom_fts USING fts5("
    "name, synonyms, definition, article, "
    "tokenize = 'porter unicode61 remove_diacritics 2')",
    f"""CREATE TRIGGER search_symptom_ai AFTER INSERT ON terminology_symptom WHEN {ACTIVE}
    BEGIN
        INSERT INTO search_symptom_fts(rowid, name, synonyms, definition, article)
        VALUES (new.id, new.name, '', new.definition, '');
    END""",
    f"""CREATE TRIGGER search_symptom_au AFTER UPDATE OF name, definition ON terminology_symptom
    WHEN {ACTIVE}
    BEGIN
        UPDATE search_symptom_fts SET name = new.name, definition = new.definition
        WHERE rowid = new.id;
    END""",
    f"""CREATE TRIGGER search_symptom_ad AFTER DELETE ON terminology_symptom WHEN {ACTIVE}
    BEGIN
        DELETE FROM search_symptom_fts WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER search_synonym_ai AFTER INSERT ON terminology_synonym WHEN {ACTIVE}
    BEGIN
        UPDATE search_symptom_fts SET synonyms = coalesce({SYNONYMS.format(id="new.symptom_id")}, '')
        WHERE rowid = new.symptom_id;
    END""",
    f"""CREATE TRIGGER search_synonym_au AFTER UPDATE ON terminology_synonym WHEN {ACTIVE}
    BEGIN
        UPDATE search_symptom_fts SET synonyms = coalesce({SYNONYMS.format(id="old.symptom_id")}, '')
        WHERE rowid = old.symptom_id;
        UPDATE search_symptom_fts SET synonyms = coalesce({SYNONYMS.format(id="new.symptom_id")}, '')
        WHERE rowid = new.symptom_id;
    END""",
    f"""CREATE TRIGGER search_synonym_ad AFTER DELETE ON terminology_synonym WHEN {ACTIVE}
    BEGIN
        UPDATE search_symptom_fts SET synonyms = coalesce({SYNONYMS.format(id="old.symptom_id")}, '')
        WHERE rowid = old.symptom_id;
    END""",
    f"""CREATE TRIGGER search_article_ai AFTER INSERT ON articles_article WHEN {ACTIVE}
    BEGIN
        UPDATE search_symptom_fts SET article = coalesce({ARTICLE.format(id="new.symptom_id")}, '')
        WHERE rowid = new.symptom_id;
    END""",
    f"""CREATE TRIGGER search_article_au AFTER UPDATE ON articles_article WHEN {ACTIVE}
    BEGIN
        UPDATE search_symptom_fts SET article = coalesce({ARTICLE.format(id="old.symptom_id")}, '')
        WHERE rowid = old.symptom_id;
        UPDATE search_symptom_fts SET article = coalesce({ARTICLE.format(id="new.symptom_id")}, '')
        WHERE rowid = new.symptom_id;
    END""",
    f"""CREATE TRIGGER search_article_ad AFTER DELETE ON articles_article WHEN {ACTIVE}
    BEGIN
        UPDATE search_symptom_fts SET article = coalesce({ARTICLE.format(id="old.symptom_id")}, '')
        WHERE rowid = old.symptom_id;
    END""",
]

DROP = [
    *(
        f"DROP TRIGGER IF EXISTS {name}"
        for name in (
            "search_symptom_ai",
            "search_symptom_au",
            "search_symptom_ad",
            "search_synonym_ai",
            "search_synonym_au",
            "search_synonym_ad",
            "search_article_ai",
            "search_article_au",
            "search_article_ad",
        )
    ),
    "DROP TABLE IF EXISTS search_symptom_fts",
    "DROP TABLE IF EXISTS search_fts_pause",
]


def forwards(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in CREATE:
        schema_editor.execute(statement)
    # Index whatever already exists (a database migrated after content was added).
    schema_editor.execute(
        "INSERT INTO search_symptom_fts(rowid, name, synonyms, definition, article) "
        f"SELECT s.id, s.name, coalesce({SYNONYMS.format(id='s.id')}, ''), s.definition, "
        f"coalesce({ARTICLE.format(id='s.id')}, '') FROM terminology_symptom s"
    )


def backwards(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("terminology", "0002_catalogue_release"),
        ("articles", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
