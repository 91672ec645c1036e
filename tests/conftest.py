"""Shared personas and content for the tests: an editor, a reader, an author and
a published article."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.test import Client

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "muscle-spasms.txt"
BUNDLED_SEED = REPO / "src/symptomdb/content/articles/muscle-spasms.txt"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and rendered pages live in caches; each test starts with none."""
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture
def seed_text() -> str:
    return BUNDLED_SEED.read_text(encoding="utf-8")


@pytest.fixture
def published_article(db, seed_text):
    from symptomdb.articles.importer import parse_article
    from symptomdb.articles.services import article_import

    return article_import(parsed=parse_article(seed_text), publish=True).article


@pytest.fixture
def editor(db) -> User:
    return User.objects.create_superuser("editor", "editor@example.org", "a-long-editor-pass")


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def reader() -> Client:
    return Client()


@pytest.fixture
def other_reader() -> Client:
    return Client(REMOTE_ADDR="10.0.0.2")
