"""Reading the symptom codes of ICD-10-CM from the simple-icd-10-cm package.

Pure functions: no database. Which codes count as symptoms is data
(data/icd10cm_symptom_codes.yaml): chapter 18 (R00–R99) and a list of code
prefixes from other chapters.
"""

from __future__ import annotations

import importlib.resources
import warnings
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

import yaml


@dataclass
class IcdCode:
    code: str
    name: str
    parent: str | None
    inclusions: list[str] = field(default_factory=list)


def icd_version() -> str:
    try:
        return f"simple-icd-10-cm {version('simple-icd-10-cm')}"
    except PackageNotFoundError:  # pragma: no cover - a declared dependency
        return "simple-icd-10-cm"


def icd_selection() -> tuple[list[str], list[str], list[str]]:
    """The chapters, code prefixes and excluded prefixes, from the package's data file."""
    text = (
        importlib.resources.files("symptomdb.terminology")
        .joinpath("data/icd10cm_symptom_codes.yaml")
        .read_text(encoding="utf-8")
    )
    data = yaml.safe_load(text)
    return (
        [str(c) for c in data.get("chapters", [])],
        [str(p) for p in data.get("prefixes", [])],
        [str(p) for p in data.get("exclude", [])],
    )


def icd_read() -> list[IcdCode]:
    """Every selected category and subcategory, parents before children.

    Seven-character extensions (injury encounters, e.g. T75.3XXA) are not symptoms
    and are left out.
    """
    with warnings.catch_warnings():
        # The package reads its data with importlib.resources' legacy API and
        # says so on every first use; nothing for us to act on.
        warnings.simplefilter("ignore", DeprecationWarning)
        return _icd_read()


def _icd_read() -> list[IcdCode]:
    import simple_icd_10_cm as cm

    chapters, prefixes, excluded = icd_selection()
    roots: list[str] = []
    for chapter in chapters:
        roots.extend(c for c in cm.get_children(chapter))
    roots.extend(prefixes)

    selected: dict[str, None] = {}
    for root in roots:
        if not cm.is_valid_item(root):
            raise ValueError(f"{root!r} in icd10cm_symptom_codes.yaml is not an ICD-10-CM code.")
        for item in [root, *cm.get_descendants(root)]:
            if cm.is_category_or_subcategory(item) and not item.startswith(tuple(excluded)):
                selected[item] = None

    codes = []
    for item in sorted(selected, key=cm.get_index):
        parent = cm.get_parent(item)
        codes.append(
            IcdCode(
                code=item,
                name=cm.get_description(item).strip(),
                # A block and its only category can share a code (R97): not a parent.
                parent=parent if parent in selected and parent != item else None,
                inclusions=[t.strip() for t in cm.get_inclusion_term(item) if t.strip()],
            )
        )
    return codes
