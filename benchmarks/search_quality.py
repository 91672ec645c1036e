"""Search quality on labelled queries: top-1, recall@5 and MRR, overall and by kind.

    .venv/bin/python benchmarks/search_quality.py                 # throwaway database
    .venv/bin/python benchmarks/search_quality.py --home var      # an initialised site
    .venv/bin/python benchmarks/search_quality.py --file other.jsonl --show-misses

Each line of the query file: {"query", "accept": [HPO ids], "icd10cm": [codes],
"kind"}. A result is a hit when it carries any accepted code. The same run scores
a baseline — a case-insensitive substring match of the query over names and
synonyms — so the engine's figures have something to be compared with.

Without --home, a temporary SYMPTOMDB_HOME is initialised (catalogue, vectors,
bundled articles; about a minute and a half) and removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FILE = REPO.parent / "shared" / "eval" / "dev_queries.jsonl"


def setup_django(home: Path, database_url: str | None) -> None:
    os.environ["SYMPTOMDB_HOME"] = str(home)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "symptomdb.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()


def baseline(query: str, limit: int) -> list[set[str]]:
    """Symptoms whose name or a synonym contains the query, case-insensitively;
    commoner (higher prior) first."""
    from django.db.models import Q

    from symptomdb.terminology.models import Symptom

    matches = (
        Symptom.objects.filter(Q(name__icontains=query) | Q(synonyms__text__icontains=query))
        .distinct()
        .order_by("-prior", "name")
        .prefetch_related("codes")[:limit]
    )
    return [{c.code for c in s.codes.all()} for s in matches]


def engine(query: str, limit: int) -> list[set[str]]:
    from symptomdb.search.service import search

    return [{c.code for c in hit.codes} for hit in search(query, limit=limit)]


def evaluate(
    rows: list[dict[str, object]], run: Callable[[str, int], list[set[str]]]
) -> tuple[dict[str, dict[str, float]], list[tuple[dict[str, object], int | None]]]:
    per_kind: dict[str, list[int | None]] = defaultdict(list)
    ranks = []
    for row in rows:
        accepted = {*row.get("accept", []), *row.get("icd10cm", [])}  # type: ignore[misc]
        results = run(str(row["query"]), 10)
        rank = next((i + 1 for i, codes in enumerate(results) if codes & accepted), None)
        per_kind[str(row.get("kind", "?"))].append(rank)
        per_kind["overall"].append(rank)
        ranks.append((row, rank))
    table = {}
    for kind, kind_ranks in per_kind.items():
        n = len(kind_ranks)
        table[kind] = {
            "n": n,
            "top1": sum(r == 1 for r in kind_ranks) / n,
            "recall@5": sum(r is not None and r <= 5 for r in kind_ranks) / n,
            "mrr": sum(1 / r for r in kind_ranks if r) / n,
        }
    return table, ranks


def print_table(title: str, table: dict[str, dict[str, float]]) -> None:
    print(f"\n{title}")
    print(f"  {'kind':<12}{'n':>4}{'top-1':>8}{'recall@5':>10}{'MRR':>8}")
    for kind in ["overall", *sorted(k for k in table if k != "overall")]:
        t = table[kind]
        print(f"  {kind:<12}{t['n']:>4}{t['top1']:>8.2f}{t['recall@5']:>10.2f}{t['mrr']:>8.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--home", type=Path, help="an initialised SYMPTOMDB_HOME to reuse")
    parser.add_argument(
        "--database-url", help="e.g. postgres://… (default: SQLite in SYMPTOMDB_HOME)"
    )
    parser.add_argument("--show-misses", action="store_true", help="list queries not at rank 1")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    rows = [json.loads(line) for line in args.file.read_text().splitlines() if line.strip()]
    temporary = None
    home = args.home
    if home is None:
        temporary = Path(tempfile.mkdtemp(prefix="symptomdb-quality-"))
        home = temporary
    try:
        setup_django(home.resolve(), args.database_url)
        if temporary is not None or not (home / "search" / "vectors.json").exists():
            from symptomdb.site_init import site_init

            site_init(say=lambda m: print(m, file=sys.stderr), static=False)
        engine_table, engine_ranks = evaluate(rows, engine)
        baseline_table, _ = evaluate(rows, baseline)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)

    if args.json:
        print(json.dumps({"engine": engine_table, "baseline": baseline_table}, indent=2))
    else:
        print(f"{len(rows)} queries from {args.file}")
        print_table("Search engine (search.service.search)", engine_table)
        print_table("Baseline (substring over names and synonyms)", baseline_table)
    if args.show_misses:
        print("\nNot first:")
        for row, rank in engine_ranks:
            if rank != 1:
                print(f"  rank {rank or '-':>2}  [{row.get('kind')}] {row['query']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
