from __future__ import annotations

import dataclasses
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from symptomdb.articles.importer import Source, parse_article
from symptomdb.articles.models import Article, Status
from symptomdb.articles.services import article_import
from tests.conftest import BUNDLED_SEED

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("import", *args, stdout=out)
    return out.getvalue()


def test_dry_run_json_prints_the_parsed_article_and_writes_nothing():
    data = json.loads(_run(str(BUNDLED_SEED), "--dry-run", "--json"))
    assert data["title"] == "What causes muscle spasms and how to treat them effectively?"
    assert data["symptom"] == "muscle spasms"
    assert len(data["causes"]) == 5
    assert [r["name"] for r in data["relief"]] == [
        "Stretching and Massage",
        "Heat or Cold Therapy",
        "Hydration and Electrolyte Balance",
        "Over-the-Counter Medications",
    ]
    assert len(data["prevention"]) == 3
    assert len(data["professional_treatment"]) == 1
    assert data["author"] == {
        "name": "Haroon Rashid",
        "credentials": "MD",
        "affiliation": "Urgent Care Center of Arlington",
        "location": "Arlington, VA",
    }
    assert Article.objects.count() == 0


def test_import_stores_a_draft_and_publish_publishes():
    _run(str(BUNDLED_SEED))
    assert Article.objects.get().status == Status.DRAFT
    _run(str(BUNDLED_SEED), "--publish")
    assert Article.objects.get().status == Status.PUBLISHED


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"A title\n\nSome intro text that goes on.\n\nJane Doe, MD\n", "causes"),
    ],
)
def test_a_file_it_cannot_read_is_refused_and_nothing_changes(tmp_path: Path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(CommandError) as error:
        _run(str(BUNDLED_SEED), str(bad))
    message = str(error.value)
    assert "bad.txt" in message
    assert "line" in message
    assert reason in message.lower()
    assert "Nothing was imported" in message
    assert Article.objects.count() == 0


def test_a_missing_file_is_named():
    with pytest.raises(CommandError, match=r"no-such\.txt: no such file"):
        _run("no-such.txt")


def test_a_source_that_is_not_a_web_address_is_refused():
    parsed = parse_article(BUNDLED_SEED.read_text(encoding="utf-8"))
    bad = dataclasses.replace(parsed, sources=[Source("Evil", "javascript:alert(1)")])
    with pytest.raises(ValidationError, match="not a web address"):
        article_import(parsed=bad)
    assert Article.objects.count() == 0
