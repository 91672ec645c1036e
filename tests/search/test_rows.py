"""The search reads its candidates' rows in SQL (search/rows.py); the pages and the API read
the same facts through the ORM (articles/selectors.symptoms_with_article_flags). Both must
say the same of every symptom: its names, prior, definition, and whether a published article
is about it or covers it — drafts and articles under review count for neither."""

from __future__ import annotations

import pytest

from symptomdb.articles.models import Article, Status
from symptomdb.articles.selectors import symptoms_with_article_flags
from symptomdb.people.models import Author
from symptomdb.search.rows import candidate_rows, codes_of
from symptomdb.terminology.models import CodeSystem, Symptom, SymptomCode

pytestmark = pytest.mark.django_db


@pytest.fixture
def symptoms() -> list[Symptom]:
    """Fixture symptoms: one with a published article, one covered by it, one with only a
    draft, one covered only by an article in review, and one with nothing."""
    made = [
        Symptom.objects.create(
            slug=f"fixture-{i}",
            name=f"Fixture symptom {i}",
            display_name="Everyday fixture" if i == 0 else "",
            prior=i / 10,
            definition=f"Fixture definition {i}." if i % 2 else "",
        )
        for i in range(5)
    ]
    author = Author.objects.create(name="Fixture Author", slug="fixture-author")
    published = Article.objects.create(
        symptom=made[0], author=author, title="Published fixture", status=Status.PUBLISHED
    )
    published.covers.add(made[1])
    Article.objects.create(symptom=made[2], author=author, title="Draft fixture")
    in_review = Article.objects.create(
        symptom=made[4], author=author, title="Review fixture", status=Status.IN_REVIEW
    )
    in_review.covers.add(made[3])
    return made


def test_the_sql_read_says_what_the_pages_orm_read_says(symptoms):
    ids = [s.id for s in symptoms]
    rows = candidate_rows(ids)
    annotated = symptoms_with_article_flags(Symptom.objects.filter(id__in=ids))
    assert len(rows) == len(symptoms)
    for symptom in annotated:
        row = rows[symptom.id]
        assert (row.slug, row.name, row.display_name, row.prior, row.definition) == (
            symptom.slug,
            symptom.name,
            symptom.display_name,
            symptom.prior,
            symptom.definition,
        )
        assert (row.has_article, row.covered) == (
            symptom.has_article,
            symptom.covered_by_article,
        )
    assert [(rows[s.id].has_article, rows[s.id].covered) for s in symptoms] == [
        (True, False),
        (False, True),
        (False, False),
        (False, False),
        (False, False),
    ]


def test_a_symptom_removed_since_the_vectors_were_read_is_absent_not_an_error(symptoms):
    gone = symptoms[2].id
    Article.objects.filter(symptom_id=gone).delete()
    Symptom.objects.filter(id=gone).delete()
    assert set(candidate_rows([s.id for s in symptoms])) == {s.id for s in symptoms} - {gone}
    assert candidate_rows([]) == {}


def test_codes_come_in_the_sites_order_of_systems_then_by_code(symptoms):
    # Made-up codes (fixtures), so that none is taken by a catalogue loaded for other tests.
    first = symptoms[0]
    SymptomCode.objects.create(symptom=first, system=CodeSystem.ICD10CM, code="R99.9X1")
    SymptomCode.objects.create(symptom=first, system=CodeSystem.HPO, code="HP:9900002")
    SymptomCode.objects.create(symptom=first, system=CodeSystem.HPO, code="HP:9900001")
    codes = codes_of([first.id, symptoms[1].id])
    assert [(c.system, c.code) for c in codes[first.id]] == [
        (CodeSystem.HPO, "HP:9900001"),
        (CodeSystem.HPO, "HP:9900002"),
        (CodeSystem.ICD10CM, "R99.9X1"),
    ]
    assert symptoms[1].id not in codes
