"""English dictionaries' idioms for common symptoms (issue 13.2): loaded from data/idioms.yaml
as related layperson synonyms of their HPO term with the source IDIOM, never shown as names."""

from __future__ import annotations

import pytest

from symptomdb.terminology.lay_phrases import IDIOMS_FILE, LayPhrases, lay_phrases_read
from symptomdb.terminology.loader import display_name, names_by_source, names_by_source_line
from symptomdb.terminology.mapping import concepts_build
from symptomdb.terminology.models import SynonymKind, SynonymSource

DICTIONARIES = ("Cambridge:", "Collins:", "Merriam-Webster:")


def test_every_idiom_names_its_dictionary():
    entries = lay_phrases_read(name=IDIOMS_FILE)
    assert len(entries) >= 30
    for entry in entries:
        assert entry.hpo_id.startswith("HP:")
        assert entry.source.startswith(DICTIONARIES)
        assert entry.phrases and all(p == " ".join(p.split()) for p in entry.phrases)


def test_an_idiom_becomes_a_related_layperson_synonym_from_the_dictionaries(concept_of):
    anxiety = concept_of("HPO", "HP:0000739")
    idioms = [s for s in anxiety.synonyms if s.source == SynonymSource.IDIOM]
    assert "a bag of nerves" in {s.text for s in idioms}
    assert {(s.kind, s.scope) for s in idioms} == {(SynonymKind.LAYPERSON, "RELATED")}


def test_an_idiom_is_never_the_everyday_name(concepts):
    idioms = {s.text for c in concepts for s in c.synonyms if s.source == SynonymSource.IDIOM}
    assert idioms
    assert not [c.key for c in concepts if display_name(c) in idioms]


def test_an_idiom_for_an_unknown_term_is_refused_naming_the_file(hpo, icd_codes):
    with pytest.raises(ValueError, match=r"idioms\.yaml names HP:9999999"):
        concepts_build(
            hpo.terms,
            icd_codes,
            idioms=[LayPhrases("HP:9999999", "Cambridge: x", ("in a pickle",))],
        )
    with pytest.raises(ValueError, match=r"idioms\.yaml: HP:0000739 needs a source"):
        lay_phrases_read("HP:0000739:\n  phrases: [on edge]\n", name=IDIOMS_FILE)


def test_names_by_source_counts_the_idioms(concepts):
    counts = names_by_source(concepts)
    symptoms, names = counts["IDIOM"]
    assert symptoms == len({e.hpo_id for e in lay_phrases_read(name=IDIOMS_FILE)})
    assert names >= symptoms
    assert "Idioms (Cambridge, Collins, Merriam-Webster)" in names_by_source_line(counts)


@pytest.mark.django_db
def test_an_idiom_is_not_shown_as_a_name_of_the_symptom():
    from symptomdb.terminology.models import Symptom, Synonym
    from symptomdb.terminology.selectors import symptom_names

    symptom = Symptom.objects.create(slug="anxiety", name="Anxiety")
    Synonym.objects.create(symptom=symptom, text="Nervousness", kind="exact", source="HPO")
    Synonym.objects.create(
        symptom=symptom,
        text="on tenterhooks",
        kind="layperson",
        source=SynonymSource.IDIOM,
        scope="RELATED",
    )
    shown = [name["text"] for name in symptom_names(symptom).also_called]
    assert shown == ["Nervousness"]
