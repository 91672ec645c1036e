"""Which numbers a triage message gives, by the reader's country (data in locales.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class LocaleNumbers:
    country: str
    emergency_number: str
    urgent_help: str
    crisis_line: str | None


def numbers_for(locale: str) -> LocaleNumbers:
    """Numbers for ``locale``: a country code ("GB") or a language tag ("en-GB", "en_US").

    An unknown locale gets 112 and no crisis line rather than an error: a reader in trouble must
    still see a message, and 112 reaches emergency services from mobiles in much of the world.
    """
    table = _table()
    country = _country(locale)
    country = table["aliases"].get(country, country)
    if country in table["locales"]:
        entry = table["locales"][country]
    elif country in table["eu_112"]:
        entry = table["default"]
    else:
        country, entry = "", table["default"]
    return LocaleNumbers(
        country=country,
        emergency_number=str(entry["emergency_number"]),
        urgent_help=str(entry["urgent_help"]),
        crisis_line=entry.get("crisis_line"),
    )


def _country(locale: str) -> str:
    # "en-GB" and "en_GB" carry the country last; a bare "GB" is the country itself.
    parts = locale.replace("_", "-").strip().split("-")
    return parts[-1].upper() if parts else ""


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("locales.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    data["aliases"] = data.get("aliases") or {}
    data["eu_112"] = frozenset(data.get("eu_112") or ())
    return data
