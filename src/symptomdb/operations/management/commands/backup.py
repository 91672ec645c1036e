from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.operations.backup import BackupError, backup_create
from symptomdb.operations.database_copy import DatabaseCopyError


class Command(BaseCommand):
    help = (
        "Back up everything — the database (readers' ratings, pending comments, editors' "
        "accounts and revisions included), the secret key and the media — into one "
        "checked archive that `symptomdb restore` reads. Safe while the site serves."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "dest", type=Path, metavar="DEST", help="a new .tar.gz file, or a folder to put one in"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            backup = backup_create(dest=options["dest"])
        except (BackupError, DatabaseCopyError) as error:
            raise CommandError(str(error)) from None
        counts = backup.manifest["counts"]
        self.stdout.write(
            f"{backup.path}: {backup.manifest['database']['vendor']} database, "
            f"{len(counts)} tables, {sum(counts.values()):,} rows, secret key and media; "
            "keep it private (it holds the secret key)."
        )
