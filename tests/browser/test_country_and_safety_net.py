"""The reader's country chosen in a real browser, with JavaScript off: the footer's plain
form, the cookie, and the same page again with that country's numbers; the emergency
banner's "Why we say this" opens without a script. The strict CSP is on throughout."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import BLOCKING, axe_run, summary

pytestmark = pytest.mark.browser

EMERGENCY = "/search?q=crushing+chest+pain+going+down+my+left+arm"


def test_a_reader_chooses_their_country_without_javascript(new_tab, db):
    tab = new_tab(java_script_enabled=False)
    page = tab.page
    page.goto(tab.url(EMERGENCY))
    expect(page.locator("main .nhsuk-card--care--emergency")).to_contain_text("Call 911 now")
    expect(page.locator("main [data-safety-net]")).to_contain_text("Call 911 in an emergency")

    page.locator("main [data-safety-net] a[href='#country']").click()
    page.locator("#country-choice").select_option(label="United Kingdom")
    page.locator("#country button[type=submit]").click()

    expect(page).to_have_url(re.compile(re.escape(EMERGENCY) + "$"))
    expect(page.locator("main .nhsuk-card--care--emergency")).to_contain_text("Call 999 now")
    expect(page.locator("main [data-safety-net]")).to_contain_text("NHS 111")
    expect(page.locator("#country-choice")).to_have_value("GB")
    cookie = next(c for c in page.context.cookies() if c["name"] == "country")
    assert cookie["value"] == "GB"
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"

    # Another reader, in a browser of their own, still gets the site's numbers.
    other = new_tab().visit(EMERGENCY)
    expect(other.locator("main .nhsuk-card--care--emergency")).to_contain_text("Call 911 now")


def test_why_we_say_this_opens_and_links_the_guidance(new_tab, db):
    tab = new_tab()
    page = tab.visit(EMERGENCY)
    sources = page.locator("main details[data-triage-sources]")
    links = sources.locator("a")
    expect(links.first).not_to_be_visible()
    sources.locator("summary").click()
    expect(links.first).to_be_visible()
    expect(links.first).to_have_attribute("href", re.compile(r"^https://"))
    tab.screenshot("results-emergency-sources")
    blocking = [v for v in axe_run(page) if v["impact"] in BLOCKING]
    assert blocking == [], "\n".join(summary(blocking))
    tab.assert_clean("emergency results")


@pytest.mark.parametrize("path", ["/country?next=/", "/search?q=zzqxv+wibble"])
def test_axe_finds_no_serious_violation_on_the_country_choice(new_tab, db, path):
    tab = new_tab()
    page = tab.visit(path)
    blocking = [v for v in axe_run(page) if v["impact"] in BLOCKING]
    assert blocking == [], "\n".join(summary(blocking))
