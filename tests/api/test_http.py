"""What every API answer shares: JSON errors, conditional GET, CORS, the schema."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/no-such-thing", 404),
        ("get", "/api/symptoms/a/b/c/d", 404),
        ("post", "/api/no-such-thing", 404),
        ("delete", "/api/articles/1", 405),
        ("post", "/api/symptoms", 405),
        ("put", "/api/authors/haroon-rashid/ratings", 405),
    ],
)
def test_it_answers_unknown_routes_and_methods_in_the_error_shape(content, method, url, status):
    response = getattr(Client(enforce_csrf_checks=True), method)(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["status"] == status
    assert error["code"] == {404: "not_found", 405: "method_not_allowed"}[status]
    assert error["message"].endswith(".")


def test_a_405_says_which_methods_are_allowed(client, content):
    response = client.delete(f"/api/articles/{content.article.pk}")
    assert response["Allow"] == "GET"
    assert response.json()["error"]["message"] == "DELETE is not allowed here; use GET."


def test_it_answers_if_none_match_with_304(client, content):
    url = f"/api/symptoms/{content.symptom.slug}"
    first = client.get(url)
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    content.symptom.name = "Muscle spasm"
    content.symptom.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_it_answers_if_modified_since_with_304_for_articles(client, content):
    url = f"/api/articles/{content.article.pk}"
    last_modified = client.get(url)["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get("/api/articles", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    old = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=old).status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/api/search?q=cramp", "/api/symptoms", "/api/articles", "/api/authors/haroon-rashid"],
)
def test_every_read_sends_an_etag(client, content, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_head_gets_the_headers_of_get(client, content):
    get = client.get(f"/api/articles/{content.article.pk}")
    head = client.head(f"/api/articles/{content.article.pk}")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]


def test_any_site_may_read_but_not_write(client, content):
    response = client.get("/api/symptoms", HTTP_ORIGIN="https://clinic.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/authors/haroon-rashid/ratings",
        HTTP_ORIGIN="https://evil.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type, x-csrftoken",
    )
    allowed = preflight["Access-Control-Allow-Methods"]
    assert "POST" not in allowed and "GET" in allowed
    assert "x-csrftoken" not in preflight.get("Access-Control-Allow-Headers", "")


def test_the_pages_are_not_opened_to_other_sites(client, content):
    response = client.get("/symptoms/", HTTP_ORIGIN="https://clinic.example")
    assert "Access-Control-Allow-Origin" not in response


def test_it_serves_its_openapi_schema_and_docs(client, db):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Symptom Database API"
    assert {
        "/api/search",
        "/api/triage",
        "/api/symptoms",
        "/api/symptoms/{slug}",
        "/api/symptoms/by-code/{system}/{code}",
        "/api/articles",
        "/api/articles/{id}",
        "/api/articles/{id}/comments",
        "/api/authors/{slug}",
        "/api/authors/{slug}/ratings",
        "/api/csrf",
    } <= set(schema["paths"])
    rating = schema["paths"]["/api/authors/{slug}/ratings"]["post"]
    assert {"ReaderCookie": []} in rating["security"] and {} in rating["security"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert b"swagger" in docs.content.lower()
