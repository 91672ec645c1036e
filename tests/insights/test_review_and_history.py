"""Review dates (the command, the reader's notice, mark reviewed) and the page history."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone

from symptomdb.articles.models import Article, Cause
from symptomdb.articles.services import article_change_start, article_publish
from symptomdb.insights.selectors import article_history
from symptomdb.insights.services import article_mark_reviewed

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _due(article: Article, days: int) -> None:
    Article.objects.filter(pk=article.pk).update(
        last_reviewed_on=TODAY - dt.timedelta(days=400),
        next_review_on=TODAY + dt.timedelta(days=days),
    )


def _review_due(*args: str) -> tuple[int, str]:
    from io import StringIO

    out = StringIO()
    try:
        call_command("review-due", *args, stdout=out)
    except SystemExit as exit:
        return int(exit.code or 0), out.getvalue()
    return 0, out.getvalue()


def test_review_due_exits_1_and_names_an_overdue_article(published_article):
    _due(published_article, -3)
    status, out = _review_due()
    assert status == 1
    assert published_article.title in out and "overdue by 3 day(s)" in out
    assert "1 article(s) overdue" in out


def test_review_due_lists_but_passes_an_article_only_near_its_review(published_article):
    _due(published_article, 10)
    status, out = _review_due("--json")
    assert status == 0
    listed = json.loads(out)
    assert listed["overdue"] == 0
    assert [(a["id"], a["overdue"], a["days"]) for a in listed["articles"]] == [
        (published_article.pk, False, 10)
    ]
    assert _review_due("--within", "5")[1].startswith("0 article(s) overdue")


def test_review_due_passes_when_nothing_is_due(published_article):
    _due(published_article, 200)
    assert _review_due() == (0, "0 article(s) overdue for review, 0 due within 30 day(s).\n")


def test_readers_are_told_softly_when_a_page_is_overdue(reader, published_article):
    url = published_article.get_absolute_url()
    assert b"data-review-due" not in reader.get(url).content
    _due(published_article, -1)
    published_article.refresh_from_db()
    published_article.save()  # a save retires the cached page, as every editor's write does
    page = BeautifulSoup(reader.get(url).content, "html.parser")
    notice = page.select_one("[data-review-due]")
    assert notice is not None and "due for its regular review" in notice.text


def test_mark_reviewed_moves_the_dates_on_as_a_revision(published_article, reviewer_user):
    _due(published_article, -1)
    published_article.refresh_from_db()
    article_mark_reviewed(article=published_article, user=reviewer_user)
    published_article.refresh_from_db()
    assert published_article.last_reviewed_on == TODAY
    assert published_article.next_review_on == TODAY + dt.timedelta(days=365)
    assert _review_due()[0] == 0
    assert article_history(published_article)[0].kind == "reviewed"


def test_an_author_cannot_mark_reviewed(published_article, author_user):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        article_mark_reviewed(article=published_article, user=author_user)


def _publish_a_change(article: Article, note: str) -> Article:
    staged = article_change_start(article=article)
    cause = staged.causes.order_by("position", "id").first()
    cause.text = "Sitting still for a long flight."
    cause.save()
    staged.causes.order_by("position", "id").last().delete()
    Cause.objects.create(
        article=staged, name="Cold water swimming", text="Sudden cold.", position=99
    )
    staged.summary = staged.summary + " Most spasms pass within minutes."
    staged.save()
    return article_publish(article=staged, change_note=note, checks=False)


def test_the_history_shows_each_published_change_with_its_note_and_what_changed(
    published_article,
):
    first_cause = published_article.causes.order_by("position", "id").first()
    last_cause = published_article.causes.order_by("position", "id").last()
    live = _publish_a_change(published_article, "Added cold water as a cause")
    entries = article_history(live)
    assert [e.kind for e in entries] == ["changed", "published"]
    change = entries[0]
    assert change.note == "Added cold water as a cause"
    (summary,) = change.diff.fields
    assert summary.label == "Summary"
    assert any(w.added == "Most spasms pass within minutes." for w in summary.words)
    (causes,) = change.diff.sections  # only the causes: unchanged sections are not listed
    assert [i[0] for i in causes.added] == ["Cold water swimming"]
    assert [i[0] for i in causes.removed] == [last_cause.name]
    assert causes.changed == [
        (
            (first_cause.name, first_cause.text),
            (first_cause.name, "Sitting still for a long flight."),
        )
    ]


def test_the_history_page_and_api_show_it(reader, client, published_article):
    live = _publish_a_change(published_article, "Added cold water as a cause")
    page = BeautifulSoup(
        reader.get(f"/symptoms/{live.symptom.slug}/history").content, "html.parser"
    )
    entries = page.select("[data-history-entry]")
    assert [e["data-history-entry"] for e in entries] == ["changed", "published"]
    assert entries[0].select_one("[data-change-note]").text == "Added cold water as a cause"
    assert "Cold water swimming" in entries[0].select_one("ins").parent.parent.text
    article_page = reader.get(live.get_absolute_url()).content.decode()
    assert f'href="/symptoms/{live.symptom.slug}/history"' in article_page

    body = client.get(f"/api/articles/{live.pk}/history").json()
    assert body["url"].endswith(f"/symptoms/{live.symptom.slug}/history")
    assert [e["kind"] for e in body["entries"]] == ["changed", "published"]
    causes = body["entries"][0]["sections"][0]
    assert causes["section"] == "What causes it"
    assert causes["added"] == [["Cold water swimming", "Sudden cold."]]


def test_no_history_without_a_published_article(reader, client, published_article):
    from symptomdb.terminology.models import Symptom

    bare = Symptom.objects.create(name="Hiccups", slug="hiccups")
    assert reader.get(f"/symptoms/{bare.slug}/history").status_code == 404
    missing = client.get("/api/articles/999999/history")
    assert missing.status_code == 404 and missing.json()["error"]["status"] == 404
