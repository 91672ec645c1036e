from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from symptomdb.site_init import site_init


class Command(BaseCommand):
    help = (
        "Create or migrate the database, load the symptom catalogue and the bundled "
        "articles, and collect static files. Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        site_init(say=self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Ready."))
