from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from symptomdb.articles.exchange import ExportError, export_load, import_export
from symptomdb.articles.importer import ParseError
from symptomdb.articles.services import (
    ImportReport,
    articles_import,
    articles_report,
    import_heading_fallback,
)
from symptomdb.people.models import Author


class Command(BaseCommand):
    help = (
        "Import articles from plain text, HTML or Markdown files. All files are read "
        "first; if any cannot be read, nothing is stored. A page that names no clinician "
        "is imported as a draft without an author."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report per section what would be imported, from which lines; write nothing.",
        )
        parser.add_argument(
            "--json", action="store_true", help="Print the parsed articles as JSON."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish the articles, not just draft them."
        )
        parser.add_argument(
            "--author",
            metavar="SLUG",
            help="The author (by slug) of every article, whatever the pages' bylines say.",
        )
        parser.add_argument(
            "--publisher",
            metavar="NAME",
            help="Who supplied the pages (kept as a source: “Content supplied by NAME”).",
        )
        parser.add_argument(
            "--no-model",
            action="store_true",
            help="Recognise sections by their words alone, without the sentence model.",
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
        author = self._author(options["author"])
        publisher = options["publisher"] or ""
        try:
            reports = articles_report(
                [(str(p), p.read_bytes()) for p in paths],
                author=author,
                publisher=publisher,
                fallback=import_heading_fallback(use_model=not options["no_model"]),
            )
        except ParseError as error:
            raise CommandError(f"{error} Nothing was imported.") from None
        parsed = [r.article for r in reports]

        if options["json"]:
            payload = [
                {**r.article.to_dict(), "report": r.to_dict()} if options["dry_run"]
                else r.article.to_dict()
                for r in reports
            ]  # fmt: skip
            self.stdout.write(
                json.dumps(
                    payload[0] if len(payload) == 1 else payload, indent=2, ensure_ascii=False
                )
            )
        if options["dry_run"]:
            if not options["json"]:
                for report in reports:
                    self.stdout.write(self._dry_run_text(report, publish=options["publish"]))
            return
        try:
            results = articles_import(
                parsed=parsed,
                publish=options["publish"],
                author=author,
                symptoms=[r.symptom for r in reports],
            )
        except ValidationError as error:
            raise CommandError(f"{error.messages[0]} Nothing was imported.") from None
        if not options["json"]:
            for path, result in zip(paths, results, strict=True):
                verb = "imported" if result.created else "updated"
                state = result.article.get_status_display().lower()
                who = "" if result.article.author_id else ", no author yet"
                self.stdout.write(f"{path}: “{result.article.title}” {verb} ({state}{who}).")

    def _author(self, slug: str | None) -> Author | None:
        if slug is None:
            return None
        found = Author.objects.filter(slug=slug.strip()).first()
        if found is None:
            raise CommandError(
                f"--author: no author has the slug “{slug}”; add them in the admin first, "
                "or leave --author out. Nothing was imported."
            )
        return found

    def _dry_run_text(self, report: ImportReport, *, publish: bool) -> str:
        article = report.article
        author = report.author.byline if report.author else article.author.name
        state = "published" if publish else "a draft"
        lines = [
            f"{report.name}: “{article.title}” by {author or 'no named author'} — would "
            f"import as {state}."
        ]
        if report.symptom is not None:
            lines.append(
                f"  symptom: “{article.symptom}” → {report.symptom.name} ({report.symptom.slug})"
            )
        else:
            lines.append(f"  symptom: “{article.symptom}” → new symptom (none in the catalogue)")
        if report.alternatives:
            close = ", ".join(f"{x.name} ({x.slug})" for x in report.alternatives)
            lines.append(f"    close alternatives: {close}")
        for section in report.analysis.sections:
            how = f", by {section.recognised_by}" if section.recognised_by else ""
            lines.append(
                f"  line {section.line}: “{section.heading}” — {section.kind}{how}: "
                f"{len(section.items)} item{'s' if len(section.items) != 1 else ''}"
            )
            for line, text in section.items:
                lines.append(f"    + line {line}: {text}")
            for skip in section.skipped:
                lines.append(f"    - line {skip.line}: skipped ({skip.reason}): {skip.text}")
        for warning in report.warnings:
            lines.append(f"  warning: {warning}")
        return "\n".join(lines)

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
