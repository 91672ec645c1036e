"""How many symptom pages help a reader (issue 11), printed, never asserted.

    .venv/bin/python benchmarks/page_coverage.py --home var
    .venv/bin/python benchmarks/page_coverage.py --home var --related myalgia headache

For the catalogue's common symptoms (prior >= 0.3) and for the symptoms the dev queries'
first results land on: the share whose page offers an article (its own, a covering one,
a broader or narrower symptom's, or a related one), red flags (the triage's rule
families), a trusted link out (MedlinePlus Connect by code) or, lacking a code, a search of
MedlinePlus and the NHS website for its everyday name, and the share offering at
least one. Then "Also called": ICD-10-CM inclusion terms set apart as other conditions,
and entries still shown that are the name of another symptom (should be none). And the
share of first results shown with an everyday name (display name differing from the
clinical one, or a clinical name that is itself a layperson term).

--related SLUG… prints the similarity of each symptom to its closest article and whether
it passes articles/covering.py's RELATED_MIN_SIMILARITY: how that line was measured.
The --home must be an initialised site (`symptomdb init`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV_QUERIES = REPO.parent / "shared" / "eval" / "dev_queries.jsonl"
KINDS = ("own", "covering", "nearby", "related", "red_flags", "trusted_link", "search_link")


def setup_django(home: Path) -> None:
    os.environ["SYMPTOMDB_HOME"] = str(home)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "symptomdb.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()


def offers(symptom) -> set[str]:  # type: ignore[no-untyped-def]
    from symptomdb.articles.covering import article_reach
    from symptomdb.articles.selectors import article_published_for
    from symptomdb.terminology.selectors import symptom_codes, symptom_lineage_codes
    from symptomdb.triage.red_flags import red_flags_for
    from symptomdb.web.reading_elsewhere import trusted_links

    found = set()
    if article_published_for(symptom=symptom) is not None:
        found.add("own")
    else:
        reach = article_reach(symptom)
        found |= {k for k, v in [("covering", reach.covering), ("nearby", reach.nearby)] if v}
        if reach.related is not None:
            found.add("related")
    if red_flags_for(symptom_lineage_codes(symptom), locale="US"):
        found.add("red_flags")
    links = trusted_links(
        symptom_codes(symptom), name=symptom.name, everyday_name=symptom.everyday_name
    )
    if links:
        found.add("search_link" if links[0].is_search else "trusted_link")
    return found


def report(title: str, symptoms: list) -> None:  # type: ignore[type-arg]
    counts: Counter[str] = Counter()
    helped = 0
    for symptom in symptoms:
        found = offers(symptom)
        counts.update(found)
        helped += bool(found)
    n = len(symptoms) or 1
    print(f"\n{title}: {len(symptoms)} symptom pages")
    for kind in KINDS:
        print(f"  {kind:<14} {counts[kind] / n:6.1%}")
    article = sum(1 for s in symptoms if offers(s) & {"own", "covering", "nearby", "related"})
    print(f"  {'any article':<14} {article / n:6.1%}")
    print(f"  {'at least one':<14} {helped / n:6.1%}   (target 100%)")


def also_called_report() -> None:
    from symptomdb.terminology.models import Symptom
    from symptomdb.terminology.selectors import symptom_names

    with_inclusions = Symptom.objects.filter(synonyms__kind="inclusion").distinct()
    names = {n.casefold() for n in Symptom.objects.values_list("name", flat=True)}
    apart = shown_inclusion = naming_other = 0
    for symptom in with_inclusions:
        result = symptom_names(symptom)
        apart += len(result.filed_here)
        shown_inclusion += sum(1 for s in result.also_called if s["kind_label"] == "ICD-10-CM")
        naming_other += sum(
            1
            for s in result.also_called
            if s["text"].removesuffix(" NOS").casefold() in names - {symptom.name.casefold()}
        )
    print(f'\n"Also called" on the {with_inclusions.count()} pages with ICD-10-CM inclusion terms')
    print(f"  inclusion terms set apart as other conditions   {apart}")
    print(f"  inclusion terms still shown as names            {shown_inclusion}")
    print(f"  entries that are another symptom's name         {naming_other}   (target 0)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=REPO / "var")
    parser.add_argument("--file", type=Path, default=DEV_QUERIES)
    parser.add_argument("--related", nargs="*", metavar="SLUG")
    args = parser.parse_args()
    setup_django(args.home.resolve())

    from symptomdb.articles.covering import RELATED_MIN_SIMILARITY, article_related
    from symptomdb.search.service import search
    from symptomdb.terminology.models import Symptom, Synonym

    if args.related is not None:
        for slug in args.related:
            symptom = Symptom.objects.get(slug=slug)
            article, score = article_related(symptom)
            mark = "related" if article else "below"
            print(f"{score:.3f}  {mark:<8} {slug}  (line {RELATED_MIN_SIMILARITY})")
        return 0

    common = list(Symptom.objects.filter(prior__gte=0.3).order_by("slug"))
    report("Common symptoms (prior >= 0.3)", common)

    queries = [json.loads(line) for line in args.file.read_text().splitlines() if line.strip()]
    landed, everyday = [], 0
    for q in queries:
        hits = search(q["query"], limit=1)
        if not hits:
            continue
        symptom = Symptom.objects.get(slug=hits[0].slug)
        landed.append(symptom)
        lay_name = Synonym.objects.filter(
            symptom=symptom, kind="layperson", text__iexact=symptom.name
        ).exists()
        everyday += symptom.clinical_name_differs or lay_name
    report(f"First results of the {len(queries)} dev queries", landed)
    print(f"  shown with an everyday name   {everyday / (len(landed) or 1):6.1%}")
    also_called_report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
