"""Whether a symptom has emergency red flags, for a card's `warning` indicator.

Two sources, both clinical content written elsewhere: the published article's red flags
of urgency "emergency", and the red flags the triage's rule families give the symptom
(triage.red_flags over terminology.selectors.symptom_lineage_codes: the symptom's codes
and its broader symptoms'), the same the symptom's page shows. The numbers in them are the
site's country's (SYMPTOMDB_LOCALE): a hook call does not say where the patient is.
"""

from __future__ import annotations

from django.conf import settings

from symptomdb.articles.models import Article, Urgency
from symptomdb.terminology.models import Symptom
from symptomdb.terminology.selectors import symptom_lineage_codes
from symptomdb.triage.red_flags import red_flags_for


def emergency_signs(symptom: Symptom, article: Article | None) -> list[str]:
    """The emergency red flags for the symptom, the article's first, each once."""
    flags = article.red_flags.all() if article else []
    signs = [f.text for f in flags if f.urgency == Urgency.EMERGENCY]
    for flag in red_flags_for(symptom_lineage_codes(symptom), locale=settings.SYMPTOMDB_LOCALE):
        if flag.level == "emergency" and flag.text not in signs:
            signs.append(flag.text)
    return signs
