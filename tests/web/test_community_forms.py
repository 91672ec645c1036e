from __future__ import annotations

import pytest
from django.test import Client, override_settings

from symptomdb.community.models import AuthorRating, Comment, CommentStatus
from symptomdb.community.services import comment_approve

pytestmark = pytest.mark.django_db


def _rate(client: Client, article, stars, **extra):
    return client.post(
        f"{article.author.get_absolute_url()}rate",
        {"stars": stars, "next": article.get_absolute_url(), **extra},
    )


def test_the_article_links_to_rate_author_and_add_a_comment(reader, published_article):
    html = reader.get(published_article.get_absolute_url()).content.decode()
    author = published_article.author.get_absolute_url()
    assert f'href="{author}rate?next=/symptoms/{published_article.symptom.slug}/"' in html
    assert f'href="{published_article.get_absolute_url()}comments"' in html
    assert "csrfmiddlewaretoken" not in html  # nothing personal: the page is shared


def test_it_records_a_rating_and_shows_the_average(reader, other_reader, published_article):
    assert _rate(reader, published_article, 5).status_code == 302
    assert _rate(other_reader, published_article, 4).status_code == 302
    html = reader.get(published_article.get_absolute_url()).content.decode()
    assert "4.5 out of 5 from 2 ratings" in html
    rate_page = reader.get(f"{published_article.author.get_absolute_url()}rate?saved=1")
    assert "Your rating of 5 stars" in rate_page.content.decode()
    assert "You gave 5 stars" in rate_page.content.decode()


def test_it_lets_a_reader_change_their_rating(reader, published_article):
    _rate(reader, published_article, 1)
    _rate(reader, published_article, 3)
    assert list(AuthorRating.objects.values_list("stars", flat=True)) == [3]


@pytest.mark.parametrize("stars", ["0", "6", "abc", ""])
def test_it_refuses_a_bad_rating_with_a_clear_error(reader, published_article, stars):
    response = _rate(reader, published_article, stars)
    assert response.status_code == 400
    assert "1 to 5" in response.content.decode()
    assert AuthorRating.objects.count() == 0


def test_it_refuses_a_foreign_redirect(reader, published_article):
    response = reader.post(
        f"{published_article.author.get_absolute_url()}rate",
        {"stars": 5, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert "evil" not in response["Location"]


@override_settings(RATELIMIT_RATING="2/h")
def test_ratings_are_rate_limited_per_address(reader, published_article):
    for stars in (2, 3):
        assert _rate(reader, published_article, stars).status_code == 302
    response = _rate(reader, published_article, 5)
    assert response.status_code == 429
    assert "wait a while" in response.content.decode()
    assert list(AuthorRating.objects.values_list("stars", flat=True)) == [3]


def _comment(client: Client, article, **data):
    return client.post(f"{article.get_absolute_url()}comments", {"name": "Ann", **data})


def test_a_comment_waits_for_moderation_then_shows(reader, published_article):
    response = _comment(reader, published_article, body="This helped my cramps.")
    assert response.status_code == 302
    thanks = reader.get(response["Location"]).content.decode()
    assert "will appear once an editor approves it" in thanks
    page = published_article.get_absolute_url()
    assert "This helped my cramps." not in reader.get(page).content.decode()
    comment_approve(comment=Comment.objects.get())
    assert "This helped my cramps." in reader.get(page).content.decode()


def test_a_script_payload_is_shown_as_text(reader, published_article):
    _comment(reader, published_article, body="<script>alert(1)</script>")
    comment_approve(comment=Comment.objects.get())
    html = reader.get(published_article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_huge_comment_is_refused_and_kept_in_the_form(reader, published_article):
    response = _comment(reader, published_article, body="x" * 1_000_000)
    assert response.status_code == 400
    html = response.content.decode()
    assert "the limit is 2,000" in html
    assert 'value="Ann"' in html
    assert Comment.objects.count() == 0


def test_the_honeypot_turns_bots_away_silently(reader, published_article):
    response = _comment(reader, published_article, body="spam", website="http://spam.example")
    assert response.status_code == 302
    assert Comment.objects.count() == 0


@override_settings(RATELIMIT_COMMENT="2/h")
def test_comments_are_rate_limited_per_address(reader, published_article):
    for i in range(2):
        assert _comment(reader, published_article, body=f"comment {i}").status_code == 302
    response = _comment(reader, published_article, body="one too many")
    assert response.status_code == 429
    assert "wait a while" in response.content.decode()
    assert Comment.objects.filter(status=CommentStatus.PENDING).count() == 2


@override_settings(RATELIMIT_COMMENT="1/h", SYMPTOMDB_TRUSTED_PROXIES=1)
def test_behind_a_proxy_each_reader_has_a_limit_of_their_own(published_article):
    # Every request comes from the proxy's address; the proxy names the reader.
    def via_proxy(reader_address: str) -> Client:
        return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=reader_address)

    ann, bob = via_proxy("203.0.113.5"), via_proxy("203.0.113.6")
    assert _comment(ann, published_article, body="first").status_code == 302
    assert _comment(bob, published_article, body="second").status_code == 302
    assert _comment(ann, published_article, body="third").status_code == 429
    # A reader cannot dodge the limit by naming someone else in the header.
    forged = via_proxy("198.51.100.7, 203.0.113.5")
    assert _comment(forged, published_article, body="fourth").status_code == 429


def test_forms_need_their_csrf_token(published_article):
    client = Client(enforce_csrf_checks=True)
    assert _comment(client, published_article, body="no token").status_code == 403
    assert _rate(client, published_article, 5).status_code == 403
    assert Comment.objects.count() == 0 and AuthorRating.objects.count() == 0


def test_the_form_pages_carry_their_csrf_token(reader, published_article):
    for url in (
        f"{published_article.author.get_absolute_url()}rate",
        f"{published_article.get_absolute_url()}comments",
    ):
        assert "csrfmiddlewaretoken" in reader.get(url).content.decode()
