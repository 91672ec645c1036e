from __future__ import annotations

import pytest

from symptomdb.articles.services import article_unpublish
from symptomdb.community.models import Comment, CommentStatus

pytestmark = pytest.mark.django_db


def test_it_returns_the_parsed_article_json_with_dates_and_reviewer(client, content):
    data = client.get(f"/api/articles/{content.article.pk}").json()
    # The parsed-article contract of `import --dry-run --json` ...
    for key in ("title", "symptom", "summary", "causes", "relief", "prevention"):
        assert key in data
    assert data["title"] == "What causes muscle spasms and how to treat them effectively?"
    assert data["causes"][0] == {
        "name": "Dehydration",
        "explanation": data["causes"][0]["explanation"],
    }
    assert len(data["relief"]) == 4
    assert data["author"]["name"] == "Haroon Rashid"
    assert data["author"]["credentials"] == "MD"
    assert data["author"]["slug"] == "haroon-rashid"
    # ... and what only the database knows.
    assert data["id"] == content.article.pk
    assert data["status"] == "published"
    assert data["published"] == "2024-05-02"
    assert data["last_reviewed"] == "2025-03-01"
    assert data["next_review"] == "2026-03-01"
    assert data["reviewer"]["slug"] == "ada-okafor"
    assert data["reviewer"]["credentials"] == "DO"
    assert data["revision"] == 2  # imported, then published
    assert data["url"] == f"http://testserver/symptoms/{content.symptom.slug}/"


def test_it_lists_published_articles_only(client, content):
    data = client.get("/api/articles").json()
    assert data["count"] == 1
    assert data["results"][0]["id"] == content.article.pk
    assert data["results"][0]["author"] == "haroon-rashid"
    article_unpublish(article=content.article)
    assert client.get("/api/articles").json()["count"] == 0
    response = client.get(f"/api/articles/{content.article.pk}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("article_id", ["0", "-1", "99999999999999999999999", "abc"])
def test_it_refuses_an_id_that_cannot_be_one(client, content, article_id):
    response = client.get(f"/api/articles/{article_id}")
    assert response.status_code in (400, 404)
    assert response.json()["error"]["status"] == response.status_code


def _comment(client, article_id, **data):
    return client.post(
        f"/api/articles/{article_id}/comments", data, content_type="application/json"
    )


def test_it_holds_a_comment_for_moderation(client, content):
    response = _comment(client, content.article.pk, name="Ann", body="<b>This</b> helped.")
    assert response.status_code == 202
    assert response.json() == {
        "status": "pending",
        "message": "Thank you. Your comment will appear once an editor approves it.",
    }
    comment = Comment.objects.get(name="Ann")
    assert comment.status == CommentStatus.PENDING
    assert comment.body == "<b>This</b> helped."  # stored as typed, escaped when shown


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "body": "hello"}, "Please give a name to show with your comment."),
        ({"name": "Ann", "body": "  "}, "Your comment is empty."),
        ({"name": "Ann", "body": "x" * 2001}, "Your comment is 2,001 characters long"),
        ({"name": "N" * 81, "body": "hello"}, "Your name must be at most 80 characters."),
    ],
)
def test_it_refuses_a_comment_as_the_form_does(client, content, data, message):
    response = _comment(client, content.article.pk, **data)
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(message)
    assert not Comment.objects.filter(body=data["body"]).exists()


def test_it_refuses_a_body_that_is_not_json(client, content):
    response = client.post(
        f"/api/articles/{content.article.pk}/comments", "name=Ann", content_type="application/json"
    )
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["error"]["message"]


def test_it_refuses_half_a_surrogate_pair(client, content):
    response = client.post(
        f"/api/articles/{content.article.pk}/comments",
        '{"name": "Ann", "body": "\\ud800"}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "body"


def test_it_will_not_take_comments_on_an_unpublished_article(client, content):
    article_unpublish(article=content.article)
    assert _comment(client, content.article.pk, name="Ann", body="hi").status_code == 404
