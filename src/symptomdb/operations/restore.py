"""`symptomdb restore`: a backup put back, whole or not at all.

The archive is unpacked and checked (backup.backup_read) before anything is
touched. Then, on SQLite, the restored file's rows are counted against the
manifest while it still stands beside the old one, and every part (database,
secret key, media) is put in place by renames that are undone if a later one
fails. On PostgreSQL, pg_restore runs in one transaction, then the rows are
counted. A target that holds data is refused unless `replace` is given.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections

from symptomdb.operations import database_copy
from symptomdb.operations.backup import MEDIA, SECRET_KEY_FILE, Backup, BackupError, backup_read

Say = Callable[[str], None]


@dataclass(frozen=True)
class Restored:
    backup: Backup
    tables: int
    rows: int


def _refuse_non_empty(*, replace: bool) -> None:
    if replace:
        return
    tables = database_copy.table_count()
    media = Path(settings.MEDIA_ROOT)
    files = sum(1 for p in media.rglob("*") if p.is_file()) if media.is_dir() else 0
    if tables or files:
        raise BackupError(
            f"The target is not empty ({tables} table(s) in the database, {files} media "
            "file(s)): restore into an empty SYMPTOMDB_HOME or database, or add --force "
            "to replace what is there."
        )


def _compare(expected: dict[str, int], found: dict[str, int]) -> None:
    wrong = sorted(
        name for name in set(expected) | set(found) if expected.get(name) != found.get(name)
    )
    if wrong:
        name = wrong[0]
        raise BackupError(
            f"After restore, table {name} holds {found.get(name, 'no')} row(s) where the "
            f"backup counted {expected.get(name, 'none')} ({len(wrong)} table(s) differ)."
        )


class _Swap:
    """Renames that can be undone: each new part replaces the old, which is kept
    aside until every part is in place."""

    def __init__(self) -> None:
        self.done: list[tuple[Path, Path | None]] = []

    def put(self, new: Path, target: Path) -> None:
        aside: Path | None = None
        if target.exists():
            aside = target.with_name(target.name + ".before-restore")
            _remove(aside)
            target.rename(aside)
        try:
            new.rename(target)
        except OSError:
            if aside is not None:
                aside.rename(target)
            raise
        self.done.append((target, aside))

    def undo(self) -> None:
        for target, aside in reversed(self.done):
            _remove(target)
            if aside is not None:
                aside.rename(target)

    def commit(self) -> None:
        for _, aside in self.done:
            if aside is not None:
                _remove(aside)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def restore_apply(*, src: Path, replace: bool, say: Say) -> Restored:
    home = Path(settings.HOME)
    # The scratch folder is in the home, so the renames below stay on one file system.
    with tempfile.TemporaryDirectory(dir=home, prefix=".restore-") as scratch:
        unpacked = Path(scratch)
        backup = backup_read(src=src, into=unpacked)
        manifest = backup.manifest
        kind = manifest["database"]["vendor"]
        if kind != database_copy.vendor():
            raise BackupError(
                f"{src} holds a {kind} database and this site runs on "
                f"{database_copy.vendor()}: restore it with the DATABASE_URL it was made with "
                "(to move between databases, use `symptomdb export` and `import`)."
            )
        _refuse_non_empty(replace=replace)
        say(f"{src}: checked, made by symptomdb {manifest['symptomdb_version']} "
            f"on {manifest['created']}.")  # fmt: skip
        database_file = unpacked / manifest["database"]["file"]
        swap = _Swap()
        try:
            if kind == "sqlite":
                # Counted before it replaces anything: a bad copy changes nothing.
                _compare(manifest["counts"], database_copy.sqlite_counts(database_file))
                connections.close_all()
                target = database_copy.sqlite_path()
                target.parent.mkdir(parents=True, exist_ok=True)
                # The old database's write-ahead log must not be replayed into the new one.
                for suffix in ("-wal", "-shm"):
                    _remove(target.with_name(target.name + suffix))
                swap.put(database_file, target)
            else:
                database_copy.postgres_restore(database_file, replace=replace)
                _compare(manifest["counts"], database_copy.postgres_counts())
            key = unpacked / SECRET_KEY_FILE
            key.chmod(0o600)
            swap.put(key, home / "secret_key")
            swap.put(unpacked / MEDIA, Path(settings.MEDIA_ROOT))
        except BaseException:
            swap.undo()
            raise
        swap.commit()
    from symptomdb.content_cache import content_changed

    content_changed()  # pages kept from before show what is no longer there
    counts: dict[str, int] = manifest["counts"]
    return Restored(backup, len(counts), sum(counts.values()))
