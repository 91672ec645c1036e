"""Environment for the test run, set before Django reads its settings."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SYMPTOMDB_TESTING", "1")  # read by insights/recorder.py only
# Caches in each process's memory, cleared between tests; static files from the apps' folders.
os.environ.setdefault("SYMPTOMDB_CACHE_STORE", "memory")
os.environ.setdefault("SYMPTOMDB_STATIC_MANIFEST", "false")
os.environ.setdefault("SYMPTOMDB_HOME", tempfile.mkdtemp(prefix="symptomdb-test-"))
# whitenoise serves STATIC_ROOT and warns when it is missing; the tests use finders.
os.makedirs(os.path.join(os.environ["SYMPTOMDB_HOME"], "static"), exist_ok=True)
