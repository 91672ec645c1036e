"""What a parsed article is: plain frozen dataclasses with the JSON shape of DESIGN.md.

`ParsedArticle.to_dict()` is the "Parsed article JSON" contract printed by
`symptomdb import --dry-run --json`; keep its keys stable (more may be added).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

Urgency = Literal["emergency", "urgent", "routine"]
URGENCIES: tuple[Urgency, ...] = ("emergency", "urgent", "routine")


@dataclass(frozen=True)
class Cause:
    name: str
    explanation: str


@dataclass(frozen=True)
class Advice:
    """One relief method, prevention tip or professional treatment: a name and its text.

    `name` is "" for an item written as a plain bullet with no "Name:" lead.
    """

    name: str
    text: str


@dataclass(frozen=True)
class RedFlag:
    text: str
    urgency: Urgency


@dataclass(frozen=True)
class Source:
    title: str
    url: str = ""


@dataclass(frozen=True)
class Byline:
    name: str = ""
    credentials: str = ""
    affiliation: str = ""
    location: str = ""


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    symptom: str
    summary: str = ""
    causes: list[Cause] = field(default_factory=list)
    relief: list[Advice] = field(default_factory=list)
    prevention: list[Advice] = field(default_factory=list)
    professional_treatment: list[Advice] = field(default_factory=list)
    red_flags: list[RedFlag] = field(default_factory=list)
    conclusion: str = ""
    disclaimer: str = ""
    sources: list[Source] = field(default_factory=list)
    author: Byline = field(default_factory=Byline)
    # Other symptoms the article covers: names, slugs or codes, as the "Covers:" line gave
    # them; `covers_at` ("muscle.txt, line 3") is for the loader's error, not the content.
    covers: list[str] = field(default_factory=list)
    covers_at: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "symptom": self.symptom,
            "summary": self.summary,
            "causes": [{"name": c.name, "explanation": c.explanation} for c in self.causes],
            "relief": _advice_dicts(self.relief),
            "prevention": _advice_dicts(self.prevention),
            "professional_treatment": _advice_dicts(self.professional_treatment),
            "red_flags": [{"text": f.text, "urgency": f.urgency} for f in self.red_flags],
            "conclusion": self.conclusion,
            "disclaimer": self.disclaimer,
            "sources": [{"title": s.title, "url": s.url} for s in self.sources],
            "author": {
                "name": self.author.name,
                "credentials": self.author.credentials,
                "affiliation": self.author.affiliation,
                "location": self.author.location,
            },
            "covers": list(self.covers),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ParsedArticle:
        """The reverse of `to_dict()`; optional keys (disclaimer, sources, …) may be absent."""
        author = data.get("author") or {}
        return cls(
            title=data["title"],
            symptom=data["symptom"],
            summary=data.get("summary", ""),
            causes=[Cause(c["name"], c["explanation"]) for c in data.get("causes", [])],
            relief=_advice_list(data.get("relief", [])),
            prevention=_advice_list(data.get("prevention", [])),
            professional_treatment=_advice_list(data.get("professional_treatment", [])),
            red_flags=[_red_flag(f) for f in data.get("red_flags", [])],
            conclusion=data.get("conclusion", ""),
            disclaimer=data.get("disclaimer", ""),
            sources=[Source(s["title"], s.get("url", "")) for s in data.get("sources", [])],
            author=Byline(
                name=author.get("name", ""),
                credentials=author.get("credentials", ""),
                affiliation=author.get("affiliation", ""),
                location=author.get("location", ""),
            ),
            covers=[str(c) for c in data.get("covers") or []],
        )


def _advice_dicts(items: list[Advice]) -> list[dict[str, str]]:
    return [{"name": a.name, "text": a.text} for a in items]


def _advice_list(items: list[Mapping[str, str]]) -> list[Advice]:
    return [Advice(a["name"], a["text"]) for a in items]


def _red_flag(data: Mapping[str, str]) -> RedFlag:
    urgency = data["urgency"]
    if urgency not in URGENCIES:
        raise ValueError(f"unknown red-flag urgency {urgency!r}; use one of {', '.join(URGENCIES)}")
    return RedFlag(data["text"], cast(Urgency, urgency))
