"""Emergencies first, everywhere: an article's red flags as care cards near the
top, and one triage verdict for the same text on the results page, in the API
and on the command line."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from symptomdb.articles.importer import parse_article
from symptomdb.articles.services import article_import

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "articles" / "fixtures"


@pytest.fixture
def leg_cramps():
    parsed = parse_article((FIXTURES / "leg-cramps.txt").read_text(encoding="utf-8"))
    return article_import(parsed=parsed, publish=True).article


def test_red_flags_show_as_care_cards_most_urgent_first(reader, leg_cramps):
    html = reader.get(leg_cramps.get_absolute_url()).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    cards = soup.select(".nhsuk-card--care")
    assert [c["data-urgency"] for c in cards] == ["emergency", "urgent", "routine"]
    assert "nhsuk-card--care--emergency" in cards[0]["class"]
    assert "Call 911 now if:" in cards[0].get_text()
    assert "numbness in the leg" in cards[0].get_text()
    assert "nhsuk-card--care--non-urgent" in cards[2]["class"]
    # Near the top: before the causes.
    assert html.index("nhsuk-card--care") < html.index('id="causes"')


def test_an_editor_adds_a_red_flag_in_the_admin(editor_client, published_article):
    url = f"/admin/articles/article/{published_article.pk}/change/"
    page = editor_client.get(url).content.decode()
    assert 'name="red_flags-TOTAL_FORMS"' in page
    assert 'name="red_flags-__prefix__-urgency"' in page


TEXTS = [
    "crushing chest pain going down my left arm",
    "my baby is floppy and won't wake up",
    "no chest pain, just a mild headache after a long day",
    "muscle cramps at night",
]


def _banner_level(html: str) -> str | None:
    soup = BeautifulSoup(html, "html.parser")
    for level, css in (
        ("emergency", "nhsuk-card--care--emergency"),
        ("urgent", "nhsuk-card--care--urgent"),
        ("routine", "nhsuk-card--care--non-urgent"),
    ):
        if soup.select_one(f"main .{css}"):
            return level
    return None


@pytest.mark.parametrize("text", TEXTS)
def test_the_banner_the_api_and_the_cli_agree(reader, text):
    page = reader.get("/search", {"q": text}).content.decode()
    api = reader.get("/api/search", {"q": text}).json()["triage"]
    out = StringIO()
    call_command("triage", text, "--json", stdout=out)
    cli = json.loads(out.getvalue())
    assert api["level"] == cli["level"]
    assert api["matched"] == cli["matched"]
    shown = _banner_level(page)
    assert shown == (api["level"] if api["level"] in {"emergency", "urgent", "routine"} else None)
    if api["level"] == "emergency":
        assert page.index("nhsuk-card--care--emergency") < page.index("<h1>")


def test_an_emergency_is_recognised_in_all_three(reader):
    text = TEXTS[0]
    assert reader.get("/api/search", {"q": text}).json()["triage"]["level"] == "emergency"
    assert "Call 911 now" in reader.get("/search", {"q": text}).content.decode()
