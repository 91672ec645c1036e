"""What `symptomdb search` and `symptomdb triage` share: the --locale option and the
verdict as text, which always ends with the safety net."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.triage import TriageResult
from symptomdb.triage.locale import LOCALE_ADVICE, locale_well_formed


def add_locale_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--locale",
        default="",
        help=(
            "the reader's country for the numbers to call: GB, US, AU… or a language tag such "
            "as en-GB (default: SYMPTOMDB_LOCALE; a country not on record gets 112)"
        ),
    )


def locale_option(value: str) -> str | None:
    if not locale_well_formed(value):
        raise CommandError(f"--locale: {LOCALE_ADVICE}.")
    return value or None


def write_level(command: BaseCommand, verdict: TriageResult) -> None:
    """The verdict's level and message ("EMERGENCY: Call 911 now…"); nothing when no level."""
    if verdict.level is None:
        return
    style = command.style.ERROR if verdict.level == "emergency" else command.style.WARNING
    command.stdout.write(style(f"{verdict.level.upper()}: {verdict.message}"))


def write_sources(command: BaseCommand, verdict: TriageResult) -> None:
    if verdict.sources:
        command.stdout.write("Why we say this:")
    if verdict.why:
        command.stdout.write(f"  {verdict.why}")
    for source in verdict.sources:
        command.stdout.write(f"  {source['title']} <{source['url']}>")


def write_safety_net(command: BaseCommand, verdict: TriageResult) -> None:
    """The last line of every answer, whatever its level."""
    command.stdout.write(verdict.safety_net)
