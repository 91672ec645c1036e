from __future__ import annotations

import pytest
from reversion.models import Version

from symptomdb.articles.models import Status

pytestmark = pytest.mark.django_db


def test_an_editor_sees_the_article_with_its_sections(editor_client, published_article):
    html = editor_client.get(
        f"/admin/articles/article/{published_article.pk}/change/"
    ).content.decode()
    assert "What causes it" in html
    assert "Dehydration" in html
    assert "When to see a professional (red flags)" in html


def test_an_editor_moves_an_article_through_review(editor_client, draft_article):
    article = draft_article
    steps = (
        ("send_for_review", {}, Status.IN_REVIEW),
        ("publish", {"note": "First publication"}, Status.PUBLISHED),
    )
    for action, extra, status in steps:
        editor_client.post(
            "/admin/articles/article/",
            {"action": action, "_selected_action": [article.pk], "confirm": "yes", **extra},
        )
        article.refresh_from_db()
        assert article.status == status


def test_an_editors_save_keeps_a_revision(editor_client, draft_article):
    published_article = draft_article
    before = Version.objects.get_for_object(published_article).count()
    url = f"/admin/articles/article/{published_article.pk}/change/"
    form = editor_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        title=published_article.title,
        symptom=published_article.symptom.pk,
        author=published_article.author.pk,
        summary="A clearer introduction.",
        reviewer=published_article.reviewer_id,
    )
    # Empty inline management forms: keep the existing sections untouched.
    for prefix in (
        "causes",
        "relief_methods",
        "prevention_tips",
        "professional_treatments",
        "red_flags",
        "sources",
    ):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    published_article.refresh_from_db()
    assert published_article.summary == "A clearer introduction."
    assert Version.objects.get_for_object(published_article).count() == before + 1
    history = editor_client.get(f"{url.rsplit('change/', 1)[0]}history/").content.decode()
    assert "Changed" in history or "Initial version" in history or "Published" in history


def test_moderators_approve_comments(editor_client, published_article):
    from symptomdb.community.models import Comment, CommentStatus

    comment = Comment.objects.create(article=published_article, name="Ann", body="Thanks")
    editor_client.post(
        "/admin/community/comment/", {"action": "approve", "_selected_action": [comment.pk]}
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
