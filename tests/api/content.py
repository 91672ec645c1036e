"""A little content for the API and Infobutton tests: the seed article, published
and reviewed, on a symptom with codes, synonyms and relatives.

The codes below are FIXTURES standing in for the catalogue loader (another part
of the project builds the real ones from HPO and ICD-10-CM): the real catalogue
maps R25.2 and M62.83x to HPO's Muscle spasm (HP:0003394), which HPO cross-
references to SNOMED CT 55300003 (Cramp).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from symptomdb.articles.models import Article
from symptomdb.community.models import Comment
from symptomdb.people.models import Author
from symptomdb.terminology.models import Symptom, SymptomCode, Synonym
from tests.conftest import BUNDLED_SEED

FIXTURE_CODES = [
    ("ICD10CM", "R25.2"),  # Cramp and spasm
    ("ICD10CM", "M62.83"),  # Muscle spasm (M62.831, calf, falls back to it)
    ("HPO", "HP:0003394"),  # Muscle spasm
    ("SNOMEDCT", "55300003"),  # Cramp, HPO's cross-reference
]


@dataclass(frozen=True)
class Content:
    article: Article
    symptom: Symptom
    broader: Symptom
    plain: Symptom  # a symptom with no article
    reviewer: Author


def make_content() -> Content:
    from symptomdb.articles.importer import parse_article
    from symptomdb.articles.services import article_import, article_publish
    from symptomdb.community.services import comment_approve, comment_submit

    article = article_import(parsed=parse_article(BUNDLED_SEED.read_text(encoding="utf-8"))).article
    reviewer = Author.objects.create(
        name="Ada Okafor",
        slug="ada-okafor",
        credentials="DO",
        affiliation="Riverside Family Medicine",
        location="Richmond, VA",
        bio="Family physician; reviews articles on muscles and joints.",
    )
    article.reviewer = reviewer
    article.last_reviewed_on = dt.date(2025, 3, 1)
    article.published_on = dt.date(2024, 5, 2)
    article.save()
    # A fixture, published as it is: not through the editors' publishing checks.
    article = article_publish(article=article, checks=False)

    symptom = article.symptom
    symptom.definition = "Sudden and involuntary contractions of one or more muscles."
    symptom.save()
    for system, code in FIXTURE_CODES:
        SymptomCode.objects.create(symptom=symptom, system=system, code=code)
    Synonym.objects.create(symptom=symptom, text="Charley horse", kind="layperson", source="HPO")
    Synonym.objects.create(symptom=symptom, text="Muscle cramps", kind="plural", source="HPO")

    broader = Symptom.objects.create(
        slug="abnormal-muscle-physiology", name="Abnormal muscle physiology"
    )
    SymptomCode.objects.create(symptom=broader, system="HPO", code="HP:0011804")
    symptom.broader.add(broader)
    plain = Symptom.objects.create(
        slug="hiccups", name="Hiccups", definition="Repeated involuntary spasms of the diaphragm."
    )
    SymptomCode.objects.create(symptom=plain, system="ICD10CM", code="R06.6")

    comment = comment_submit(article=article, name="Sam", body="The stretches helped.")
    comment_approve(comment=comment)
    Comment.objects.create(article=article, name="Pat", body="Waiting for an editor.")
    return Content(
        article=article, symptom=symptom, broader=broader, plain=plain, reviewer=reviewer
    )
