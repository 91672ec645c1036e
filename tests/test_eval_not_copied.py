"""No query of the labelled evaluation sets appears in the code or the tests.

The search and the triage are judged on `../shared/eval/` and on harder queries
nobody here sees. A rule, synonym or test written around one of those queries
would make the figures flatter the engine without helping a reader, so the
project writes its own examples. This test reads the evaluation files and fails
on any distinctive query found verbatim (case and spacing aside) in `src/` or
`tests/`.

"Distinctive" leaves out the queries that are simply a symptom's name ("insomnia",
"muscle spasm", "tension headache"): the catalogue, the lay-terms file and the
rules must be able to name symptoms. Everything else counts: every misspelling,
every British phrase of two words or more, and every lay, long or triage query of
three words or more.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, SHARED

EVAL = SHARED / "eval"
SEARCHED = ("src", "tests")
SUFFIXES = {".py", ".yaml", ".yml", ".txt", ".json", ".jsonl", ".md", ".html", ".toml"}


def _lines(name: str) -> Iterator[dict[str, str]]:
    path = EVAL / name
    if not path.exists():
        pytest.skip(f"{path} is not here, so there is nothing to compare with.")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def distinctive_queries() -> list[str]:
    queries = [row["query"] for row in _lines("dev_triage.jsonl") if len(row["query"].split()) >= 3]
    for row in _lines("dev_queries.jsonl"):
        words = len(row["query"].split())
        kind = row.get("kind", "")
        if (
            kind == "misspelled"
            or (kind == "british" and words >= 2)
            or (kind not in {"exact", "synonym"} and words >= 3)
        ):
            queries.append(row["query"])
    return queries


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def _project_texts() -> dict[Path, str]:
    texts = {}
    for folder in SEARCHED:
        for path in (REPO / folder).rglob("*"):
            if path.is_file() and path.suffix in SUFFIXES and "__pycache__" not in path.parts:
                texts[path] = _normal(path.read_text(encoding="utf-8", errors="ignore"))
    return texts


def copies(queries: list[str], texts: dict[Path, str]) -> list[str]:
    found = []
    for query in queries:
        # Whole words only: "knee pain" inside "left-knee pain" is a different phrase.
        pattern = re.compile(r"(?<![\w-])" + re.escape(_normal(query)) + r"(?![\w-])")
        found += [
            f"{query!r} in {path.relative_to(REPO)}"
            for path, text in texts.items()
            if pattern.search(text)
        ]
    return found


def test_it_finds_no_evaluation_query_in_the_code_or_the_tests():
    queries = distinctive_queries()
    assert queries, "the evaluation files gave no query to look for"
    assert copies(queries, _project_texts()) == []


def test_it_would_notice_a_copy(tmp_path):
    # The search itself, on a made-up file: a phrase is found as a whole phrase,
    # whatever its case and spacing, and not inside a longer hyphenated word.
    copied = tmp_path / "copied.py"
    copied.write_text('EXAMPLE = "My  Knee Gives Way on stairs"\nOTHER = "left-knee pain"\n')
    texts = {REPO / "copied.py": _normal(copied.read_text())}
    assert copies(["my knee gives way on stairs"], texts) == [
        "'my knee gives way on stairs' in copied.py"
    ]
    assert copies(["knee pain"], texts) == []
