"""How likely a reader means a symptom: the catalogue's prior, from 0 to 1.

HPO describes every phenotype of every rare disease; readers type what people
commonly have. The prior lifts the second over the first, from facts about each
concept rather than from any list of queries:

    prior = 0.35 · has a layperson synonym in HPO (someone wrote down lay words for it)
          + 0.30 · carries an ICD-10-CM complaint code (R00–R69, or the complaint
                   codes from other chapters in icd10cm_symptom_codes.yaml)
          + 0.10 · carries only an ICD-10-CM finding code (R70–R99: abnormal lab,
                   imaging and function results, recorded rather than felt)
          + 0.10 · cross-referenced to SNOMED CT by HPO (an established clinical idea)
          + 0.25 · has an article
    clipped to [0, 1].

The search uses it as a tie-breaker only (docs/search.md): a weak prior cannot
outrank a better match.
"""

from __future__ import annotations

from symptomdb.terminology.mapping import Concept


def is_finding_code(code: str) -> bool:
    """R70–R99: abnormal findings on examination of specimens, imaging, function."""
    return code.startswith("R") and code[1:3].isdigit() and int(code[1:3]) >= 70


def concept_prior(concept: Concept, *, has_article: bool = False) -> float:
    icd = [code for system, code in concept.codes if system == "ICD10CM"]
    complaint = any(not is_finding_code(code) for code in icd)
    score = 0.35 * concept.has_layperson
    score += 0.30 if complaint else (0.10 if icd else 0.0)
    score += 0.10 * any(system == "SNOMEDCT" for system, _ in concept.codes)
    score += 0.25 * has_article
    return round(min(1.0, score), 4)
