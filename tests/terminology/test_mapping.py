from __future__ import annotations

from collections import Counter

import pytest

from symptomdb.terminology.mapping import SynonymRow, concepts_build
from symptomdb.terminology.models import CodeSystem, SynonymKind
from symptomdb.terminology.prior import concept_prior


def test_muscle_spasm_carries_its_hpo_icd_and_snomed_codes(concept_of):
    spasm = concept_of("HPO", "HP:0003394")
    assert spasm.name == "Muscle spasm"
    assert spasm.slug == "muscle-spasm"
    assert {
        ("ICD10CM", "R25.2"),
        ("ICD10CM", "M62.83"),
        ("ICD10CM", "M62.830"),
        ("ICD10CM", "M62.831"),
        ("ICD10CM", "M62.838"),
        ("SNOMEDCT", "55300003"),
    } <= {c.pair for c in spasm.codes}
    assert SynonymRow("Charley-horse", SynonymKind.INCLUSION, CodeSystem.ICD10CM) in spasm.synonyms


def test_icd_codes_join_hpo_terms_by_name(concept_of):
    # "Pain in right elbow" is HPO's "Elbow pain"; "Headache, unspecified" is "Headache".
    assert concept_of("ICD10CM", "M25.521").key == "HP:0030835"
    assert concept_of("ICD10CM", "R51.9").key == "HP:0002315"
    # A side variant without a match of its own goes with its parent.
    assert concept_of("ICD10CM", "H04.121").key == concept_of("ICD10CM", "H04.12").key


def test_a_code_without_an_hpo_term_is_a_symptom_of_its_own(concept_of):
    thigh = concept_of("ICD10CM", "M79.65")
    assert thigh.key == "ICD10CM:M79.65"
    assert thigh.name == "Pain in thigh"


def test_every_code_and_slug_belongs_to_one_symptom(concepts):
    codes = Counter(code.pair for c in concepts for code in c.codes)
    assert [code for code, n in codes.items() if n > 1] == []
    slugs = Counter(c.slug for c in concepts)
    assert [slug for slug, n in slugs.items() if n > 1] == []


def test_slugs_are_the_same_on_every_build(hpo, icd_codes, concepts):
    again = concepts_build(hpo.terms, icd_codes)
    assert [c.slug for c in again] == [c.slug for c in concepts]


def test_the_curated_mapping_only_names_live_terms(hpo, icd_codes):
    with pytest.raises(ValueError, match="HP:9999999"):
        concepts_build(hpo.terms, icd_codes, {"R25.2": "HP:9999999"})


def test_common_complaints_have_a_higher_prior_than_rare_findings(concept_of):
    headache = concept_prior(concept_of("HPO", "HP:0002315"))
    broad_hallux = concept_prior(concept_of("HPO", "HP:0010055"))
    assert headache > 0.7
    assert broad_hallux < 0.3
