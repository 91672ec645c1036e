from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.text import slugify

from symptomdb.articles.exchange import export_all
from symptomdb.articles.importer import render_markdown
from symptomdb.articles.models import Article
from symptomdb.articles.selectors import SECTIONS, article_to_parsed


class Command(BaseCommand):
    help = (
        "Export everything editors wrote. --format json (the default) writes one file "
        "with every author, article (any status, with dates and reviewer) and approved "
        "comment, which `symptomdb import FILE` restores; --format markdown writes one "
        "readable .md file per article into the folder DEST, which `symptomdb import "
        "DEST/*.md` reads back (text only: no status, dates, reviewer or comments)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dest", type=Path, metavar="DEST", help="A file, or - for stdout.")
        parser.add_argument("--format", choices=["json", "markdown"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        dest: Path = options["dest"]
        # Refused before anything is read or written.
        if options["format"] == "markdown" and str(dest) == "-":
            raise CommandError(
                "--format markdown writes one file per article into a folder: give a folder "
                "name, or use --format json for stdout."
            )
        if str(dest) != "-" and not dest.absolute().parent.is_dir():
            raise CommandError(
                f"The folder {dest.absolute().parent} does not exist: create it first, "
                "or give a path in a folder that does."
            )
        if options["format"] == "json":
            self._json(dest)
        else:
            self._markdown(dest)

    def _json(self, dest: Path) -> None:
        data = export_all()
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if str(dest) == "-":
            self.stdout.write(text, ending="")
            return
        if dest.is_dir():
            raise CommandError(f"{dest} is a folder; give a file name such as {dest}/export.json.")
        dest.write_text(text, encoding="utf-8")
        self.stdout.write(
            f"{dest}: {_count(len(data['authors']), 'author')}, "
            f"{_count(len(data['articles']), 'article')}, "
            f"{_count(sum(len(a['comments']) for a in data['articles']), 'comment')}."
        )

    def _markdown(self, dest: Path) -> None:
        if dest.exists() and not dest.is_dir():
            raise CommandError(f"{dest} is a file; --format markdown writes into a folder.")
        dest.mkdir(parents=True, exist_ok=True)
        articles = (
            Article.objects.select_related("author", "symptom")
            .prefetch_related(*SECTIONS)
            .order_by("title", "id")
        )
        used: set[str] = set()
        for article in articles:
            stem = slugify(article.title)[:80] or f"article-{article.pk}"
            name, n = f"{stem}.md", 2
            while name in used:
                name, n = f"{stem}-{n}.md", n + 1
            used.add(name)
            (dest / name).write_text(render_markdown(article_to_parsed(article)), encoding="utf-8")
        self.stdout.write(f"{dest}: {_count(len(used), 'article')} as Markdown.")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
