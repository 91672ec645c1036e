from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_it_links_the_article_from_the_home_page(reader, published_article):
    response = reader.get("/")
    assert response.status_code == 200
    assert f'href="{published_article.get_absolute_url()}"' in response.content.decode()


def test_it_renders_every_part_of_the_seed_article(reader, published_article):
    html = reader.get(published_article.get_absolute_url()).content.decode()
    assert "What causes muscle spasms and how to treat them effectively?" in html
    for cause in (
        "Dehydration",
        "Overuse or Fatigue",
        "Nutritional Deficiencies",
        "Inadequate Stretching",
        "Medical Conditions",
    ):
        assert f"<strong>{cause}:</strong>" in html
    for heading in (
        "Stretching and Massage",
        "Heat or Cold Therapy",
        "Hydration and Electrolyte Balance",
        "Over-the-Counter Medications",
        "Regular Exercise and Stretching",
        "Proper Posture and Ergonomics",
        "Stress Management",
    ):
        assert f"<h3>{heading}</h3>" in html
    assert "Physical therapy, chiropractic care, or massage therapy" in html
    assert "Muscle spasms can be a painful and disruptive experience" in html
    assert "Haroon Rashid, MD" in html
    assert "Urgent Care Center of Arlington" in html
    assert "Arlington, VA" in html
    assert "Last reviewed" in html
    assert ">Rate author</a>" in html
    assert ">Add a comment</a>" in html
    assert published_article.disclaimer in html


def test_it_shows_the_author_page_with_rating_and_articles(reader, published_article):
    html = reader.get(published_article.author.get_absolute_url()).content.decode()
    assert "Haroon Rashid, MD" in html
    assert published_article.title in html
    assert "not rated yet" in html


def test_it_answers_404_for_an_unknown_symptom(reader, db):
    assert reader.get("/symptoms/no-such-thing/").status_code == 404


def test_it_lists_symptoms_a_to_z(reader, published_article):
    html = reader.get("/symptoms/?letter=M").content.decode()
    assert published_article.symptom.name in html


def test_it_finds_the_article_by_name(reader, published_article):
    html = reader.get("/search", {"q": "muscle spasm"}).content.decode()
    assert f'href="/symptoms/{published_article.symptom.slug}/"' in html


def test_it_refuses_an_overlong_search_with_a_clear_error(reader, db):
    response = reader.get("/search", {"q": "x" * 1001})
    assert response.status_code == 400
    assert "under 1,000" in response.content.decode()


def test_it_reports_health(reader, db):
    response = reader.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_pages_have_landmarks_and_labels(reader, published_article):
    html = reader.get(published_article.get_absolute_url()).content.decode()
    assert '<main class="nhsuk-main-wrapper" id="maincontent"' in html
    assert 'role="banner"' in html and 'role="contentinfo"' in html
    assert 'lang="en"' in html
    form = reader.get(f"{published_article.get_absolute_url()}comments").content.decode()
    assert '<label class="nhsuk-label" for="id_body">' in form


def test_a_symptom_page_credits_wordnet_where_it_shows_a_wordnet_name(reader, db):
    from symptomdb.terminology.models import Symptom, Synonym, SynonymSource

    myalgia = Symptom.objects.create(slug="myalgia", name="Myalgia")
    Symptom.objects.create(slug="cramp", name="Cramp")  # no WordNet name: no notice
    Synonym.objects.create(
        symptom=myalgia,
        text="myodynia",
        kind="exact",
        source=SynonymSource.WORDNET,
        scope="RELATED",
    )
    page = reader.get("/symptoms/myalgia/").content.decode()
    assert "myodynia" in page
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in page
    assert "Princeton" not in reader.get("/symptoms/cramp/").content.decode()
