"""The editors' dashboard: rankings on seeded searches, actions, CSV, and who sees it."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from symptomdb.community.models import CommentStatus
from symptomdb.insights import services
from symptomdb.insights.models import Helpful, PageFeedback, Source
from symptomdb.insights.recorder import Searched, recorder
from symptomdb.terminology.models import Symptom

pytestmark = pytest.mark.django_db
URL = "/admin/insights/searchevent/"


@pytest.fixture
def seeded(published_article):
    """Searches for two symptoms without an article (hiccups more often than yawning) and for
    the seed article's own symptom, which must not be ranked."""
    hiccups = Symptom.objects.create(name="Hiccups", slug="hiccups")
    yawning = Symptom.objects.create(name="Yawning", slug="yawning")
    now = timezone.now()
    plan = [
        ("hiccups wont stop", hiccups, 4),
        ("hiccup cure", hiccups, 2),
        ("yawning all day", yawning, 3),
        ("leg cramps", published_article.symptom, 9),
        ("qwzx blorp", None, 5),
    ]
    for query, symptom, n in plan:
        for _ in range(n):
            recorder.submit(
                Searched(
                    token=services.search_token(),
                    query=query,
                    locale="US",
                    source=Source.PAGE,
                    slugs=(symptom.slug,) if symptom else (),
                    triage_level="",
                    at=now - dt.timedelta(hours=1),
                )
            )
    recorder.flush()
    return hiccups, yawning


def test_it_ranks_symptoms_without_an_article_with_their_commonest_wordings(
    reviewer_client, seeded
):
    hiccups, _ = seeded
    page = BeautifulSoup(reviewer_client.get(URL).content, "html.parser")
    rows = page.select("[data-table=sought] tbody tr")
    assert [r.th.text for r in rows] == ["Hiccups", "Yawning"]
    assert [r.select("td")[0].text for r in rows] == ["6", "3"]
    assert "“hiccups wont stop” (4); “hiccup cure” (2)" in rows[0].text
    start = rows[0].select_one("a[href*='/admin/articles/article/add/']")
    assert start["href"].endswith(f"?symptom={hiccups.pk}")
    unanswered = [r.th.text for r in page.select("[data-table=unanswered] tbody tr")]
    assert unanswered[0] == "leg cramps"  # 9 searches, none followed
    assert "qwzx blorp" in unanswered


def test_it_exports_each_table_as_csv(reviewer_client, seeded):
    response = reviewer_client.get(URL, {"export": "sought"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["symptom", "slug", "searches", "commonest wordings"]
    assert [r[:3] for r in rows[1:]] == [["Hiccups", "hiccups", "6"], ["Yawning", "yawning", "3"]]


def test_a_csv_cell_never_starts_a_formula(reviewer_client, published_article):
    PageFeedback.objects.create(
        symptom=published_article.symptom,
        helpful=Helpful.NO,
        missing="=HYPERLINK(1)",
        status=CommentStatus.APPROVED,
    )
    text = reviewer_client.get(URL, {"export": "helpfulness"}).content.decode()
    assert "'=HYPERLINK(1)" in text


def test_pages_by_helpfulness_least_helpful_first_with_approved_notes_only(
    reviewer_client, published_article, seeded
):
    hiccups, _ = seeded
    for helpful, symptom in [("yes", published_article.symptom), ("no", hiccups), ("no", hiccups)]:
        services.feedback_submit(symptom=symptom, article=None, helpful=helpful)
    kept = services.feedback_submit(symptom=hiccups, article=None, helpful="no")
    services.feedback_missing_add(feedback=kept, text="How long is too long")
    pending = services.feedback_submit(symptom=hiccups, article=None, helpful="no")
    services.feedback_missing_add(feedback=pending, text="Not yet moderated")
    PageFeedback.objects.filter(pk=kept.pk).update(status=CommentStatus.APPROVED)
    page = BeautifulSoup(reviewer_client.get(URL).content, "html.parser")
    rows = page.select("[data-table=helpfulness] tbody tr")
    assert [r.th.text for r in rows] == ["Hiccups", published_article.title]
    assert [(r.select("td")[0].text, r.select("td")[1].text) for r in rows] == [
        ("0", "4"),
        ("1", "0"),
    ]
    assert "How long is too long" in rows[0].text and "Not yet moderated" not in rows[0].text


def test_articles_due_for_review_are_listed_and_can_be_marked_reviewed(
    reviewer_client, published_article
):
    from symptomdb.articles.models import Article

    today = timezone.localdate()
    Article.objects.filter(pk=published_article.pk).update(
        last_reviewed_on=today - dt.timedelta(days=400), next_review_on=today - dt.timedelta(days=2)
    )
    listed = BeautifulSoup(
        reviewer_client.get("/admin/articles/article/", {"review": "overdue"}).content,
        "html.parser",
    )
    assert published_article.title in listed.select_one("#result_list tbody").text
    page = BeautifulSoup(reviewer_client.get(URL).content, "html.parser")
    row = page.select_one("[data-table=review] tbody tr[data-overdue]")
    assert row.th.text == published_article.title
    action = row.select_one("form")["action"]
    assert reviewer_client.post(action).status_code == 302
    published_article.refresh_from_db()
    assert published_article.next_review_on > today
    overdue = BeautifulSoup(
        reviewer_client.get("/admin/articles/article/", {"review": "overdue"}).content,
        "html.parser",
    )
    assert overdue.select("#result_list tbody tr") == []


def test_every_editors_group_sees_it_and_readers_do_not(
    author_client, moderator_client, site_admin_client, reader, seeded
):
    for client in (author_client, moderator_client, site_admin_client):
        assert client.get(URL).status_code == 200
    assert reader.get(URL).status_code == 302  # to the sign-in page
    assert b"Mark reviewed" not in author_client.get(URL).content


def test_the_feedback_api_is_for_editors_only(client, reviewer_client, published_article):
    services.feedback_submit(symptom=published_article.symptom, article=None, helpful="yes")
    url = f"/api/articles/{published_article.pk}/feedback"
    refused = client.get(url)
    assert refused.status_code == 401 and refused.json()["error"]["status"] == 401
    assert reviewer_client.get(url).json() == {
        "id": published_article.pk,
        "yes": 1,
        "no": 0,
        "notes": 0,
        "notes_pending": 0,
    }
