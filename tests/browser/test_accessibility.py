"""Accessibility with axe-core in a real browser: no serious or critical violation on
the readers' main pages. Every page is also kept as a screenshot, desktop and phone,
under test-artifacts/screenshots/, and axe's full findings under test-artifacts/axe/.

axe is evaluated through the DevTools protocol, which the page's strict
Content-Security-Policy does not govern, so the policy stays on while it runs."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import ARTIFACTS, AXE

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
PHONE = {"width": 375, "height": 812}


def pages(article) -> dict[str, str]:
    return {
        "home": "/",
        "results": "/search?q=muscle+spasms",
        "symptom": article.get_absolute_url(),
        "author": article.author.get_absolute_url(),
        "rate author": f"{article.author.get_absolute_url()}rate",
        "add a comment": f"{article.get_absolute_url()}comments",
    }


def axe_run(page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def summary(violations: list[dict]) -> list[str]:
    return [
        f"{v['impact']}: {v['id']} ({len(v['nodes'])}×) {v['help']} "
        f"— e.g. {v['nodes'][0]['target']}"
        for v in violations
    ]


def axe_kept_and_clean(name: str, violations: list[dict]) -> None:
    """Keep axe's findings under test-artifacts/axe/ and fail on a serious or critical one
    (every browser test that runs axe reports this way)."""
    (ARTIFACTS / "axe").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe" / f"{name}.json").write_text(json.dumps(violations, indent=2))
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], f"{name}:\n" + "\n".join(summary(blocking))


@pytest.fixture(scope="module", autouse=True)
def _axe_installed() -> None:
    assert AXE.exists(), f"{AXE} is missing: run `make browser` (part of `make test`)."


@pytest.mark.parametrize(
    "name", ["home", "results", "symptom", "author", "rate author", "add a comment"]
)
def test_axe_finds_no_serious_violation(new_tab, published_article, name):
    path = pages(published_article)[name]
    tab = new_tab()
    page = tab.visit(path)
    tab.screenshot(name)
    axe_kept_and_clean(name, axe_run(page))
    tab.assert_clean(name)


@pytest.mark.parametrize("name", ["home", "results", "symptom", "author"])
def test_it_keeps_a_phone_screenshot(new_tab, published_article, name):
    tab = new_tab(viewport=PHONE, is_mobile=True, has_touch=True)
    tab.visit(pages(published_article)[name])
    # Nothing wider than the phone: no sideways scrolling on a small screen.
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert tab.screenshot(f"{name}-phone").stat().st_size > 0
