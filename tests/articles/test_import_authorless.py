"""A page that names no clinician (issue 17): a draft without an author, which exports and
imports back as it is and is published only once an editor has named its author."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from symptomdb.articles.exchange import export_all, import_export
from symptomdb.articles.importer import parse_article, render_markdown
from symptomdb.articles.models import Article, Status
from symptomdb.articles.selectors import article_to_parsed
from symptomdb.articles.services import article_import, article_publish
from symptomdb.people.services import author_get_or_create

pytestmark = pytest.mark.django_db

LIBRARY = Path(__file__).parent / "fixtures" / "layouts" / "library-muscle-cramps.html"


@pytest.fixture
def authorless() -> Article:
    parsed = parse_article(LIBRARY.read_text(), filename=LIBRARY.name)
    assert parsed.author.name == ""
    return article_import(parsed=parsed).article


def test_publishing_waits_for_an_author(authorless: Article) -> None:
    with pytest.raises(ValidationError) as error:
        article_publish(article=authorless, change_note="First version", checks=False)
    assert "Name the article's author" in error.value.messages[0]
    authorless.refresh_from_db()
    assert authorless.status == Status.DRAFT
    authorless.author = author_get_or_create(name="Sam Patel", credentials="MD")
    authorless.save()
    article_publish(article=authorless, change_note="First version", checks=False)
    assert Article.objects.get(pk=authorless.pk).status == Status.PUBLISHED


def test_an_authorless_draft_exports_and_imports_back_exactly(authorless: Article) -> None:
    before = article_to_parsed(authorless)
    assert parse_article(render_markdown(before), filename="again.md") == before
    data = export_all()
    Article.objects.all().delete()
    import_export(data)
    again = Article.objects.get()
    assert again.author is None
    assert again.status == Status.DRAFT
    assert article_to_parsed(again) == before


def test_reimporting_a_page_without_a_byline_keeps_the_author_an_editor_chose(
    authorless: Article,
) -> None:
    chosen = author_get_or_create(name="Sam Patel", credentials="MD")
    authorless.author = chosen
    authorless.save()
    parsed = parse_article(LIBRARY.read_text(), filename=LIBRARY.name)
    result = article_import(parsed=parsed)
    assert result.article.pk == authorless.pk
    assert result.article.author == chosen


def test_the_editors_checks_name_the_missing_author_first(authorless: Article) -> None:
    from symptomdb.articles.checks import AUTHOR_NEEDED, publish_problems

    problems = publish_problems(authorless, change_note="First version")
    assert problems[0] == AUTHOR_NEEDED
    with pytest.raises(ValidationError) as error:
        article_publish(article=authorless, change_note="First version")
    assert error.value.messages.count(AUTHOR_NEEDED) == 1
