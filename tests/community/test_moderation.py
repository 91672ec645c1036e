"""Moderation for volume: newest pending first, the comment's text first, filters by
article and date, approve or reject per row and in bulk, a pending count on the home."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from symptomdb.community.models import Comment, CommentStatus

pytestmark = pytest.mark.django_db

LIST = "/admin/community/comment/"


@pytest.fixture
def comments(published_article) -> list[Comment]:
    made = []
    now = timezone.now()
    for i, status in enumerate(
        [
            CommentStatus.APPROVED,
            CommentStatus.PENDING,
            CommentStatus.PENDING,
            CommentStatus.REJECTED,
        ]
    ):
        comment = Comment.objects.create(
            article=published_article,
            name=f"Reader {i}",
            body=f"Fixture comment {i}",
            status=status,
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=now - dt.timedelta(hours=10 - i))
        made.append(comment)
    return made


def _rows(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        row.select_one("th, td.field-text").get_text(strip=True)
        for row in soup.select("#result_list tbody tr")
    ]


def test_the_newest_pending_comment_comes_first_text_first(moderator_client, comments):
    html = moderator_client.get(LIST).content.decode()
    assert _rows(html)[:2] == ["Fixture comment 2", "Fixture comment 1"]
    header = BeautifulSoup(html, "html.parser").select("#result_list thead th")
    assert "Comment" in header[1].get_text()  # after the checkbox, the text


def test_filters_by_article_and_date(moderator_client, comments, published_article):
    from symptomdb.articles.models import Article
    from symptomdb.terminology.models import Symptom

    other = Article.objects.create(
        symptom=Symptom.objects.create(slug="fixture-other", name="Fixture other"),
        title="Fixture other article",
        summary="Fixture",
        author=published_article.author,
    )
    Comment.objects.create(article=other, name="Elsewhere", body="On the other article")
    html = moderator_client.get(LIST).content.decode()
    assert "By article" in html and "By created at" in html
    page = moderator_client.get(LIST, {"article__id__exact": published_article.pk}).content.decode()
    assert len(_rows(page)) == 4
    assert "On the other article" not in page
    today = timezone.localdate()
    dated = moderator_client.get(
        LIST, {"created_at__year": today.year, "created_at__month": today.month}
    ).content.decode()
    assert "On the other article" in dated


def test_approve_and_reject_per_row(moderator_client, comments):
    pending = comments[1]
    moderator_client.post(f"{LIST}{pending.pk}/approve/")
    pending.refresh_from_db()
    assert pending.status == CommentStatus.APPROVED
    moderator_client.post(f"{LIST}{pending.pk}/reject/")
    pending.refresh_from_db()
    assert pending.status == CommentStatus.REJECTED
    assert moderator_client.get(f"{LIST}{pending.pk}/approve/").status_code == 405


def test_bulk_approve(moderator_client, comments):
    ids = [c.pk for c in comments[1:3]]
    moderator_client.post(LIST, {"action": "approve", "_selected_action": ids})
    assert set(Comment.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"approved"}


def test_bulk_reject_asks_first(moderator_client, comments):
    ids = [c.pk for c in comments[1:3]]
    page = moderator_client.post(LIST, {"action": "reject", "_selected_action": ids})
    assert page.status_code == 200 and "Yes, reject them" in page.content.decode()
    assert set(Comment.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"pending"}
    moderator_client.post(LIST, {"action": "reject", "_selected_action": ids, "confirm": "yes"})
    assert set(Comment.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"rejected"}


def test_the_home_page_shows_the_pending_count(moderator_client, comments):
    html = moderator_client.get("/admin/").content.decode()
    assert "2 comments waiting for moderation" in html


def test_the_pending_count_is_for_moderators(author_client, comments):
    assert "waiting for moderation" not in author_client.get("/admin/").content.decode()


def test_an_approved_comment_reaches_the_page_after_a_bulk_approve(
    moderator_client, reader, comments, published_article
):
    url = published_article.get_absolute_url()
    assert "Fixture comment 1" not in reader.get(url).content.decode()  # cached now
    moderator_client.post(LIST, {"action": "approve", "_selected_action": [comments[1].pk]})
    assert "Fixture comment 1" in reader.get(url).content.decode()
