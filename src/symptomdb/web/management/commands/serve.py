"""`symptomdb serve`: initialise what is missing, then serve with gunicorn.

The serving choices (workers, threads, preloading and warming the search, keep-alive,
worker recycling, the access log) live in symptomdb/gunicorn_conf.py and are
explained, with the measurements behind them, in docs/serving.md.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.maths_threads import one_maths_thread_each
from symptomdb.site_init import site_init


def _env_count(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if not value:
        return default
    try:
        count = int(value)
    except ValueError:
        raise CommandError(f"{name} must be a whole number, not {value!r}.") from None
    if count < 1:
        raise CommandError(f"{name} must be 1 or more, not {count}.")
    return count


def default_workers() -> int:
    """WEB_CONCURRENCY, else two workers per core (docs/serving.md)."""
    return _env_count("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1))


def default_threads() -> int:
    """SYMPTOMDB_THREADS, else 1: gunicorn's sync worker (docs/serving.md)."""
    return _env_count("SYMPTOMDB_THREADS", 1)


class Command(BaseCommand):
    help = "Initialise what is missing, then serve the site with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="worker processes (default: WEB_CONCURRENCY, else two per core)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=None,
            help="threads per worker: 1 for gunicorn's sync worker, more for its "
            "gthread worker (default: SYMPTOMDB_THREADS, else 1)",
        )
        parser.add_argument(
            "--no-access-log",
            action="store_true",
            help="no line per request on stdout (when a proxy in front logs them already)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        workers = options["workers"] or default_workers()
        threads = options["threads"] or default_threads()
        if workers < 1 or threads < 1:
            raise CommandError("--workers and --threads must be 1 or more.")
        site_init(say=self.stdout.write)
        bind = f"{options['host']}:{options['port']}"
        kind = "sync" if threads == 1 else "gthread"
        self.stdout.write(
            self.style.SUCCESS(
                f"Serving on http://{bind}/ with {workers} {kind} worker(s) × {threads} thread(s)"
            )
        )
        self.stdout.flush()
        # Replace this process with gunicorn, so signals reach the server directly.
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "python:symptomdb.gunicorn_conf",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            kind,
        ]
        if options["no_access_log"]:
            os.environ["SYMPTOMDB_ACCESS_LOG"] = "false"  # read by gunicorn_conf
        one_maths_thread_each()  # before gunicorn, so before numpy, is loaded
        os.execv(sys.executable, argv)  # noqa: S606 - a fixed argv, no shell
