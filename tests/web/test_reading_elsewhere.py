"""Trusted reading elsewhere: MedlinePlus Connect's web application, by code, in English
and Spanish, checked against its documented request form
(https://medlineplus.gov/medlineplus-connect/web-application/): base URL
https://connect.medlineplus.gov/application; required `mainSearchCriteria.v.cs` (the code
system's OID: ICD-10-CM 2.16.840.1.113883.6.90, SNOMED CT 2.16.840.1.113883.6.96) and
`mainSearchCriteria.v.c` (one code); optional `mainSearchCriteria.v.dn` (its name) and
`informationRecipient.languageCode.c` (`en` or `es`)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from symptomdb.terminology.models import Symptom, SymptomCode
from symptomdb.web.reading_elsewhere import medlineplus_connect_url, trusted_links

DOCUMENTED_PARAMETERS = {
    "mainSearchCriteria.v.cs",
    "mainSearchCriteria.v.c",
    "mainSearchCriteria.v.dn",
    "informationRecipient.languageCode.c",
}


def _query(url: str) -> dict[str, list[str]]:
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "connect.medlineplus.gov",
        "/application",
    )
    query = parse_qs(parts.query, strict_parsing=True)
    assert set(query) <= DOCUMENTED_PARAMETERS
    assert all(len(values) == 1 for values in query.values()), "one code a request"
    return query


def test_an_icd10cm_link_has_the_documented_form():
    url = medlineplus_connect_url(
        system="ICD10CM", code="R25.2", name="Cramp & spasm", language="es"
    )
    assert _query(url) == {
        "mainSearchCriteria.v.cs": ["2.16.840.1.113883.6.90"],
        "mainSearchCriteria.v.c": ["R25.2"],
        "mainSearchCriteria.v.dn": ["Cramp & spasm"],
        "informationRecipient.languageCode.c": ["es"],
    }


def test_a_snomed_code_is_used_when_there_is_no_icd10cm_code():
    codes = [
        SymptomCode(system="HPO", code="HP:0003394"),
        SymptomCode(system="SNOMEDCT", code="55300003"),
    ]
    links = trusted_links(codes, name="Muscle spasm")
    assert [link.language for link in links] == ["en", "es"]
    assert _query(links[0].url)["mainSearchCriteria.v.cs"] == ["2.16.840.1.113883.6.96"]
    assert links[1].code_label == "SNOMED CT 55300003"


def test_the_general_icd10cm_code_is_chosen():
    codes = [SymptomCode(system="ICD10CM", code="R51.9"), SymptomCode(system="ICD10CM", code="R51")]
    links = trusted_links(codes, name="Headache")
    assert _query(links[0].url)["mainSearchCriteria.v.c"] == ["R51"]
    assert not any(link.is_search for link in links)


def test_an_hpo_only_symptom_gets_searches_for_its_everyday_name():
    links = trusted_links(
        [SymptomCode(system="HPO", code="HP:0000975")],
        name="Hyperhidrosis",
        everyday_name="Excessive sweating",
    )
    assert [link.title for link in links] == ["Search MedlinePlus", "Search the NHS website"]
    assert all(link.is_search and link.code_label == "" for link in links)
    medlineplus, nhs = (urlsplit(link.url) for link in links)
    assert medlineplus.netloc == "vsearch.nlm.nih.gov"
    assert parse_qs(medlineplus.query) == {
        "v:project": ["medlineplus"],
        "query": ["Excessive sweating"],
    }
    assert (nhs.netloc, nhs.path) == ("www.nhs.uk", "/search/results")
    assert parse_qs(nhs.query) == {"q": ["Excessive sweating"]}


@pytest.mark.django_db
def test_a_page_without_codes_says_its_links_are_searches(reader):
    Symptom.objects.create(
        slug="sweating-a-lot", name="Hyperhidrosis", display_name="Sweating a lot"
    )
    soup = BeautifulSoup(reader.get("/symptoms/sweating-a-lot/").content, "html.parser")
    section = soup.select_one("[data-trusted-links]")
    assert section is not None
    searches = section.select("a[data-search-link]")
    assert len(searches) == 2
    assert all("Sweating a lot" in a.get_text() for a in searches)
    assert "search two public health websites" in section.get_text()


@pytest.mark.django_db
def test_the_page_links_out_marked_as_leaving_the_site(reader):
    symptom = Symptom.objects.create(slug="hiccups", name="Hiccough", display_name="Hiccups")
    SymptomCode.objects.create(symptom=symptom, system="ICD10CM", code="R06.6")
    soup = BeautifulSoup(reader.get("/symptoms/hiccups/").content, "html.parser")
    section = soup.select_one("[data-trusted-links]")
    assert section is not None
    links = section.select("a")
    assert [a["hreflang"] for a in links] == ["en", "es"]
    for a in links:
        _query(a["href"])
        assert "external" in a["rel"]
        assert "leaves this site" in a.get_text()
    assert "R06.6" in section.get_text()
