"""Text as editors write it: the importer's Markdown, rendered and sanitised the same
on the page, in the API's HTML fields and in the preview."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from symptomdb.articles.importer import parse_article
from symptomdb.articles.markup import markdown_html, markdown_inline_html
from symptomdb.articles.models import TEXT_MAX_CHARS, Article, Cause
from symptomdb.articles.services import article_import

pytestmark = pytest.mark.django_db


def test_it_renders_emphasis_links_and_lists():
    html = markdown_html("Drink **water**, see [NHS](https://www.nhs.uk/)\n\n- one\n- two")
    assert "<strong>water</strong>" in html
    assert '<a href="https://www.nhs.uk/" rel="nofollow noopener">NHS</a>' in html
    assert "<ul>" in html and "<li>one</li>" in html


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "[x](/relative/path)",
        "[x](//evil.example/)",
    ],
)
def test_only_http_and_https_links_survive(text):
    html = markdown_html(text)
    assert "<a " not in html or "href" not in html.split("<a ", 1)[1].split(">", 1)[0]


def test_raw_html_is_text():
    html = markdown_html("<script>alert(1)</script> <img src=x onerror=alert(1)>")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_headings_never_outrank_the_pages_own():
    assert "<h3>Big</h3>" in markdown_html("# Big")


def test_a_red_flag_is_one_line_without_paragraphs():
    assert markdown_inline_html("Call **now**") == "Call <strong>now</strong>"


def test_the_page_renders_markdown_from_the_admin(reader, published_article):
    cause = published_article.causes.first()
    cause.text = "Mostly **harmless**; read [the guidance](https://example.org/guide)."
    cause.save()
    html = reader.get(published_article.get_absolute_url()).content.decode()
    assert "<strong>harmless</strong>" in html
    assert '<a href="https://example.org/guide" rel="nofollow noopener">the guidance</a>' in html
    shown = html.split('<script type="application/ld+json">')[0]  # not the data for machines
    assert "**harmless**" not in shown


def test_the_api_gives_the_same_html(reader, published_article):
    Article.objects.filter(pk=published_article.pk).update(summary="An **intro**")
    data = reader.get(f"/api/articles/{published_article.pk}").json()
    assert data["summary"] == "An **intro**"
    assert data["html"]["summary"] == markdown_html("An **intro**")
    first = published_article.causes.first()
    assert data["html"]["causes"][0] == markdown_inline_html(first.text)


def test_a_5_mb_section_is_refused_and_nothing_is_written(seed_text):
    parsed = parse_article(seed_text)
    huge = "word " * (5 * 1024 * 1024 // 5)
    parsed.causes[0] = type(parsed.causes[0])(name="Huge", explanation=huge)
    with pytest.raises(ValidationError) as error:
        article_import(parsed=parsed)
    assert f"the most one part of an article may hold is {TEXT_MAX_CHARS}" in str(error.value)
    assert Article.objects.count() == 0
    assert Cause.objects.count() == 0


def test_the_admin_refuses_an_oversized_section_with_a_clear_message(editor_client, draft_article):
    from tests.articles.test_editing import _form_data

    before = draft_article.causes.first().text
    url, data = _form_data(editor_client, draft_article)
    data["causes-0-text"] = "x" * (TEXT_MAX_CHARS + 1)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "the most one part of an article may hold is" in response.content.decode()
    assert draft_article.causes.first().text == before


def test_the_admin_refuses_a_5_mb_post_before_reading_it(editor_client, draft_article):
    """Past Django's request size limit the whole request is a 400; nothing is written."""
    from tests.articles.test_editing import _form_data

    before = draft_article.causes.first().text
    url, data = _form_data(editor_client, draft_article)
    data["causes-0-text"] = "x" * (5 * 1024 * 1024)
    assert editor_client.post(url, data).status_code == 400
    assert draft_article.causes.first().text == before
