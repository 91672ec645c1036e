"""Environment for the test run, set before Django reads its settings."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SYMPTOMDB_TESTING", "1")
os.environ.setdefault("SYMPTOMDB_HOME", tempfile.mkdtemp(prefix="symptomdb-test-"))
