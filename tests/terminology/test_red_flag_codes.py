"""The triage's red flags on symptom pages, against the whole catalogue (slow: loads it once)."""

from __future__ import annotations

import pytest

from symptomdb.site_init import red_flag_codes_unknown
from symptomdb.terminology.models import Symptom, SymptomCode
from symptomdb.terminology.selectors import symptom_lineage_codes
from symptomdb.triage.red_flags import RedFlag, red_flags_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _catalogue(catalogue):
    return catalogue


def symptom_red_flags(symptom: Symptom, *, locale: str) -> list[RedFlag]:
    """What the symptom's page shows (web/views.py composes the same two calls)."""
    return red_flags_for(symptom_lineage_codes(symptom), locale=locale)


def by_code(system: str, code: str) -> Symptom:
    return Symptom.objects.get(codes__system=system, codes__code=code)


def test_every_code_a_family_concerns_is_in_the_catalogue():
    assert red_flag_codes_unknown() == []


def test_an_unknown_code_is_named_with_its_family():
    SymptomCode.objects.filter(system="ICD10CM", code="R07.9").delete()
    unknown = red_flag_codes_unknown()
    assert any(u.startswith("ICD10CM R07.9") and "heart_attack" in u for u in unknown)


def test_the_headache_page_says_when_a_headache_is_an_emergency():
    flags = symptom_red_flags(by_code("ICD10CM", "R51.9"), locale="US")
    assert {"thunderclap_headache", "meningitis"} <= {f.family for f in flags}
    assert flags[0].level == "emergency"


def test_a_narrower_symptom_shows_the_red_flags_of_the_broader_one():
    chest_pain = by_code("HPO", "HP:0100749")
    narrower = chest_pain.narrower.first()
    assert narrower is not None
    families = {f.family for f in symptom_red_flags(narrower, locale="GB")}
    assert "heart_attack" in families


def test_the_muscle_spasm_page_names_tetanus_after_a_wound():
    flags = symptom_red_flags(by_code("ICD10CM", "R25.2"), locale="US")
    assert [f.family for f in flags if f.level == "emergency"] == ["tetanus"]
