"""Environment for the test run, set before Django reads its settings."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SYMPTOMDB_TESTING", "1")
os.environ.setdefault("SYMPTOMDB_HOME", tempfile.mkdtemp(prefix="symptomdb-test-"))
# whitenoise serves STATIC_ROOT and warns when it is missing; the tests use finders.
os.makedirs(os.path.join(os.environ["SYMPTOMDB_HOME"], "static"), exist_ok=True)
