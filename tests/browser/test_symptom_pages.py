"""Every kind of symptom page a reader meets, in a real browser at desktop and phone sizes:
a page with its own article, a page an article covers, a page with red flags only, and the
results page with "More clinical terms (N)" closed and open. axe-core finds no violation
on any of them, and on a phone the emergency banner and the first result fit the first
screen. Screenshots go where the other browser tests keep theirs
(test-artifacts/screenshots/, named symptom-pages-<page>-<size>.png)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from symptomdb.terminology.models import Symptom, SymptomCode
from tests.browser.test_accessibility import axe_run, summary

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
# A common small phone; the first screen is what shows before any scrolling.
PHONE = {"width": 375, "height": 667}
SIZES = {
    "desktop": {"viewport": DESKTOP},
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True},
}

# FIXTURE query, written for these tests: cardiac chest pain that spreads, which the
# triage's heart-attack rule calls an emergency.
EMERGENCY_QUERY = "squeezing chest pain spreading to my jaw"
PLAIN_QUERY = "chest pain"


@pytest.fixture(params=sorted(SIZES))
def size(request) -> str:
    return request.param


@pytest.fixture
def chest_pain(db) -> Symptom:
    # FIXTURE rows standing in for the catalogue: chest pain with its ICD-10-CM code R07.9,
    # which the triage's heart-attack family names, and no article.
    symptom = Symptom.objects.create(slug="chest-pain", name="Chest pain", prior=1.0)
    SymptomCode.objects.create(symptom=symptom, system="HPO", code="HP:0100749")
    SymptomCode.objects.create(symptom=symptom, system="ICD10CM", code="R07.9")
    return symptom


@pytest.fixture
def chest_terms(chest_pain) -> dict[str, Symptom]:
    """FIXTURE rows for the results page: one more symptom a reader plausibly means (with an
    everyday name over its clinical one), and two a reader rarely means — an organising
    entry and an uncommon finding — which go behind "More clinical terms"."""
    return {
        "plausible": Symptom.objects.create(
            slug="anterior-chest-wall-pain",
            name="Anterior chest wall pain",
            display_name="Pain in the front of the chest wall",
            prior=0.6,
        ),
        "organising": Symptom.objects.create(
            slug="other-chest-pain", name="Other chest pain", prior=0.9
        ),
        "rare": Symptom.objects.create(
            slug="chest-pain-on-breathing", name="Chest pain on breathing", prior=0.05
        ),
    }


@pytest.fixture
def covered(published_article) -> Symptom:
    # FIXTURE row standing in for the catalogue's G47.62, with an everyday name; the bundled
    # article covers it as an editor's "Covers:" line would.
    symptom = Symptom.objects.create(
        slug="sleep-related-leg-cramps",
        name="Sleep related leg cramps",
        display_name="Leg cramps at night",
        prior=0.45,
    )
    SymptomCode.objects.create(symptom=symptom, system="ICD10CM", code="G47.62")
    published_article.covers.add(symptom)
    return symptom


def no_violations(page: Page, where: str) -> None:
    violations = axe_run(page)
    assert violations == [], f"{where}:\n" + "\n".join(summary(violations))


def fits_sideways(page: Page, size: str) -> None:
    width = SIZES[size]["viewport"]["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def box(page: Page, selector: str) -> dict[str, float]:
    """Where the element sits in the viewport, before any scrolling."""
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not rendered"
    return found


def test_it_shows_a_page_with_its_own_article(new_tab, published_article, size):
    tab = new_tab(**SIZES[size])
    page = tab.visit(published_article.get_absolute_url())
    expect(page.locator("main h1")).to_have_text(published_article.title)
    expect(page.locator("main [data-covering-articles]")).to_have_count(0)
    fits_sideways(page, size)
    tab.screenshot(f"symptom-pages-article-{size}")
    no_violations(page, "article page")
    tab.assert_clean("article page")


def test_it_leads_a_covered_symptoms_page_to_the_article(new_tab, published_article, covered, size):
    tab = new_tab(**SIZES[size])
    page = tab.visit(covered.get_absolute_url())
    expect(page.locator("main h1")).to_have_text("Leg cramps at night")
    expect(page.locator("main [data-clinical-name]").first).to_have_text(
        "Clinical name: Sleep related leg cramps"
    )
    # The clinical name sits beneath the everyday one.
    assert box(page, "main [data-clinical-name]")["y"] > box(page, "main h1")["y"]
    reach = page.locator("main [data-covering-articles]")
    expect(reach.locator("h2")).to_contain_text("Read about")
    link = reach.get_by_role("link", name=published_article.title)
    expect(link).to_have_attribute("href", published_article.get_absolute_url())
    expect(page.locator("main")).not_to_contain_text("No clinician has written an article")
    fits_sideways(page, size)
    tab.screenshot(f"symptom-pages-covered-{size}")
    no_violations(page, "covered page")

    link.click()
    expect(page.locator("main h1")).to_have_text(published_article.title)
    tab.assert_clean("covered page")


def test_it_says_when_to_get_help_on_a_page_with_red_flags_only(new_tab, chest_pain, size):
    tab = new_tab(**SIZES[size])
    page = tab.visit(chest_pain.get_absolute_url())
    expect(page.locator("main h1")).to_have_text("Chest pain")
    expect(page.locator("main [data-clinical-name]")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("No clinician has written an article")
    flags = page.locator("main [data-guidance-flags]")
    expect(flags.get_by_role("heading", name="When to get help")).to_be_visible()
    cards = flags.locator(".nhsuk-card--care")
    expect(cards.first).to_have_attribute("data-urgency", "emergency")
    expect(cards.first).to_be_visible()
    expect(cards.first).to_contain_text("Call 911 now if:")
    expect(flags.locator(".nhsuk-card--care[data-urgency=urgent]")).to_be_visible()
    fits_sideways(page, size)
    tab.screenshot(f"symptom-pages-red-flags-{size}")
    no_violations(page, "red flags page")
    tab.assert_clean("red flags page")


def test_it_keeps_rare_terms_behind_more_clinical_terms(new_tab, chest_terms, size):
    tab = new_tab(**SIZES[size])
    page = tab.visit(f"/search?q={PLAIN_QUERY.replace(' ', '+')}")
    first = page.locator("main [data-results-first] > li")
    expect(first.first.locator("h3 a")).to_have_text("Chest pain")
    plausible = first.filter(has_text="Pain in the front of the chest wall")
    expect(plausible.locator("[data-clinical-name]")).to_have_text(
        "Clinical name: Anterior chest wall pain"
    )
    expect(first.filter(has_text="Other chest pain")).to_have_count(0)

    more = page.locator("main details[data-more-clinical-terms]")
    rare = more.locator("li").filter(has_text="Chest pain on breathing")
    organising = more.locator("li").filter(has_text="Other chest pain")
    count = more.locator("li.sdb-hit").count()
    assert count >= 2
    expect(more.locator("summary")).to_have_text(f"More clinical terms ({count})")

    # Closed: the rare terms are in the page but not on screen.
    expect(rare).to_be_hidden()
    expect(organising).to_be_hidden()
    fits_sideways(page, size)
    tab.screenshot(f"symptom-pages-results-closed-{size}")
    no_violations(page, "results, more clinical terms closed")

    more.locator("summary").click()
    expect(rare).to_be_visible()
    expect(organising).to_be_visible()
    fits_sideways(page, size)
    tab.screenshot(f"symptom-pages-results-open-{size}")
    no_violations(page, "results, more clinical terms open")

    more.locator("summary").click()
    expect(rare).to_be_hidden()
    tab.assert_clean("results")


def test_the_emergency_banner_leads_and_the_first_result_fits_the_first_screen(
    new_tab, chest_terms, size
):
    tab = new_tab(**SIZES[size])
    page = tab.visit(f"/search?q={EMERGENCY_QUERY.replace(' ', '+')}")
    banner = "main .nhsuk-card--care--emergency"
    first_result = "main [data-results-first] > li"
    expect(page.locator(banner)).to_contain_text("Call 911 now")
    expect(page.locator(first_result).first.locator("h3 a")).to_be_visible()

    tab.screenshot(f"symptom-pages-results-emergency-{size}")
    assert page.evaluate("window.scrollY") == 0
    height = SIZES[size]["viewport"]["height"]
    banner_box, result_box = box(page, banner), box(page, first_result)
    # The banner comes first, then the first result, both whole on the first screen.
    assert banner_box["y"] >= 0
    assert banner_box["y"] + banner_box["height"] <= result_box["y"]
    assert result_box["y"] + result_box["height"] <= height, (
        f"the first result ends at {result_box['y'] + result_box['height']:.0f}px, "
        f"below the first screen ({height}px)"
    )
    fits_sideways(page, size)
    no_violations(page, "emergency results")
    tab.assert_clean("emergency results")
