"""The articles that ship inside the package, loaded by `symptomdb init`."""

from __future__ import annotations

import dataclasses
import logging
from importlib import resources
from pathlib import PurePath

import yaml
from django.db import transaction

from symptomdb.articles.covering import covered_symptom
from symptomdb.articles.importer import ParsedArticle, parse_article_bytes
from symptomdb.articles.models import Article
from symptomdb.articles.services import article_import

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
COVERS_FILE = "covers.yaml"

log = logging.getLogger(__name__)


def bundled_article_files() -> list[resources.abc.Traversable]:
    folder = resources.files("symptomdb.content") / "articles"
    return sorted(
        (f for f in folder.iterdir() if PurePath(f.name).suffix.lower() in ARTICLE_SUFFIXES),
        key=lambda f: f.name,
    )


def bundled_covers() -> dict[str, list[str]]:
    """content/covers.yaml: file name → the symptoms that article covers besides its own."""
    text = (resources.files("symptomdb.content") / COVERS_FILE).read_text(encoding="utf-8")
    return {
        str(name): [str(item) for item in items]
        for name, items in (yaml.safe_load(text) or {}).items()
    }


def _with_covers(parsed: ParsedArticle, *, filename: str, items: list[str]) -> ParsedArticle:
    """The article with the covers the manifest gives it; a symptom the catalogue lacks (a
    trimmed catalogue, as in tests) is left out and said in the log, not an error."""
    known = [item for item in items if covered_symptom(item) is not None]
    for item in sorted(set(items) - set(known)):
        log.info(
            "%s: %s covers “%s”, which this catalogue does not hold.", COVERS_FILE, filename, item
        )
    if not known:
        return parsed
    return dataclasses.replace(parsed, covers=[*parsed.covers, *known], covers_at=COVERS_FILE)


@transaction.atomic
def bundled_articles_load() -> int:
    """Import and publish each bundled article not already in the database.

    Returns how many were imported; 0 on a second run, which changes nothing.
    """
    imported = 0
    covers = bundled_covers()
    for file in bundled_article_files():
        parsed = parse_article_bytes(file.read_bytes(), filename=file.name)
        parsed = _with_covers(parsed, filename=file.name, items=covers.get(file.name, []))
        if Article.objects.filter(title=parsed.title).exists():
            continue
        article_import(parsed=parsed, publish=True, comment=f"Bundled article {file.name}")
        imported += 1
    return imported
