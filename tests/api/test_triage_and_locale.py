"""Every triage answer of the API carries a safety net, its sources, and the numbers
of the reader's country (`locale`), in `GET /api/search` and `GET /api/triage`."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

EMERGENCY = "crushing chest pain going down my left arm"
NOTHING = "muscle cramps at night"


@pytest.mark.parametrize("url", ["/api/search", "/api/triage"])
@pytest.mark.parametrize("text", [EMERGENCY, NOTHING])
def test_it_carries_a_safety_net_with_or_without_a_level(client, url, text):
    body = client.get(url, {"q": text}).json()
    verdict = body["triage"] if url == "/api/search" else body
    assert verdict["safety_net"]
    assert "911" in verdict["safety_net"]  # the site's own locale, US, when none is given
    assert verdict["country"] == "US"
    if text == NOTHING:
        assert verdict["level"] is None
        assert verdict["sources"] == []


def test_the_triage_alone_is_the_searchs_verdict(client):
    search = client.get("/api/search", {"q": EMERGENCY, "locale": "GB"}).json()["triage"]
    alone = client.get("/api/triage", {"q": EMERGENCY, "locale": "GB"}).json()
    assert alone == search
    assert set(alone) == {
        "level",
        "message",
        "matched",
        "safety_net",
        "sources",
        "emergency_number",
        "country",
        "why",
    }


def test_it_names_the_guidance_behind_a_verdict(client):
    verdict = client.get("/api/triage", {"q": EMERGENCY}).json()
    assert verdict["level"] == "emergency"
    assert verdict["sources"]
    for source in verdict["sources"]:
        assert source["title"]
        assert source["url"].startswith("https://")


@pytest.mark.parametrize(
    ("locale", "number", "country"),
    [
        ("GB", "999", "GB"),
        ("en-GB", "999", "GB"),
        ("uk", "999", "GB"),
        ("AU", "000", "AU"),
        ("en_NZ", "111", "NZ"),
        ("IE", "112", "IE"),
        ("DE", "112", "DE"),
        ("ZZ", "112", ""),
        ("", "911", "US"),
    ],
)
@pytest.mark.parametrize("url", ["/api/search", "/api/triage"])
def test_the_numbers_follow_the_readers_locale(client, url, locale, number, country):
    body = client.get(url, {"q": EMERGENCY, "locale": locale}).json()
    verdict = body["triage"] if url == "/api/search" else body
    assert verdict["emergency_number"] == number
    assert verdict["country"] == country
    assert f"Call {number}" in verdict["message"]
    assert number in verdict["safety_net"]


def test_gb_readers_are_sent_to_nhs_111_when_nothing_fired(client):
    verdict = client.get("/api/triage", {"q": NOTHING, "locale": "GB"}).json()
    assert verdict["level"] is None
    assert "NHS 111" in verdict["safety_net"]
    assert "999" in verdict["safety_net"]


def test_the_sites_own_locale_is_the_default(client, settings):
    settings.SYMPTOMDB_LOCALE = "AU"
    verdict = client.get("/api/triage", {"q": NOTHING}).json()
    assert verdict["country"] == "AU"
    assert "000" in verdict["safety_net"]


@pytest.mark.parametrize(
    "locale",
    ["en-GB-x-private-use", "G B", "GB1", "<script>", "GB;DROP", "\x00", "é"],
)
@pytest.mark.parametrize("url", ["/api/search", "/api/triage"])
def test_it_refuses_a_locale_that_is_not_one(client, url, locale):
    response = client.get(url, {"q": NOTHING, "locale": locale})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert error["parameter"] == "locale"
    assert "country code such as GB" in error["message"]


@pytest.mark.parametrize("q", ["", "   ", "x" * 1001, "pain\x07"])
def test_the_triage_refuses_a_query_as_the_search_does(client, q):
    triage = client.get("/api/triage", {"q": q})
    search = client.get("/api/search", {"q": q})
    assert triage.status_code == search.status_code == 400
    assert triage.json()["error"]["message"] == search.json()["error"]["message"]


def test_the_triage_answers_if_none_match_with_304(client):
    first = client.get("/api/triage", {"q": EMERGENCY, "locale": "GB"})
    again = client.get(
        "/api/triage", {"q": EMERGENCY, "locale": "GB"}, HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304
    other = client.get(
        "/api/triage", {"q": EMERGENCY, "locale": "AU"}, HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert other.status_code == 200


def test_the_schema_describes_the_locale_and_the_triage(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/triage" in schema["paths"]
    for path in ("/api/search", "/api/triage"):
        names = [p["name"] for p in schema["paths"][path]["get"]["parameters"]]
        assert "locale" in names
    triage = schema["components"]["schemas"]["TriageOut"]
    assert {"safety_net", "sources"} <= set(triage["required"])
