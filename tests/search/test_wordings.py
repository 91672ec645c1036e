"""The candidates' names and synonyms are kept in memory per content version
(search/wordings.py): a change to the catalogue is seen by the next search, on either
database, and nothing read before a change is kept after it. Made-up symptoms of made-up
words (none of the catalogue's, none the speller corrects), words only (no model), so the
wordings alone decide the scores."""

from __future__ import annotations

import dataclasses

import pytest
from django.test import override_settings

from symptomdb.content_cache import content_changed
from symptomdb.search import service, wordings
from symptomdb.search.engine import engine
from symptomdb.search.lexical import lexical
from symptomdb.terminology.models import Symptom, Synonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def words_only(monkeypatch, fresh_engine):
    """The engine without the model: the fused score is words, prior and article."""
    current = dataclasses.replace(engine(), semantic=None, model=None)
    monkeypatch.setattr(service, "engine", lambda: current)


@pytest.fixture
def reads(monkeypatch) -> list[list[int]]:
    """The ids of every read of names and synonyms from the full-text index."""
    backend = type(lexical())
    read = backend.texts
    seen: list[list[int]] = []

    def counted(self, symptom_ids):  # type: ignore[no-untyped-def]
        seen.append(sorted(symptom_ids))
        return read(self, symptom_ids)

    monkeypatch.setattr(backend, "texts", counted)
    return seen


def first(query: str) -> service.Hit:
    return service.search(query, limit=10)[0]


def test_a_synonym_added_since_the_last_search_is_matched_by_the_next(words_only):
    ache = Symptom.objects.create(slug="zorblat-ache", name="Zorblat ache", prior=0.0)
    before = first("zorblat quorbish")
    assert (before.slug, before.matched_synonym) == (ache.slug, "")

    Synonym.objects.create(symptom=ache, text="Zorblat quorbish", kind="exact", source="HPO")
    after = first("zorblat quorbish")
    assert (after.slug, after.matched_synonym) == (ache.slug, "Zorblat quorbish")
    assert after.score > before.score  # an exact match now

    Synonym.objects.filter(symptom=ache).delete()
    assert first("zorblat quorbish").score == before.score


def test_a_renamed_symptom_is_scored_by_its_new_name(words_only):
    ache = Symptom.objects.create(slug="zorblat-ache", name="Zorblat ache", prior=0.0)
    before = first("zorblat quorbish")
    ache.name = "Zorblat quorbish"
    ache.save()
    after = first("zorblat quorbish")
    assert after.slug == ache.slug
    assert after.score > before.score


def test_the_wordings_are_read_once_per_content_version(words_only, reads):
    ache = Symptom.objects.create(slug="zorblat-ache", name="Zorblat ache", prior=0.0)
    first("zorblat")
    first("zorblat")
    assert reads == [[ache.id]]
    content_changed()
    first("zorblat")
    assert reads == [[ache.id], [ache.id]]


def test_what_was_read_before_a_change_was_committed_is_read_again(
    words_only, reads, django_capture_on_commit_callbacks
):
    ache = Symptom.objects.create(slug="zorblat-ache", name="Zorblat ache", prior=0.0)
    with django_capture_on_commit_callbacks(execute=True):
        content_changed()
        # Another worker's search here reads the content as it was before the change.
        first("zorblat")
    first("zorblat")
    assert reads == [[ache.id], [ache.id]]


def test_without_a_kept_version_every_search_reads_its_candidates(words_only, reads):
    Symptom.objects.create(slug="zorblat-ache", name="Zorblat ache", prior=0.0)
    # A store that keeps nothing (as one that is away): every call is a new version.
    with override_settings(
        CACHES={
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        }
    ):
        first("zorblat")
        first("zorblat")
    assert len(reads) == 2


def test_a_symptom_the_index_does_not_hold_is_absent():
    ache = Symptom.objects.create(slug="zorblat-ache", name="Zorblat ache", prior=0.0)
    read = wordings.wordings_read([ache.id, ache.id + 1000])
    assert [wording.text for wording in read[ache.id]] == ["Zorblat ache"]
    assert ache.id + 1000 not in read
