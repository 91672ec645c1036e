"""The editors' import page (issue 17): upload files, read the report, adjust the symptom
or the author, import all as drafts — or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from symptomdb.articles.models import Article, Status
from symptomdb.people.services import author_get_or_create
from symptomdb.terminology.models import Symptom

pytestmark = pytest.mark.django_db

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
URL = "/admin/articles/article/import/"


@pytest.fixture(autouse=True)
def _words_only(monkeypatch):
    # The report reads the same with or without the model for these pages; keep it light.
    monkeypatch.setenv("SYMPTOMDB_IMPORT_MODEL", "0")


def _upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (LAYOUTS / name).read_bytes())


def _preview(client, *names: str, **extra: str):
    return client.post(URL, {"articles": [_upload(n) for n in names], **extra})


def test_the_article_list_links_to_the_import_page(editor_client):
    page = editor_client.get("/admin/articles/article/")
    assert URL in page.content.decode()
    form = editor_client.get(URL)
    assert form.status_code == 200
    assert 'type="file" name="articles" multiple' in form.content.decode()


def test_the_preview_shows_the_report_and_stores_nothing(editor_client):
    page = _preview(editor_client, "library-muscle-cramps.html", "leaflet-hiccups.md")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-import-file="library-muscle-cramps.html"' in html
    assert 'data-import-file="leaflet-hiccups.md"' in html
    assert "What can trigger a cramp?" in html
    assert "16: dehydration" in html
    assert "page furniture" in html
    assert "no author is named in the page" in html
    assert 'name="payload"' in html
    assert Article.objects.count() == 0


def test_importing_stores_drafts_with_the_chosen_symptom_and_author(editor_client):
    author = author_get_or_create(name="Sam Patel", credentials="MD", slug="sam-patel")
    other = Symptom.objects.create(name="Cramp test symptom", display_name="Cramp", slug="cramp-x")
    preview = _preview(editor_client, "library-muscle-cramps.html")
    payload = preview.context["payload"]
    done = editor_client.post(
        URL,
        {
            "payload": payload,
            "confirm": "import",
            "author": "sam-patel",
            "publisher": "Example Press",
            "symptom-0": other.slug,
        },
    )
    assert done.status_code == 302
    article = Article.objects.get()
    assert article.status == Status.DRAFT
    assert article.author == author
    assert article.symptom == other
    assert "Content supplied by Example Press" in [s.title for s in article.sources.all()]


def test_a_page_without_an_author_is_imported_as_a_draft_without_one(editor_client):
    preview = _preview(editor_client, "library-muscle-cramps.html")
    editor_client.post(URL, {"payload": preview.context["payload"], "confirm": "import"})
    article = Article.objects.get()
    assert article.author is None
    assert article.status == Status.DRAFT


def test_a_file_it_cannot_read_refuses_all_with_its_line(editor_client):
    bad = SimpleUploadedFile("bad.md", b"- a list item where the title should be\n")
    page = editor_client.post(URL, {"articles": [_upload("leaflet-hiccups.md"), bad]})
    assert page.status_code == 400
    html = page.content.decode()
    assert "bad.md, line 1: no title was found" in html
    assert "Nothing was imported." in html
    assert Article.objects.count() == 0


def test_an_unknown_symptom_or_a_tampered_payload_changes_nothing(editor_client):
    preview = _preview(editor_client, "leaflet-hiccups.md")
    payload = preview.context["payload"]
    page = editor_client.post(
        URL, {"payload": payload, "confirm": "import", "symptom-0": "no-such-symptom"}
    )
    assert page.status_code == 400
    assert "There is no symptom “no-such-symptom”" in page.content.decode()
    page = editor_client.post(URL, {"payload": payload[:-3] + "xyz", "confirm": "import"})
    assert page.status_code == 400
    assert "upload them again" in page.content.decode()
    assert Article.objects.count() == 0


def test_an_editor_who_may_not_add_articles_cannot_import(moderator_client):
    assert moderator_client.get(URL).status_code == 403


def test_an_imported_draft_without_an_author_opens_and_previews_in_the_admin(editor_client):
    preview = _preview(editor_client, "library-muscle-cramps.html")
    editor_client.post(URL, {"payload": preview.context["payload"], "confirm": "import"})
    article = Article.objects.get()
    assert editor_client.get("/admin/articles/article/").status_code == 200
    assert editor_client.get(f"/admin/articles/article/{article.pk}/change/").status_code == 200
    assert editor_client.get(f"/admin/articles/article/{article.pk}/preview/").status_code == 200
