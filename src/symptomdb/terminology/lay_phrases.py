"""Everyday phrases for common symptoms: from public patient leaflets (data/lay_phrases.yaml)
and English dictionaries' idioms (data/idioms.yaml), in the same format.

Pure functions: no database. Each phrase becomes a synonym of its HPO term, of kind
"layperson" with the OBO-like scope RELATED (so it is matched and embedded like HPO's own
layperson synonyms, but never chosen as the symptom's everyday name, which takes an EXACT
one) and source LEAFLET or IDIOM, the page or dictionary entry it follows being named in
the file.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class LayPhrases:
    hpo_id: str
    source: str
    phrases: tuple[str, ...]


LEAFLETS_FILE = "lay_phrases.yaml"
IDIOMS_FILE = "idioms.yaml"


def lay_phrases_read(text: str | None = None, *, name: str = LEAFLETS_FILE) -> list[LayPhrases]:
    """The entries of data/<name> (the leaflets' phrases, or IDIOMS_FILE); a malformed one is
    refused with a sentence naming it."""
    if text is None:
        text = (
            importlib.resources.files("symptomdb.terminology")
            .joinpath(f"data/{name}")
            .read_text(encoding="utf-8")
        )
    entries = []
    for hpo_id, entry in (yaml.safe_load(text) or {}).items():
        if not isinstance(entry, dict) or not entry.get("source") or not entry.get("phrases"):
            raise ValueError(f"{name}: {hpo_id} needs a source and phrases.")
        phrases = tuple(" ".join(str(p).split()) for p in entry["phrases"] if str(p).strip())
        entries.append(LayPhrases(str(hpo_id), str(entry["source"]), phrases))
    return entries
