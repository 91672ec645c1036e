"""Editors' personas (an author, a reviewer, a moderator, a site admin — none a
superuser) and an article ready to publish, shared by the editing tests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from symptomdb.articles.models import Article, RedFlag, Source, Urgency
from symptomdb.people.models import Author
from symptomdb.people.roles import AUTHORS, MODERATORS, REVIEWERS, SITE_ADMINS
from symptomdb.terminology.models import SymptomCode


def _staff(username: str, group: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", "a-long-staff-pass")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def author_user(db, published_article) -> User:
    """The seed article's own author, signed in with the author role."""
    user = _staff("haroon", AUTHORS)
    Author.objects.filter(pk=published_article.author_id).update(user=user)
    return user


@pytest.fixture
def reviewer(db) -> Author:
    return Author.objects.create(name="Ada Okafor (fixture)", slug="ada-okafor", credentials="DO")


@pytest.fixture
def reviewer_user(db, reviewer) -> User:
    user = _staff("ada", REVIEWERS)
    reviewer.user = user
    reviewer.save(update_fields=["user"])
    return user


@pytest.fixture
def moderator_user(db) -> User:
    return _staff("mo", MODERATORS)


@pytest.fixture
def site_admin_user(db) -> User:
    return _staff("sam", SITE_ADMINS)


@pytest.fixture
def author_client(author_user) -> Client:
    return _client(author_user)


@pytest.fixture
def reviewer_client(reviewer_user) -> Client:
    return _client(reviewer_user)


@pytest.fixture
def moderator_client(moderator_user) -> Client:
    return _client(moderator_user)


@pytest.fixture
def site_admin_client(site_admin_user) -> Client:
    return _client(site_admin_user)


def make_ready(article: Article, reviewer: Author) -> Article:
    """What the publishing checks ask of the seed article: a reviewer, a source and
    the emergency red flag its symptom needs (fixture text, not clinical advice)."""
    article.reviewer = reviewer
    article.last_reviewed_on = dt.date(2026, 1, 5)
    article.next_review_on = dt.date(2027, 1, 5)
    article.save()
    Source.objects.create(article=article, title="Fixture source", url="https://example.org/a")
    RedFlag.objects.create(
        article=article, text="Fixture red flag for the checks", urgency=Urgency.EMERGENCY
    )
    return article


@pytest.fixture
def draft_article(published_article, reviewer) -> Article:
    """The seed article as a draft that passes every publishing check."""
    # FIXTURE code standing in for the catalogue: the triage's tetanus family concerns R25.2,
    # so the page, and the publishing checks, ask for an emergency red flag.
    SymptomCode.objects.get_or_create(
        symptom=published_article.symptom, system="ICD10CM", code="R25.2"
    )
    Article.objects.filter(pk=published_article.pk).update(status="draft")
    published_article.refresh_from_db()
    return make_ready(published_article, reviewer)
