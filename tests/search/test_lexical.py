"""The database's full-text index, on either database (search/lexical/): kept
current by every write, ranked as bm25 ranks, paused and rebuilt by the loader."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from symptomdb.articles.models import Article, Status
from symptomdb.search.lexical import lexical
from symptomdb.search.lexical.postgres import BACKEND as POSTGRES
from symptomdb.search.models import SymptomDocument
from symptomdb.terminology.models import Symptom, Synonym
from tests.search.vendors import postgres_only

pytestmark = pytest.mark.django_db


def found(*words: str) -> list[int]:
    """The symptoms the words find, best first."""
    return list(lexical().match(words, limit=10))


def symptom(slug: str, name: str, definition: str = "") -> Symptom:
    return Symptom.objects.create(slug=slug, name=name, definition=definition, prior=0.5)


def test_a_new_symptom_is_found_at_once():
    hiccups = symptom("hiccups", "Hiccups")
    assert found("hiccups") == [hiccups.id]


def test_a_renamed_symptom_is_found_by_its_new_name_only():
    hiccups = symptom("hiccups", "Hiccups")
    hiccups.name = "Singultus"
    hiccups.save()
    assert found("hiccups") == []
    assert found("singultus") == [hiccups.id]


def test_a_deleted_symptom_is_gone():
    hiccups = symptom("hiccups", "Hiccups")
    Synonym.objects.create(symptom=hiccups, text="Hiccough", kind="exact", source="HPO")
    hiccups.delete()
    assert found("hiccups") == []
    assert found("hiccough") == []


def test_synonyms_are_followed_when_added_changed_and_removed():
    spasm = symptom("muscle-spasm", "Muscle spasm")
    horse = Synonym.objects.create(
        symptom=spasm, text="Charley-horse", kind="inclusion", source="ICD10CM"
    )
    assert found("charley") == [spasm.id]
    horse.text = "Crick"
    horse.save()
    assert found("charley") == []
    assert found("crick") == [spasm.id]
    horse.delete()
    assert found("crick") == []


def test_bulk_writes_are_followed():
    spasm = symptom("muscle-spasm", "Muscle spasm")
    Synonym.objects.bulk_create(
        [
            Synonym(symptom=spasm, text=text, kind="exact", source="HPO")
            for text in ("Cramp", "Crick", "Charley-horse")
        ]
    )
    assert found("crick") == [spasm.id]
    Synonym.objects.filter(symptom=spasm).delete()
    assert found("crick") == []


def test_only_a_published_article_is_searched(published_article):
    sid = published_article.symptom_id
    # Only the seed article's title ("… how to treat them effectively?") has it.
    assert found("effectively") == [sid]
    published_article.status = Status.DRAFT
    published_article.save()
    assert found("effectively") == []


def test_an_article_moved_to_another_symptom_moves_in_the_index(published_article):
    other = symptom("cramp", "Cramp")
    Article.objects.filter(pk=published_article.pk).update(symptom=other)
    assert found("effectively") == [other.id]


def test_the_index_reads_back_names_and_synonyms():
    spasm = symptom("muscle-spasm", "Muscle spasm")
    for text in ("Muscle cramps", "Charley-horse"):
        Synonym.objects.create(symptom=spasm, text=text, kind="exact", source="HPO")
    [indexed] = lexical().texts([spasm.id])
    assert (indexed.symptom_id, indexed.name) == (spasm.id, "Muscle spasm")
    assert sorted(indexed.synonyms) == ["Charley-horse", "Muscle cramps"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5's shadow table: SQLite only")
def test_the_names_and_synonyms_read_back_are_the_fts5_tables_own():
    # texts() reads FTS5's content table directly (lexical/sqlite.py): the same strings,
    # in the same order, as the FTS5 table's name and synonyms columns.
    made = [symptom(f"fixture-{i}", f"Fixture {i}", "A definition") for i in range(3)]
    for i, text in enumerate(["Twinge", "Ache", "Cramp"]):
        Synonym.objects.create(symptom=made[i % 2], text=text, kind="exact", source="HPO")
    ids = [s.id for s in made]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, name, synonyms FROM search_symptom_fts WHERE rowid IN (%s, %s, %s)",
            ids,
        )
        table = {rowid: (name, synonyms) for rowid, name, synonyms in cursor.fetchall()}
    read = {i.symptom_id: (i.name, " ; ".join(i.synonyms)) for i in lexical().texts(ids)}
    assert read == table
    assert read[made[0].id] == ("Fixture 0", "Twinge ; Cramp")


def test_a_name_outranks_a_synonym_outranks_a_definition():
    in_definition = symptom("a", "Alpha", definition="A twitch of the eyelid.")
    in_synonym = symptom("b", "Beta")
    Synonym.objects.create(symptom=in_synonym, text="Twitch", kind="exact", source="HPO")
    in_name = symptom("c", "Twitch")
    assert found("twitch") == [in_name.id, in_synonym.id, in_definition.id]


def test_a_rare_word_outranks_a_common_one():
    # bm25's inverse document frequency: "pain" names most symptoms here, so
    # "tinnitus" says more about which one the reader means.
    for part in ("Back", "Chest", "Knee", "Neck", "Ear"):
        symptom(part.lower(), f"{part} pain")
    symptom("pain", "Pain")
    tinnitus = symptom("tinnitus", "Tinnitus of the left ear, intermittent")
    assert found("pain", "tinnitus")[0] == tinnitus.id


def test_words_are_stemmed_and_accents_ignored():
    meniere = symptom("meniere", "Ménière disease")
    cramps = symptom("cramps", "Cramps")
    assert found("meniere") == [meniere.id]
    assert found("cramping") == [cramps.id]


def test_paused_upkeep_waits_for_the_rebuild():
    index = lexical()
    with transaction.atomic(), index.paused():
        hiccups = symptom("hiccups", "Hiccups")
        assert found("hiccups") == []
        index.rebuild()
        assert found("hiccups") == [hiccups.id]
    # The pause ends with its block.
    cramp = symptom("cramp", "Cramp")
    assert found("cramp") == [cramp.id]


def test_a_failed_load_leaves_no_pause_behind():
    index = lexical()
    with pytest.raises(RuntimeError), transaction.atomic(), index.paused():
        raise RuntimeError("the load failed")
    hiccups = symptom("hiccups", "Hiccups")
    assert found("hiccups") == [hiccups.id]


@postgres_only
def test_a_typo_no_word_matches_is_found_by_trigrams():
    hiccups = symptom("hiccups", "Hiccups")
    spasm = symptom("muscle-spasm", "Muscle spasm")
    Synonym.objects.create(symptom=spasm, text="Charley-horse", kind="inclusion", source="HPO")
    assert found("hicups") == [hiccups.id]
    assert found("charly") == [spasm.id]
    assert found("zzzz") == []


@postgres_only
def test_the_document_is_weighted_by_field():
    spasm = symptom("muscle-spasm", "Muscle spasm", definition="A sudden contraction.")
    Synonym.objects.create(symptom=spasm, text="Cramp", kind="exact", source="HPO")
    document = SymptomDocument.objects.values_list("document", flat=True).get(symptom=spasm)
    assert {"'muscl':1A", "'spasm':2A", "'cramp':3B", "'contract':6"} <= set(document.split())


@postgres_only
@pytest.mark.parametrize(
    ("words", "index"),
    [(["twitch"], "search_document_fts"), (["twichting"], "search_name_trgm")],
)
def test_the_queries_can_use_their_gin_indexes(words, index):
    symptom("twitch", "Twitch")
    with transaction.atomic(), connection.cursor() as cursor:
        # The table is tiny, so the planner would rightly scan it: forbid that,
        # and an index that cannot answer the query shows as an error here.
        cursor.execute("SET LOCAL enable_seqscan = off")
        with CaptureQueriesContext(connection) as queries:
            lexical().match(words, limit=10)
        plans = []
        for query in queries.captured_queries:
            cursor.execute(f"EXPLAIN {query['sql']}")
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert any(index in plan for plan in plans), plans


def test_the_postgres_backend_is_chosen_only_on_postgres():
    assert (lexical() is POSTGRES) == (connection.vendor == "postgresql")
