"""The shared folding of words: case, accents, British spelling, plurals and inflections."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import symptomdb.language
from symptomdb.language.spelling import (
    base_forms,
    fold,
    fold_case,
    singular,
    spelling_table,
    us_spelling,
)
from symptomdb.search.query import analyse
from symptomdb.search.spelling import Speller, vocabulary_count
from symptomdb.terminology.text import key
from symptomdb.triage.reading import normalise

BRITISH_AMERICAN = [
    # ae
    ("haemorrhage", "hemorrhage"),
    ("haematoma", "hematoma"),
    ("anaemia", "anemia"),
    ("anaesthetic", "anesthetic"),
    ("hypoglycaemia", "hypoglycemia"),
    ("leukaemia", "leukemia"),
    ("septicaemia", "septicemia"),
    ("ischaemic", "ischemic"),
    ("paediatric", "pediatric"),
    ("gynaecology", "gynecology"),
    ("faeces", "feces"),
    ("paraesthesia", "paresthesia"),
    ("hypoaesthesia", "hypoesthesia"),
    ("aetiology", "etiology"),
    ("caesarean", "cesarean"),
    # oe
    ("oedema", "edema"),
    ("oesophagus", "esophagus"),
    ("oesophageal", "esophageal"),
    ("gastrooesophageal", "gastroesophageal"),
    ("oestrogen", "estrogen"),
    ("lymphoedema", "lymphedema"),
    ("angiooedema", "angioedema"),
    ("diarrhoea", "diarrhea"),
    ("dyspnoea", "dyspnea"),
    ("apnoea", "apnea"),
    ("foetus", "fetus"),
    ("coeliac", "celiac"),
    ("manoeuvre", "maneuver"),
    # -our
    ("tumour", "tumor"),
    ("tumours", "tumors"),
    ("colour", "color"),
    ("discoloured", "discolored"),
    ("colourless", "colorless"),
    ("behaviour", "behavior"),
    ("behavioural", "behavioral"),
    ("labour", "labor"),
    ("odour", "odor"),
    ("rigours", "rigors"),
    # -ise, -yse
    ("recognise", "recognize"),
    ("recognised", "recognized"),
    ("agonising", "agonizing"),
    ("hospitalised", "hospitalized"),
    ("organisation", "organization"),
    ("generalised", "generalized"),
    ("moisturiser", "moisturizer"),
    ("paralysed", "paralyzed"),
    ("analyse", "analyze"),
    # -re
    ("centre", "center"),
    ("litre", "liter"),
    ("millilitres", "milliliters"),
    ("titre", "titer"),
    ("goitre", "goiter"),
    ("fibre", "fiber"),
    ("meagre", "meager"),
    # sulph-, whole words
    ("sulphur", "sulfur"),
    ("grey", "gray"),
    ("greyish", "grayish"),
    ("disorientated", "disoriented"),
    ("ageing", "aging"),
    ("travelling", "traveling"),
    ("mouldy", "moldy"),
]

# Ordinary words that contain what a rule looks for, and American words: none may change.
UNCHANGED = [
    "does",
    "shoes",
    "four",
    "hour",
    "your",
    "poem",
    "poetry",
    "aerobic",
    "anaerobic",
    "aerosol",
    "canoe",
    "toenail",
    "heroes",
    "potatoes",
    "whoever",
    "gastroenteritis",
    "thromboembolism",
    "neuroendocrine",
    "hypoechoic",
    "angioedema",
    "intraepithelial",
    "subpoenaed",
    "bruised",
    "bruising",
    "advised",
    "exercise",
    "exercising",
    "compromised",
    "immunocompromised",
    "surprising",
    "promise",
    "otherwise",
    "noise",
    "raised",
    "penises",
    "epiphyses",
    "contour",
    "detour",
    "flour",
    "devouring",
    "journal",
    "macabre",
    "oeuvre",
    "hemorrhage",
    "edema",
    "tumor",
    "esophagus",
    "paralyzed",
    "sulfur",
]


@pytest.mark.parametrize(("british", "american"), BRITISH_AMERICAN)
def test_it_spells_british_words_american(british: str, american: str) -> None:
    assert us_spelling(british) == american
    assert us_spelling(american) == american


@pytest.mark.parametrize("word", UNCHANGED)
def test_it_leaves_ordinary_and_american_words_alone(word: str) -> None:
    assert us_spelling(word) == word


@pytest.mark.parametrize(
    ("british", "american"),
    [(b, a) for rule in spelling_table().rules for b, a in rule.examples.items()],
)
def test_every_example_in_the_table_holds(british: str, american: str) -> None:
    assert us_spelling(british) == american
    assert us_spelling(american) == american


def test_every_keep_word_is_left_alone() -> None:
    kept = [w for rule in spelling_table().rules for w in rule.keep]
    assert [w for w in kept if us_spelling(w) != w] == []


def test_whole_words_are_looked_up_before_the_rules() -> None:
    # "practise" is the verb "practice", not an -ise word to become "practize".
    assert us_spelling("practise") == "practice"
    assert us_spelling("practising") == "practicing"


def test_it_folds_case_and_accents() -> None:
    assert fold("Café  Naïve, HAEMORRHAGE!") == "cafe naive haemorrhage"
    assert fold("Straße") == "strasse"
    assert fold("Diarrhœa, anæmia") == "diarrhoea anaemia"
    assert fold_case("Crème brûlée, 38.5°C") == "creme brulee, 38.5°c"


@pytest.mark.parametrize(
    ("plural", "one"),
    [("cramps", "cramp"), ("ovaries", "ovary"), ("glass", "glass"), ("virus", "virus")],
)
def test_it_folds_plurals(plural: str, one: str) -> None:
    assert singular(plural) == one


def test_base_forms_are_candidates_for_a_vocabulary() -> None:
    assert {"ache", "ach"} <= set(base_forms("aches"))
    assert "throb" in base_forms("throbbing")
    assert base_forms("ache") == []


@pytest.mark.parametrize(
    ("british", "american"),
    [("Haemorrhage", "hemorrhage"), ("Tumours", "tumors"), ("Œsophagus", "esophagus")],
)
def test_the_catalogue_the_search_and_the_triage_agree(british: str, american: str) -> None:
    assert key(british) == key(american)
    assert analyse(british, Speller(vocabulary_count([american]))).content == [american]
    assert normalise(british) == american


def test_the_language_package_imports_no_other_floor() -> None:
    # A ground floor: neither Django nor any other package of the project.
    for path in Path(symptomdb.language.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [
            name
            for node in ast.walk(tree)
            for name in (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and node.level == 0
                else []
            )
        ]
        assert not [m for m in imported if m.split(".")[0] in {"django", "symptomdb"}], path
