from __future__ import annotations

import pytest
from django.test import Client, override_settings

from symptomdb.community.models import AuthorRating, Comment

pytestmark = pytest.mark.django_db


def _rate(client: Client, slug: str, stars: object, **extra):
    return client.post(
        f"/api/authors/{slug}/ratings", {"stars": stars}, content_type="application/json", **extra
    )


def test_it_returns_an_author_with_rating_and_articles(client, content):
    data = client.get("/api/authors/haroon-rashid").json()
    assert data["name"] == "Haroon Rashid" and data["credentials"] == "MD"
    assert data["affiliation"] == "Urgent Care Center of Arlington"
    assert data["rating"] == {"average": None, "count": 0}
    assert [a["id"] for a in data["articles"]] == [content.article.pk]
    reviewer = client.get("/api/authors/ada-okafor").json()
    assert reviewer["bio"].startswith("Family physician")
    assert [a["id"] for a in reviewer["reviewed"]] == [content.article.pk]
    assert client.get("/api/authors/nobody").status_code == 404


def test_it_records_a_rating_and_returns_the_new_summary(client, other_reader, content):
    response = _rate(client, "haroon-rashid", 5)
    assert response.status_code == 200
    assert response.json() == {
        "author": "haroon-rashid",
        "stars": 5,
        "rating": {"average": 5.0, "count": 1},
    }
    assert "reader" in response.cookies  # a first rating makes a reader, as the page does
    other = _rate(other_reader, "haroon-rashid", 4).json()
    assert other["rating"] == {"average": 4.5, "count": 2}


def test_it_replaces_a_readers_rating_given_on_the_page(client, content):
    client.post("/authors/haroon-rashid/rate", {"stars": 1, "next": "/"})
    response = _rate(client, "haroon-rashid", 3)
    assert response.json()["rating"] == {"average": 3.0, "count": 1}
    assert list(AuthorRating.objects.values_list("stars", flat=True)) == [3]
    assert "reader" not in response.cookies  # the same reader: no new cookie


@pytest.mark.parametrize("stars", [0, 6, "abc", None, 2.5])
def test_it_refuses_a_bad_rating(client, content, stars):
    response = _rate(client, "haroon-rashid", stars)
    assert response.status_code == 400
    assert response.json()["error"]["status"] == 400
    assert AuthorRating.objects.count() == 0


def test_it_refuses_a_rating_out_of_range_in_the_forms_words(client, content):
    response = _rate(client, "haroon-rashid", 6)
    assert response.json()["error"]["message"] == "A rating must be from 1 to 5 stars, not 6."


@override_settings(RATELIMIT_RATING="2/h")
def test_it_throttles_ratings_with_429(client, content):
    assert _rate(client, "haroon-rashid", 5).status_code == 200
    assert _rate(client, "haroon-rashid", 4).status_code == 200
    response = _rate(client, "haroon-rashid", 3)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "too_many_requests"
    assert "wait a while" in response.json()["error"]["message"]


@override_settings(RATELIMIT_COMMENT="1/h")
def test_it_throttles_comments_with_429_counting_the_forms_too(client, content):
    client.post(content.article.get_absolute_url() + "comments", {"name": "A", "body": "page"})
    response = client.post(
        f"/api/articles/{content.article.pk}/comments",
        {"name": "A", "body": "api"},
        content_type="application/json",
    )
    assert response.status_code == 429
    assert not Comment.objects.filter(body="api").exists()


def test_a_cross_site_post_without_the_csrf_token_is_refused(content):
    # What a form on another site can send: the reader's cookies, no X-CSRFToken.
    browser = Client(enforce_csrf_checks=True)
    browser.get("/api/csrf")  # the browser even holds a csrftoken cookie
    response = browser.post(
        "/api/authors/haroon-rashid/ratings",
        '{"stars": 5}',
        content_type="text/plain",
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert "X-CSRFToken" in response.json()["error"]["message"]
    response = browser.post(
        f"/api/articles/{content.article.pk}/comments",
        '{"name": "x", "body": "spam"}',
        content_type="application/json",
    )
    assert response.status_code == 403
    assert AuthorRating.objects.count() == 0
    assert not Comment.objects.filter(body="spam").exists()


def test_a_client_with_the_csrf_token_may_rate(content):
    browser = Client(enforce_csrf_checks=True)
    token = browser.get("/api/csrf").json()["csrf_token"]
    assert "csrftoken" in browser.cookies
    response = _rate(browser, "haroon-rashid", 4, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert AuthorRating.objects.get().stars == 4
