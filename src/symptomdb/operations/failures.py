"""The command line's failures as one sentence each, saying what to do.

cli.main() catches what escapes a command and asks sentence_for() for the
sentence; anything it does not recognise keeps its traceback, as does every
failure under --traceback.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

# Words the databases use for a table that is not there: the site is not initialised.
MISSING_TABLE = ("no such table", "does not exist")


def sentence_for(error: BaseException) -> str | None:
    if isinstance(error, ImproperlyConfigured):
        return str(error)
    if isinstance(error, DatabaseError):
        return _database_sentence(error)
    return None


def _database_sentence(error: DatabaseError) -> str:
    from symptomdb.operations.probes import database_location, database_unreachable

    text = str(error)
    if any(words in text for words in MISSING_TABLE) and "database" not in text.split(":")[0]:
        return (
            f"The database ({database_location()}) is not initialised: run `symptomdb init` "
            "with the same SYMPTOMDB_HOME and DATABASE_URL."
        )
    return database_unreachable(error)
