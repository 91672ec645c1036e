"""The security headers on every answer, and pages that still work under the strict
Content-Security-Policy: nothing inline for it to block, nothing from a CDN."""

from __future__ import annotations

import json

import pytest
from django.contrib.staticfiles import finders

from tests.security.audit import audit

pytestmark = pytest.mark.django_db


def directives(policy: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return {part[0]: (part[1] if len(part) > 1 else "") for part in parts}


def test_it_sends_a_strict_content_security_policy(reader):
    policy = directives(reader.get("/")["Content-Security-Policy"])
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert not any("unsafe" in value for value in policy.values())


@pytest.mark.parametrize("path", ["/", "/search?q=cramp", "/symptoms/", "/healthz", "/api/docs"])
def test_it_sends_the_security_headers_everywhere(reader, path):
    response = reader.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in response
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def test_it_sends_no_hsts_over_plain_http(reader):
    # HSTS comes with SYMPTOMDB_HTTPS=true (see test_deploy); on loopback it would
    # lock the browser out of http://127.0.0.1 for a year.
    assert "Strict-Transport-Security" not in reader.get("/")


def reader_pages(published_article) -> list[str]:
    return [
        "/",
        "/search?q=muscle+spasms",
        "/search?q=",
        "/search?q=%00",
        "/symptoms/",
        "/symptoms/?letter=M",
        published_article.get_absolute_url(),
        published_article.author.get_absolute_url(),
    ]


def test_the_readers_pages_have_nothing_the_policy_blocks(reader, published_article):
    for path in reader_pages(published_article):
        response = reader.get(path)
        assert response.status_code in (200, 400), path
        problems, data_blocks = audit(response.content.decode())
        assert problems == [], path
        for block in data_blocks:
            json.loads(block)


def test_the_editors_pages_have_nothing_the_policy_blocks(editor_client, published_article):
    paths = [
        "/admin/",
        "/admin/community/comment/",
        "/admin/articles/article/",
        f"/admin/articles/article/{published_article.pk}/change/",
        "/admin/articles/article/add/",
    ]
    for path in paths:
        response = editor_client.get(path)
        assert response.status_code == 200, path
        assert audit(response.content.decode())[0] == [], path


def test_the_sign_in_page_has_nothing_the_policy_blocks(reader):
    response = reader.get("/admin/login/?next=/admin/")
    assert response.status_code == 200
    assert audit(response.content.decode())[0] == []


def test_the_api_docs_load_swagger_from_our_own_static_files(reader):
    response = reader.get("/api/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert audit(html)[0] == []
    assert "cdn." not in html
    for asset in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"):
        assert f"/static/{asset}" in html
        assert finders.find(asset), asset
