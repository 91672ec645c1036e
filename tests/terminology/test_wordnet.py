"""WordNet's synonyms for the catalogue (issue 13.1): the WNDB reader and the rules, on a
small made-up database in WordNet's format (fixtures/wordnet/, marked as a fixture), so none
of these tests needs Debian's wordnet-base."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomdb.terminology.hpo import HpoSynonym, HpoTerm
from symptomdb.terminology.loader import display_name, names_by_source, names_by_source_line
from symptomdb.terminology.mapping import concepts_build
from symptomdb.terminology.models import SynonymKind, SynonymSource
from symptomdb.terminology.wndb import index_parse, synset_parse, synsets_read
from symptomdb.terminology.wordnet import (
    ConceptNames,
    WordNet,
    wordnet_read,
    wordnet_synonyms,
)

FIXTURE = Path(__file__).parent / "fixtures" / "wordnet"


@pytest.fixture(scope="module")
def wordnet() -> WordNet:
    return wordnet_read(FIXTURE)


def _added(wordnet: WordNet, *concepts: ConceptNames, adjectives: bool = False) -> set[str]:
    match = wordnet_synonyms(concepts, wordnet, adjectives=adjectives)
    return {p.text for p in match.proposals}


# The reader


def test_it_reads_a_data_line_with_its_words_pointers_and_gloss():
    synset = synset_parse(
        "00000100 26 n 02 myalgia 0 muscle_pain 1 002 @ 00000900 n 0000 "
        "+ 00000050 a 0102 | pain in a muscle  "
    )
    assert (synset.offset, synset.lexfile, synset.pos) == (100, "noun.state", "n")
    assert synset.lemmas == ("myalgia", "muscle_pain")
    assert synset.lemma_text(1) == "muscle pain"
    derived = synset.pointers[1]
    assert (derived.symbol, derived.offset, derived.pos) == ("+", 50, "a")
    assert (derived.source, derived.target) == (1, 2)
    assert synset.gloss == "pain in a muscle"


def test_it_reads_an_adjective_without_its_syntactic_marker():
    assert synset_parse("00000070 00 a 01 sore(p) 0 000 | hurting").lemmas == ("sore",)


def test_an_index_line_gives_the_senses_in_order_and_how_many_were_tagged():
    entry = index_parse("cramp n 2 1 @ 2 2 00000600 00000700  ")
    assert (entry.lemma, entry.offsets, entry.tagged) == ("cramp", (600, 700), 2)


def test_a_line_not_in_the_format_is_refused():
    with pytest.raises(ValueError, match="WNDB"):
        synset_parse("00000100 26 n 03 myalgia 0 | too few words")
    with pytest.raises(ValueError, match="WNDB"):
        index_parse("cramp n 3 1 @ 3 0 00000600")


def test_it_skips_the_licence_header_and_reads_only_the_lexfiles_asked_for():
    lines = (FIXTURE / "data.noun").read_text(encoding="utf-8").splitlines()
    state = synsets_read(lines, ["noun.state"])
    assert {s.lexfile for s in state} == {"noun.state"}
    assert {s.offset for s in state} == {100, 300, 500, 700}
    assert len(synsets_read(lines)) == 7


def test_without_wordnet_installed_nothing_is_read(tmp_path):
    assert not wordnet_read(tmp_path)


# The rules


def test_a_medical_synset_gives_its_other_lemmas(wordnet):
    assert "myodynia" in _added(wordnet, ConceptNames("HP:1", "Myalgia", ()))


def test_an_exact_synonym_matches_as_the_name_does(wordnet):
    assert "myodynia" in _added(wordnet, ConceptNames("HP:1", "Muscle soreness", ("Myalgia",)))


def test_an_ambiguous_lemma_is_left_out(wordnet):
    added = _added(wordnet, ConceptNames("HP:1", "Myalgia", ()))
    # "muscle ache" has a second, untagged sense: its first is not shown to be its commonest.
    assert "muscle ache" not in added
    # "sore" is an adjective in WordNet too.
    assert "sore" not in added


def test_a_non_medical_synset_is_not_used(wordnet):
    # "shot" is only a blow at a ball (noun.act).
    assert _added(wordnet, ConceptNames("HP:2", "Shot", ())) == set()


def test_a_name_matches_its_one_medical_sense_when_the_concordance_saw_it(wordnet):
    # "cramp" is first a clamp (noun.artifact); its one medical sense is tagged: it matches.
    assert _added(wordnet, ConceptNames("HP:3", "Cramp", ())) == {"muscle cramp"}
    # "stroke"'s medical sense was never tagged: the name is left unmatched.
    assert _added(wordnet, ConceptNames("HP:4", "Stroke", ())) == set()


def test_a_synset_two_concepts_claim_goes_to_neither(wordnet):
    match = wordnet_synonyms(
        [ConceptNames("HP:5", "Sneeze", ()), ConceptNames("HP:6", "Sternutation", ())], wordnet
    )
    assert match.proposals == []
    assert match.collisions == {300: ["HP:5", "HP:6"]}


def test_a_word_another_concept_already_has_is_not_given(wordnet):
    added = _added(
        wordnet,
        ConceptNames("HP:1", "Myalgia", ()),
        ConceptNames("HP:7", "Polymyalgia", (), others=("Myodynia",)),
    )
    assert "myodynia" not in added


def test_adjectives_only_when_asked(wordnet):
    concept = ConceptNames("HP:1", "Myalgia", ())
    assert "myalgic" not in _added(wordnet, concept, adjectives=False)
    match = wordnet_synonyms([concept], wordnet, adjectives=True)
    assert [(p.text, p.adjective) for p in match.proposals if p.adjective] == [("myalgic", True)]


# Into the catalogue


def _terms() -> list[HpoTerm]:
    return [
        HpoTerm(
            "HP:0000001",
            "Myalgia",
            "Pain in a muscle.",
            [HpoSynonym("Muscle pain", "layperson", "EXACT")],
        ),
        HpoTerm("HP:0000002", "Muscle cramp", "A sudden contraction."),
    ]


def test_the_catalogue_gets_them_as_related_synonyms_from_wordnet(wordnet):
    concepts = concepts_build(_terms(), [], curated={}, phrases=[], idioms=[], wordnet=wordnet)
    myalgia = next(c for c in concepts if c.key == "HP:0000001")
    rows = [s for s in myalgia.synonyms if s.source == SynonymSource.WORDNET]
    assert {s.text for s in rows} >= {"myodynia"}
    assert {(s.kind, s.scope) for s in rows if s.text == "myodynia"} == {
        (SynonymKind.RELATED, "RELATED")
    }
    # Never the everyday name: that stays HPO's EXACT layperson synonym.
    assert display_name(myalgia) == "Muscle pain"
    counts = names_by_source(concepts)
    assert counts["WORDNET"][0] == 1
    assert "WordNet 3.0 (Princeton)" in names_by_source_line(counts)


def test_a_word_the_concept_already_has_is_not_added_twice(wordnet):
    terms = _terms()
    terms[0].synonyms.append(HpoSynonym("Myodynia", "exact", "EXACT"))
    concepts = concepts_build(terms, [], curated={}, phrases=[], idioms=[], wordnet=wordnet)
    myalgia = next(c for c in concepts if c.key == "HP:0000001")
    assert [s.text.casefold() for s in myalgia.synonyms].count("myodynia") == 1
