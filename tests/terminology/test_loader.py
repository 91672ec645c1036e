"""The catalogue as loaded into the database (slow: loads it once for the package)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from symptomdb.articles.models import Article
from symptomdb.terminology.loader import catalogue_load
from symptomdb.terminology.models import CatalogueRelease, Symptom, SymptomCode, Synonym
from symptomdb.terminology.prior import concept_prior
from symptomdb.terminology.selectors import catalogue_release

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _catalogue(catalogue):
    return catalogue


def spasm() -> Symptom:
    return Symptom.objects.get(codes__system="HPO", codes__code="HP:0003394")


def test_it_loads_every_phenotypic_abnormality_and_the_symptom_codes():
    assert SymptomCode.objects.filter(system="HPO").count() >= 15_000
    icd = set(SymptomCode.objects.filter(system="ICD10CM").values_list("code", flat=True))
    assert {"R00.0", "R05.9", "R25.2", "R51.9", "R99"} <= icd
    assert sum(code.startswith("R") for code in icd) > 700


def test_muscle_spasm_has_its_codes_synonyms_and_parent():
    symptom = spasm()
    assert symptom.slug == "muscle-spasm"
    codes = set(symptom.codes.values_list("system", "code"))
    assert {
        ("ICD10CM", "R25.2"),
        ("ICD10CM", "M62.83"),
        ("ICD10CM", "M62.831"),
        ("SNOMEDCT", "55300003"),
        ("UMLS", "C0026821"),
    } <= codes
    charley = Synonym.objects.get(symptom=symptom, text="Charley-horse")
    assert (charley.kind, charley.source) == ("inclusion", "ICD10CM")
    cramps = Synonym.objects.get(symptom=symptom, text="Muscle cramps")
    assert (cramps.kind, cramps.scope, cramps.source) == ("plural", "EXACT", "HPO")
    assert symptom.broader.filter(codes__code="HP:0011804").exists()
    assert symptom.prior > 0.5


def test_it_records_the_release():
    release = catalogue_release()
    assert release is not None
    assert release.hpo_version.startswith("hp/releases/")
    assert release.hpo_release == release.hpo_version.rsplit("/", 1)[1]


def test_the_article_imported_first_is_merged_into_the_catalogue():
    article = Article.objects.get(title__icontains="muscle spasm")
    assert article.symptom_id == spasm().id
    assert not Symptom.objects.filter(name__iexact="Muscle spasms").exists()


def test_the_prior_holds_only_facts_about_the_concept(concept_of):
    # Muscle spasm has the bundled article, yet its prior is the concept's own: whether an
    # article is published is read live by the search (tests/search/test_live_articles.py).
    assert Article.objects.published().filter(symptom=spasm()).exists()
    assert spasm().prior == concept_prior(concept_of("HPO", "HP:0003394"))


def test_a_second_load_changes_nothing_and_writes_nothing():
    # "Quick" is measured by benchmarks, never timed here: a second load of the same release
    # must skip the work, which shows as not one write to the database.
    counts = (Symptom.objects.count(), SymptomCode.objects.count(), Synonym.objects.count())
    with CaptureQueriesContext(connection) as queries:
        assert catalogue_load(say=lambda _: None, progress=False) is False
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert (Symptom.objects.count(), SymptomCode.objects.count(), Synonym.objects.count()) == counts
    assert CatalogueRelease.objects.count() == 1


def test_every_concept_has_its_page(client):
    response = client.get("/symptoms/muscle-spasm/")
    assert response.status_code == 200
    assert "R25.2" in response.content.decode()
