"""Search quality on labelled queries: top-1, recall@5 and MRR, overall and by kind.

    .venv/bin/python benchmarks/search_quality.py                 # throwaway database
    .venv/bin/python benchmarks/search_quality.py --home var      # an initialised site
    .venv/bin/python benchmarks/search_quality.py --file other.jsonl --split tune --show-misses
    .venv/bin/python benchmarks/search_quality.py --file benchmarks/data/search_heldout.jsonl \
        --split held_out                                           # one part of a split set
    scripts/with-postgres .venv/bin/python benchmarks/search_quality.py --database postgres

Each line of the query file: {"query", "accept": [HPO ids], "icd10cm": [codes],
"kind"} (and optionally "split": "tune" or "held_out", which --split selects;
without --split every line counts, and a split set's figures are printed per part
as well). A result is a hit when it carries any accepted code. The same run scores
a baseline — a case-insensitive substring match of the query over names and
synonyms — so the engine's figures have something to be compared with.

Without --home, a temporary SYMPTOMDB_HOME is initialised (catalogue, vectors,
bundled articles; about a minute and a half) and removed afterwards.

--catalogue N adds N queries drawn at random (a fixed seed) from the catalogue
itself, each to be answered by its own symptom: half related, broad or narrow
synonyms, half the first sentence of an uncommon symptom's definition (prior
< 0.3, so not embedded: the full-text search does most of the work). Nobody
designed against them; they compare the two databases' full-text backends.

--database postgres runs on the PostgreSQL server DATABASE_URL names (so its
full-text backend, search/lexical/postgres.py); scripts/with-postgres starts a
throwaway one and sets DATABASE_URL. The catalogue is loaded into it first; with
--home pointing at an initialised site, its vectors are reused rather than
computed again. --database sqlite (the default) ignores DATABASE_URL.
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


def _first_name(query: str) -> str:
    from symptomdb.search.service import search

    hits = search(query, limit=1)
    return hits[0].name if hits else "nothing"


def catalogue_sample(n: int, seed: int = 6) -> list[dict[str, object]]:
    """n queries from the catalogue, each accepting only its own symptom's codes."""
    import random

    from symptomdb.terminology.models import Symptom, SymptomCode, Synonym

    rng = random.Random(seed)
    codes: dict[int, list[str]] = defaultdict(list)
    for sid, code in SymptomCode.objects.filter(system__in=["HPO", "ICD10CM"]).values_list(
        "symptom_id", "code"
    ):
        codes[sid].append(code)
    synonyms = sorted(
        Synonym.objects.filter(kind__in=["related", "broad", "narrow"]).values_list(
            "symptom_id", "text"
        )
    )
    definitions = sorted(
        (sid, definition.split(". ")[0][:200])
        for sid, definition in Symptom.objects.filter(prior__lt=0.3)
        .exclude(definition="")
        .values_list("id", "definition")
    )
    rows: list[dict[str, object]] = []
    for kind, pool, k in (
        ("cat-synonym", synonyms, n // 2),
        ("cat-definition", definitions, n - n // 2),
    ):
        for sid, text in rng.sample(pool, k):
            rows.append({"query": text, "accept": codes[sid], "kind": kind})
    return rows


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
        "--database",
        choices=["sqlite", "postgres"],
        default="sqlite",
        help="postgres: the server in DATABASE_URL (run under scripts/with-postgres)",
    )
    parser.add_argument("--database-url", help="any database URL, e.g. postgres://…")
    parser.add_argument("--show-misses", action="store_true", help="list queries not at rank 1")
    parser.add_argument(
        "--catalogue", type=int, default=0, metavar="N", help="also N queries from the catalogue"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--split", help='only the lines whose "split" is this ("tune" or "held_out")'
    )
    args = parser.parse_args()

    database_url = args.database_url
    if args.database == "sqlite" and not database_url:
        os.environ.pop("DATABASE_URL", None)
    if args.database == "postgres" and not database_url:
        database_url = os.environ.get("DATABASE_URL", "")
        if not database_url.startswith(("postgres://", "postgresql://")):
            parser.error(
                "--database postgres needs DATABASE_URL=postgres://…; run it as "
                "scripts/with-postgres .venv/bin/python benchmarks/search_quality.py "
                "--database postgres"
            )
    rows = [json.loads(line) for line in args.file.read_text().splitlines() if line.strip()]
    if args.show_misses and args.split != "tune":
        # Only a tuning part is read query by query: a held-out part and the dev set (whose
        # misses were read while designing, docs/search.md) are measured, never read.
        parser.error("--show-misses only with --split tune.")
    if args.split:
        rows = [row for row in rows if row.get("split") == args.split]
        if not rows:
            parser.error(f"no line of {args.file} has split {args.split!r}.")
    temporary = None
    home = args.home
    if home is None:
        temporary = Path(tempfile.mkdtemp(prefix="symptomdb-quality-"))
        home = temporary
    try:
        setup_django(home.resolve(), database_url)
        from django.db import connection

        from symptomdb.site_init import site_init

        # Quick when the site is initialised already; it loads a fresh database.
        site_init(say=lambda m: print(m, file=sys.stderr), static=False)
        vendor = connection.vendor
        engine_table, engine_ranks = evaluate(rows, engine)
        first_names = (
            {
                str(row["query"]): _first_name(str(row["query"]))
                for row, rank in engine_ranks
                if rank != 1
            }
            if args.show_misses
            else {}
        )
        splits = sorted({str(row["split"]) for row in rows if "split" in row})
        split_tables = (
            {
                split: evaluate([r for r in rows if r.get("split") == split], engine)[0]
                for split in splits
            }
            if len(splits) > 1
            else {}
        )
        baseline_table, _ = evaluate(rows, baseline)
        catalogue_table = (
            evaluate(catalogue_sample(args.catalogue), engine)[0] if args.catalogue else None
        )
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)

    if args.json:
        print(
            json.dumps(
                {
                    "database": vendor,
                    "engine": engine_table,
                    "baseline": baseline_table,
                    "catalogue": catalogue_table,
                    "splits": split_tables,
                },
                indent=2,
            )
        )
    else:
        print(f"{len(rows)} queries from {args.file}, on {vendor}")
        print_table("Search engine (search.service.search)", engine_table)
        for split, table in split_tables.items():
            print_table(f"Search engine, {split} part", table)
        print_table("Baseline (substring over names and synonyms)", baseline_table)
        if catalogue_table:
            print_table("Catalogue sample (search engine)", catalogue_table)
    if args.show_misses:
        print("\nNot first (wanted → what came first):")
        for row, rank in engine_ranks:
            if rank != 1:
                first = first_names.get(str(row["query"]), "?")
                print(
                    f"  rank {rank or '-':>2}  [{row.get('kind')}] {row['query']}"
                    f"  → wanted {row.get('label', '?')}; first {first}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
