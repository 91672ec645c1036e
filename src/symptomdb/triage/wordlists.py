"""The triage's word lists, read once from the data files beside this module.

``reading.yaml`` (contractions, dropped words, irregular forms) and ``context.yaml`` (negation,
history, questions, clause ends) are clinical-language content that clinicians edit as they edit
``rules.yaml``; this module only loads them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def reading_words() -> dict[str, Any]:
    return _load("reading.yaml")


@cache
def context_words() -> dict[str, Any]:
    return _load("context.yaml")


def _load(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data
