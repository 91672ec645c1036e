"""Is this site able to serve? One probe per part, shared by `symptomdb check`,
`/healthz/ready` and `symptomdb --version`.

Each probe answers a Probe: the part's name, whether it works, and one sentence
saying what is wrong and what to do. Details of a failure go to the log, never
to whoever asks over HTTP.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

log = logging.getLogger(__name__)

NOT_INITIALISED = "run `symptomdb init`"


@dataclass(frozen=True)
class Probe:
    part: str
    ok: bool
    problem: str = ""


def database_probe() -> Probe:
    """Reachable, and every migration of this version applied."""
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        connection.ensure_connection()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        log.warning("Database probe: %s", error)
        return Probe("database", False, database_unreachable(error))
    if pending:
        return Probe(
            "database",
            False,
            f"The database lacks {len(pending)} migration(s) of this version: {NOT_INITIALISED}.",
        )
    return Probe("database", True)


def database_unreachable(error: Exception) -> str:
    where = database_location()
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return (
        f"The database {where} cannot be reached ({first_line}): check DATABASE_URL "
        "and that the server is running."
    )


def database_location() -> str:
    db = settings.DATABASES[DEFAULT_DB_ALIAS]
    if db["ENGINE"].endswith("sqlite3"):
        return f"file {db['NAME']}"
    return f"{db.get('NAME')} on {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"


def home_probe() -> Probe:
    try:
        probe = settings.HOME / f".probe-{uuid.uuid4().hex}"
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        return Probe(
            "home",
            False,
            f"SYMPTOMDB_HOME={str(settings.HOME)!r} cannot be written to ({error.strerror}).",
        )
    return Probe("home", True)


def cache_probe() -> Probe:
    """Each cache keeps what it is given (Redis up, the disk store writable)."""
    key = f"symptomdb:probe:{uuid.uuid4().hex}"
    for alias in ("default", "pages"):
        try:
            cache = caches[alias]
            cache.set(key, "ok", 10)
            kept = cache.get(key) == "ok"
            cache.delete(key)
        except Exception as error:  # Redis or disk errors of any kind mean the same here
            log.warning("Cache probe (%s): %s", alias, error)
            kept = False
        if not kept:
            where = "REDIS_URL" if settings.REDIS_URL else "SYMPTOMDB_HOME/cache"
            problem = f"The {alias!r} cache does not keep values: check {where}."
            return Probe("cache", False, problem)
    return Probe("cache", True)


def catalogue_probe() -> Probe:
    from symptomdb.terminology.selectors import catalogue_release

    try:
        release = catalogue_release()
    except DatabaseError:
        return Probe("catalogue", False, f"The catalogue is not loaded: {NOT_INITIALISED}.")
    if release is None:
        return Probe("catalogue", False, f"The catalogue is not loaded: {NOT_INITIALISED}.")
    return Probe("catalogue", True)


def search_index_probe() -> Probe:
    from symptomdb.search.index import search_index_present

    if not search_index_present():
        return Probe(
            "search_index",
            False,
            f"The search index is missing from SYMPTOMDB_HOME: {NOT_INITIALISED}.",
        )
    return Probe("search_index", True)


def model_probe() -> Probe:
    """The sentence model loads (the search's, loaded once per process)."""
    from symptomdb.language.embedding import EmbeddingUnavailable, embedder

    try:
        embedder()
    except EmbeddingUnavailable as error:
        return Probe("model", False, f"The sentence model cannot be loaded: {error}")
    return Probe("model", True)


# In the order a failure explains the next: no database, no catalogue, no index.
PROBES: dict[str, Callable[[], Probe]] = {
    "database": database_probe,
    "home": home_probe,
    "cache": cache_probe,
    "catalogue": catalogue_probe,
    "search_index": search_index_probe,
    "model": model_probe,
}


def site_probe() -> list[Probe]:
    """Every probe, the database's first; later ones are skipped when it fails,
    since they would only repeat it."""
    results = [PROBES["database"]()]
    for name, probe in PROBES.items():
        if name == "database":
            continue
        if not results[0].ok and name in ("catalogue",):
            continue
        results.append(probe())
    return results
