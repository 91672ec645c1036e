from __future__ import annotations

import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from symptomdb.site_init import site_init


def default_workers() -> int:
    return int(os.environ.get("WEB_CONCURRENCY", (os.cpu_count() or 1) + 1))


class Command(BaseCommand):
    help = "Initialise what is missing, then serve the site with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=default_workers())

    def handle(self, *args: Any, **options: Any) -> None:
        site_init(say=self.stdout.write)
        bind = f"{options['host']}:{options['port']}"
        self.stdout.write(self.style.SUCCESS(f"Serving on http://{bind}/"))
        self.stdout.flush()
        # Replace this process with gunicorn, so signals reach the server directly.
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "symptomdb.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(options["workers"]),
            "--preload",
            "--access-logfile",
            "-",
        ]
        os.execv(sys.executable, argv)  # noqa: S606 - a fixed argv, no shell
