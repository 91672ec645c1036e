from __future__ import annotations

import pytest

from symptomdb.terminology.hpo import HpoRelease, hpo_read
from symptomdb.terminology.icd import IcdCode, icd_read
from symptomdb.terminology.mapping import Concept, concepts_build
from tests.terminology.catalogue import catalogue  # noqa: F401 - the one fixture, per package


@pytest.fixture(scope="session")
def hpo() -> HpoRelease:
    return hpo_read()


@pytest.fixture(scope="session")
def icd_codes() -> list[IcdCode]:
    return icd_read()


@pytest.fixture(scope="session")
def concepts(hpo, icd_codes) -> list[Concept]:
    return concepts_build(hpo.terms, icd_codes)


@pytest.fixture(scope="session")
def concept_of(concepts):
    by_code = {code.pair: c for c in concepts for code in c.codes}

    def find(system: str, code: str) -> Concept:
        return by_code[(system, code)]

    return find
