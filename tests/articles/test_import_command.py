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
        (b"- a list item where the title should be\n", "title"),
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


LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
LIBRARY = LAYOUTS / "library-muscle-cramps.html"
LEAFLET = LAYOUTS / "leaflet-hiccups.md"


def test_the_dry_run_reports_each_section_its_lines_what_it_skipped_and_warnings():
    out = _run(str(LIBRARY), "--dry-run", "--no-model")
    assert "“Muscle cramps” by no named author — would import as a draft." in out
    assert "line 15: “What can trigger a cramp?” — causes, by words: 6 items" in out
    assert "    + line 16: dehydration" in out
    assert "line 30: “Call 911 if:” — red_flags, by care card: 2 items" in out
    assert "    + line 31: emergency: placeholder emergency sign one" in out
    assert "line 34: “Contact your health care provider if:” — red_flags, by care card" in out
    assert "routine: placeholder routine sign one" in out
    assert "skipped (page furniture): Last updated: 2026-11-01" in out
    assert "warning: line 26: the section “Getting medical help” was not recognised" in out
    assert "warning: no author is named in the page" in out
    assert "  symptom: “muscle cramps” → " in out
    assert Article.objects.count() == 0


def test_the_dry_run_json_carries_the_same_report_beside_the_article():
    data = json.loads(_run(str(LEAFLET), "--dry-run", "--json", "--no-model"))
    assert data["title"] == "Hiccups"
    assert data["author"]["name"] == "Pat Jones"  # from the front matter
    assert {"title": "Content supplied by Example Leaflet Service", "url": ""} in data["sources"]
    assert [c["name"] for c in data["causes"][:3]] == [
        "eating quickly",
        "fizzy drinks",
        "excitement",
    ]
    assert all(c["explanation"] == "" for c in data["causes"][:3])
    assert [a["text"] for a in data["relief"]][2:] == [
        "Don't placeholder thing to avoid one",
        "do not placeholder thing to avoid two",
    ]
    assert [(f["urgency"], f["text"]) for f in data["red_flags"]] == [
        ("urgent", "placeholder urgent sign one"),
        ("urgent", "placeholder urgent sign two"),
        ("emergency", "Call 999 if placeholder emergency sign one."),
    ]
    report = data["report"]
    kinds = {s["heading"]: (s["kind"], len(s["items"])) for s in report["sections"]}
    assert kinds["Why do hiccups happen?"] == ("causes", 5)
    assert kinds["How long hiccups last"] == ("other", 0)
    causes = next(s for s in report["sections"] if s["kind"] == "causes")
    assert causes["items"][0] == {"line": 27, "text": "eating quickly"}
    assert causes["skipped"] == [
        {"line": 29, "text": "Other causes include:", "reason": "introduces the list below"}
    ]
    assert report["symptom"]["name"] == "hiccups"
    assert set(report["symptom"]) == {"name", "match", "alternatives"}
    assert Article.objects.count() == 0


def test_a_page_without_a_named_clinician_is_imported_as_a_draft_without_an_author():
    out = _run(str(LIBRARY), "--no-model")
    assert "imported (draft, no author yet)" in out
    article = Article.objects.get()
    assert article.author is None
    assert article.status == Status.DRAFT
    assert [s.title for s in article.sources.all()] == [
        "Content provided by the Example Health Library."
    ]


def test_publishing_a_page_without_an_author_is_refused_and_nothing_is_imported():
    with pytest.raises(CommandError) as error:
        _run(str(BUNDLED_SEED), str(LIBRARY), "--publish", "--no-model")
    assert "names no author" in str(error.value)
    assert "Nothing was imported" in str(error.value)
    assert Article.objects.count() == 0


def test_author_and_publisher_on_the_command_line():
    from symptomdb.people.services import author_get_or_create

    author = author_get_or_create(name="Sam Patel", credentials="MD", slug="sam-patel")
    _run(str(LIBRARY), "--author", "sam-patel", "--publisher", "Example Press", "--no-model")
    article = Article.objects.get()
    assert article.author == author
    assert "Content supplied by Example Press" in [s.title for s in article.sources.all()]
    with pytest.raises(CommandError, match="no author has the slug “nobody”"):
        _run(str(LEAFLET), "--author", "nobody", "--no-model")
    assert Article.objects.count() == 1


def test_causes_without_explanations_are_stored_and_exported_as_read(tmp_path: Path):
    _run(str(LEAFLET), "--no-model")
    article = Article.objects.get()
    assert [(c.name, c.text) for c in article.causes.all()][:2] == [
        ("eating quickly", ""),
        ("fizzy drinks", ""),
    ]
    assert article.author is not None and article.author.name == "Pat Jones"
