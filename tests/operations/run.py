"""Running `symptomdb` as an operator does: a fresh process, a home of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def operator_env(home: Path, **settings: str) -> dict[str, str]:
    """The test run's environment without its own settings, plus ``settings``.

    DATABASE_URL is kept (PostgreSQL under scripts/with-postgres) unless given."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("SYMPTOMDB_", "DJANGO_", "SECRET_KEY", "REDIS_"))
    }
    env.update(SYMPTOMDB_HOME=str(home), **settings)
    return env


def symptomdb(
    *args: str, env: dict[str, str], timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - a fixed command line
        [sys.executable, "-m", "symptomdb.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def python(code: str, *, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with Django set up in that environment."""
    prelude = "import django, os\nos.environ['DJANGO_SETTINGS_MODULE'] = 'symptomdb.settings'\n"
    return subprocess.run(  # noqa: S603 - our own code
        [sys.executable, "-c", prelude + "django.setup()\n" + code],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
