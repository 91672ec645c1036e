"""`symptomdb export` and its way back in through `symptomdb import`."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from symptomdb.articles.exchange import FORMAT, ExportError, export_all, import_export
from symptomdb.articles.models import Article, Status
from symptomdb.articles.services import article_import, article_submit_for_review
from symptomdb.community.models import Comment, CommentStatus
from symptomdb.people.models import Author
from symptomdb.terminology.models import Symptom
from tests.api.content import make_content
from tests.conftest import REPO

pytestmark = pytest.mark.django_db

FIXTURES = REPO / "tests/articles/fixtures"


def _run(command: str, *args: str) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def _empty_database() -> None:
    Comment.objects.all().delete()
    Article.objects.all().delete()
    Author.objects.all().delete()
    Symptom.objects.all().delete()


@pytest.fixture
def editors_work(db):
    """A published, reviewed article with comments, a draft and one in review."""
    from symptomdb.articles.importer import parse_article

    content = make_content()
    Author.objects.filter(slug="haroon-rashid").update(bio="Urgent-care physician in Virginia.")
    article_import(parsed=parse_article((FIXTURES / "hiccups.txt").read_text()))
    in_review = article_import(
        parsed=parse_article((FIXTURES / "eye-strain.md").read_text())
    ).article
    article_submit_for_review(article=in_review)
    return content


def test_it_exports_a_versioned_json_of_everything_editors_wrote(editors_work):
    data = export_all()
    assert data["format"] == FORMAT and data["version"] == 1
    authors = {a["slug"]: a for a in data["authors"]}
    assert authors["haroon-rashid"]["bio"] == "Urgent-care physician in Virginia."
    assert authors["ada-okafor"]["credentials"] == "DO"
    by_title = {a["title"]: a for a in data["articles"]}
    seed = by_title[editors_work.article.title]
    assert seed["status"] == "published"
    assert seed["published_on"] == "2024-05-02"
    assert seed["last_reviewed_on"] == "2025-03-01"
    assert seed["next_review_on"] == "2026-03-01"
    assert seed["reviewer_slug"] == "ada-okafor"
    assert seed["author"]["name"] == "Haroon Rashid"  # the parsed-article JSON
    assert len(seed["causes"]) == 5
    # Approved comments only: "Waiting for an editor." is still pending.
    assert [c["body"] for c in seed["comments"]] == ["The stretches helped."]
    assert sorted(a["status"] for a in data["articles"]) == ["draft", "in_review", "published"]


def test_red_flags_keep_their_urgency(editors_work):
    from symptomdb.articles.models import RedFlag

    RedFlag.objects.create(
        article=editors_work.article, position=0, text="Spasms with a fever", urgency="urgent"
    )
    (seed,) = [a for a in export_all()["articles"] if a["title"] == editors_work.article.title]
    assert seed["red_flags"] == [{"text": "Spasms with a fever", "urgency": "urgent"}]


def test_an_export_imported_into_an_empty_database_exports_the_same(editors_work, tmp_path):
    dest = tmp_path / "export.json"
    _run("export", "--format", "json", str(dest))
    before = json.loads(dest.read_text(encoding="utf-8"))
    _empty_database()

    out = _run("import", str(dest))
    assert "3 articles were imported" in out

    after = export_all()
    assert after == before
    seed = Article.objects.get(title=editors_work.article.title)
    assert seed.status == Status.PUBLISHED
    assert seed.reviewer is not None and seed.reviewer.slug == "ada-okafor"
    assert Comment.objects.get().status == CommentStatus.APPROVED


def test_importing_an_export_twice_changes_nothing(editors_work):
    data = export_all()
    import_export(data)
    assert export_all() == data
    assert Comment.objects.filter(status=CommentStatus.APPROVED).count() == 1


def test_a_bad_export_changes_nothing_and_says_where(editors_work, tmp_path):
    data = export_all()
    data["articles"][1]["red_flags"] = [{"text": "x", "urgency": "whenever"}]
    data["articles"][1]["title"] = "A new title that would be a new article"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    count = Article.objects.count()
    with pytest.raises(CommandError, match=r"articles\[1\].*urgency.*Nothing was imported"):
        _run("import", str(path))
    assert Article.objects.count() == count


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": "something-else"}, "not a symptomdb-export file"),
        ({"format": FORMAT, "version": 2}, "version 2"),
        ({"format": FORMAT, "version": 1, "authors": [{"slug": "x"}]}, "authors[0]"),
    ],
)
def test_it_refuses_what_it_cannot_read(db, data, message):
    with pytest.raises(ExportError) as error:
        import_export(data)
    assert message in str(error.value)


def test_a_dry_run_of_an_export_writes_nothing(editors_work, tmp_path):
    dest = tmp_path / "export.json"
    _run("export", str(dest))
    _empty_database()
    assert "would be imported" in _run("import", str(dest), "--dry-run")
    assert Article.objects.count() == 0


def test_markdown_export_writes_one_file_per_article_that_imports_back(editors_work, tmp_path):
    folder = tmp_path / "md"
    _run("export", "--format", "markdown", str(folder))
    files = sorted(folder.glob("*.md"))
    assert len(files) == 3
    seed_file = folder / "what-causes-muscle-spasms-and-how-to-treat-them-effectively.md"
    text = seed_file.read_text(encoding="utf-8")
    assert text.startswith("# What causes muscle spasms")
    parsed_before = {a["title"]: a for a in _parsed(export_all())}
    _empty_database()

    _run("import", *map(str, files))
    assert {a["title"]: a for a in _parsed(export_all())} == parsed_before


def _parsed(data: dict) -> list[dict]:
    """The parsed-article part of each exported article: what Markdown carries."""
    keep = [
        "title",
        "summary",
        "causes",
        "relief",
        "prevention",
        "professional_treatment",
        "red_flags",
        "conclusion",
        "disclaimer",
        "sources",
        "author",
        "symptom",
    ]
    return [{k: a[k] for k in keep} for a in data["articles"]]


def test_export_to_stdout(editors_work):
    assert json.loads(_run("export", "-"))["format"] == FORMAT


def test_an_export_goes_in_alone_and_without_publish(editors_work, tmp_path: Path):
    dest = tmp_path / "export.json"
    _run("export", str(dest))
    with pytest.raises(CommandError, match="on its own"):
        _run("import", str(dest), str(FIXTURES / "hiccups.txt"))
    with pytest.raises(CommandError, match="leave out --publish"):
        _run("import", str(dest), "--publish")
