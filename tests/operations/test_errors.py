"""JSON errors for every /api/ and /infobutton answer; the site's own pages for readers."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

LONG = "x" * 4100


def _boom(*args, **kwargs):
    raise RuntimeError("boom")


def error_of(response) -> dict:
    assert response["Content-Type"].startswith("application/json")
    return response.json()["error"]


@pytest.mark.parametrize("path", ["/api/search", "/infobutton"])
def test_it_refuses_a_long_request_target_as_the_api_does(reader, path):
    response = reader.get(path, {"q": LONG})
    assert response.status_code == 400
    error = error_of(response)
    assert error["status"] == 400
    assert "4,000" in error["message"]


def test_it_shows_readers_a_page_for_a_long_address(reader):
    response = reader.get("/search", {"q": LONG})
    assert response.status_code == 414
    assert "Address too long" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/api/search?q=cramp", "/infobutton?mainSearchCriteria.v.c=R25.2"]
)
def test_it_answers_a_disallowed_host_in_json(path):
    response = Client(HTTP_HOST="evil.example").get(path)
    assert response.status_code == 400
    assert error_of(response)["code"] == "invalid_request"


def test_it_answers_a_server_error_in_json(monkeypatch):
    monkeypatch.setattr("symptomdb.terminology.selectors.symptoms_starting_with", _boom)
    response = Client(raise_request_exception=False).get("/api/symptoms?letter=M")
    assert response.status_code == 500
    error = error_of(response)
    assert error["status"] == 500
    assert "boom" not in error["message"]


def test_readers_get_the_sites_404_page(reader):
    response = reader.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'id="maincontent"' in html  # the site's layout, not Django's bare page


def test_readers_get_the_sites_500_page(monkeypatch):
    monkeypatch.setattr("symptomdb.terminology.selectors.symptoms_starting_with", _boom)
    response = Client(raise_request_exception=False).get("/symptoms/?letter=M")
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


def test_an_editors_five_megabyte_section_is_refused_in_a_sentence(
    editor_client, published_article
):
    from symptomdb.articles.models import Article

    before = Article.objects.get(pk=published_article.pk).summary
    response = editor_client.post(
        f"/admin/articles/article/{published_article.pk}/change/",
        {"title": published_article.title, "summary": "x" * 5_000_000},
    )
    assert response.status_code == 400
    assert "larger than the site accepts" in response.content.decode()
    assert Article.objects.get(pk=published_article.pk).summary == before


def test_an_oversized_api_body_is_a_json_400(reader, published_article):
    response = reader.post(
        f"/api/authors/{published_article.author.slug}/ratings",
        data="{" + " " * 5_000_000 + "}",
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "request_too_large"
