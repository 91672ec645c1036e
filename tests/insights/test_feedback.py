"""“Was this page helpful?”: on every symptom page, without JavaScript, on cached pages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from symptomdb.community.models import CommentStatus
from symptomdb.insights.models import Helpful, PageFeedback
from symptomdb.insights.services import MISSING_MAX_LENGTH
from symptomdb.terminology.models import Symptom

pytestmark = pytest.mark.django_db


def _form(html: bytes, action_end: str = "/feedback"):
    soup = BeautifulSoup(html, "html.parser")
    return next(f for f in soup.select("form") if f.get("action", "").endswith(action_end))


def _answer(client, slug, helpful, **headers):
    return client.post(f"/symptoms/{slug}/feedback", {"helpful": helpful}, **headers)


def test_every_symptom_page_asks_with_and_without_an_article(reader, published_article):
    bare = Symptom.objects.create(name="Hiccups", slug="hiccups")
    for symptom in (published_article.symptom, bare):
        form = _form(reader.get(symptom.get_absolute_url()).content)
        assert form["method"] == "post"
        assert {b["value"] for b in form.select("button[name=helpful]")} == {"yes", "no"}
        assert not form.select("input[name=csrfmiddlewaretoken]")  # the page is shared


def test_a_yes_is_counted_and_thanked_without_javascript(reader, published_article):
    slug = published_article.symptom.slug
    reader.get(published_article.get_absolute_url())  # cached now
    response = _answer(reader, slug, "yes")
    assert response.status_code == 302
    thanks = reader.get(response["Location"])
    assert b"data-feedback-thanks" in thanks.content
    assert b'id="id_missing"' not in thanks.content  # a yes is not asked what was missing
    given = PageFeedback.objects.get()
    assert (given.helpful, given.article, given.symptom) == (
        Helpful.YES,
        published_article,
        published_article.symptom,
    )


def test_a_no_asks_what_was_missing_and_holds_it_for_moderation(reader, published_article):
    slug = published_article.symptom.slug
    thanks = reader.get(_answer(reader, slug, "no")["Location"])
    form = _form(thanks.content, "/feedback/missing")
    assert form.select("input[name=csrfmiddlewaretoken]")
    ticket = form.select_one("input[name=thanks]")["value"]
    sent = reader.post(
        f"/symptoms/{slug}/feedback/missing",
        {"thanks": ticket, "missing": "A table of stretches by zebrafinch"},
    )
    assert sent.status_code == 302
    given = PageFeedback.objects.get()
    assert (given.helpful, given.missing, given.status) == (
        Helpful.NO,
        "A table of stretches by zebrafinch",
        CommentStatus.PENDING,
    )
    assert b"data-feedback-missing-sent" in reader.get(sent["Location"]).content
    # Never on the public page, even once approved.
    PageFeedback.objects.update(status=CommentStatus.APPROVED)
    assert b"zebrafinch" not in reader.get(published_article.get_absolute_url()).content


def test_the_missing_form_needs_its_csrf_token(published_article):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    slug = published_article.symptom.slug
    thanks = strict.get(_answer(strict, slug, "no")["Location"])
    ticket = _form(thanks.content, "/feedback/missing").select_one("input[name=thanks]")["value"]
    refused = strict.post(f"/symptoms/{slug}/feedback/missing", {"thanks": ticket, "missing": "x"})
    assert refused.status_code == 403
    assert PageFeedback.objects.get().missing == ""


def test_an_answer_from_another_site_is_refused(reader, published_article):
    response = _answer(
        reader, published_article.symptom.slug, "no", HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert response.status_code == 403
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("helpful", ["", "maybe", "<b>yes</b>"])
def test_an_answer_other_than_yes_or_no_is_refused(reader, published_article, helpful):
    response = _answer(reader, published_article.symptom.slug, helpful)
    assert response.status_code == 400
    assert "Answer “Yes” or “No”" in response.content.decode()
    assert not PageFeedback.objects.exists()


def _no_then(reader, slug, text):
    thanks = reader.get(_answer(reader, slug, "no")["Location"])
    ticket = _form(thanks.content, "/feedback/missing").select_one("input[name=thanks]")["value"]
    return reader.post(f"/symptoms/{slug}/feedback/missing", {"thanks": ticket, "missing": text})


def test_html_is_kept_as_plain_text_and_control_characters_dropped(reader, published_article):
    slug = published_article.symptom.slug
    _no_then(reader, slug, "<script>alert(1)</script>\x00\x07 dose\u200b?")
    assert PageFeedback.objects.get().missing == "<script>alert(1)</script> dose?"


@pytest.mark.parametrize("size", [MISSING_MAX_LENGTH + 1, 10 * 1024 * 1024])
def test_a_note_too_long_is_refused_and_nothing_changes(reader, published_article, size):
    response = _no_then(reader, published_article.symptom.slug, "a" * size)
    assert response.status_code == 400
    said = "the limit is 500" if size < 1000 else "larger than the site accepts"
    assert said in response.content.decode()
    assert PageFeedback.objects.get().missing == ""


def test_a_forged_or_old_ticket_changes_nothing(reader, published_article):
    slug = published_article.symptom.slug
    _answer(reader, slug, "no")
    response = reader.post(f"/symptoms/{slug}/feedback/missing", {"thanks": "1", "missing": "x"})
    assert response.status_code == 400
    assert PageFeedback.objects.get().missing == ""


def test_answers_are_rate_limited_like_comments(reader, published_article, settings):
    settings.RATELIMIT_FEEDBACK = "2/h"
    slug = published_article.symptom.slug
    assert [_answer(reader, slug, "yes").status_code for _ in range(3)] == [302, 302, 429]
    assert PageFeedback.objects.count() == 2
