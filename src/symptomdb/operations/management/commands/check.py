"""`symptomdb check`: Django's system checks, then whether this site can serve.

Settings are checked as they are read (config_checks.py), so a bad one has
already stopped the command with its sentence. Then Django's checks (with
`--deploy`, its production ones), then the site's parts (operations/probes.py):
the database reachable and migrated, SYMPTOMDB_HOME writable, the caches, the
catalogue, the search index and the sentence model. `--settings-only` stops
after Django's checks, for an image built before any database exists.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.core.management.commands import check

from symptomdb.operations.probes import site_probe


class Command(check.Command):
    help = (
        "Check the settings and Django's system checks, then that the database is reachable "
        "and migrated, SYMPTOMDB_HOME writable, the caches working, the catalogue, the "
        "search index and the sentence model loaded."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--settings-only",
            action="store_true",
            help="only the settings and Django's checks, not the database and the site's data",
        )

    def handle(self, *app_labels: Any, **options: Any) -> None:
        super().handle(*app_labels, **options)
        if options["settings_only"]:
            return
        probes = site_probe()
        failing = [probe for probe in probes if not probe.ok]
        for probe in failing:
            self.stderr.write(f"{probe.part}: {probe.problem}")
        if failing:
            parts = ", ".join(probe.part for probe in failing)
            raise CommandError(f"The site is not ready to serve: {parts} failing.")
        self.stdout.write(f"Site ready: {', '.join(probe.part for probe in probes)} checked.")
