"""Measures the shape of the code: package imports, long functions, big files, code systems.

Run: .venv/bin/python benchmarks/architecture.py

Prints (1) the imports between the packages of src/symptomdb (module-level and
function-level alike, TYPE_CHECKING blocks included), (2) the five longest functions
outside migrations, (3) the files over 400 lines, and (4) where code systems are
defined: the modules whose code (not docstrings) writes down two or more HL7 code-system
OIDs ("2.16.840.1.113883.6.…").
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src" / "symptomdb"
OID = re.compile(r"2\.16\.840\.1\.113883\.6\.\d+")


def package_of(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return parts[0]


def sources() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if "migrations" not in p.parts)


def imported_packages(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "symptomdb" and len(parts) > 1:
                found.add(parts[1])
            elif parts[0] == "symptomdb" and isinstance(node, ast.ImportFrom):
                found.update(alias.name for alias in node.names)
    return found


def _code_strings(tree: ast.AST) -> list[str]:
    """The string constants of a module, docstrings left out (a docstring that names
    an OID documents it; it does not define it)."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def main() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    functions: list[tuple[int, str]] = []
    big_files: list[tuple[int, str]] = []
    oid_modules: dict[str, int] = {}
    for path in sources():
        text = path.read_text()
        tree = ast.parse(text)
        here = package_of(path)
        for there in imported_packages(tree):
            if there != here:
                edges[here].add(there)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                name = f"{path.relative_to(ROOT.parent)}:{node.name}"
                functions.append((length, name))
        lines = text.count("\n")
        if lines > 400:
            big_files.append((lines, str(path.relative_to(ROOT.parent))))
        oids = set(OID.findall(" ".join(_code_strings(tree))))
        if len(oids) >= 2:
            oid_modules[str(path.relative_to(ROOT.parent))] = len(oids)

    print("Imports between packages (importer -> imported):")
    for here in sorted(edges):
        print(f"  {here:15} -> {', '.join(sorted(edges[here]))}")
    cycles = sorted(
        f"{a} <-> {b}" for a in edges for b in edges[a] if a < b and a in edges.get(b, set())
    )
    print(f"Cycles between packages: {', '.join(cycles) or 'none'}")
    print("\nFive longest functions (lines):")
    for length, name in sorted(functions, reverse=True)[:5]:
        print(f"  {length:4}  {name}")
    print("\nFiles over 400 lines:")
    for lines, name in sorted(big_files, reverse=True):
        print(f"  {lines:4}  {name}")
    if not big_files:
        print("  none")
    print("\nModules that write down two or more HL7 code-system OIDs (code-system definitions):")
    for name, count in sorted(oid_modules.items()):
        print(f"  {name} ({count} OIDs)")


if __name__ == "__main__":
    main()
