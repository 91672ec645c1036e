from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.search.answer import search_with_triage
from symptomdb.search.management.commands._verdict import (
    add_locale_argument,
    locale_option,
    write_level,
    write_safety_net,
)
from symptomdb.search.service import MAX_RESULTS, QueryError


class Command(BaseCommand):
    help = "Search the symptom catalogue as the site does."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query", nargs="+")
        parser.add_argument("--limit", type=int, default=10)
        add_locale_argument(parser)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        query = " ".join(options["query"])
        if not 1 <= options["limit"] <= MAX_RESULTS:
            raise CommandError(f"--limit must be from 1 to {MAX_RESULTS}, as in the API.")
        locale = locale_option(options["locale"])
        try:
            answer = search_with_triage(query, limit=options["limit"], locale=locale)
        except QueryError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
            return
        write_level(self, answer.triage)
        hits = answer.results
        for rank, hit in enumerate(hits, 1):
            codes = ", ".join(f"{c.label} {c.code}" for c in hit.codes)
            article = " [article]" if hit.has_article else ""
            self.stdout.write(f"{rank:>2}. {hit.name}{article}  ({codes})  /symptoms/{hit.slug}/")
        if not hits:
            self.stdout.write("No symptom matched.")
        write_safety_net(self, answer.triage)
