"""PostgreSQL's full-text index of the catalogue (on SQLite this does nothing:
migration 0001's FTS5 table serves there).

1. The extensions: pg_trgm (trigram matching for typos) and unaccent. Both are
   "trusted" (PostgreSQL 13+): a database owner may create them, no superuser.
2. The text search configuration `symptomdb`: PostgreSQL's `english` (Snowball
   stemmer, as FTS5's porter) with accents stripped first, as FTS5's
   `remove_diacritics 2` ("Ménière" is found by "meniere").
3. search_symptomdocument (search.models.SymptomDocument): one row per symptom,
   its weighted tsvector (and that vector's length) generated columns, with GIN
   indexes. Django makes it on PostgreSQL only (Meta.required_db_vendor).
4. Triggers that keep the rows' texts current on every write to symptoms,
   synonyms and articles — statement-level, over transition tables, so a bulk
   update refreshes each symptom once. The catalogue loader switches them off
   for its transaction (the setting symptomdb.search_paused, set with
   set_config(…, true)) and calls search_documents_rebuild() before it commits.
   TRUNCATE (Django's flush) fires no triggers and empties the table too.
"""

# ruff: noqa: S608 - the SQL below is assembled from constants in this file

from __future__ import annotations

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

VECTOR = (
    django.contrib.postgres.search.SearchVector("name", config="symptomdb", weight="A")
    + django.contrib.postgres.search.SearchVector("synonyms", config="symptomdb", weight="B")
    + django.contrib.postgres.search.SearchVector("article", config="symptomdb", weight="C")
    + django.contrib.postgres.search.SearchVector("definition", config="symptomdb", weight="D")
)

# Not Django's TrigramExtension/UnaccentExtension: unapplied on SQLite they
# query pg_extension. Unapplying this leaves the extensions (others may use them).
EXTENSIONS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
]
CONFIG = [
    "CREATE TEXT SEARCH CONFIGURATION symptomdb (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION symptomdb ALTER MAPPING FOR hword, hword_part, word"
    " WITH unaccent, english_stem",
]
CONFIG_DROP = ["DROP TEXT SEARCH CONFIGURATION IF EXISTS symptomdb"]

# A symptom's texts, as the index holds them (the same as the FTS5 table's).
DOCUMENTS = """
    SELECT s.id, s.name,
           coalesce((SELECT string_agg(text, ' ; ' ORDER BY id) FROM terminology_synonym
                     WHERE symptom_id = s.id), ''),
           coalesce((SELECT string_agg(title || ' ' || summary, ' ' ORDER BY id)
                     FROM articles_article
                     WHERE symptom_id = s.id AND status = 'published'), ''),
           s.definition
    FROM terminology_symptom s
"""
COLUMNS = "search_symptomdocument (symptom_id, name, synonyms, article, definition)"

TRIGGERS = [
    """CREATE FUNCTION search_paused() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('symptomdb.search_paused', true), '') = 'on'
    $$""",
    # The documents of these symptoms, rewritten from the tables (or dropped,
    # for symptoms that are gone).
    f"""CREATE FUNCTION search_documents_refresh(ids bigint[]) RETURNS void
    LANGUAGE sql VOLATILE AS $$
        DELETE FROM search_symptomdocument
        WHERE symptom_id = ANY(ids)
          AND NOT EXISTS (SELECT 1 FROM terminology_symptom WHERE id = symptom_id);
        INSERT INTO {COLUMNS}
        {DOCUMENTS}
        WHERE s.id IN (SELECT unnest(ids))
        ON CONFLICT (symptom_id) DO UPDATE SET
            name = excluded.name, synonyms = excluded.synonyms,
            article = excluded.article, definition = excluded.definition;
    $$""",
    f"""CREATE FUNCTION search_documents_rebuild() RETURNS void LANGUAGE sql VOLATILE AS $$
        DELETE FROM search_symptomdocument;
        INSERT INTO {COLUMNS}
        SELECT s.id, s.name, coalesce(syn.texts, ''), coalesce(art.texts, ''), s.definition
        FROM terminology_symptom s
        LEFT JOIN (SELECT symptom_id, string_agg(text, ' ; ' ORDER BY id) AS texts
                   FROM terminology_synonym GROUP BY symptom_id) syn
               ON syn.symptom_id = s.id
        LEFT JOIN (SELECT symptom_id, string_agg(title || ' ' || summary, ' ' ORDER BY id)
                          AS texts
                   FROM articles_article WHERE status = 'published' GROUP BY symptom_id) art
               ON art.symptom_id = s.id;
    $$""",
    """CREATE FUNCTION search_symptom_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF search_paused() THEN
            RETURN NULL;
        ELSIF TG_OP = 'INSERT' THEN
            PERFORM search_documents_refresh(ARRAY(SELECT id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
            -- Only a new name or definition changes a document, not a new prior.
            PERFORM search_documents_refresh(ARRAY(
                SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                WHERE (n.name, n.definition) IS DISTINCT FROM (o.name, o.definition)));
        ELSE
            DELETE FROM search_symptomdocument WHERE symptom_id IN (SELECT id FROM old_rows);
        END IF;
        RETURN NULL;
    END $$""",
    # Synonyms and articles: the documents of the symptoms they belong to (or
    # belonged to, when an update moved them).
    *(
        f"""CREATE FUNCTION search_{table}_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF search_paused() THEN
            RETURN NULL;
        ELSIF TG_OP = 'INSERT' THEN
            PERFORM search_documents_refresh(ARRAY(SELECT symptom_id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
            PERFORM search_documents_refresh(ARRAY(
                SELECT symptom_id FROM new_rows UNION SELECT symptom_id FROM old_rows));
        ELSE
            PERFORM search_documents_refresh(ARRAY(SELECT symptom_id FROM old_rows));
        END IF;
        RETURN NULL;
    END $$"""
        for table in ("synonym", "article")
    ),
    *(
        f"""CREATE TRIGGER search_{name}_{suffix} AFTER {event} ON {table}
        REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION search_{name}_changed()"""
        for name, table in (
            ("symptom", "terminology_symptom"),
            ("synonym", "terminology_synonym"),
            ("article", "articles_article"),
        )
        for suffix, event, transition in (
            ("ai", "INSERT", "NEW TABLE AS new_rows"),
            ("au", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
            ("ad", "DELETE", "OLD TABLE AS old_rows"),
        )
    ),
]

TRIGGERS_DROP = [
    *(
        f"DROP TRIGGER IF EXISTS search_{name}_{suffix} ON {table}"
        for name, table in (
            ("symptom", "terminology_symptom"),
            ("synonym", "terminology_synonym"),
            ("article", "articles_article"),
        )
        for suffix in ("ai", "au", "ad")
    ),
    *(
        f"DROP FUNCTION IF EXISTS {function}"
        for function in (
            "search_symptom_changed()",
            "search_synonym_changed()",
            "search_article_changed()",
            "search_documents_rebuild()",
            "search_documents_refresh(bigint[])",
            "search_paused()",
        )
    ),
]


def _on_postgres(*statements: str):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_symptom_fts"),
        ("terminology", "0002_catalogue_release"),
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(_on_postgres(*EXTENSIONS, *CONFIG), _on_postgres(*CONFIG_DROP)),
        migrations.CreateModel(
            name="SymptomDocument",
            fields=[
                (
                    "symptom",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="terminology.symptom",
                    ),
                ),
                ("name", models.TextField()),
                (
                    "synonyms",
                    models.TextField(blank=True, help_text='Every synonym, joined by " ; ".'),
                ),
                ("article", models.TextField(blank=True)),
                ("definition", models.TextField(blank=True)),
                (
                    "document",
                    models.GeneratedField(
                        db_persist=True,
                        expression=VECTOR,
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                ),
                (
                    "lexemes",
                    models.GeneratedField(
                        db_persist=True,
                        expression=models.Func(VECTOR, function="length"),
                        output_field=models.IntegerField(),
                    ),
                ),
            ],
            options={
                "default_permissions": (),
                "required_db_vendor": "postgresql",
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["document"], name="search_document_fts"
                    ),
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["name"], name="search_name_trgm", opclasses=["gin_trgm_ops"]
                    ),
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["synonyms"], name="search_synonyms_trgm", opclasses=["gin_trgm_ops"]
                    ),
                ],
            },
        ),
        migrations.RunPython(
            _on_postgres(*TRIGGERS, "SELECT search_documents_rebuild()"),
            _on_postgres(*TRIGGERS_DROP),
        ),
    ]
