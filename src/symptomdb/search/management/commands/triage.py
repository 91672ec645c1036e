from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.search.service import QueryError, clean_query
from symptomdb.triage import triage


class Command(BaseCommand):
    help = "Say whether TEXT describes an emergency, as the search banner would."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="+")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            text = clean_query(" ".join(options["text"]))
        except QueryError as error:
            raise CommandError(str(error)) from None
        verdict = triage(text, locale=settings.SYMPTOMDB_LOCALE)
        if options["json"]:
            self.stdout.write(json.dumps(verdict.to_dict(), indent=2, ensure_ascii=False))
            return
        if verdict.level is None:
            self.stdout.write("No emergency or urgent sign recognised.")
            return
        self.stdout.write(f"{verdict.level.upper()}: {verdict.message}")
        if verdict.matched:
            self.stdout.write("Matched: " + "; ".join(verdict.matched))
