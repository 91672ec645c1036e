"""The search's own tables.

TextVector, on every database: the catalogue's sentence vectors, one row per text
and model, embedded once per catalogue release and read by every home on the same
database (search/index.py builds each home's file cache from them).

SymptomDocument, on PostgreSQL only (SQLite has its FTS5 table instead): one row per
symptom with the texts the reader's words are matched against, and their weighted
tsvector as a generated column: the database computes it on every write, so the
document can never disagree with its texts. Triggers (migration 0002) keep the texts
in step with symptoms, synonyms and published articles.
"""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Func

from symptomdb.terminology.models import Symptom


class TextVector(models.Model):
    """One text's sentence vector as one model made it: float32, little-endian bytes.

    Keyed by the model's name and the SHA-256 of the text (a definition can be longer
    than PostgreSQL's B-tree index takes); the text is kept beside it to be read. No
    link to a symptom: the same wording under two symptoms, or in the next release,
    is the same vector. A BLOB on SQLite, a bytea on PostgreSQL: no extension needed.
    """

    model = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, help_text="SHA-256 of the text, in hex.")
    text = models.TextField()
    vector = models.BinaryField()

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["model", "digest"], name="search_textvector_key")
        ]

    def __str__(self) -> str:
        return self.text[:80]


# A copy of PostgreSQL's `english` configuration (Snowball stemming, as FTS5's
# porter) that also strips accents, as FTS5's `remove_diacritics 2` does: made
# by migration 0002.
TEXT_SEARCH_CONFIG = "symptomdb"


# The weighted document: name A, synonyms B, published article C, definition D.
VECTOR = (
    SearchVector("name", weight="A", config=TEXT_SEARCH_CONFIG)
    + SearchVector("synonyms", weight="B", config=TEXT_SEARCH_CONFIG)
    + SearchVector("article", weight="C", config=TEXT_SEARCH_CONFIG)
    + SearchVector("definition", weight="D", config=TEXT_SEARCH_CONFIG)
)


class SymptomDocument(models.Model):
    """What PostgreSQL's full-text search reads for one symptom.

    Weights mirror the FTS5 bm25 weights (name 10, synonyms 5, article 2,
    definition 1): the name is A, synonyms B, the published article's title and
    summary C, the definition D, ranked with weights 1, 0.5, 0.2 and 0.1
    (search/lexical/postgres.py). `lexemes` is the document's length for bm25.
    """

    symptom = models.OneToOneField(
        Symptom,
        primary_key=True,
        # Written by triggers, never by Django, and absent on SQLite: Django's
        # deletion must not look for rows here, nor the database check them.
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    name = models.TextField()
    synonyms = models.TextField(blank=True, help_text='Every synonym, joined by " ; ".')
    article = models.TextField(blank=True)
    definition = models.TextField(blank=True)
    document = models.GeneratedField(
        expression=VECTOR, output_field=SearchVectorField(), db_persist=True
    )
    # A generated column cannot read another, hence the vector again; an integer
    # makes the average length (every search needs it) a quick scan.
    lexemes = models.GeneratedField(
        expression=Func(VECTOR, function="length"),
        output_field=models.IntegerField(),
        db_persist=True,
    )

    class Meta:
        # Migrations make this table on PostgreSQL only; Django's flush, test
        # serialisation and checks skip it elsewhere.
        required_db_vendor = "postgresql"
        default_permissions = ()
        indexes = [
            GinIndex(fields=["document"], name="search_document_fts"),
            # Every search reads the number of documents and their average
            # length: an index-only scan of this is a quarter of a table scan.
            models.Index(fields=["lexemes"], name="search_document_length"),
            # pg_trgm: words the full-text search cannot find ("hedach").
            GinIndex(fields=["name"], opclasses=["gin_trgm_ops"], name="search_name_trgm"),
            GinIndex(fields=["synonyms"], opclasses=["gin_trgm_ops"], name="search_synonyms_trgm"),
        ]

    def __str__(self) -> str:
        return self.name
