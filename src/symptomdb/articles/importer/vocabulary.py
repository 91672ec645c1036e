"""The importer's wording, loaded once from `sections.yaml` (data, not code).

Section synonym sets, care-card classes and prefixes, urgency words, "Do/Don't" list
headings, list lead-ins, prose cause cues and the sentence model's example headings all
live in that file, each set with a comment on where such wording is used.
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

import yaml

from .model import Urgency


@dataclass(frozen=True)
class Vocabulary:
    sections: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    care_classes: dict[str, Urgency]
    care_prefixes: dict[str, Urgency]
    emergency: tuple[re.Pattern[str], ...]
    urgent: tuple[re.Pattern[str], ...]
    do: re.Pattern[str]
    dont: re.Pattern[str]
    already_negative: re.Pattern[str]
    causes_lead_in: re.Pattern[str]
    symptoms_lead_in: re.Pattern[str]
    prose_cue: re.Pattern[str]
    prose_list_after: re.Pattern[str]
    attribution: re.Pattern[str]
    furniture: re.Pattern[str]
    model_threshold: float
    model_examples: dict[str, tuple[str, ...]]


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


@cache
def vocabulary() -> Vocabulary:
    text = importlib.resources.files(__package__).joinpath("sections.yaml").read_text("utf-8")
    data = cast(dict[str, Any], yaml.safe_load(text))
    care = data["care_cards"]
    urgency = data["urgency"]
    do_dont = data["do_dont"]
    lead_ins = data["lead_ins"]
    prose = data["prose_causes"]
    model = data["model"]
    ci = re.IGNORECASE
    return Vocabulary(
        sections=tuple(
            (kind, tuple(_compile(p) for p in patterns))
            for kind, patterns in data["sections"].items()
        ),
        care_classes={k.lower(): v for k, v in care["classes"].items()},
        care_prefixes={k.lower(): v for k, v in care["prefixes"].items()},
        emergency=tuple(_compile(p, ci) for p in urgency["emergency"]),
        urgent=tuple(_compile(p, ci) for p in urgency["urgent"]),
        do=_compile(do_dont["do"], ci),
        dont=_compile(do_dont["dont"], ci),
        already_negative=_compile(do_dont["already_negative"], ci),
        causes_lead_in=_compile(lead_ins["causes"], ci),
        symptoms_lead_in=_compile(lead_ins["symptoms"], ci),
        prose_cue=_compile(prose["cue"], ci),
        prose_list_after=_compile(prose["list_after"], ci),
        attribution=_compile(data["attribution"], ci),
        furniture=_compile(data["furniture"], ci),
        model_threshold=float(model["threshold"]),
        model_examples={k: tuple(v) for k, v in model["examples"].items()},
    )
