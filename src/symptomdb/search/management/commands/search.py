from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.search.answer import search_with_triage
from symptomdb.search.service import QueryError


class Command(BaseCommand):
    help = "Search the symptom catalogue as the site does."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query", nargs="+")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        query = " ".join(options["query"])
        if not 1 <= options["limit"] <= 100:
            raise CommandError("--limit must be from 1 to 100.")
        try:
            answer = search_with_triage(query, limit=options["limit"])
        except QueryError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
            return
        if answer.triage.level == "emergency":
            self.stdout.write(self.style.ERROR(f"EMERGENCY: {answer.triage.message}"))
        hits = answer.results
        for rank, hit in enumerate(hits, 1):
            codes = ", ".join(f"{c.label} {c.code}" for c in hit.codes)
            article = " [article]" if hit.has_article else ""
            self.stdout.write(f"{rank:>2}. {hit.name}{article}  ({codes})  /symptoms/{hit.slug}/")
        if not hits:
            self.stdout.write("No symptom matched.")
