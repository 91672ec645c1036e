"""The results page's two groups: what a reader plausibly meant, first; the rest of the
catalogue's clinical terms behind "More clinical terms (N)", still one click away.

The search's order is kept within each group; only the split is decided here. A hit is
plausible when it is the best match (a reader who typed "broad hallux" meant it), has
or is covered by an article, or is a common symptom by the catalogue's prior; organising
entries ("Other symptoms and signs involving …", "Abnormality of the calf") never are,
whatever their prior, since no reader has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symptomdb.search.service import Hit

# The prior of a common complaint: an ICD-10-CM symptom code, or lay words that are not a
# structural finding (terminology/prior.py); the same line page_coverage.py measures at.
PLAUSIBLE_PRIOR = 0.3

_ORGANISING = re.compile(
    r"^(other|abnormality of|abnormal .* morphology$)|symptoms and signs|"
    r"not elsewhere classified",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class GroupedResults:
    first: list[Hit]
    more: list[Hit]


def is_organising(hit: Hit) -> bool:
    return bool(_ORGANISING.search(hit.name))


def is_plausible(hit: Hit, *, best: bool = False) -> bool:
    if is_organising(hit) and not best:
        return False
    return best or hit.has_article or hit.covered_by_article or hit.prior >= PLAUSIBLE_PRIOR


def results_grouped(hits: list[Hit]) -> GroupedResults:
    first: list[Hit] = []
    more: list[Hit] = []
    for i, hit in enumerate(hits):
        (first if is_plausible(hit, best=i == 0) else more).append(hit)
    return GroupedResults(first=first, more=more)
