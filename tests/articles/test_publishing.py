"""Checks before publishing, each with a clear message; publish, withdraw and return
ask for confirmation first."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from symptomdb.articles.checks import publish_problems, red_flags_needed
from symptomdb.articles.models import Article, RedFlag, Source, Status, Urgency
from symptomdb.articles.services import article_publish
from symptomdb.terminology.models import Symptom, SymptomCode
from symptomdb.terminology.selectors import symptom_lineage_codes
from symptomdb.triage.red_flags import red_flags_for

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 1)


def _problems(article: Article, note: str = "Reviewed") -> list[str]:
    return publish_problems(article, change_note=note, today=TODAY)


def test_a_ready_article_passes_every_check(draft_article):
    assert _problems(draft_article) == []


def test_it_needs_a_reviewer_other_than_the_author(draft_article):
    draft_article.reviewer = None
    assert any("Choose a reviewer" in p for p in _problems(draft_article))
    draft_article.reviewer = draft_article.author
    assert "The reviewer must be a clinician other than the author." in _problems(draft_article)


def test_review_dates_must_be_in_order(draft_article):
    draft_article.last_reviewed_on = dt.date(2026, 5, 1)
    draft_article.next_review_on = dt.date(2026, 4, 1)
    (problem,) = _problems(draft_article)
    assert problem.startswith("The next review (1 April 2026) must come after the last review")
    draft_article.last_reviewed_on = dt.date(2026, 7, 1)
    draft_article.next_review_on = dt.date(2027, 7, 1)
    assert _problems(draft_article) == ["The last review date (1 July 2026) is in the future."]


def test_it_needs_a_source(draft_article):
    Source.objects.filter(article=draft_article).delete()
    assert _problems(draft_article) == [
        "Add at least one source: the guidance or research the article follows."
    ]


def test_it_needs_the_red_flags_the_triage_rules_give_its_symptom(draft_article):
    RedFlag.objects.filter(article=draft_article).delete()
    (problem,) = _problems(draft_article)
    assert problem.startswith("Add a red flag with the urgency “Emergency”")
    assert "tetanus" in problem  # the rule that concerns muscle spasms


def test_the_red_flags_needed_are_those_the_page_shows():
    headache = Symptom.objects.create(slug="fixture-headache", name="Headache")
    SymptomCode.objects.create(symptom=headache, system="ICD10CM", code="R51.9")
    hiccups = Symptom.objects.create(slug="fixture-hiccups", name="Hiccups")
    SymptomCode.objects.create(symptom=hiccups, system="ICD10CM", code="R06.6")
    needed = red_flags_needed(headache)
    assert [n.urgency for n in needed] == [Urgency.EMERGENCY, Urgency.URGENT]
    shown = {f.family for f in red_flags_for(symptom_lineage_codes(headache), locale="US")}
    assert {n.family for n in needed} <= shown
    assert red_flags_needed(hiccups) == ()


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("", "Write a one-line change note"),
        ("line one\nline two", "The change note must be one line."),
        ("x" * 201, "The change note is 201 characters long"),
    ],
)
def test_it_needs_a_one_line_change_note(draft_article, note, expected):
    (problem,) = _problems(draft_article, note)
    assert problem.startswith(expected)


def test_publishing_with_a_problem_changes_nothing(draft_article):
    Source.objects.filter(article=draft_article).delete()
    with pytest.raises(ValidationError):
        article_publish(article=draft_article, change_note="Try", today=TODAY)
    draft_article.refresh_from_db()
    assert draft_article.status == Status.DRAFT
    assert Article.objects.published().count() == 0


def test_the_reviewer_cannot_publish_their_own_article(draft_article, reviewer_user, author_user):
    problems = publish_problems(draft_article, change_note="Ok", user=author_user, today=TODAY)
    assert "You wrote this article; another reviewer must publish it." in problems
    assert publish_problems(draft_article, change_note="Ok", user=reviewer_user, today=TODAY) == []


def test_the_change_note_is_kept_in_the_revision(draft_article):
    from symptomdb.articles.revisions import article_versions

    article_publish(article=draft_article, change_note="Checked against NICE CKS", today=TODAY)
    assert article_versions(draft_article).first().revision.get_comment() == (
        "Published: Checked against NICE CKS"
    )


def test_the_admin_asks_before_publishing_and_lists_the_checks(reviewer_client, draft_article):
    Source.objects.filter(article=draft_article).delete()
    url = f"/admin/articles/article/{draft_article.pk}/do/publish/"
    page = reviewer_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Add at least one source" in html
    assert 'name="note"' in html
    refused = reviewer_client.post(url, {"confirm": "yes", "note": "First publication"})
    assert refused.status_code == 400
    draft_article.refresh_from_db()
    assert draft_article.status == Status.DRAFT

    Source.objects.create(article=draft_article, title="Fixture", url="https://example.org/")
    done = reviewer_client.post(url, {"confirm": "yes", "note": "First publication"})
    assert done.status_code == 302
    draft_article.refresh_from_db()
    assert draft_article.status == Status.PUBLISHED


def test_the_list_action_confirms_before_publishing(reviewer_client, draft_article):
    data = {"action": "publish", "_selected_action": [draft_article.pk]}
    page = reviewer_client.post("/admin/articles/article/", data)
    assert page.status_code == 200 and "All checks pass." in page.content.decode()
    draft_article.refresh_from_db()
    assert draft_article.status == Status.DRAFT  # asked, not done
    reviewer_client.post(
        "/admin/articles/article/", {**data, "confirm": "yes", "note": "First publication"}
    )
    draft_article.refresh_from_db()
    assert draft_article.status == Status.PUBLISHED


@pytest.mark.parametrize(
    ("transition", "start"), [("withdraw", "published"), ("return", "in_review")]
)
def test_withdraw_and_return_ask_first(reviewer_client, draft_article, transition, start):
    Article.objects.filter(pk=draft_article.pk).update(status=start)
    url = f"/admin/articles/article/{draft_article.pk}/do/{transition}/"
    assert reviewer_client.get(url).status_code == 200
    draft_article.refresh_from_db()
    assert draft_article.status == start
    reviewer_client.post(url, {"confirm": "yes", "note": "Please add a source on dosing"})
    draft_article.refresh_from_db()
    assert draft_article.status == Status.DRAFT


def test_returning_needs_a_reason(reviewer_client, draft_article):
    Article.objects.filter(pk=draft_article.pk).update(status=Status.IN_REVIEW)
    url = f"/admin/articles/article/{draft_article.pk}/do/return/"
    response = reviewer_client.post(url, {"confirm": "yes", "note": "  "})
    assert response.status_code == 400
    assert "Say in one line what the author should change." in response.content.decode()


def test_the_model_refuses_review_dates_out_of_order(draft_article):
    draft_article.next_review_on = draft_article.last_reviewed_on
    with pytest.raises(ValidationError) as error:
        draft_article.full_clean()
    assert "must come after the last review" in str(error.value)
