from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.operations.backup import BackupError
from symptomdb.operations.database_copy import DatabaseCopyError
from symptomdb.operations.restore import restore_apply


class Command(BaseCommand):
    help = (
        "Restore a `symptomdb backup` archive into this SYMPTOMDB_HOME and database: checked "
        "by its checksums first, all or nothing, rows counted after. Stop the site first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("src", type=Path, metavar="SRC", help="a backup archive")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database and media that already hold data",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            restored = restore_apply(
                src=options["src"], replace=options["force"], say=self.stdout.write
            )
        except (BackupError, DatabaseCopyError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored: {restored.tables} tables, {restored.rows:,} rows, as counted at backup."
        )
