"""The strict Content-Security-Policy, enforced by a real browser, blocks nothing the
site itself needs: the readers' pages, the admin and django-ninja's Swagger UI at
/api/docs (served from our static files) load and run without a single violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_readers_pages_run_under_the_policy(new_tab, published_article):
    tab = new_tab()
    for path in [
        "/",
        "/search?q=muscle+spasms",
        "/symptoms/?letter=M",
        published_article.get_absolute_url(),
        published_article.author.get_absolute_url(),
    ]:
        page = tab.visit(path)
        policy = page.evaluate(
            "fetch(location.href).then(r => r.headers.get('content-security-policy'))"
        )
        assert "script-src 'self'" in policy
        # The stylesheet applied: the header's links are laid out in a row by site.css.
        assert page.locator(".sdb-nav").evaluate("el => getComputedStyle(el).display") == "flex"
    page = tab.visit("/search?q=%00", status=400)
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()


def test_the_api_docs_render_swagger_ui_under_the_policy(new_tab, db):
    tab = new_tab()
    page = tab.visit("/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Symptom Database API")
    expect(page.locator(".opblock").first).to_be_visible()
    # Open one operation: Swagger's own scripts and styles keep working.
    page.locator(".opblock-summary").first.click()
    expect(page.locator(".opblock-body").first).to_be_visible()
    tab.assert_clean("/api/docs")


def test_the_admin_runs_under_the_policy(new_tab, published_article, editor):
    tab = new_tab()
    page = tab.visit("/admin/login/?next=/admin/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill("a-long-editor-pass")
    page.locator("input[type=submit]").click()
    expect(page.locator("#site-name")).to_contain_text("Symptom Database editors")
    for path in [
        "/admin/articles/article/",
        f"/admin/articles/article/{published_article.pk}/change/",
        "/admin/articles/article/add/",
        "/admin/community/comment/",
    ]:
        tab.visit(path)
    # The inline sections' "Add another" link is the admin's own JavaScript at work.
    page = tab.visit(f"/admin/articles/article/{published_article.pk}/change/")
    before = page.locator(".dynamic-causes").count()
    page.locator(".add-row a").first.click()
    assert page.locator(".dynamic-causes").count() == before + 1
    tab.assert_clean("admin")
