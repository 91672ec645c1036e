from __future__ import annotations

import pytest

from symptomdb.terminology.codes import CodeError, icd_ancestors, normalise, system_for


@pytest.mark.parametrize(
    ("given", "system"),
    [
        ("2.16.840.1.113883.6.90", "ICD10CM"),
        ("urn:oid:2.16.840.1.113883.6.90", "ICD10CM"),
        ("2.16.840.1.113883.6.96", "SNOMEDCT"),
        ("2.16.840.1.113883.6.339", "HPO"),
        ("HPO", "HPO"),
        ("icd10cm", "ICD10CM"),
        ("2.16.840.1.113883.6.103", None),  # ICD-9-CM: not offered
        ("", None),
    ],
)
def test_it_knows_the_code_systems_by_oid_and_name(given, system):
    assert system_for(given) == system


@pytest.mark.parametrize(
    ("system", "code", "expected"),
    [
        ("ICD10CM", "R25.2", "R25.2"),
        ("ICD10CM", "R252", "R25.2"),
        ("ICD10CM", " m62.831 ", "M62.831"),
        ("ICD10CM", "R51", "R51"),
        ("HPO", "HP:0003394", "HP:0003394"),
        ("HPO", "HP_0003394", "HP:0003394"),
        ("HPO", "0003394", "HP:0003394"),
        ("SNOMEDCT", "55300003", "55300003"),
    ],
)
def test_it_writes_codes_as_the_catalogue_does(system, code, expected):
    assert normalise(system, code) == expected


@pytest.mark.parametrize(
    ("system", "code"),
    [("ICD10CM", "R2"), ("ICD10CM", "25.2"), ("HPO", "HP:12"), ("SNOMEDCT", "12ab")],
)
def test_it_refuses_a_code_its_system_cannot_have(system, code):
    with pytest.raises(CodeError):
        normalise(system, code)


def test_it_lists_icd_parents_nearest_first():
    assert icd_ancestors("M62.831") == ["M62.831", "M62.83", "M62.8", "M62"]
    assert icd_ancestors("R51") == ["R51"]
