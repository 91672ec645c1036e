"""Finding the symptom: the picker searches names, synonyms and codes with the site's
own search and shows the code and everyday name; a new symptom is added only after
the close matches have been shown."""

from __future__ import annotations

import pytest

from symptomdb.articles.selectors import symptom_label
from symptomdb.search.picker import symptoms_for_picker
from symptomdb.terminology.models import Symptom, SymptomCode, Synonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def hiccough(db) -> Symptom:
    """Fixture catalogue rows shaped like the real one: the clinical name, an ICD-10-CM
    code, and the everyday word only as a synonym."""
    symptom = Symptom.objects.create(slug="hiccough", name="Hiccough", prior=0.8)
    SymptomCode.objects.create(symptom=symptom, system="ICD10CM", code="R06.6")
    Synonym.objects.create(symptom=symptom, text="Hiccups", kind="layperson", source="HPO")
    return symptom


def test_an_everyday_word_finds_the_clinical_name(hiccough):
    choices = symptoms_for_picker("hiccups")
    assert choices and choices[0].symptom == hiccough


def test_a_code_finds_its_symptom_first(hiccough):
    assert symptoms_for_picker("r06.6")[0].symptom == hiccough


def test_the_label_shows_the_everyday_name_and_code(hiccough):
    assert symptom_label(hiccough) == "Hiccough (everyday: Hiccups) · ICD-10-CM R06.6"


def test_the_admin_picker_answers_in_select2s_shape(editor_client, hiccough):
    data = editor_client.get("/admin/articles/article/symptom-search/", {"term": "hiccups"}).json()
    assert data["results"][0] == {"id": str(hiccough.pk), "text": symptom_label(hiccough)}
    assert data["pagination"] == {"more": False}


def test_the_picker_is_for_editors_only(reader, hiccough):
    response = reader.get("/admin/articles/article/symptom-search/", {"term": "hiccups"})
    assert response.status_code == 302


def test_the_article_form_has_no_plus_for_a_duplicate(editor_client):
    html = editor_client.get("/admin/articles/article/add/").content.decode()
    assert "/admin/articles/article/symptom-search/" in html
    assert 'id="add_id_symptom"' not in html
    assert "/admin/articles/article/symptom-new/" in html


def test_adding_a_symptom_shows_close_matches_first(editor_client, hiccough):
    url = "/admin/articles/article/symptom-new/"
    asked = editor_client.post(url, {"name": "Hiccups"})
    assert asked.status_code == 400
    assert "Hiccough (everyday: Hiccups)" in asked.content.decode()
    assert not Symptom.objects.filter(name="Hiccups").exists()

    same = editor_client.post(url, {"name": "Hiccups", "none_of_these": "yes"})
    assert same.status_code == 400
    assert "“Hiccups” is already in the catalogue as “Hiccough”" in same.content.decode()

    new = editor_client.post(url, {"name": "Hiccough fixture variant", "none_of_these": "yes"})
    assert new.status_code == 302
    assert Symptom.objects.filter(name="Hiccough fixture variant").exists()


def test_a_symptom_without_close_matches_is_added_at_once(editor_client):
    response = editor_client.post(
        "/admin/articles/article/symptom-new/", {"name": "Fixture zqxj symptom"}
    )
    assert response.status_code == 302
    assert Symptom.objects.filter(name__iexact="Fixture zqxj symptom").exists()


def test_an_author_cannot_add_symptoms(author_client):
    response = author_client.post("/admin/articles/article/symptom-new/", {"name": "Fixture"})
    assert response.status_code == 403


def test_the_catalogues_own_add_page_asks_about_close_matches_first(editor_client):
    response = editor_client.get("/admin/terminology/symptom/add/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/articles/article/symptom-new/"
