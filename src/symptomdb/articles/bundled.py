"""The articles that ship inside the package, loaded by `symptomdb init`."""

from __future__ import annotations

from importlib import resources
from pathlib import PurePath

from django.db import transaction

from symptomdb.articles.importer import parse_article_bytes
from symptomdb.articles.models import Article
from symptomdb.articles.services import article_import

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def bundled_article_files() -> list[resources.abc.Traversable]:
    folder = resources.files("symptomdb.content") / "articles"
    return sorted(
        (f for f in folder.iterdir() if PurePath(f.name).suffix.lower() in ARTICLE_SUFFIXES),
        key=lambda f: f.name,
    )


@transaction.atomic
def bundled_articles_load() -> int:
    """Import and publish each bundled article not already in the database.

    Returns how many were imported; 0 on a second run, which changes nothing.
    """
    imported = 0
    for file in bundled_article_files():
        parsed = parse_article_bytes(file.read_bytes(), filename=file.name)
        if Article.objects.filter(title=parsed.title).exists():
            continue
        article_import(parsed=parsed, publish=True, comment=f"Bundled article {file.name}")
        imported += 1
    return imported
