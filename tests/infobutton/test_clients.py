"""The public clients' ways of reading an answer (clients.py) pass for XML by default,
JSON, JSONP, POST and a browser."""

from __future__ import annotations

import pytest

from tests.infobutton.clients import (
    BROWSER_ACCEPT,
    jsonp_read,
    medlineplus_json_read,
    openinfobutton_read,
)

pytestmark = pytest.mark.django_db

ICD10CM = "2.16.840.1.113883.6.90"
R25_2 = {"mainSearchCriteria.v.c": "R25.2", "mainSearchCriteria.v.cs": ICD10CM}


def _expected(content) -> tuple[str, str]:
    return content.article.title, f"http://testserver/symptoms/{content.symptom.slug}/"


def test_it_answers_xml_by_default(client, content, atom_feed):
    response = client.get("/infobutton", R25_2)
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    atom_feed(response)
    (resource,) = openinfobutton_read(response.content)
    assert (resource.title, resource.url) == _expected(content)
    assert resource.summary == content.article.summary


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/xml", "application/xml"),
        ("text/xml", "text/xml"),
        ("application/atom+xml", "application/atom+xml"),
        ("*/*", "text/xml"),
        ("application/json;q=0.5, application/xml", "application/xml"),
    ],
)
def test_a_client_accepting_xml_gets_the_atom_feed(client, content, atom_feed, accept, media):
    response = client.get("/infobutton", R25_2, headers={"Accept": accept})
    assert response["Content-Type"] == f"{media}; charset=utf-8"
    assert "Accept" in response["Vary"]
    atom_feed(response)
    assert [(r.title, r.url) for r in openinfobutton_read(response.content)] == [_expected(content)]


@pytest.mark.parametrize("response_type", ["text/xml", "text/XML", "application/xml", "TEXT/xml"])
def test_the_guides_spellings_of_xml_are_answered(client, content, atom_feed, response_type):
    response = client.get("/infobutton", {**R25_2, "knowledgeResponseType": response_type})
    atom_feed(response)
    assert len(openinfobutton_read(response.content)) == 1


@pytest.mark.parametrize(
    ("params", "headers"),
    [
        ({"knowledgeResponseType": "application/json"}, {}),
        ({"knowledgeResponseType": "Application/JSON"}, {}),
        ({}, {"Accept": "application/json"}),
        ({}, {"Accept": "application/json, text/javascript, */*; q=0.01"}),  # jQuery's getJSON
    ],
)
def test_medlineplus_json_readers_get_json(client, content, params, headers):
    response = client.get("/infobutton", {**R25_2, **params}, headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    (resource,) = medlineplus_json_read(response.content)
    assert (resource.title, resource.url) == _expected(content)
    assert resource.summary == content.article.summary


@pytest.mark.parametrize(
    "params",
    [
        {"knowledgeResponseType": "application/javascript", "callback": "showResources"},
        {"knowledgeResponseType": "text/javascript", "callback": "app.infobutton.show"},
        {"knowledgeResponseType": "application/json", "callback": "jQuery3710_17"},
        {"callback": "$cb"},
    ],
)
def test_jsonp_pages_get_one_call_of_their_callback(client, content, params):
    response = client.get("/infobutton", {**R25_2, **params})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript; charset=utf-8"
    (resource,) = jsonp_read(response.content, params["callback"])
    assert (resource.title, resource.url) == _expected(content)


@pytest.mark.parametrize(
    "callback",
    ["alert(1)//", "a b", "1abc", "x;y", "</script>", "a" * 65, "a..b", "cb\u2028"],
)
def test_a_callback_that_is_not_a_function_name_is_refused(client, content, callback):
    response = client.get("/infobutton", {**R25_2, "callback": callback})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["parameter"] == "callback"


@pytest.mark.parametrize(
    ("response_type", "read"),
    [
        ("text/xml", openinfobutton_read),
        ("application/json", medlineplus_json_read),
    ],
)
def test_a_posted_form_is_answered_as_a_get(client, content, response_type, read):
    response = client.post("/infobutton", {**R25_2, "knowledgeResponseType": response_type})
    assert response.status_code == 200
    assert [(r.title, r.url) for r in read(response.content)] == [_expected(content)]
    assert response["Cache-Control"] == "no-store"


def test_a_posted_form_may_ask_for_jsonp(client, content):
    response = client.post("/infobutton", {**R25_2, "callback": "show"})
    assert [(r.title, r.url) for r in jsonp_read(response.content, "show")] == [_expected(content)]


def test_a_browser_is_sent_to_the_page(client, content):
    response = client.get("/infobutton", R25_2, headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 302
    assert response["Location"] == _expected(content)[1]
    assert "Accept" in response["Vary"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert content.article.title.encode() in page.content


def test_text_html_asked_by_name_redirects_too(client, content):
    response = client.get("/infobutton", {**R25_2, "knowledgeResponseType": "text/html"})
    assert response.status_code == 302
    assert response["Location"] == _expected(content)[1]


def test_a_browser_with_nothing_found_is_sent_to_the_search(client, content):
    response = client.get(
        "/infobutton",
        {"mainSearchCriteria.v.c": "Z99.89", "mainSearchCriteria.v.cs": ICD10CM},
        headers={"Accept": BROWSER_ACCEPT},
    )
    assert response.status_code == 302
    assert response["Location"] == "http://testserver/search?q=Z99.89"
