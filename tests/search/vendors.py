"""Marks for the few tests about one database's own full-text machinery. Every
other search test runs on both (make test runs the suite on SQLite, then on
PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import connection

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's own full-text search (tsvector, pg_trgm); runs in the PostgreSQL pass",
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="SQLite's own FTS5 table; runs in the SQLite pass, PostgreSQL's counterpart there",
)
