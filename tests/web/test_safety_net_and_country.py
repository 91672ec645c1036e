"""A safety net on every page that answers a reader, the guidance behind a banner, and
the reader's country: chosen at the foot of every page, kept in a cookie, and part of
the cached page's key so one reader's numbers never reach another."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from symptomdb.articles.importer import parse_article
from symptomdb.articles.models import Article
from symptomdb.articles.services import article_import
from symptomdb.terminology.models import Symptom
from symptomdb.triage.locale import numbers_for

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "articles" / "fixtures"
EMERGENCY = "crushing chest pain going down my left arm"
NOTHING = "muscle cramps at night"


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def safety_net(response) -> str:
    found = soup_of(response).select("main [data-safety-net]")
    assert len(found) == 1, "one safety net on the page"
    return found[0].get_text(" ", strip=True)


def in_country(country: str) -> Client:
    client = Client()
    client.cookies["country"] = country
    return client


@pytest.fixture
def leg_cramps():
    parsed = parse_article((FIXTURES / "leg-cramps.txt").read_text(encoding="utf-8"))
    return article_import(parsed=parsed, publish=True).article


# --- the safety net ---------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [NOTHING, "zzqxv wibble", "", EMERGENCY],
    ids=["no level", "no results", "no query", "emergency"],
)
def test_it_shows_the_safety_net_on_every_results_page(reader, query):
    response = reader.get("/search", {"q": query})
    assert numbers_for("US").safety_net in safety_net(response)


def test_it_shows_the_safety_net_even_beside_a_refused_query(reader):
    response = reader.get("/search", {"q": "x" * 1001})
    assert response.status_code == 400
    assert numbers_for("US").safety_net in safety_net(response)


def test_the_safety_net_comes_below_the_banner_and_above_the_results(reader):
    html = reader.get("/search", {"q": EMERGENCY}).content.decode()
    assert html.index("nhsuk-card--care--emergency") < html.index("data-safety-net")
    no_level = reader.get("/search", {"q": NOTHING}).content.decode()
    assert no_level.index("<h1>") < no_level.index("data-safety-net")


def test_the_banner_says_why_with_links_to_the_guidance(reader):
    soup = soup_of(reader.get("/search", {"q": EMERGENCY}))
    why = soup.select_one("main .nhsuk-card--care--emergency details[data-triage-sources]")
    assert why is not None
    assert why.select_one("summary").get_text(strip=True) == "Why we say this"
    links = why.select("a")
    assert links
    for link in links:
        assert link["href"].startswith("https://")
        assert set(link["rel"]) >= {"noopener", "external"}
        assert link.get_text(strip=True)


def test_no_sources_are_shown_without_a_level(reader):
    soup = soup_of(reader.get("/search", {"q": NOTHING}))
    assert soup.select_one("details[data-triage-sources]") is None


def test_it_shows_the_safety_net_on_an_article_near_its_red_flags(reader, leg_cramps):
    response = reader.get(leg_cramps.get_absolute_url())
    assert numbers_for("US").safety_net in safety_net(response)
    html = response.content.decode()
    last_card = html.rindex("nhsuk-card--care")
    assert last_card < html.index("data-safety-net") < html.index('id="causes"')


def test_it_shows_the_safety_net_on_a_symptom_without_an_article(reader, db):
    symptom = Symptom.objects.create(slug="hiccups", name="Hiccups")
    response = reader.get(symptom.get_absolute_url())
    assert numbers_for("US").safety_net in safety_net(response)


def test_it_shows_the_safety_net_when_there_is_no_article_to_comment_on(reader, db):
    symptom = Symptom.objects.create(slug="hiccups", name="Hiccups")
    response = reader.get(f"{symptom.get_absolute_url()}comments")
    assert response.status_code == 404
    assert numbers_for("US").safety_net in safety_net(response)


# --- the reader's country on the pages ----------------------------------------------


@pytest.mark.parametrize(("country", "number"), [("GB", "999"), ("AU", "000"), ("DE", "112")])
def test_the_results_page_gives_the_readers_numbers(country, number):
    response = in_country(country).get("/search", {"q": EMERGENCY})
    assert f"Call {number} now" in response.content.decode()
    assert numbers_for(country).safety_net in safety_net(response)


def test_gb_readers_are_sent_to_nhs_111_with_no_level():
    text = safety_net(in_country("GB").get("/search", {"q": NOTHING}))
    assert "NHS 111" in text and "999" in text
    assert "Your country: United Kingdom" in text


@pytest.mark.parametrize("cookie", ["ZZ", "<script>", "", "GB; other=1"])
def test_a_cookie_naming_no_country_gets_the_sites_numbers(cookie):
    response = in_country(cookie).get("/search", {"q": EMERGENCY})
    assert "Call 911 now" in response.content.decode()


def test_the_site_default_applies_without_a_cookie(reader, settings):
    settings.SYMPTOMDB_LOCALE = "NZ"
    assert "Call 111 now" in reader.get("/search", {"q": EMERGENCY}).content.decode()


def test_the_symptom_page_gives_the_readers_numbers(leg_cramps):
    response = in_country("GB").get(leg_cramps.get_absolute_url())
    html = response.content.decode()
    assert "Call 999 now if:" in html
    assert numbers_for("GB").safety_net in safety_net(response)
    assert "call 999" in soup_of(response).select_one("footer").get_text().lower()


def test_the_cached_page_differs_by_country(published_article):
    """The page cache is keyed by URL: without the country in the key, the first
    reader's numbers would be every later reader's."""
    url = "/search?q=" + EMERGENCY.replace(" ", "+")
    gb, us, au = in_country("GB"), Client(), in_country("AU")
    assert "Call 999 now" in gb.get(url).content.decode()
    assert "Call 911 now" in us.get(url).content.decode()
    assert "Call 000 now" in au.get(url).content.decode()
    assert "Call 999 now" in gb.get(url).content.decode()

    # And each country's rendering is itself kept: a change the cache cannot see stays
    # unseen in the countries already rendered, and is seen in a new one.
    article_url = published_article.get_absolute_url()
    assert "Call 999" in gb.get(article_url).content.decode()
    us.get(article_url)
    Article.objects.filter(pk=published_article.pk).update(title="Changed behind the cache")
    assert "Changed behind the cache" not in gb.get(article_url).content.decode()
    assert "Changed behind the cache" not in us.get(article_url).content.decode()
    nz = in_country("NZ").get(article_url).content.decode()
    assert "Changed behind the cache" in nz


def test_every_page_offers_the_country_choice_without_a_token(reader, published_article):
    for url in ("/", "/search?q=cramp", published_article.get_absolute_url(), "/symptoms/"):
        soup = soup_of(in_country("IE").get(url))
        form = soup.select_one("footer form#country")
        assert form["action"] == "/country"
        assert form["method"] == "post"
        assert form.select_one("input[name=next]")["value"] == url
        assert form.select_one("option[selected]")["value"] == "IE"
        assert {o["value"] for o in form.select("option")} >= {"US", "GB", "IE", "CA", "AU", "NZ"}
        assert form.select_one("label[for=country-choice]") is not None
        assert "csrfmiddlewaretoken" not in str(soup)


# --- choosing a country --------------------------------------------------------------


def test_it_keeps_the_chosen_country_in_a_cookie_and_goes_back(reader):
    response = reader.post("/country", {"country": "GB", "next": "/search?q=chest+pain"})
    assert response.status_code == 302
    assert response["Location"] == "/search?q=chest+pain"
    cookie = response.cookies["country"]
    assert cookie.value == "GB"
    assert cookie["max-age"] == 60 * 60 * 24 * 365
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"]
    assert not cookie["secure"]
    assert "Call 999 now" in reader.get("/search", {"q": EMERGENCY}).content.decode()


def test_the_cookie_is_secure_under_https(reader, settings):
    settings.HTTPS = True
    response = reader.post("/country", {"country": "AU", "next": "/"})
    assert response.cookies["country"]["secure"]


@pytest.mark.parametrize("value", ["gb", "UK", "en-GB"])
def test_it_keeps_the_country_a_locale_names(reader, value):
    response = reader.post("/country", {"country": value, "next": "/"})
    assert response.cookies["country"].value == "GB"


def test_it_refuses_a_country_not_in_the_list(reader):
    response = reader.post("/country", {"country": "ZZ", "next": "/"})
    assert response.status_code == 400
    assert "country" not in response.cookies
    assert "Choose your country from the list." in response.content.decode()


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_it_never_sends_the_reader_to_another_site(reader, next_url):
    response = reader.post("/country", {"country": "GB", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_a_page_on_another_site_cannot_change_the_readers_numbers(reader, headers):
    response = reader.post("/country", {"country": "AU", "next": "/"}, **headers)
    assert response.status_code == 403
    assert "country" not in response.cookies


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://testserver"},
        {},
    ],
)
def test_the_sites_own_form_is_accepted(headers):
    response = Client(enforce_csrf_checks=True).post(
        "/country", {"country": "AU", "next": "/"}, **headers
    )
    assert response.status_code == 302
    assert response.cookies["country"].value == "AU"


def test_the_country_page_offers_the_choice_on_its_own(reader):
    response = in_country("CA").get("/country", {"next": "/symptoms/"})
    assert response.status_code == 200
    soup = soup_of(response)
    forms = soup.select("form[action='/country']")
    assert len(forms) == 1  # not again in the footer
    assert forms[0].select_one("input[name=next]")["value"] == "/symptoms/"
    assert forms[0].select_one("option[selected]")["value"] == "CA"
    assert "911" in soup.select_one("main").get_text()
