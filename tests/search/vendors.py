"""A mark for the few tests about PostgreSQL's own full-text machinery. Every
other search test runs on both databases (make test runs the suite on SQLite,
then on PostgreSQL); FTS5's counterparts (escape_fts) need no database."""

from __future__ import annotations

import pytest
from django.db import connection

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's own full-text search (tsvector, pg_trgm); runs in the PostgreSQL pass",
)
