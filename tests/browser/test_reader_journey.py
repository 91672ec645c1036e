"""The whole loop in a real browser: a reader searches, opens the symptom page, rates
the author and comments; an editor signs in through the login form and approves the
comment; the reader sees it. The strict CSP is on throughout."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

COMMENT = "Stretching my calf before bed stopped the night cramps."


def test_a_reader_comments_and_an_editor_approves_it(new_tab, published_article, editor):
    reader = new_tab()
    page = reader.visit("/")
    page.locator("#home-search").fill("muscle spasms")
    page.locator("main form[role=search] button").click()
    expect(page).to_have_url(re.compile(r"/search\?q=muscle\+spasms$"))
    reader.assert_clean("results")

    page.get_by_role("link", name="Muscle spasms").first.click()
    expect(page).to_have_url(reader.url(published_article.get_absolute_url()))
    expect(page.locator("h1")).to_have_text(published_article.title)
    reader.assert_clean("symptom page")

    page.get_by_role("link", name="Rate author").click()
    page.locator("label[for=stars-4]").click()
    page.get_by_role("button", name="Rate author").click()
    expect(page.get_by_role("status")).to_contain_text("rating of 4 stars for Haroon Rashid")
    expect(page.locator("#stars-4")).to_be_checked()
    reader.assert_clean("after rating")
    page.get_by_role("link", name="Back").click()
    expect(page).to_have_url(reader.url(published_article.get_absolute_url()))
    expect(page.locator("#rating")).to_contain_text("4.0 out of 5 from 1 rating")

    page.get_by_role("link", name="Add a comment").click()
    page.locator("#id_name").fill("Sam")
    page.locator("#id_body").fill(COMMENT)
    page.get_by_role("button", name="Add a comment").click()
    expect(page.get_by_role("status")).to_contain_text("once an editor approves it")
    reader.assert_clean("after commenting")
    page.get_by_role("link", name="Back to the article").click()
    expect(page.locator("#comments")).not_to_contain_text(COMMENT)

    editor_tab = new_tab()
    admin = editor_tab.visit("/admin/login/?next=/admin/community/comment/")
    admin.locator("#id_username").fill("editor")
    admin.locator("#id_password").fill("a-long-editor-pass")
    admin.locator("input[type=submit]").click()
    expect(admin).to_have_url(editor_tab.url("/admin/community/comment/"))
    row = admin.locator("#result_list tbody tr", has_text="Sam")
    row.locator("input[name=_selected_action]").check()
    admin.locator("select[name=action]").select_option("approve")
    admin.locator("button[name=index]").click()
    expect(admin.locator(".messagelist")).to_contain_text("1 comment(s) approved.")
    editor_tab.assert_clean("admin")

    page = reader.visit(published_article.get_absolute_url())
    expect(page.locator(".sdb-comment")).to_contain_text(COMMENT)
    expect(page.locator(".sdb-comment")).to_contain_text("Sam")


def test_a_wrong_password_is_refused_in_the_login_form(new_tab, editor):
    tab = new_tab()
    page = tab.visit("/admin/login/?next=/admin/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill("not the password")
    page.locator("input[type=submit]").click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    tab.assert_clean("login")
