from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.api.content import Content, make_content

FIXTURES = Path(__file__).parent / "fixtures"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def content(db) -> Content:
    return make_content()


@pytest.fixture(scope="session")
def knowledge_response_schema() -> etree.XMLSchema:
    """The HL7 knowledge-response schema (fixtures/README.md), read from disk only."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(FIXTURES / "KnowledgeResponse.xsd"), parser))


@pytest.fixture
def atom_feed(knowledge_response_schema):
    """Every Atom answer in these tests goes through here: valid against the schema,
    with a type on every text (the guide's schema requires one), or the test fails."""

    def parse(response) -> etree._Element:
        assert response.status_code == 200, response.content
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        feed = etree.fromstring(response.content, parser)
        if not knowledge_response_schema.validate(feed):
            raise AssertionError(str(knowledge_response_schema.error_log))
        for tag in ("title", "subtitle", "summary"):
            for element in feed.iter(f"{ATOM}{tag}"):
                assert element.get("type") in ("text", "html"), etree.tostring(element)
        return feed

    return parse
