"""The JSON shapes of the API (DESIGN.md's contracts)."""

from __future__ import annotations

from typing import Literal

from ninja import Schema

System = Literal["HPO", "ICD10CM", "SNOMEDCT"]
Level = Literal["emergency", "urgent", "routine", "self_care"]


class CodeOut(Schema):
    system: System
    code: str


class HitOut(Schema):
    slug: str
    name: str
    score: float
    codes: list[CodeOut]
    has_article: bool


class TriageOut(Schema):
    level: Level | None
    message: str
    matched: list[str]


class SearchOut(Schema):
    query: str
    results: list[HitOut]
    triage: TriageOut
