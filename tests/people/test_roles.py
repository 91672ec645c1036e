"""Roles with Django's permissions: what an author, a reviewer, a moderator and a
site admin may and may not do. None of them is a superuser."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from symptomdb.articles.models import Article, Status
from symptomdb.community.models import Comment, CommentStatus
from symptomdb.people.roles import AUTHORS, MODERATORS, REVIEWERS, SITE_ADMINS

pytestmark = pytest.mark.django_db

ARTICLES = "/admin/articles/article/"


def test_the_migration_creates_the_four_roles():
    names = set(Group.objects.values_list("name", flat=True))
    assert {AUTHORS, REVIEWERS, MODERATORS, SITE_ADMINS} <= names
    assert Group.objects.get(name=REVIEWERS).permissions.filter(codename="publish_article").exists()
    assert (
        not Group.objects.get(name=AUTHORS)
        .permissions.filter(codename__in=["publish_article", "delete_article", "change_comment"])
        .exists()
    )


@pytest.mark.parametrize(
    ("persona", "url", "allowed"),
    [
        ("author_client", ARTICLES, True),
        ("author_client", "/admin/community/comment/", False),
        ("author_client", "/admin/auth/user/", False),
        ("reviewer_client", ARTICLES, True),
        ("reviewer_client", "/admin/community/comment/", False),
        ("moderator_client", "/admin/community/comment/", True),
        ("moderator_client", f"{ARTICLES}add/", False),
        ("site_admin_client", "/admin/auth/user/", True),
        ("site_admin_client", "/admin/community/comment/", True),
        ("site_admin_client", "/admin/articles/article/symptom-new/", True),
    ],
)
def test_each_role_reaches_its_pages_only(request, persona, url, allowed):
    client = request.getfixturevalue(persona)
    status = client.get(url).status_code
    assert (status == 200) is allowed, status


def test_none_of_the_roles_is_a_superuser(
    author_user, reviewer_user, moderator_user, site_admin_user
):
    assert not any(
        u.is_superuser for u in (author_user, reviewer_user, moderator_user, site_admin_user)
    )


def test_an_author_edits_their_own_draft_but_not_anothers(author_client, draft_article, reviewer):
    url = f"{ARTICLES}{draft_article.pk}/change/"
    assert 'name="summary"' in author_client.get(url).content.decode()
    someone_elses = Article.objects.create(
        symptom=draft_article.symptom, title="Fixture", summary="Fixture", author=reviewer
    )
    page = author_client.get(f"{ARTICLES}{someone_elses.pk}/change/").content.decode()
    assert 'name="summary"' not in page  # shown read-only


def test_an_author_cannot_change_an_article_in_review(author_client, draft_article):
    Article.objects.filter(pk=draft_article.pk).update(status=Status.IN_REVIEW)
    page = author_client.get(f"{ARTICLES}{draft_article.pk}/change/").content.decode()
    assert 'name="summary"' not in page


def test_an_author_sends_for_review_but_cannot_publish(author_client, draft_article):
    publish = author_client.get(f"{ARTICLES}{draft_article.pk}/do/publish/")
    assert publish.status_code == 403
    author_client.post(f"{ARTICLES}{draft_article.pk}/do/submit/", {"confirm": "yes"})
    draft_article.refresh_from_db()
    assert draft_article.status == Status.IN_REVIEW
    actions = author_client.get(ARTICLES).content.decode()
    assert 'value="publish"' not in actions
    assert 'value="send_for_review"' in actions


def test_an_author_writes_only_as_themselves(author_client, author_user, reviewer):
    form = author_client.get(f"{ARTICLES}add/").context["adminform"].form
    assert list(form.fields["author"].queryset) == [author_user.author_profile]


def test_a_reviewer_publishes_anothers_article(reviewer_client, draft_article):
    reviewer_client.post(
        f"{ARTICLES}{draft_article.pk}/do/publish/", {"confirm": "yes", "note": "First version"}
    )
    draft_article.refresh_from_db()
    assert draft_article.status == Status.PUBLISHED


def test_a_reviewer_does_not_publish_their_own_article(reviewer_client, draft_article, reviewer):
    other = Article.objects.get(pk=draft_article.pk)
    other.author, other.reviewer = reviewer, draft_article.author
    other.save()
    response = reviewer_client.post(
        f"{ARTICLES}{other.pk}/do/publish/", {"confirm": "yes", "note": "Mine"}
    )
    assert response.status_code == 400
    assert "another reviewer must publish it" in response.content.decode()
    other.refresh_from_db()
    assert other.status == Status.DRAFT


def test_a_moderator_approves_comments_but_cannot_edit_articles(
    moderator_client, published_article
):
    comment = Comment.objects.create(article=published_article, name="Ann", body="Thanks")
    moderator_client.post(f"/admin/community/comment/{comment.pk}/approve/")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    page = moderator_client.get(f"{ARTICLES}{published_article.pk}/change/").content.decode()
    assert 'name="summary"' not in page


def test_an_author_cannot_moderate(author_client, published_article):
    comment = Comment.objects.create(article=published_article, name="Ann", body="Thanks")
    response = author_client.post(f"/admin/community/comment/{comment.pk}/approve/")
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_a_site_admin_cannot_make_anyone_a_superuser(site_admin_client, author_user):
    page = site_admin_client.get(f"/admin/auth/user/{author_user.pk}/change/").content.decode()
    assert 'name="is_staff"' in page  # the account is theirs to manage
    assert 'name="is_superuser"' not in page and 'name="user_permissions"' not in page
    site_admin_client.post(
        f"/admin/auth/user/{author_user.pk}/change/",
        {
            "username": author_user.username,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    author_user.refresh_from_db()
    assert not author_user.is_superuser


def test_a_site_admin_cannot_change_a_superusers_account(site_admin_client, editor):
    page = site_admin_client.get(f"/admin/auth/user/{editor.pk}/change/").content.decode()
    assert 'name="username"' not in page  # shown, not editable
    site_admin_client.post(
        f"/admin/auth/user/{editor.pk}/change/", {"username": "renamed", "is_active": ""}
    )
    site_admin_client.post(f"/admin/auth/user/{editor.pk}/delete/", {"post": "yes"})
    editor.refresh_from_db()
    assert editor.username == "editor" and editor.is_active and editor.is_superuser
