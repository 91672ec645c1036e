"""A symptom's everyday name: HPO's exact layperson synonym, or its ICD-10-CM title without
the classification's wording; and "Also called" without other conditions."""

from __future__ import annotations

import pytest

from symptomdb.terminology.display import display_name_choose, icd_title_reworded
from symptomdb.terminology.models import Symptom, Synonym
from symptomdb.terminology.selectors import symptom_names, symptoms_starting_with


def lay(text: str, scope: str = "EXACT") -> tuple[str, str, str]:
    return (text, "layperson", scope)


@pytest.mark.parametrize(
    ("name", "synonyms", "expected"),
    [
        ("Mastalgia", [lay("Painful breast"), lay("Breast pain")], "Breast pain"),
        ("Vomiting", [lay("Throwing up"), lay("Vomiting")], "Vomiting"),
        ("Anosmia", [lay("smell loss")], "Smell loss"),
        # Not the same thing: a narrower or related lay term is no name for the symptom.
        ("Intra-oral hyperpigmentation", [lay("Dark color of gums", "NARROW")], ""),
        ("Pruritus", [("Itch", "exact", "EXACT")], ""),
    ],
)
def test_it_chooses_the_exact_layperson_synonym(name, synonyms, expected):
    assert display_name_choose(name, synonyms) == (expected or name)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Pain in thigh", "Thigh pain"),
        ("Nausea with vomiting, unspecified", "Nausea with vomiting"),
        ("Sleepwalking [somnambulism]", "Sleepwalking"),
        ("Abnormal weight loss NOS", "Abnormal weight loss"),
        ("Malaise, not elsewhere classified", "Malaise"),
        ("Pain in other specified joint", "Pain in other specified joint"),
        ("Other specified symptoms", "Other specified symptoms"),
    ],
)
def test_it_rewords_an_icd_title_only_where_it_is_classification_wording(title, expected):
    assert icd_title_reworded(title) == expected


def test_an_icd_only_symptom_is_reworded_and_an_hpo_one_keeps_its_name():
    assert display_name_choose("Pain in thigh", [], icd_only=True) == "Thigh pain"
    assert display_name_choose("Pain in thigh", []) == "Pain in thigh"


@pytest.mark.django_db
def test_also_called_keeps_real_synonyms_and_sets_other_conditions_apart():
    # FIXTURE rows in the shape the loader stores for R51.9 under HPO's headache.
    headache = Symptom.objects.create(slug="headache", name="Headache", display_name="Headache")
    for text, kind in [
        ("Headaches", "layperson"),
        ("Cephalgia", "exact"),
        ("Facial pain NOS", "inclusion"),
        ("Headache syndrome NOS", "inclusion"),
    ]:
        Synonym.objects.create(symptom=headache, text=text, kind=kind, source="HPO")
    names = symptom_names(headache)
    assert [s["text"] for s in names.also_called] == [
        "Cephalgia",
        "Headache syndrome NOS",
        "Headaches",
    ]
    assert names.filed_here == ["Facial pain NOS"]


@pytest.mark.django_db
def test_an_inclusion_term_that_is_another_symptom_is_set_apart():
    confusion = Symptom.objects.create(slug="confusion", name="Confusion")
    Symptom.objects.create(slug="delirium", name="Delirium")
    Synonym.objects.create(
        symptom=confusion, text="Confusion delirium NOS", kind="inclusion", source="ICD10CM"
    )
    Synonym.objects.create(symptom=confusion, text="Delirium", kind="inclusion", source="ICD10CM")
    names = symptom_names(confusion)
    assert "Delirium" in names.filed_here


@pytest.mark.django_db
def test_a_synonym_of_any_kind_that_is_another_symptoms_name_is_not_shown_as_a_name():
    # FIXTURE: an ICD-10-CM title merged into an HPO term as an exact synonym, and also the
    # name of a symptom of its own.
    stones = Symptom.objects.create(slug="kidney-gravel", name="Kidney gravel")
    Symptom.objects.create(slug="other-urine-findings", name="Other findings in urine")
    Synonym.objects.create(
        symptom=stones, text="Other findings in urine", kind="exact", source="ICD10CM"
    )
    Synonym.objects.create(symptom=stones, text="Renal gravel", kind="exact", source="HPO")
    names = symptom_names(stones)
    assert [s["text"] for s in names.also_called] == ["Renal gravel"]
    assert names.filed_here == ["Other findings in urine"]


@pytest.mark.django_db
def test_the_a_to_z_goes_by_the_everyday_name():
    Symptom.objects.create(slug="mastalgia", name="Mastalgia", display_name="Breast pain")
    Symptom.objects.create(slug="back-pain", name="Back pain", display_name="Back pain")
    Symptom.objects.create(slug="muscle-spasm", name="Muscle spasm")
    assert [s.slug for s in symptoms_starting_with("B")] == ["back-pain", "mastalgia"]
    assert [s.slug for s in symptoms_starting_with("m")] == ["muscle-spasm"]
