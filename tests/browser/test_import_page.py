"""The editors' import page in a real browser (issue 17), axe-core on both of its steps:
an author uploads two pages in other layouts, reads the report, picks the author and
imports both as drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from symptomdb.articles.models import Article, Status
from symptomdb.people.models import Author
from symptomdb.people.roles import AUTHORS
from tests.browser.test_editor_day import _axe, _roles, _sign_in, _staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
__all__ = ["_roles"]  # the roles, granted again after earlier live-server tests

LAYOUTS = Path(__file__).resolve().parents[1] / "articles" / "fixtures" / "layouts"


def test_an_author_imports_two_pages_as_drafts(new_tab):
    _staff("haroon", AUTHORS)
    Author.objects.create(name="Haroon Rashid (fixture)", slug="haroon-rashid", credentials="MD")
    tab = new_tab()
    _sign_in(tab, "haroon")
    page = tab.visit("/admin/articles/article/import/")
    _axe(tab, "import-upload")
    page.locator("#id_articles").set_input_files(
        [str(LAYOUTS / "library-muscle-cramps.html"), str(LAYOUTS / "leaflet-hiccups.md")]
    )
    page.get_by_role("button", name="Read the files").click()
    expect(page.locator("[data-import-file]")).to_have_count(2)
    expect(page.locator("[data-import-file='library-muscle-cramps.html']")).to_contain_text(
        "What can trigger a cramp?"
    )
    _axe(tab, "import-report")
    page.locator("#id_author").select_option("haroon-rashid")
    page.get_by_role("button", name="Import all as drafts").click()
    expect(page.locator(".messagelist")).to_contain_text("as a draft")
    articles = Article.objects.order_by("title")
    assert [a.title for a in articles] == ["Hiccups", "Muscle cramps"]
    assert {a.status for a in articles} == {Status.DRAFT}
    assert {a.author.slug for a in articles if a.author} == {"haroon-rashid"}
