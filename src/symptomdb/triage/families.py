"""The families of rules.yaml as symptom pages read them: the codes each concerns, its red flags.

Parsed with the rules (ruleset.py) so that a malformed code or flag fails the rules' own check at
start-up, naming the family. red_flags.py looks them up for a symptom.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class RuleSetError(ValueError):
    """rules.yaml is malformed; the message names the rule, concept or family to fix."""


@dataclass(frozen=True)
class Source:
    """A guidance page a rule or a bank group follows; readers see it under "Why we say this"."""

    title: str
    url: str


# How a family writes a code it concerns: the HPO identifier as HPO writes it, an ICD-10-CM code
# with the system's short name the catalogue uses (terminology.models.CodeSystem).
_CODE = re.compile(r"^(?:HP:\d{7}|ICD10CM:[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)$")
_FLAG_LEVELS = ("emergency", "urgent")


@dataclass(frozen=True)
class FamilyFlag:
    """One line of a family's ``red_flags:``, before the reader's numbers are filled in."""

    family: str
    level: str
    when: str
    sources: tuple[Source, ...]


def system_code(code: str) -> tuple[str, str]:
    """``("HPO", "HP:0002315")`` for "HP:0002315"; ``("ICD10CM", "R51.9")`` for "ICD10CM:R51.9"."""
    if code.startswith("HP:"):
        return "HPO", code
    system, _, value = code.partition(":")
    return system, value


def family_flags(families: Mapping[str, Any]) -> dict[tuple[str, str], tuple[FamilyFlag, ...]]:
    """The red flags of every family, by each (system, code) it concerns; checked as they are read.

    Raises RuleSetError naming the family for a malformed code or level, a flag without words, or
    codes without any flag (a page would show nothing for them).
    """
    by_code: dict[tuple[str, str], list[FamilyFlag]] = {}
    for name, family in families.items():
        concerns = family.get("concerns") or []
        raw_flags = family.get("red_flags") or []
        if not concerns and not raw_flags:
            continue
        if not concerns or not raw_flags:
            raise RuleSetError(f"family {name}: give both concerns: and red_flags:, or neither")
        sources = tuple(Source(str(s["name"]), str(s["url"])) for s in family.get("source") or [])
        flags = []
        for raw in raw_flags:
            level, when = raw.get("level"), str(raw.get("when") or "").strip()
            if level not in _FLAG_LEVELS:
                raise RuleSetError(f"family {name}: a red flag's level must be emergency or urgent")
            if not when:
                raise RuleSetError(f"family {name}: a red flag needs its words under when:")
            flags.append(FamilyFlag(name, level, when, sources))
        for code in concerns:
            if not _CODE.match(str(code)):
                raise RuleSetError(
                    f"family {name}: {code!r} is not an HPO code (HP:0002315) or an ICD-10-CM "
                    "code (ICD10CM:R51.9)"
                )
            by_code.setdefault(system_code(str(code)), []).extend(flags)
    return {code: tuple(flags) for code, flags in by_code.items()}
