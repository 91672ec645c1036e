"""Every setting is checked when read: a bad value stops start-up and `symptomdb
check` in one sentence naming the variable, the value and what is accepted."""

from __future__ import annotations

import os
import re

import pytest

from symptomdb.config_checks import ENV_READ
from tests.conftest import REPO
from tests.operations.run import lines, operator_env, symptomdb

BAD = [
    ("RATELIMIT_COMMENT", "abc", "count per period"),
    ("RATELIMIT_RATING", "0/h", "count per period"),
    ("SYMPTOMDB_LOCALE", "XX", "not a country"),
    ("PAGE_CACHE_SECONDS", "-5", "0 or more"),
    ("SEARCH_CACHE_SECONDS", "soon", "whole number"),
    ("AXES_FAILURE_LIMIT", "0", "1 or more"),
    ("AXES_COOLOFF_MINUTES", "-1", "1 or more"),
    ("COMMENT_MAX_LENGTH", "0", "1 or more"),
    ("WEB_CONCURRENCY", "0", "1 or more"),
    ("SYMPTOMDB_HTTPS", "maybe", "true or false"),
    ("LOG_LEVEL", "loud", "DEBUG, INFO"),
    ("TIME_ZONE", "Mars/Base", "IANA"),
    ("DATABASE_URL", "mysql://u:secret@db/x", "postgres://"),
    ("SECRET_KEY", "weak", "too weak"),
    ("SECRET_KEY_FILE", "/no/such/key", "cannot be read"),
]


@pytest.mark.parametrize(("name", "value", "accepted"), BAD)
def test_it_refuses_a_bad_setting_in_one_sentence(tmp_path, name, value, accepted):
    result = symptomdb("check", "--settings-only", env=operator_env(tmp_path, **{name: value}))
    assert result.returncode == 1
    [line] = lines(result)
    assert name in line
    assert accepted in line
    assert ":secret@" not in line  # a password in a URL is never echoed


def test_it_names_an_unusable_home(tmp_path):
    (tmp_path / "file").write_text("")
    result = symptomdb("check", env=operator_env(tmp_path / "file" / "home"))
    assert result.returncode == 1
    [line] = lines(result)
    assert "SYMPTOMDB_HOME=" in line and "cannot" not in line.split("SYMPTOMDB_HOME")[0]
    assert "writable" in line


def test_it_shows_the_traceback_when_asked(tmp_path):
    result = symptomdb("check", "--traceback", env=operator_env(tmp_path, LOG_LEVEL="loud"))
    assert result.returncode == 1
    assert "Traceback" in result.stderr


def test_it_accepts_good_settings(tmp_path):
    env = operator_env(
        tmp_path,
        RATELIMIT_COMMENT="10/5m",
        SYMPTOMDB_LOCALE="en-GB",
        PAGE_CACHE_SECONDS="0",
        LOG_LEVEL="info",
        TIME_ZONE="Europe/London",
    )
    result = symptomdb("check", "--settings-only", env=env)
    assert result.returncode == 0, result.stderr


def test_the_readme_documents_every_variable_the_settings_read():
    table = (REPO / "README.md").read_text(encoding="utf-8").split("## Configuration", 1)[1]
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table.split("\n## ", 1)[0]))
    missing = sorted(set(ENV_READ) - documented)
    assert ENV_READ, "settings.py reads its variables through symptomdb.config_checks"
    assert missing == []


def test_a_database_connection_is_kept_between_requests_on_either_database(settings):
    # A new SQLite connection per request cost 2-3 ms of CPU in an uncached search
    # (docs/serving.md): SQLite keeps its connection as PostgreSQL does.
    wanted = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == wanted
