"""`symptomdb backup`: everything the site holds, in one checked archive.

A backup is a gzipped tar of: manifest.json (format, versions, migrations, rows
per table, SHA-256 of every other member), the database (operations/
database_copy.py), the secret key (signed cookies and links stay valid) and the
media folder. Readers' ratings, pending comments, editors' accounts and revision
history are in the database, so they come back too, unlike with `export`.

backup_read() is the other half: it unpacks an archive into a scratch folder and
refuses it — before anything is written to the site — when a member is missing,
extra or does not match its checksum, or when it comes from a newer version.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from symptomdb import __version__
from symptomdb.operations import database_copy

FORMAT = 1
MANIFEST = "manifest.json"
SECRET_KEY_FILE = "secret_key"  # noqa: S105 - a member name, not a key
MEDIA = "media"


class BackupError(Exception):
    """One sentence for the operator; nothing was written."""


@dataclass(frozen=True)
class Backup:
    path: Path
    manifest: dict[str, Any]


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _applied_migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connections[DEFAULT_DB_ALIAS])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def backup_create(*, dest: Path) -> Backup:
    """Write a backup to ``dest`` (a file, or a folder to name one in)."""
    if dest.is_dir():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        dest = dest / f"symptomdb-{stamp}.tar.gz"
    if not dest.absolute().parent.is_dir():
        raise BackupError(
            f"The folder {dest.absolute().parent} does not exist: create it first, "
            "or give a path in a folder that does."
        )
    if dest.exists():
        raise BackupError(f"{dest} exists already: give a new file name, or a folder.")
    kind = database_copy.vendor()
    with tempfile.TemporaryDirectory(dir=dest.absolute().parent, prefix=".backup-") as scratch:
        work = Path(scratch)
        if kind == "sqlite":
            database_file = database_copy.SQLITE_FILE
            counts = database_copy.sqlite_snapshot(work / database_file)
        else:
            database_file = database_copy.POSTGRES_FILE
            counts = database_copy.postgres_snapshot(work / database_file)
        key = work / SECRET_KEY_FILE
        key.write_text(settings.SECRET_KEY, encoding="utf-8")
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.is_dir():
            shutil.copytree(media_root, work / MEDIA)
        else:
            (work / MEDIA).mkdir()
        files = sorted(str(p.relative_to(work)) for p in work.rglob("*") if p.is_file())
        manifest = {
            "format": FORMAT,
            "symptomdb_version": __version__,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": {"vendor": kind, "file": database_file},
            "migrations": _applied_migrations(),
            "counts": counts,
            "files": {name: sha256(work / name) for name in files},
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        partial = dest.with_name(dest.name + ".partial")
        # The secret key is inside: only the owner may read the archive.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            archive.add(work / MANIFEST, arcname=MANIFEST)
            for name in files:
                archive.add(work / name, arcname=name)
            archive.add(work / MEDIA, arcname=MEDIA, recursive=False)
        os.replace(partial, dest)
    return Backup(dest, manifest)


def backup_read(*, src: Path, into: Path) -> Backup:
    """Unpack ``src`` into the empty folder ``into`` and check it whole."""
    if not src.is_file():
        raise BackupError(f"{src} is not a file: give the path of a backup archive.")
    try:
        with tarfile.open(src, mode="r:gz") as archive:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            archive.extractall(into, filter="data")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(
            f"{src} is truncated or not a symptomdb backup ({error}): nothing was restored."
        ) from None
    try:
        manifest = json.loads((into / MANIFEST).read_text(encoding="utf-8"))
        expected: dict[str, str] = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise BackupError(f"{src} has no readable manifest: nothing was restored.") from None
    present = {str(p.relative_to(into)) for p in into.rglob("*") if p.is_file()} - {MANIFEST}
    if present != set(expected):
        raise BackupError(
            f"{src} does not hold the files its manifest lists "
            f"({len(set(expected) ^ present)} differ): nothing was restored."
        )
    for name, digest in expected.items():
        if sha256(into / name) != digest:
            raise BackupError(
                f"{src}: {name} does not match its checksum (damaged or altered): "
                "nothing was restored."
            )
    _refuse_newer(manifest, src)
    return Backup(src, manifest)


def _refuse_newer(manifest: dict[str, Any], src: Path) -> None:
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{src} is in a backup format this version does not read.")
    theirs = str(manifest.get("symptomdb_version", ""))
    if not re.fullmatch(r"\d+(\.\d+)*", theirs):
        raise BackupError(f"{src} does not say which version made it.")
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [f"{app}.{name}" for app, name in manifest["migrations"] if (app, name) not in known]
    if _release(theirs) > _release(__version__) or unknown:
        raise BackupError(
            f"{src} was made by symptomdb {theirs}, newer than this {__version__}"
            + (f" (it knows migrations this one lacks, e.g. {unknown[0]})" if unknown else "")
            + ": upgrade symptomdb first, then restore."
        )


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))
