"""The results page's groups: what a reader plausibly meant first, the rest behind
"More clinical terms (N)"."""

from __future__ import annotations

from symptomdb.search.grouping import results_grouped
from symptomdb.search.service import Hit


def hit(name: str, prior: float = 0.0, **kwargs: object) -> Hit:
    return Hit(slug=name.lower().replace(" ", "-"), name=name, score=1.0, prior=prior, **kwargs)  # type: ignore[arg-type]


def test_common_symptoms_and_articles_come_first_rare_findings_after():
    hits = [
        hit("Broad hallux"),  # the best match: kept first even though it is rare
        hit("Calf pain", 0.75),
        hit("Gastrocnemius hypertrophy", 0.1),
        hit("Muscle spasm", 0.1, has_article=True),
        hit("Leg cramps", 0.0, covered_by_article=True),
        hit("Abnormality of the calf", 0.4),
        hit("Other symptoms and signs involving the musculoskeletal system", 0.45),
    ]
    groups = results_grouped(hits)
    assert [h.name for h in groups.first] == [
        "Broad hallux",
        "Calf pain",
        "Muscle spasm",
        "Leg cramps",
    ]
    assert [h.name for h in groups.more] == [
        "Gastrocnemius hypertrophy",
        "Abnormality of the calf",
        "Other symptoms and signs involving the musculoskeletal system",
    ]


def test_no_hits_no_groups():
    assert results_grouped([]) == results_grouped([])
    assert results_grouped([]).first == []
