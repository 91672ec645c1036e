"""Every kind of Atom answer is valid against the HL7 knowledge-response schema, and
answers can be cached: `updated` and the ETag come from the content version."""

from __future__ import annotations

import pytest

from symptomdb.infobutton.negotiation import Format, negotiate
from symptomdb.infobutton.request import RequestError

pytestmark = pytest.mark.django_db

ICD10CM = "2.16.840.1.113883.6.90"
ATOM = "{http://www.w3.org/2005/Atom}"
XML = "{http://www.w3.org/XML/1998/namespace}"


@pytest.mark.parametrize(
    "params",
    [
        {"mainSearchCriteria.v.c": "R25.2", "mainSearchCriteria.v.cs": ICD10CM},
        {"mainSearchCriteria.v.c": "M62.831", "mainSearchCriteria.v.cs": ICD10CM},
        {"mainSearchCriteria.v.c": "Z99.89", "mainSearchCriteria.v.cs": ICD10CM},
        {"mainSearchCriteria.v.c": "1", "mainSearchCriteria.v.cs": "1.2.3"},
        {"mainSearchCriteria.v.dn": "Hiccups", "informationRecipient": "PROV"},
        {"mainSearchCriteria.v.ot": "hiccups & <cramps>", "informationRecipient": "PAYOR"},
        {
            "mainSearchCriteria.v.c": "R06.6",
            "mainSearchCriteria.v.cs": "http://hl7.org/fhir/sid/icd-10-cm",
            "mainSearchCriteria.v.c1": "HP:0003394",
            "mainSearchCriteria.v.cs1": "http://human-phenotype-ontology.org",
            "informationRecipient.languageCode.c": "es",
            "taskContext.c.c": "PROBLISTREV",
            "patientPerson.administrativeGenderCode.c": "M",
            "performer.languageCode.c": "en",
        },
    ],
)
def test_every_atom_answer_is_valid_against_the_schema(client, content, atom_feed, params):
    feed = atom_feed(client.get("/infobutton", params))
    assert feed.get(f"{XML}lang") == "en"
    for entry in feed.iter(f"{ATOM}entry"):
        assert entry.get(f"{XML}lang") == "en"
        assert entry.find(f"{ATOM}link").get("hreflang") == "en"
        assert entry.find(f"{ATOM}summary").get("type") == "html"


def test_a_posted_answer_is_valid_too(client, content, atom_feed):
    atom_feed(client.post("/infobutton", {"mainSearchCriteria.v.dn": "Hiccups"}))


def test_the_summary_is_html_escaped_in_the_xml(client, content, atom_feed):
    response = client.get(
        "/infobutton", {"mainSearchCriteria.v.c": "R25.2", "mainSearchCriteria.v.cs": ICD10CM}
    )
    assert b'<summary type="html">&lt;p&gt;' in response.content
    feed = atom_feed(response)
    summary = feed.find(f"{ATOM}entry/{ATOM}summary").text
    assert summary == f"<p>{content.article.summary}</p>"


def test_updated_and_the_etag_stay_until_the_content_changes(client, content, atom_feed):
    params = {"mainSearchCriteria.v.c": "R25.2", "mainSearchCriteria.v.cs": ICD10CM}
    first = client.get("/infobutton", params)
    second = client.get("/infobutton", params)
    assert first["ETag"] == second["ETag"]
    assert first["Last-Modified"] == second["Last-Modified"]
    assert atom_feed(first).findtext(f"{ATOM}updated") == atom_feed(second).findtext(
        f"{ATOM}updated"
    )
    assert first["Cache-Control"].startswith("public, max-age=")
    assert "Accept" in first["Vary"]

    revalidated = client.get("/infobutton", params, headers={"If-None-Match": first["ETag"]})
    assert revalidated.status_code == 304
    assert revalidated["ETag"] == first["ETag"]

    content.article.summary = "Rewritten by the editor."
    content.article.save()
    changed = client.get("/infobutton", params, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert b"Rewritten by the editor." in changed.content


def test_each_format_has_its_own_etag(client, content):
    params = {"mainSearchCriteria.v.c": "R25.2", "mainSearchCriteria.v.cs": ICD10CM}
    atom = client.get("/infobutton", params)
    json = client.get("/infobutton", params, headers={"Accept": "application/json"})
    assert atom["ETag"] != json["ETag"]
    not_json = client.get(
        "/infobutton", params, headers={"If-None-Match": atom["ETag"], "Accept": "application/json"}
    )
    assert not_json.status_code == 200


@pytest.mark.parametrize(
    ("response_type", "callback", "accept", "expected"),
    [
        ("", "", "", (Format.ATOM, "text/xml")),
        ("", "", "*/*", (Format.ATOM, "text/xml")),
        ("", "", "image/png", (Format.ATOM, "text/xml")),
        ("", "", "application/json, application/xml;q=0.9", (Format.JSON, "application/json")),
        ("", "", "text/*", (Format.ATOM, "text/xml")),
        (
            "",
            "",
            "text/html,application/xhtml+xml,application/xml;q=0.9",
            (Format.HTML, "text/html"),
        ),
        ("", "", "application/xhtml+xml", (Format.HTML, "text/html")),
        ("", "", "application/json;q=oops, text/xml", (Format.ATOM, "text/xml")),
        ("text/XML", "", "application/json", (Format.ATOM, "text/xml")),
        ("application/xml; charset=utf-8", "", "", (Format.ATOM, "application/xml")),
        ("application/json", "", "text/xml", (Format.JSON, "application/json")),
        ("application/json", "cb", "", (Format.JSONP, "application/javascript")),
        ("text/xml", "cb", "", (Format.ATOM, "text/xml")),
    ],
)
def test_negotiation(response_type, callback, accept, expected):
    chosen = negotiate(response_type=response_type, callback=callback, accept=accept)
    assert (chosen.format, chosen.media_type) == expected


def test_negotiation_refuses_what_it_cannot_send():
    with pytest.raises(RequestError) as error:
        negotiate(response_type="application/pdf", callback="", accept="")
    assert error.value.parameter == "knowledgeResponseType"
