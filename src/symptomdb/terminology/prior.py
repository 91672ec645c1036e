"""How likely a reader means a symptom: the catalogue's prior, from 0 to 1.

HPO describes every phenotype of every rare disease, and most of its layperson
synonyms are dysmorphology ("Broad big toe"); readers type what people commonly
have. The prior lifts the second over the first, from facts about each concept
rather than from any list of queries:

    prior = 0.45 · carries an ICD-10-CM complaint code (R00–R69, or the complaint
                   codes of other chapters in icd10cm_symptom_codes.yaml)
          + 0.10 · carries only ICD-10-CM finding codes (R70–R99: abnormal lab,
                   imaging and function results, recorded rather than felt)
          + 0.30 · has an HPO layperson synonym, and is neither a structural
                   finding (under an "Abnormal … morphology" class) nor an
                   organising class ("Abnormality of the calf")
          + 0.10 · has a layperson synonym but is such a finding or class
          + 0.10 · cross-referenced to SNOMED CT by HPO (an established clinical idea)
    clipped to [0, 1].

Only facts about the concept: whether an article is published about it changes by the
hour, so the search reads that live (search/rows.py) and adds its own
small bonus (search/fusion.py), instead of a prior baked in when the catalogue loads.

The search uses it as a tie-breaker (docs/search.md): it moves a common
complaint above a rare finding that matches about as well, never above a much
better match.
"""

from __future__ import annotations

from symptomdb.terminology.mapping import Concept
from symptomdb.terminology.models import CodeSystem


def is_finding_code(code: str) -> bool:
    """R70–R99: abnormal findings on examination of specimens, imaging, function."""
    return code.startswith("R") and code[1:3].isdigit() and int(code[1:3]) >= 70


def concept_prior(concept: Concept) -> float:
    icd = [c.code for c in concept.codes if c.system == CodeSystem.ICD10CM]
    complaint = any(not is_finding_code(code) for code in icd)
    score = 0.45 if complaint else (0.10 if icd else 0.0)
    if concept.has_layperson:
        score += 0.10 if (concept.anatomical or concept.grouping) else 0.30
    score += 0.10 * any(c.system == CodeSystem.SNOMEDCT for c in concept.codes)
    return round(min(1.0, score), 4)
