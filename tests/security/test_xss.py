"""Cross-site scripting: classic payloads in every field a reader, an editor or an
imported file fills — comments, author bios, article fields, source titles and URLs,
search queries — come out of every page as text, never as markup, and cannot close
the JSON-LD block early. tests/browser/ checks the same pages in a real browser."""

from __future__ import annotations

import json

import pytest
from django.utils.html import escape

from symptomdb.community.models import Comment, CommentStatus
from tests.security.audit import audit
from tests.security.payloads import MARKER, PAYLOADS, UNSAFE_URLS, hostile_article

pytestmark = pytest.mark.django_db

# Characters that make a payload markup; a payload without any is plain text anyway.
MARKUP = set("<>\"'&")


def assert_only_escaped(html: str, payload: str, *, shown: bool = True) -> list[str]:
    """The page runs nothing injected and shows the payload as text; returns the
    page's data blocks (JSON-LD), each checked to be whole, valid JSON."""
    problems, data_blocks = audit(html)
    assert problems == []
    markup = html
    for block in data_blocks:
        json.loads(block)  # a </script> inside would have cut it short
        # With no "<" at all, nothing in the block can close it or open a comment.
        assert "<" not in block
        markup = markup.replace(block, "")
    if MARKUP & set(payload):
        assert payload not in markup
    if shown:
        assert escape(payload) in markup
    return data_blocks


def jsonld(blocks: list[str]) -> dict:
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_symptom_page_shows_article_fields_as_text(reader, payload):
    article = hostile_article(payload)
    html = reader.get(article.get_absolute_url()).content.decode()
    blocks = assert_only_escaped(html, payload)
    data = jsonld(blocks)
    # The payload travels through the JSON-LD intact, as data.
    assert data["name"] == article.title
    assert data["description"] == payload
    assert data["author"]["name"] == article.author.name


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_author_page_shows_the_bio_and_byline_as_text(reader, payload):
    article = hostile_article(payload)
    html = reader.get(article.author.get_absolute_url()).content.decode()
    data = jsonld(assert_only_escaped(html, payload))
    assert data["mainEntity"]["name"] == article.author.name


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_home_page_lists_hostile_titles_as_text(reader, payload):
    hostile_article(payload)
    assert_only_escaped(reader.get("/").content.decode(), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_search_results_show_hostile_names_as_text(reader, payload):
    hostile_article(payload)
    response = reader.get("/search", {"q": MARKER})
    html = response.content.decode()
    assert response.status_code == 200
    assert "/symptoms/hostile-symptom-0/" in html  # found, so the name was rendered
    assert_only_escaped(html, payload, shown=False)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_a_to_z_shows_hostile_names_as_text(reader, payload):
    hostile_article(payload)
    html = reader.get("/symptoms/", {"letter": MARKER[0]}).content.decode()
    assert_only_escaped(html, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_search_query_is_echoed_as_text(reader, payload):
    response = reader.get("/search", {"q": payload})
    assert response.status_code in (200, 400)
    assert_only_escaped(response.content.decode(), " ".join(payload.split()))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_query_string_is_echoed_as_text(reader, published_article, payload):
    # The rating form sends the page's own address back as "next".
    response = reader.get(published_article.get_absolute_url(), {"x": payload})
    assert_only_escaped(response.content.decode(), payload, shown=False)


def test_unsafe_source_urls_never_become_links(reader):
    article = hostile_article("plain title")
    html = reader.get(article.get_absolute_url()).content.decode()
    assert audit(html)[0] == []
    assert 'href="https://example.org/safe"' in html
    for url in UNSAFE_URLS:
        assert f'href="{escape(url)}"' not in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_approved_comment_is_shown_as_text(reader, editor_client, published_article, payload):
    page = published_article.get_absolute_url()
    response = reader.post(f"{page}comments", {"name": payload, "body": f"{payload}\n{payload}"})
    assert response.status_code == 302
    comment = Comment.objects.get()
    stored = comment.name  # invisible format characters (U+200B, U+202E) are dropped
    # An editor approves it with the admin's list action, seeing it escaped there too.
    changelist = editor_client.get("/admin/community/comment/").content.decode()
    assert_only_escaped(changelist, stored)
    change = editor_client.get(f"/admin/community/comment/{comment.pk}/change/")
    assert_only_escaped(change.content.decode(), stored)
    editor_client.post(
        "/admin/community/comment/",
        {"action": "approve", "_selected_action": [comment.pk]},
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert_only_escaped(reader.get(page).content.decode(), stored)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_refused_comment_is_shown_back_as_text(reader, published_article, payload):
    page = published_article.get_absolute_url()
    response = reader.post(f"{page}comments", {"name": payload, "body": ""})
    assert response.status_code == 400
    assert_only_escaped(response.content.decode(), payload)


@pytest.mark.parametrize("next_url", [*UNSAFE_URLS, "//evil.example/", "https://evil.example/"])
def test_a_rating_never_sends_the_reader_to_a_hostile_next(reader, published_article, next_url):
    rate = f"{published_article.author.get_absolute_url()}rate"
    refused = reader.post(rate, {"stars": "9", "next": next_url})
    assert refused.status_code == 400
    assert audit(refused.content.decode())[0] == []
    assert "evil.example" not in refused.content.decode()
    accepted = reader.post(rate, {"stars": "4", "next": next_url})
    assert accepted["Location"].startswith(published_article.author.get_absolute_url())


@pytest.mark.parametrize("payload", PAYLOADS[:6])
def test_the_api_answers_json_never_html(reader, payload):
    hostile_article(payload)
    response = reader.get("/api/search", {"q": f"{MARKER} {payload}"})
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_unsafe_url_in_a_reimported_export_is_refused(reader, published_article):
    from symptomdb.articles.exchange import ExportError, export_all, import_export

    data = export_all()
    for url in UNSAFE_URLS:
        data["articles"][0]["sources"] = [{"title": "Hostile", "url": url}]
        with pytest.raises(ExportError, match="not a web address"):
            import_export(data)
    html = reader.get(published_article.get_absolute_url()).content.decode()
    assert "Hostile" not in html
    assert audit(html)[0] == []
