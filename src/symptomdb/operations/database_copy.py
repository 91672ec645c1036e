"""A consistent copy of the database, and putting one back: SQLite or PostgreSQL.

SQLite: sqlite3's online backup (Connection.backup) copies the pages of a live
database as of one moment, while the site goes on serving; restoring is a file
put in place with one rename. PostgreSQL: pg_dump's custom format (what
pg_restore reads), taken in the snapshot the table counts are read in, and
pg_restore in a single transaction, so a failure leaves the database as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction

SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"


class DatabaseCopyError(Exception):
    """One sentence for the operator."""


def vendor() -> str:
    return connections[DEFAULT_DB_ALIAS].vendor  # "sqlite" or "postgresql"


def sqlite_path() -> Path:
    return Path(settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"])


def sqlite_counts(path: Path) -> dict[str, int]:
    """Rows per table of a SQLite file (its FTS5 index included)."""
    with _sqlite(path) as db:
        names = [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        # Names from sqlite_master, not from anyone's input.
        count = 'SELECT count(*) FROM "{}"'
        return {name: db.execute(count.format(name)).fetchone()[0] for name in names}


@contextmanager
def _sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(path)
    try:
        yield db
    finally:
        db.close()


def sqlite_snapshot(dest: Path) -> dict[str, int]:
    """Copy the live database into ``dest`` as of one moment; its counts."""
    source = sqlite_path()
    if not source.is_file():
        raise DatabaseCopyError(f"There is no database at {source}: nothing to back up.")
    with _sqlite(source) as live, _sqlite(dest) as copy:
        live.backup(copy)
    return sqlite_counts(dest)


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise DatabaseCopyError(
            f"{name} is not installed: install PostgreSQL's client programs "
            "(Debian: apt-get install postgresql-client) of the server's version or newer."
        )
    return found


def _pg_env() -> dict[str, str]:
    """libpq's variables from the settings, so the password is never on a command line."""
    db: dict[str, object] = dict(settings.DATABASES[DEFAULT_DB_ALIAS])
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _pg_run(argv: list[str]) -> None:
    result = subprocess.run(  # noqa: S603 - our own argv, no shell
        argv, env=_pg_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines() or ["no message"]
        raise DatabaseCopyError(f"{Path(argv[0]).name} failed: {lines[0]}")


def postgres_counts() -> dict[str, int]:
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        names = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for name in names:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(name)}")  # noqa: S608 - names from the catalogue
            counts[name] = cursor.fetchone()[0]
    return counts


def postgres_snapshot(dest: Path) -> dict[str, int]:
    """pg_dump of the snapshot the counts are read in, so the two agree."""
    pg_dump = _pg_tool("pg_dump")
    connection = connections[DEFAULT_DB_ALIAS]
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        counts = postgres_counts()
        _pg_run(
            [pg_dump, "--format=custom", "--no-owner", "--no-privileges",
             f"--snapshot={snapshot}", f"--file={dest}"]
        )  # fmt: skip
    return counts


def postgres_restore(dump: Path, *, replace: bool) -> None:
    """All of it or nothing: one transaction, stopped at the first error."""
    argv = [_pg_tool("pg_restore"), "--single-transaction", "--exit-on-error", "--no-owner",
            "--no-privileges", f"--dbname={_pg_env().get('PGDATABASE', '')}"]  # fmt: skip
    if replace:
        argv += ["--clean", "--if-exists"]
    connections.close_all()
    _pg_run([*argv, str(dump)])


def table_count() -> int:
    """How many tables the configured database holds (0: empty, may be restored into)."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "sqlite" and not sqlite_path().is_file():
        return 0
    with connection.cursor() as cursor:
        return len(connection.introspection.table_names(cursor))
