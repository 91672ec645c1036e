from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import reversion
from reversion.models import Version

from symptomdb.articles.importer import ParseError, parse_article
from symptomdb.articles.models import Article, Cause, Status
from symptomdb.articles.services import (
    article_import,
    article_publish,
    article_submit_for_review,
    articles_import,
    articles_parse_files,
)
from symptomdb.people.models import Author

pytestmark = pytest.mark.django_db


def test_it_stores_every_section_in_order(seed_text):
    article = article_import(parsed=parse_article(seed_text)).article
    assert article.status == Status.DRAFT
    assert [c.name for c in article.causes.all()][:2] == ["Dehydration", "Overuse or Fatigue"]
    assert article.causes.count() == 5
    assert article.relief_methods.count() == 4
    assert article.prevention_tips.count() == 3
    assert article.professional_treatments.count() == 1
    assert article.author.name == "Haroon Rashid"
    assert article.author.credentials == "MD"


def test_importing_again_updates_in_place(seed_text):
    first = article_import(parsed=parse_article(seed_text)).article
    again = article_import(parsed=parse_article(seed_text))
    assert again.created is False
    assert again.article.pk == first.pk
    assert Article.objects.count() == 1
    assert Cause.objects.count() == 5
    assert Author.objects.count() == 1


def test_each_import_that_changes_something_is_a_revision(seed_text):
    article = article_import(parsed=parse_article(seed_text)).article
    changed = seed_text.replace("Understanding the causes", "Knowing the causes (fixture edit)", 1)
    assert changed != seed_text
    article_import(parsed=parse_article(changed))
    assert Version.objects.get_for_object(article).count() == 2


def test_importing_the_same_file_again_writes_nothing(seed_text):
    article = article_import(parsed=parse_article(seed_text)).article
    token = Article.objects.get(pk=article.pk).edit_token
    article_import(parsed=parse_article(seed_text))
    assert Version.objects.get_for_object(article).count() == 1
    assert Article.objects.get(pk=article.pk).edit_token == token


def test_publishing_an_unchanged_draft_still_publishes(seed_text):
    article = article_import(parsed=parse_article(seed_text)).article
    again = article_import(parsed=parse_article(seed_text), publish=True).article
    assert again.pk == article.pk and again.status == "published"


def test_publishing_stamps_review_dates(seed_text):
    article = article_import(parsed=parse_article(seed_text)).article
    article_submit_for_review(article=article)
    article_publish(article=article, today=dt.date(2026, 3, 1), checks=False)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_on == dt.date(2026, 3, 1)
    assert article.last_reviewed_on == dt.date(2026, 3, 1)
    assert article.next_review_on == dt.date(2027, 3, 1)


def test_a_bad_file_stops_the_whole_import(tmp_path: Path, seed_text):
    good = tmp_path / "good.txt"
    good.write_text(seed_text)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(ParseError) as error:
        articles_parse_files([good, bad])
    assert "bad.txt" in str(error.value)
    assert Article.objects.count() == 0


def test_a_failure_midway_rolls_everything_back(seed_text, monkeypatch):
    parsed = parse_article(seed_text)
    import symptomdb.articles.services as services

    calls = {"n": 0}
    real = services.article_import

    def failing_second(**kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(**kwargs)

    monkeypatch.setattr(services, "article_import", failing_second)
    with pytest.raises(RuntimeError):
        articles_import(parsed=[parsed, parsed])
    assert Article.objects.count() == 0
    assert Author.objects.count() == 0


def test_an_editor_can_restore_an_old_revision(seed_text):
    article = article_import(parsed=parse_article(seed_text)).article
    with reversion.create_revision():
        article.summary = "An editor's new introduction."
        article.save()
    versions = Version.objects.get_for_object(article)
    versions.last().revision.revert()  # the oldest
    article.refresh_from_db()
    assert article.summary.startswith("Have you ever experienced")
