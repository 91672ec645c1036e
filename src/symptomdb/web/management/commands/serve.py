"""`symptomdb serve`: initialise what is missing, then serve with gunicorn.

The serving choices (workers, threads, preloading and warming the search, keep-alive,
worker recycling, the access log) live in symptomdb/gunicorn_conf.py and are
explained, with the measurements behind them, in docs/serving.md.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.maths_threads import one_maths_thread_each
from symptomdb.site_init import site_init


def default_workers() -> int:
    """WEB_CONCURRENCY, else two workers per core (docs/serving.md); checked in settings."""
    return int(settings.WEB_CONCURRENCY)


def default_threads() -> int:
    """SYMPTOMDB_THREADS, else 1: gunicorn's sync worker (docs/serving.md)."""
    return int(settings.SYMPTOMDB_THREADS)


def port_number(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise CommandError(f"--port {value} is not a port: use a whole number from 1 to 65535.")
    return port


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port and listening, handed to gunicorn as fd://N.

    Bound here, before the minutes `init` may take and before "Serving on …" is
    said, so a port in use is refused at once in one line rather than by gunicorn's
    retries and traceback after start-up.
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM
        )[0]
    except socket.gaierror:
        raise CommandError(f"--host {host} is not an address this machine has.") from None
    sock = socket.socket(family, kind, proto)
    # As gunicorn does: a restart may bind while old connections are in TIME_WAIT.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise CommandError(
                f"Port {port} on {host} is in use by another program: stop it, or choose "
                "another port with --port."
            ) from None
        if error.errno == errno.EACCES:
            raise CommandError(
                f"Port {port} needs more rights than this user has: use one above 1023."
            ) from None
        raise CommandError(f"Cannot listen on {host}:{port} ({error.strerror}).") from None
    sock.listen(2048)  # gunicorn's backlog
    sock.set_inheritable(True)  # kept across os.execv
    return sock


class Command(BaseCommand):
    help = "Initialise what is missing, then serve the site with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000", help="1 to 65535 (default: 8000)")
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
        port = port_number(str(options["port"]))
        sock = listening_socket(options["host"], port)
        site_init(say=self.stdout.write)
        host = options["host"]
        bind = f"[{host.strip('[]')}]:{port}" if ":" in host else f"{host}:{port}"
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
            f"fd://{sock.fileno()}",
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
