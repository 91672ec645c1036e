from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from symptomdb.community.models import AuthorRating, Comment, CommentStatus
from symptomdb.community.selectors import author_rating_summary, comments_approved
from symptomdb.community.services import (
    comment_approve,
    comment_reject,
    comment_submit,
    rating_submit,
)

pytestmark = pytest.mark.django_db


def test_it_averages_ratings(published_article):
    author = published_article.author
    rating_submit(author=author, reader_id="a", stars=5)
    rating_submit(author=author, reader_id="b", stars=2)
    summary = author_rating_summary(author=author)
    assert summary.count == 2
    assert summary.average == 3.5


def test_it_keeps_one_rating_per_reader(published_article):
    author = published_article.author
    rating_submit(author=author, reader_id="a", stars=1)
    rating_submit(author=author, reader_id="a", stars=4)
    assert AuthorRating.objects.filter(author=author).count() == 1
    assert author_rating_summary(author=author).average == 4


@pytest.mark.parametrize("stars", [0, 6, "abc", "", "3.5", None, -1])
def test_it_refuses_bad_ratings(published_article, stars):
    with pytest.raises(ValidationError) as error:
        rating_submit(author=published_article.author, reader_id="a", stars=stars)
    assert "1 to 5" in error.value.messages[0]
    assert AuthorRating.objects.count() == 0


def test_it_holds_comments_for_moderation(published_article):
    comment = comment_submit(article=published_article, name="Ann", body="Helpful, thanks.")
    assert comment.status == CommentStatus.PENDING
    assert list(comments_approved(article=published_article)) == []
    comment_approve(comment=comment)
    assert list(comments_approved(article=published_article)) == [comment]
    comment_reject(comment=comment)
    assert list(comments_approved(article=published_article)) == []


def test_it_stores_markup_as_typed(published_article):
    body = "<script>alert('x')</script> and <b>bold</b>"
    comment = comment_submit(article=published_article, name="Mallory", body=body)
    assert Comment.objects.get(pk=comment.pk).body == body


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        ("", "text", "name"),
        ("Ann", "   ", "empty"),
        ("x" * 81, "text", "at most 80"),
        ("Ann", "x" * 1_000_000, "limit is 2,000"),
    ],
)
def test_it_refuses_bad_comments(published_article, name, body, message):
    with pytest.raises(ValidationError) as error:
        comment_submit(article=published_article, name=name, body=body)
    assert message in error.value.messages[0]
    assert Comment.objects.count() == 0


def test_it_drops_control_characters(published_article):
    comment = comment_submit(article=published_article, name="A\x00nn", body="line 1\r\nline\x1b 2")
    assert comment.name == "Ann"
    assert comment.body == "line 1\nline 2"
