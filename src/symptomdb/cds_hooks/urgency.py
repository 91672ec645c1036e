"""Whether a symptom has emergency red flags, for a card's `warning` indicator.

Two sources, both clinical content written elsewhere: the published article's red flags
of urgency "emergency", and the triage rules. The triage package has no public function
that lists the rules concerning a symptom, so its public entry point, `triage()`, reads
the symptom's name and its exact and everyday synonyms as a reader would type them
("Hematemesis" has the lay synonym "vomiting blood", which the rules call an emergency).
The rules alone are used (semantic=False): the same answer every time, and no model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from symptomdb.articles.models import Article, Urgency
from symptomdb.terminology.models import Symptom, SynonymKind
from symptomdb.triage import triage


@dataclass(frozen=True)
class EmergencySigns:
    flags: tuple[str, ...]  # the article's emergency red flags, as written
    rule_message: str  # what the triage rules say for the symptom's words; "" if nothing

    def __bool__(self) -> bool:
        return bool(self.flags or self.rule_message)


@lru_cache(maxsize=4096)
def _rules_say(names: tuple[str, ...]) -> str:
    for name in names:
        verdict = triage(name, semantic=False)
        if verdict.level == "emergency":
            return verdict.message
    return ""


def emergency_signs(symptom: Symptom, article: Article | None) -> EmergencySigns:
    flags = tuple(
        f.text
        for f in (article.red_flags.all() if article else [])
        if f.urgency == Urgency.EMERGENCY
    )
    names = {symptom.name}
    names.update(
        symptom.synonyms.filter(kind__in=[SynonymKind.EXACT, SynonymKind.LAYPERSON]).values_list(
            "text", flat=True
        )
    )
    return EmergencySigns(flags=flags, rule_message=_rules_say(tuple(sorted(names))))
