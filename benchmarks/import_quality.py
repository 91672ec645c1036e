"""How well the article importer reads pages written outside this project (issue 17).

    .venv/bin/python benchmarks/import_quality.py               # with the sentence model
    .venv/bin/python benchmarks/import_quality.py --no-model    # by the synonym sets alone
    .venv/bin/python benchmarks/import_quality.py --headings    # the model's threshold
    .venv/bin/python benchmarks/import_quality.py --json

Pages: the real patient-information pages in ../shared/eval/real-articles/ (test data
only: NHS pages in HTML and Markdown), our own pages in other layouts
(tests/articles/fixtures/layouts/) and the seed (../shared/seed/muscle-spasms.txt).
Hand counts: benchmarks/data/import_counts.yaml — for every section heading of every page,
its kind and the items an editor would take from it, made by reading the page.

For each set it prints the pages that import (parse without error), then per section the
importer's kind and items against the hand count. A section is "within" when its item
count is within one item, or a quarter of the hand count if that is more; "item sections"
are those whose hand kind holds items (causes, relief, prevention, professional,
red_flags). The seed is "exact" when every section's kind and count match exactly.
Targets (issue 17): at least 9 of 10 real pages import, at least 80 % of their item
sections within, the seed exact.

--headings measures the fallback threshold on benchmarks/data/import_headings.yaml
(headings no synonym set names, each labelled with its kind or "other"): for each
threshold, how many labelled headings the model accepts, how many of those it gives the
right kind, and how many "other" headings it wrongly accepts.

Pure parser, no database; always exits 0: this measures, the tests assert.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from symptomdb.articles.importer import ParseError, analyse_article  # noqa: E402
from symptomdb.articles.importer.headings import (  # noqa: E402
    HeadingFallback,
    classify_heading,
    heading_key,
)

REAL = ROOT.parent / "shared" / "eval" / "real-articles"
LAYOUTS = ROOT / "tests" / "articles" / "fixtures" / "layouts"
SEED = ROOT.parent / "shared" / "seed"
COUNTS = ROOT / "benchmarks" / "data" / "import_counts.yaml"
HEADINGS = ROOT / "benchmarks" / "data" / "import_headings.yaml"
ITEM_KINDS = {"causes", "relief", "prevention", "professional", "red_flags"}


@dataclass
class Row:
    page: str
    heading: str
    kind: str
    items: int
    found_kind: str
    found_items: int

    @property
    def within(self) -> bool:
        return abs(self.found_items - self.items) <= max(1.0, self.items / 4)

    @property
    def exact(self) -> bool:
        return self.found_items == self.items and self.found_kind == self.kind


def _key(text: str) -> str:
    return heading_key(text).replace("’", "'")


def measure_set(
    name: str,
    folder: Path,
    counts: dict[str, list[dict[str, Any]]],
    fallback: HeadingFallback | None,
) -> dict[str, Any]:
    imported: list[str] = []
    failed: dict[str, str] = {}
    rows: list[Row] = []
    for page, expected in counts.items():
        path = folder / page
        try:
            analysis = analyse_article(path.read_text("utf-8"), filename=page, fallback=fallback)
        except ParseError as error:
            failed[page] = str(error)
            continue
        imported.append(page)
        found = {_key(s.heading): s for s in analysis.sections}
        for section in expected:
            report = found.get(_key(section["heading"]))
            rows.append(
                Row(
                    page=page,
                    heading=section["heading"],
                    kind=section["kind"],
                    items=int(section["items"]),
                    found_kind=report.kind if report else "(not found)",
                    found_items=len(report.items) if report else 0,
                )
            )
    item_rows = [r for r in rows if r.kind in ITEM_KINDS]
    return {
        "set": name,
        "pages": len(counts),
        "imported": len(imported),
        "failed": failed,
        "sections": len(rows),
        "sections_within": sum(r.within for r in rows),
        "item_sections": len(item_rows),
        "item_sections_within": sum(r.within for r in item_rows),
        "kinds_right": sum(r.found_kind == r.kind for r in rows),
        "exact": all(r.exact for r in rows) and not failed,
        "items_hand": sum(r.items for r in rows),
        "items_found": sum(r.found_items for r in rows),
        "rows": [r.__dict__ | {"within": r.within} for r in rows],
    }


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "n/a"


def print_set(result: dict[str, Any]) -> None:
    print(f"\n== {result['set']}: {result['imported']} of {result['pages']} pages import")
    for error in result["failed"].values():
        print(f"   not imported: {error}")
    print(f"   {'page':32} {'section':48} {'hand':>14} {'found':>16}")
    for row in result["rows"]:
        mark = (
            " "
            if row["within"] and row["found_kind"] == row["kind"]
            else ("~" if row["within"] else "✗")
        )
        print(
            f" {mark} {row['page'][:32]:32} {row['heading'][:48]:48} "
            f"{row['kind'][:11]:>11} {row['items']:>2} {row['found_kind'][:12]:>12} "
            f"{row['found_items']:>3}"
        )
    share = _percent(result["item_sections_within"], result["item_sections"])
    print(
        f"   item sections within one item (or a quarter): {result['item_sections_within']} of "
        f"{result['item_sections']} ({share}); "
        f"all sections: {result['sections_within']} of {result['sections']} "
        f"({_percent(result['sections_within'], result['sections'])}); kinds right: "
        f"{result['kinds_right']} of {result['sections']}; items found {result['items_found']} "
        f"against {result['items_hand']} by hand; exact: {'yes' if result['exact'] else 'no'}"
    )


def measure_headings() -> dict[str, Any]:
    from symptomdb.articles.importer.meaning import heading_model
    from symptomdb.articles.importer.vocabulary import vocabulary

    model = heading_model()
    if model is None:
        return {"error": "the sentence model cannot be loaded"}
    labelled = yaml.safe_load(HEADINGS.read_text("utf-8"))
    pairs = [(kind, text) for kind, texts in labelled.items() for text in texts]
    named = [text for _, text in pairs if classify_heading(text) is not None]
    pairs = [(kind, text) for kind, text in pairs if classify_heading(text) is None]
    scored = list(zip(pairs, model.closest([text for _, text in pairs]), strict=True))
    known = [x for x in scored if x[0][0] != "other"]
    others = [x for x in scored if x[0][0] == "other"]
    table = []
    for step in range(40, 81, 2):
        threshold = step / 100
        accepted = [x for x in known if x[1][1] >= threshold]
        right = [x for x in accepted if x[1][0] == x[0][0]]
        false = [x for x in others if x[1][1] >= threshold]
        table.append(
            {
                "threshold": threshold,
                "accepted": len(accepted),
                "right": len(right),
                "others_accepted": len(false),
            }
        )
    return {
        "headings": len(pairs),
        "known": len(known),
        "others": len(others),
        "named_by_synonyms": named,
        "threshold_in_use": vocabulary().model_threshold,
        "table": table,
    }


def print_headings(result: dict[str, Any]) -> None:
    if "error" in result:
        print(result["error"])
        return
    print(
        f"\n== fallback threshold: {result['known']} labelled headings no synonym names, "
        f"{result['others']} 'other' headings (threshold in use: {result['threshold_in_use']})"
    )
    if result["named_by_synonyms"]:
        print(f"   left out, a synonym set names them: {', '.join(result['named_by_synonyms'])}")
    print("   threshold  accepted  right kind  precision  'other' wrongly accepted")
    for row in result["table"]:
        print(
            f"   {row['threshold']:9.2f}  {row['accepted']:>4}/{result['known']:<3}  "
            f"{row['right']:>10}  {_percent(row['right'], row['accepted']):>9}  "
            f"{row['others_accepted']:>4}/{result['others']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-model", action="store_true", help="synonym sets alone")
    parser.add_argument("--headings", action="store_true", help="measure the model threshold")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.headings:
        result = measure_headings()
        print(json.dumps(result, indent=2) if args.json else "", end="")
        if not args.json:
            print_headings(result)
        return
    fallback: HeadingFallback | None = None
    if not args.no_model:
        from symptomdb.articles.importer.meaning import model_fallback

        fallback = model_fallback()
        if fallback is None:
            print("(the sentence model cannot be loaded: reading by the synonym sets alone)")
    counts = yaml.safe_load(COUNTS.read_text("utf-8"))
    results = [
        measure_set("real pages", REAL, counts["real"], fallback),
        measure_set("our fixtures in other layouts", LAYOUTS, counts["fixtures"], fallback),
        measure_set("the seed", SEED, counts["seed"], fallback),
    ]
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    print(f"model: {'on' if fallback else 'off'}")
    for result in results:
        print_set(result)


if __name__ == "__main__":
    main()
