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


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys without a word: in rules.yaml a concept written
    twice would silently lose the first one's terms. This loader refuses such a file."""


def _unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"{key!r} is given twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def load_yaml(text: str) -> Any:
    """``yaml.safe_load`` that refuses a mapping with a key given twice."""
    return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass


@cache
def reading_words() -> dict[str, Any]:
    return _load("reading.yaml")


@cache
def context_words() -> dict[str, Any]:
    return _load("context.yaml")


def _load(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data
