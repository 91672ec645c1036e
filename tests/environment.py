"""Environment for the test run, set before Django reads its settings."""

from __future__ import annotations

import os
import tempfile

# The search recorder writes only when a test calls recorder.flush(), in the test's thread.
os.environ.setdefault("INSIGHTS_WRITER_THREAD", "false")
# Caches in each process's memory, cleared between tests; static files from the apps' folders.
os.environ.setdefault("SYMPTOMDB_CACHE_STORE", "memory")
os.environ.setdefault("SYMPTOMDB_STATIC_MANIFEST", "false")
os.environ.setdefault("SYMPTOMDB_HOME", tempfile.mkdtemp(prefix="symptomdb-test-"))
# whitenoise serves STATIC_ROOT and warns when it is missing; the tests use finders.
os.makedirs(os.path.join(os.environ["SYMPTOMDB_HOME"], "static"), exist_ok=True)
