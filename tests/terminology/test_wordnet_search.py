"""WordNet's synonyms in the loaded catalogue and in the search (issue 13.1; slow: the whole
catalogue, with its vectors). They need Debian's wordnet-base (`make words`); without it the
catalogue has no WordNet names and these tests skip, as the speller's word-list test does."""

from __future__ import annotations

import pytest

from symptomdb.search.service import search
from symptomdb.terminology.models import Symptom, Synonym, SynonymSource
from symptomdb.terminology.selectors import symptom_names
from symptomdb.terminology.wordnet import wordnet_installed

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not wordnet_installed(), reason="Debian's wordnet-base is not installed (make words)"
    ),
]

MYALGIA = "HP:0003326"
SNEEZE = "HP:0025095"
MIGRAINE = "HP:0002076"


@pytest.fixture(autouse=True)
def _catalogue(catalogue):
    return catalogue


def _symptom(hpo: str) -> Symptom:
    return Symptom.objects.get(codes__system="HPO", codes__code=hpo)


def test_the_loader_stores_wordnet_synonyms_with_their_source():
    row = Synonym.objects.get(symptom=_symptom(MYALGIA), text="myodynia")
    assert (row.kind, row.scope, row.source) == ("related", "RELATED", SynonymSource.WORDNET)
    assert Synonym.objects.filter(source=SynonymSource.WORDNET).count() > 100


def test_a_wordnet_synonym_is_shown_as_a_name_and_is_never_the_everyday_name():
    myalgia = _symptom(MYALGIA)
    names = symptom_names(myalgia)
    assert "myodynia" in {n["text"] for n in names.also_called}
    assert names.from_wordnet
    assert myalgia.everyday_name.casefold() != "myodynia"


@pytest.mark.parametrize(
    ("query", "hpo"),
    [("myodynia", MYALGIA), ("sternutation", SNEEZE), ("megrim", MIGRAINE)],
)
def test_a_word_only_wordnet_knows_finds_its_symptom(query, hpo):
    # Before WordNet these led to Myotonia, Short sternum and Melena.
    top = [{c.code for c in hit.codes} for hit in search(query, limit=1)]
    assert top and hpo in top[0], top
