"""Lay phrases from patient leaflets (issue 13.2): loaded as synonyms of their HPO term, with
their provenance, matched and embedded like HPO's layperson synonyms, never the page's name."""

from __future__ import annotations

import pytest

from symptomdb.terminology.lay_phrases import LayPhrases, lay_phrases_read
from symptomdb.terminology.loader import display_name, names_by_source, names_by_source_line
from symptomdb.terminology.mapping import concepts_build
from symptomdb.terminology.models import SynonymKind, SynonymSource


def test_every_entry_names_its_page_and_has_phrases():
    entries = lay_phrases_read()
    assert len(entries) >= 40
    for entry in entries:
        assert entry.hpo_id.startswith("HP:")
        assert entry.source.startswith(("NHS:", "MedlinePlus:"))
        assert entry.phrases and all(p == " ".join(p.split()) for p in entry.phrases)


def test_a_phrase_becomes_a_related_layperson_synonym_from_the_leaflets(concept_of):
    incontinence = concept_of("HPO", "HP:0000020")
    leaflet = [s for s in incontinence.synonyms if s.source == SynonymSource.LEAFLET]
    texts = {s.text for s in leaflet}
    assert "leaking pee when you cough, sneeze or laugh" in texts
    assert {(s.kind, s.scope) for s in leaflet} == {(SynonymKind.LAYPERSON, "RELATED")}


def test_a_phrase_is_never_the_everyday_name(concepts):
    # The everyday name comes from HPO's EXACT layperson synonyms; a RELATED leaflet phrase
    # never replaces it.
    phrases = {s.text for c in concepts for s in c.synonyms if s.source == SynonymSource.LEAFLET}
    assert phrases
    assert not [c.key for c in concepts if display_name(c) in phrases]


def test_a_phrase_already_named_by_hpo_is_not_added_twice(hpo, icd_codes):
    # HPO's own layperson synonym "Loss of bladder control", written again by a leaflet.
    extra = [LayPhrases("HP:0000020", "NHS: test", ("loss of bladder control",))]
    concepts = concepts_build(hpo.terms, icd_codes, phrases=extra)
    incontinence = next(c for c in concepts if c.key == "HP:0000020")
    assert [s.text.casefold() for s in incontinence.synonyms].count("loss of bladder control") == 1


def test_an_unknown_term_or_a_malformed_entry_is_refused(hpo, icd_codes):
    with pytest.raises(ValueError, match="HP:9999999"):
        concepts_build(
            hpo.terms, icd_codes, phrases=[LayPhrases("HP:9999999", "NHS: x", ("a phrase",))]
        )
    with pytest.raises(ValueError, match="needs a source and phrases"):
        lay_phrases_read("HP:0000020:\n  phrases: [leaking]\n")


def test_names_by_source_counts_symptoms_and_names(concepts):
    counts = names_by_source(concepts)
    assert set(counts) >= {"HPO", "ICD10CM", "LEAFLET"}
    symptoms, names = counts["LEAFLET"]
    assert symptoms == len({e.hpo_id for e in lay_phrases_read()})
    assert names >= symptoms
    assert "Patient leaflets (NHS, MedlinePlus)" in names_by_source_line(counts)


@pytest.mark.django_db
def test_a_phrase_is_not_shown_as_a_name_of_the_symptom():
    from symptomdb.terminology.models import Symptom, Synonym
    from symptomdb.terminology.selectors import symptom_names

    symptom = Symptom.objects.create(slug="urinary-incontinence", name="Urinary incontinence")
    Synonym.objects.create(
        symptom=symptom, text="Loss of bladder control", kind="layperson", source="HPO"
    )
    Synonym.objects.create(
        symptom=symptom,
        text="leaking pee when you cough, sneeze or laugh",
        kind="layperson",
        source=SynonymSource.LEAFLET,
        scope="RELATED",
    )
    shown = [name["text"] for name in symptom_names(symptom).also_called]
    assert shown == ["Loss of bladder control"]
