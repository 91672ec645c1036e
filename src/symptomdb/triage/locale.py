"""Which numbers and words a triage answer gives, by the reader's country (locales.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .wordlists import load_yaml

# What a locale a reader or a client gives may look like: a country code ("GB") or a language
# tag ("en-GB", "en_GB"). Anything of this shape is answered (an unknown country with the 112
# default); the API and the CLI refuse anything else.
LOCALE_PATTERN = r"^[A-Za-z_-]{0,16}$"
LOCALE_ADVICE = (
    "give a country code such as GB or a language tag such as en-GB "
    "(letters, '-' and '_', at most 16)"
)

# Placeholders a rule's message may use, each filled from the reader's country.
PLACEHOLDERS = ("emergency_number", "urgent_help", "crisis_line", "poison_line", "gas_line")

# Said when a message needs a line the reader's country has none of on record.
_FALLBACKS = {
    "crisis_line": "a local crisis line",
    "poison_line": "your local poison information service",
    "gas_line": "your gas supplier's emergency number",
}


@dataclass(frozen=True)
class LocaleNumbers:
    country: str
    emergency_number: str
    urgent_help: str
    crisis_line: str | None
    # "If it gets worse or you are worried…": shown with every answer, whatever the level.
    safety_net: str
    poison_line: str | None = None
    gas_line: str | None = None

    def placeholders(self) -> dict[str, str]:
        """The values for a message's placeholders, with a plain fallback for a missing line."""
        values = {name: getattr(self, name) for name in PLACEHOLDERS}
        return {name: value or _FALLBACKS.get(name, "") for name, value in values.items()}


def locale_well_formed(value: str) -> bool:
    """Whether ``value`` has the shape of a locale (LOCALE_PATTERN), known or not."""
    return re.fullmatch(LOCALE_PATTERN, value) is not None


def numbers_for(locale: str) -> LocaleNumbers:
    """Numbers for ``locale``: a country code ("GB") or a language tag ("en-GB", "en_US").

    An unknown locale gets 112 and no crisis line rather than an error: a reader in trouble must
    still see a message, and 112 reaches emergency services from mobiles in much of the world.
    """
    table = _table()
    country = _country(locale)
    country = table["aliases"].get(country, country)
    if country in table["locales"]:
        entry = {**table["default"], **table["locales"][country]}
    elif country in table["eu_112"]:
        entry = table["default"]
    else:
        country, entry = "", table["default"]
    numbers = {name: entry.get(name) for name in PLACEHOLDERS}
    return LocaleNumbers(
        country=country,
        emergency_number=str(numbers["emergency_number"]),
        urgent_help=str(numbers["urgent_help"]),
        crisis_line=numbers["crisis_line"],
        poison_line=numbers["poison_line"],
        gas_line=numbers["gas_line"],
        safety_net=str(entry["safety_net"]).strip().format(**_placeholders_raw(numbers)),
    )


def _placeholders_raw(numbers: dict[str, Any]) -> dict[str, str]:
    return {name: value or _FALLBACKS.get(name, "") for name, value in numbers.items()}


def known_countries() -> list[str]:
    """Countries with numbers of their own on record, for the reader's country choice."""
    return sorted(_table()["locales"])


def country_choices() -> list[tuple[str, str]]:
    """(code, name) of every country a reader may choose: those with numbers of their own,
    then the 112 countries, each group by name, and "EU" (any other EU country) last."""
    table = _table()
    names: dict[str, str] = table["names"]
    own = sorted(table["locales"], key=lambda code: names.get(code, code))
    eu = sorted(
        table["eu_112"] - set(own),
        key=lambda code: (code == "EU", names.get(code, code)),
    )
    return [(code, names.get(code, code)) for code in (*own, *eu)]


def choosable_country(value: str | None) -> str | None:
    """The country code ``value`` names ("gb", "UK", "en-GB" → "GB") if a reader may choose it
    (country_choices), else None."""
    if not value:
        return None
    table = _table()
    country = _country(value)
    country = table["aliases"].get(country, country)
    if country in table["locales"] or country in table["eu_112"]:
        return country
    return None


def country_name(country: str) -> str:
    """The country's name as the choice shows it; "" for none (the 112 default)."""
    return str(_table()["names"].get(country, country))


def _country(locale: str) -> str:
    # "en-GB" and "en_GB" carry the country last; a bare "GB" is the country itself.
    parts = locale.replace("_", "-").strip().split("-")
    return parts[-1].upper() if parts else ""


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("locales.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(text)
    data["aliases"] = data.get("aliases") or {}
    data["eu_112"] = frozenset(data.get("eu_112") or ())
    data["names"] = data.get("names") or {}
    return data
