from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from symptomdb.articles.exchange import ExportError, export_load, import_export
from symptomdb.articles.importer import ParseError
from symptomdb.articles.services import articles_import, articles_parse_files


class Command(BaseCommand):
    help = (
        "Import articles from plain text, HTML or Markdown files. All files are read "
        "first; if any cannot be read, nothing is stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--dry-run", action="store_true", help="Parse and report; write nothing."
        )
        parser.add_argument(
            "--json", action="store_true", help="Print the parsed articles as JSON."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish the articles, not just draft them."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = options["paths"]
        for path in paths:
            if not path.is_file():
                raise CommandError(f"{path}: no such file.")
        # A `symptomdb export` JSON file restores everything; articles come one a file.
        exports = [(p, data) for p in paths if (data := export_load(p.read_bytes())) is not None]
        if exports:
            self._import_export(paths, exports[0][1], options)
            return
        try:
            parsed = articles_parse_files(paths)
        except ParseError as error:
            raise CommandError(f"{error} Nothing was imported.") from None

        if options["json"]:
            payload = [p.to_dict() for p in parsed]
            self.stdout.write(
                json.dumps(
                    payload[0] if len(payload) == 1 else payload, indent=2, ensure_ascii=False
                )
            )
        if options["dry_run"]:
            if not options["json"]:
                for path, p in zip(paths, parsed, strict=True):
                    self.stdout.write(f"{path}: “{p.title}” by {p.author.name} — would import.")
            return
        try:
            results = articles_import(parsed=parsed, publish=options["publish"])
        except ValidationError as error:
            raise CommandError(f"{error.messages[0]} Nothing was imported.") from None
        if not options["json"]:
            for path, result in zip(paths, results, strict=True):
                verb = "imported" if result.created else "updated"
                state = result.article.get_status_display().lower()
                self.stdout.write(f"{path}: “{result.article.title}” {verb} ({state}).")

    def _import_export(self, paths: list[Path], data: dict[str, Any], options: Any) -> None:
        if len(paths) > 1:
            raise CommandError("Import an export file on its own, not with other files.")
        if options["publish"]:
            raise CommandError("An export keeps each article's status; leave out --publish.")
        path = paths[0]
        try:
            with transaction.atomic():
                result = import_export(data)
                # A dry run imports all of it, to find any error, then undoes it.
                transaction.set_rollback(options["dry_run"])
        except ExportError as error:
            raise CommandError(f"{path}: {error} Nothing was imported.") from None
        done = "would be" if options["dry_run"] else "were"
        self.stdout.write(
            f"{path}: {result.articles_created} articles {done} imported and "
            f"{result.articles_updated} updated, with {result.authors} authors and "
            f"{result.comments} comments."
        )
