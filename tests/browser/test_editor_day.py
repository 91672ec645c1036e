"""An editor's day in a real browser, axe-core on every admin page this work added or
changed: an author imports an article and edits it, previews it, hands it to a
reviewer, who publishes it with a change note, compares two revisions and restores
an older one after seeing what it changes."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from playwright.sync_api import expect

from symptomdb.articles.models import Article, Source, Status
from symptomdb.people.models import Author
from symptomdb.people.roles import AUTHORS, REVIEWERS
from tests.browser.test_accessibility import axe_kept_and_clean, axe_run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The editors' roles as the data migration grants them (people 0003).
ROLES = import_module("symptomdb.people.migrations.0003_editor_roles").ROLES


@pytest.fixture(autouse=True)
def _roles(transactional_db):
    """Earlier live-server tests flush the database, and with it the roles that the data
    migration created (flush re-creates permissions, not data): grant them again."""
    for name, wanted in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in sorted(set(wanted))
        )


FIXTURE = Path(__file__).resolve().parents[1] / "articles" / "fixtures" / "leg-cramps.txt"
PASSWORD = "a-long-staff-pass"


def _staff(username: str, group: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def _sign_in(tab, username: str):
    page = tab.visit("/admin/login/?next=/admin/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.locator("#site-name")).to_be_visible()
    return page


def _axe(tab, name: str) -> None:
    tab.assert_clean(name)  # the page itself, before axe measures it
    axe_kept_and_clean(f"editor-{name}", axe_run(tab.page))
    tab.screenshot(f"editor-{name}")
    # axe's own probes (it styles elements to measure them) are not the page's doing.
    tab.errors.clear()


def test_an_editors_day(new_tab):
    author_user = _staff("haroon", AUTHORS)
    reviewer_user = _staff("ada", REVIEWERS)

    # Morning: the author imports their article (the editors' command line).
    call_command("import", str(FIXTURE))
    article = Article.objects.get()
    Author.objects.filter(pk=article.author_id).update(user=author_user)
    reviewer = Author.objects.create(
        name="Ada Okafor (fixture)", slug="ada-okafor", user=reviewer_user
    )

    # The author edits the summary in the admin.
    author = new_tab()
    page = _sign_in(author, "haroon")
    page = author.visit(f"/admin/articles/article/{article.pk}/change/")
    _axe(author, "change-form")
    page.locator("#id_summary").fill("Fixture: a clearer introduction, with **one** bold word.")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    # Preview: the page exactly as readers will see it, Markdown rendered.
    page = author.visit(f"/admin/articles/article/{article.pk}/preview/")
    expect(page.locator("[data-preview]")).to_contain_text("readers do not see it")
    expect(page.locator(".sdb-article-text strong")).to_have_text("one")
    _axe(author, "preview")

    # Hand it to a reviewer.
    page = author.visit(f"/admin/articles/article/{article.pk}/do/submit/")
    _axe(author, "confirm-submit")
    page.locator("input[type=submit]").click()
    expect(page.locator(".messagelist")).to_contain_text("Send for review: 1 article")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW

    # The reviewer names themselves and the source they checked (straight to the
    # database, to keep the day short), then publishes with a change note.
    Article.objects.filter(pk=article.pk).update(reviewer=reviewer)
    if not Source.objects.filter(article=article).exists():
        Source.objects.create(article=article, title="Fixture source", url="https://example.org/")
    checker = new_tab()
    _sign_in(checker, "ada")
    page = checker.visit(f"/admin/articles/article/{article.pk}/do/publish/")
    expect(page.locator("[data-checks-passed]")).to_be_visible()
    _axe(checker, "confirm-publish")
    page.locator("#id_note").fill("First publication after review")
    page.locator("input[type=submit]").click()
    expect(page.locator(".messagelist")).to_contain_text("Publish: 1 article")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED

    reader = new_tab()
    page = reader.visit(article.get_absolute_url())
    expect(page.locator("main")).to_contain_text("a clearer introduction")

    # The history: compare the first and the latest revisions, then restore the first.
    page = checker.visit(f"/admin/articles/article/{article.pk}/history/")
    _axe(checker, "history")
    page.locator("input[name=left]").last.check()
    page.locator("input[type=submit][value^='Compare']").click()
    expect(page.locator("table.sdb-compare")).to_contain_text("(changed)")
    _axe(checker, "compare")

    page = checker.visit(f"/admin/articles/article/{article.pk}/history/")
    page.locator("a", has_text="Restore…").last.click()
    expect(page.locator("[data-unpublishes]")).to_contain_text("Readers will no longer see")
    _axe(checker, "restore")
    page.locator("#id_confirm").check()
    page.locator("input[type=submit][value='Restore this revision']").click()
    expect(page.locator(".messagelist")).to_contain_text("Restored the revision")
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert "clearer introduction" not in article.summary
