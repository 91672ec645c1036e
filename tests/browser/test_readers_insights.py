"""Issue 14 in a real browser, axe-core on each new page: a reader answers “Was this page
helpful?” yes, or no and what was missing, with and without JavaScript, and reads the page
history with its difference; an editor opens the readers' insights dashboard on seeded
searches.

Without JavaScript, chromium runs no script in the page's own world, so Playwright's
`page.evaluate` (and with it Tab.visit's CSP check and axe_run) waits for ever: that is
why the first draft of these tests hung. The tab is driven by locators only, and axe runs
in an isolated world of its own through the DevTools protocol, as Playwright's locators
do. There no timer fires either, and axe waits on setTimeout: in that world (not the
page's) timers are made to run their callbacks as microtasks.
"""

from __future__ import annotations

import datetime as dt
from importlib import import_module
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from symptomdb.articles.services import article_change_start, article_publish
from symptomdb.insights import services as insights
from symptomdb.insights.models import Helpful, PageFeedback, Source
from symptomdb.insights.recorder import Searched, recorder
from symptomdb.people.roles import REVIEWERS
from symptomdb.terminology.models import Symptom
from tests.browser.conftest import AXE
from tests.browser.test_accessibility import axe_kept_and_clean, axe_run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The editors' roles as the data migrations grant them (people 0003, insights 0002).
ROLES = import_module("symptomdb.people.migrations.0003_editor_roles").ROLES
INSIGHTS_ROLES = import_module("symptomdb.insights.migrations.0002_editor_roles").ROLES
PASSWORD = "a-long-staff-pass"
DASHBOARD = "/admin/insights/searchevent/"


@pytest.fixture(autouse=True)
def _roles(transactional_db):
    """Earlier live-server tests flush the database, and with it the roles that the data
    migrations created (flush re-creates permissions, not data): grant them again."""
    for name in set(ROLES) | set(INSIGHTS_ROLES):
        wanted = set(ROLES.get(name, [])) | set(INSIGHTS_ROLES.get(name, []))
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in sorted(wanted)
        )


@pytest.fixture(autouse=True)
def _empty_recorder():
    """The live server's searches wait in this process's recorder (no writer thread under
    tests): none is left for the next test."""
    recorder.flush_discard()
    yield
    recorder.flush_discard()


@pytest.fixture(autouse=True)
def _warm(published_article):
    """The first symptom page a process renders loads what the page needs (16 s on a busy
    2-core machine, beyond the browser's time limit): rendered once here, in the test's
    own thread, as a worker's warm-up does under `symptomdb serve`."""
    assert Client().get(published_article.get_absolute_url()).status_code == 200


# Timers for axe's isolated world, where none fires when the page may run no script.
_NO_TIMERS = """
window.setTimeout = (f, ms, ...args) => { Promise.resolve().then(() => f(...args)); return 0; };
window.clearTimeout = () => {};
window.requestAnimationFrame = (f) => {
  Promise.resolve().then(() => f(performance.now()));
  return 0;
};
window.requestIdleCallback = (f) => {
  Promise.resolve().then(() => f({didTimeout: false, timeRemaining: () => 50}));
  return 0;
};
"""


def _axe_isolated(page: Page) -> list[dict[str, Any]]:
    """axe-core in a world of its own, which runs even when the page's scripts may not."""
    cdp = page.context.new_cdp_session(page)
    try:
        frame = cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
        world = cdp.send("Page.createIsolatedWorld", {"frameId": frame, "worldName": "axe"})
        where = {"contextId": world["executionContextId"], "returnByValue": True}
        cdp.send("Runtime.evaluate", {"expression": _NO_TIMERS, **where})
        cdp.send("Runtime.evaluate", {"expression": AXE.read_text(encoding="utf-8"), **where})
        answer = cdp.send(
            "Runtime.evaluate",
            {
                "expression": "axe.run(document, {resultTypes: ['violations']})",
                "awaitPromise": True,
                **where,
            },
        )
    finally:
        cdp.detach()
    assert "exceptionDetails" not in answer, answer["exceptionDetails"]
    return answer["result"]["value"]["violations"]


def _axe(tab, name: str, *, javascript: bool = True) -> None:
    if javascript:
        tab.assert_clean(name)  # the page itself, before axe measures it
        violations = axe_run(tab.page)
    else:
        assert (tab.dialogs, tab.errors) == ([], []), name
        violations = _axe_isolated(tab.page)
    axe_kept_and_clean(f"insights-{name}", violations)
    tab.screenshot(f"insights-{name}")
    # axe's own probes (it styles elements to measure them) are not the page's doing.
    tab.errors.clear()


def _tab(new_tab, **options: Any):
    """A tab that waits up to 45 s for a page (conftest's 15 s is short on a 2-core machine
    shared with other work): these tests judge what is shown, not how fast."""
    tab = new_tab(**options)
    tab.page.context.set_default_timeout(45_000)
    return tab


def _open(tab, path: str, *, javascript: bool) -> Page:
    if javascript:
        return tab.visit(path)
    response = tab.page.goto(tab.url(path), wait_until="load")
    assert response is not None and response.status == 200, path
    return tab.page


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_reader_says_a_page_was_helpful(new_tab, published_article, javascript):
    tab = _tab(new_tab, java_script_enabled=javascript)
    page = _open(tab, published_article.get_absolute_url(), javascript=javascript)
    form = page.locator("[data-page-feedback]")
    expect(form.get_by_role("heading", name="Was this page helpful?")).to_be_visible()
    form.get_by_role("button", name="Yes").click()
    expect(page.locator("[data-feedback-thanks]")).to_be_visible()
    expect(page.get_by_label("What was missing? (optional)")).to_have_count(0)
    _axe(tab, f"feedback-yes-{'js' if javascript else 'nojs'}", javascript=javascript)
    given = PageFeedback.objects.get()
    assert (given.helpful, given.missing) == (Helpful.YES, "")
    assert given.symptom == published_article.symptom


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_reader_says_a_page_was_not_helpful_and_what_was_missing(
    new_tab, published_article, javascript
):
    suffix = "js" if javascript else "nojs"
    tab = _tab(new_tab, java_script_enabled=javascript)
    page = _open(tab, published_article.get_absolute_url(), javascript=javascript)
    form = page.locator("[data-page-feedback]")
    expect(form.get_by_role("heading", name="Was this page helpful?")).to_be_visible()
    _axe(tab, f"feedback-form-{suffix}", javascript=javascript)
    form.get_by_role("button", name="No").click()
    expect(page.locator("[data-feedback-thanks]")).to_be_visible()
    page.get_by_label("What was missing? (optional)").fill("How long a spasm may last")
    _axe(tab, f"feedback-missing-{suffix}", javascript=javascript)
    page.get_by_role("button", name="Send").click()
    expect(page.locator("[data-feedback-missing-sent]")).to_be_visible()
    _axe(tab, f"feedback-missing-sent-{suffix}", javascript=javascript)
    given = PageFeedback.objects.get()
    assert (given.helpful, given.missing) == (Helpful.NO, "How long a spasm may last")


def test_a_reader_reads_the_page_history(new_tab, published_article):
    staged = article_change_start(article=published_article)
    staged.summary += " Most spasms pass within minutes."
    staged.save()
    article_publish(article=staged, change_note="Said how long spasms last", checks=False)
    tab = _tab(new_tab)
    page = tab.visit(published_article.get_absolute_url())
    page.get_by_role("link", name="Page history").click()
    expect(page.get_by_role("heading", name="Page history", level=1)).to_be_visible()
    entry = page.locator("[data-history-entry=changed]")
    expect(entry.locator("[data-change-note]")).to_have_text("Said how long spasms last")
    entry.locator("summary").click()
    expect(entry.locator("[data-history-diff] ins").first).to_contain_text("spasms pass")
    _axe(tab, "page-history")


def _seed_searches(without_article: Symptom, with_article: Symptom) -> None:
    # Searches the earlier browser tests made on the live server are still queued, for
    # symptoms their databases held: a batch with one of them would fail and be dropped whole.
    recorder.flush_discard()
    at = timezone.now() - dt.timedelta(hours=1)
    plan = [("hiccups that will not stop", without_article, 3), ("cramp at night", with_article, 2)]
    for query, symptom, times in plan:
        for _ in range(times):
            recorder.submit(
                Searched(
                    token=insights.search_token(),
                    query=query,
                    locale="US",
                    source=Source.PAGE,
                    slugs=(symptom.slug,),
                    triage_level="",
                    at=at,
                )
            )
    assert recorder.flush() == 5


def test_an_editor_opens_the_dashboard(new_tab, published_article):
    hiccups = Symptom.objects.create(name="Hiccups", slug="hiccups")
    _seed_searches(hiccups, published_article.symptom)
    user = User.objects.create_user("ada", "ada@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWERS))
    # Signed in through a session of her own rather than the login form: hashing the
    # password takes seconds on a busy machine, and the sign-in is test_editor_day's.
    client = Client()
    client.force_login(user)
    assert client.get(DASHBOARD).status_code == 200  # the dashboard's first render, warmed
    tab = _tab(new_tab)
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    tab.page.context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": session, "url": tab.base_url}]
    )
    page = tab.visit(DASHBOARD)
    expect(page.locator("[data-dashboard]")).to_be_visible()
    sought = page.locator("[data-table=sought] tbody tr")
    expect(sought).to_have_count(1)
    expect(sought.first.locator("th")).to_have_text("Hiccups")
    expect(sought.first).to_contain_text("hiccups that will not stop")
    expect(
        page.get_by_role("heading", name="Articles past or near their next review")
    ).to_be_visible()
    _axe(tab, "dashboard")
