from __future__ import annotations

import pytest

from symptomdb.terminology.hpo import PHENOTYPIC_ABNORMALITY, hpo_version, synonym_kind


def test_it_reads_every_live_phenotypic_abnormality(hpo):
    ids = {t.id for t in hpo.terms}
    assert len(ids) == len(hpo.terms) >= 15_000
    assert PHENOTYPIC_ABNORMALITY in ids
    assert "HP:0000005" not in ids  # Mode of inheritance: another root, not a symptom


def test_it_reads_the_release_from_the_header():
    assert hpo_version().startswith("hp/releases/")


def test_it_keeps_a_term_with_its_synonyms_xrefs_and_parents(hpo):
    spasm = next(t for t in hpo.terms if t.id == "HP:0003394")
    assert spasm.name == "Muscle spasm"
    assert spasm.definition.startswith("Sudden and involuntary contractions")
    assert ("Muscle cramps", "plural") in {(s.text, s.kind) for s in spasm.synonyms}
    assert ("SNOMEDCT", "55300003") in spasm.xrefs
    assert ("UMLS", "C0026821") in spasm.xrefs
    assert spasm.parents == ["HP:0011804"]


def test_it_keeps_layperson_and_uk_spellings(hpo):
    diarrhea = next(t for t in hpo.terms if t.id == "HP:0002014")
    kinds = {(s.text, s.kind) for s in diarrhea.synonyms}
    assert ("Diarrhoea", "uk_spelling") in kinds


@pytest.mark.parametrize(
    ("scope", "type_id", "kind"),
    [
        ("EXACT", "layperson", "layperson"),
        ("RELATED", "layperson", "layperson"),
        ("EXACT", "uk_spelling", "uk_spelling"),
        ("EXACT", "plural_form", "plural"),
        ("EXACT", "abbreviation", "abbreviation"),
        ("EXACT", None, "exact"),
        ("BROAD", None, "broad"),
        ("NARROW", None, "narrow"),
        ("RELATED", None, "related"),
        ("EXACT", "obsolete_synonym", None),
    ],
)
def test_it_maps_synonym_types_to_kinds(scope, type_id, kind):
    assert synonym_kind(scope, type_id) == kind
