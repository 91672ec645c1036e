from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.search.answer import triage_answer
from symptomdb.search.management.commands._verdict import (
    add_locale_argument,
    locale_option,
    write_level,
    write_safety_net,
    write_sources,
)
from symptomdb.search.service import QueryError


class Command(BaseCommand):
    help = "Say whether TEXT describes an emergency, as the search banner would."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="+")
        add_locale_argument(parser)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        locale = locale_option(options["locale"])
        try:
            verdict = triage_answer(" ".join(options["text"]), locale=locale)
        except QueryError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(verdict.to_dict(), indent=2, ensure_ascii=False))
            return
        if verdict.level is None:
            self.stdout.write("No emergency or urgent sign recognised.")
        else:
            write_level(self, verdict)
            if verdict.matched:
                self.stdout.write("Matched: " + "; ".join(verdict.matched))
            write_sources(self, verdict)
        write_safety_net(self, verdict)
