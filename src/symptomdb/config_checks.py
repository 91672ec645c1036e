"""Reading settings from the environment, each refused in one sentence when wrong.

settings.py reads every variable through these helpers, so a bad value stops
start-up (and `symptomdb check`) with ImproperlyConfigured naming the variable,
the value and what is accepted, instead of a traceback at the first request that
needs it. ENV_READ records every variable read: tests/operations checks that the
README's Configuration table documents each of them.

No Django imports beyond the exception: settings.py imports this module.
"""

from __future__ import annotations

import os
import re
import zoneinfo
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# Every variable settings.py has read, in order; the README documents each.
ENV_READ: list[str] = []

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}
# django-ratelimit's rates: a count, "/", an optional multiplier and s, m, h or d.
RATE = re.compile(r"[1-9]\d*/\d*[smhd]")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql")


def env(name: str, default: str = "") -> str:
    """The raw value of ``name`` ("" when unset), recorded as read."""
    ENV_READ.append(name)
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = env(name).strip()
    if value == "":
        return default
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not valid: use true or false.")


def envint(name: str, default: int, *, minimum: int | None = None) -> int:
    value = env(name).strip()
    if value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not valid: use a whole number"
            + (f" of {minimum} or more." if minimum is not None else ".")
        ) from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={value!r} is not valid: use {minimum} or more.")
    return number


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in (env(name) or default).split(",") if item.strip()]


def envrate(name: str, default: str) -> str:
    value = env(name).strip() or default
    if not RATE.fullmatch(value):
        raise ImproperlyConfigured(
            f"{name}={value!r} is not valid: use a count per period such as 5/h, "
            "20/m or 100/d (s, m, h or d)."
        )
    return value


def envchoice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = env(name).strip() or default
    if value.upper() not in choices:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not valid: use one of {', '.join(choices)}."
        )
    return value.upper()


def envlocale(name: str, default: str) -> str:
    """A country a reader may choose (triage/locales.yaml), as its code ("GB")."""
    from symptomdb.triage.locale import choosable_country, known_countries

    value = env(name).strip() or default
    country = choosable_country(value)
    if country is None:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a country the site has numbers for: use a code such as "
            f"{', '.join(known_countries()[:6])}, … (src/symptomdb/triage/locales.yaml)."
        )
    return country


def envtimezone(name: str, default: str) -> str:
    value = env(name).strip() or default
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a time zone: use an IANA name such as UTC or Europe/London."
        ) from None
    return value


def envdatabase(name: str) -> str:
    """The DATABASE_URL, "" when unset; its scheme must be one the site runs on."""
    value = env(name).strip()
    if value and value.split(":", 1)[0].lower() not in DATABASE_SCHEMES:
        shown = value.split("@")[-1]  # never echo a password
        raise ImproperlyConfigured(
            f"{name}=…{shown!r} is not valid: use postgres://user:password@host:5432/name, "
            "or leave it unset for SQLite in SYMPTOMDB_HOME."
        )
    return value


def writable_home(name: str, path: Path) -> Path:
    """The folder, created if missing; refused when it cannot be written to."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        raise ImproperlyConfigured(
            f"{name}={str(path)!r} is not a folder the site can write to "
            f"({error.strerror or error}): create it, or point {name} at one that is writable."
        ) from None
    return path
