"""Production settings, as a deployer starts them: a fresh process whose environment
holds only what the README's Configuration table documents."""

from __future__ import annotations

import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest

STRONG_KEY = secrets.token_urlsafe(50)


def deployer_env(home: Path, **settings: str) -> dict[str, str]:
    """The process environment minus everything the test run set for itself."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("SYMPTOMDB_", "DJANGO_", "SECRET_KEY", "REDIS_", "DATABASE_"))
        and name not in {"ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS"}
    }
    env.update(SYMPTOMDB_HOME=str(home), DJANGO_SETTINGS_MODULE="symptomdb.settings", **settings)
    return env


def symptomdb(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - a fixed command line
        [sys.executable, "-m", "symptomdb.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def setting(name: str, *, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Load only the settings module and print one setting."""
    code = f"from django.conf import settings; print(settings.{name})"
    return subprocess.run(  # noqa: S603 - a fixed command line
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_it_passes_check_deploy_with_production_settings(tmp_path):
    env = deployer_env(
        tmp_path, SYMPTOMDB_HTTPS="true", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="example.org"
    )
    result = symptomdb("check", "--deploy", "--settings-only", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_it_warns_when_https_is_off(tmp_path):
    """The check still speaks up when a deployer forgets SYMPTOMDB_HTTPS."""
    env = deployer_env(tmp_path, SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="example.org")
    result = symptomdb("check", "--deploy", "--settings-only", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W008" in result.stderr  # SECURE_SSL_REDIRECT


@pytest.mark.parametrize(
    "weak_key",
    [
        "too-short",
        "django-insecure-" + secrets.token_urlsafe(50),
        "a" * 64,  # long but only one distinct character
    ],
    ids=["short", "django-insecure", "repetitive"],
)
def test_it_refuses_a_weak_secret_key_without_debug(tmp_path, weak_key):
    result = setting("SECRET_KEY", env=deployer_env(tmp_path, SECRET_KEY=weak_key))
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: SECRET_KEY is")
    assert weak_key not in result.stderr  # the key itself is never printed


def test_it_refuses_a_weak_secret_key_from_a_file(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text("django-insecure-x\n")
    result = setting("SECRET_KEY", env=deployer_env(tmp_path, SECRET_KEY_FILE=str(key_file)))
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is too weak" in result.stderr


def test_it_accepts_any_key_in_debug_mode(tmp_path):
    env = deployer_env(tmp_path, SECRET_KEY="dev", SYMPTOMDB_DEBUG="true")
    result = setting("SECRET_KEY", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "dev"


def test_it_reads_a_strong_key_from_a_file(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text(STRONG_KEY + "\n")
    result = setting("SECRET_KEY", env=deployer_env(tmp_path, SECRET_KEY_FILE=str(key_file)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == STRONG_KEY


def test_it_generates_a_strong_private_key_for_make_run(tmp_path):
    first = setting("SECRET_KEY", env=deployer_env(tmp_path))
    second = setting("SECRET_KEY", env=deployer_env(tmp_path))
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout  # kept, so restarts keep readers signed in
    assert len(first.stdout.strip()) >= 50
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_it_shares_the_cache_through_redis_when_redis_url_is_set(tmp_path):
    env = deployer_env(tmp_path, SECRET_KEY=STRONG_KEY, REDIS_URL="redis://cache.internal:6379/1")
    result = setting("CACHES['default']", env=env)
    assert result.returncode == 0, result.stderr
    assert "'django.core.cache.backends.redis.RedisCache'" in result.stdout
    assert "'redis://cache.internal:6379/1'" in result.stdout


def test_it_shares_the_cache_between_workers_on_disk_without_redis_url(tmp_path):
    env = deployer_env(tmp_path, SECRET_KEY=STRONG_KEY)
    default = "settings.CACHES['default']"
    result = setting(f"CACHES['default']['BACKEND'], {default}['LOCATION']", env=env)
    store = str(tmp_path / "cache" / "shared")
    assert result.stdout.split() == ["symptomdb.content_cache.DiskStore", store]


def test_it_keeps_pages_in_a_store_every_worker_shares(tmp_path):
    env = deployer_env(tmp_path, SECRET_KEY=STRONG_KEY)
    result = setting("CACHES['pages']['BACKEND'], settings.CACHES['pages']['LOCATION']", env=env)
    store = str(tmp_path / "cache" / "content")
    # page_stores.PageDiskStore is content_cache.DiskStore (one folder every worker shares)
    # that forgives a full disk (docs/serving.md, Faults).
    assert result.stdout.split() == ["symptomdb.page_stores.PageDiskStore", store]
    env = deployer_env(tmp_path, SECRET_KEY=STRONG_KEY, REDIS_URL="redis://cache.internal:6379/0")
    result = setting("CACHES['pages']['LOCATION']", env=env)
    assert result.stdout.strip() == "redis://cache.internal:6379/1"


def test_https_upgrades_every_request_in_the_policy(tmp_path):
    env = deployer_env(tmp_path, SECRET_KEY=STRONG_KEY, SYMPTOMDB_HTTPS="true")
    result = setting("CONTENT_SECURITY_POLICY['DIRECTIVES']['upgrade-insecure-requests']", env=env)
    assert result.stdout.strip() == "True", result.stderr


SECURITY_SETTINGS = [
    "SECRET_KEY_FILE",
    "SYMPTOMDB_HTTPS",
    "SYMPTOMDB_HSTS_SECONDS",
    "SYMPTOMDB_HSTS_INCLUDE_SUBDOMAINS",
    "SYMPTOMDB_HSTS_PRELOAD",
    "SYMPTOMDB_BEHIND_TLS_PROXY",
    "SYMPTOMDB_TRUSTED_PROXIES",
    "REDIS_URL",
    "AXES_FAILURE_LIMIT",
    "AXES_COOLOFF_MINUTES",
]


@pytest.mark.parametrize("name", SECURITY_SETTINGS)
def test_every_security_setting_is_read_and_documented(name):
    repo = Path(__file__).resolve().parents[2]
    assert f'"{name}"' in (repo / "src/symptomdb/settings.py").read_text()
    configuration = (repo / "README.md").read_text().split("## Configuration", 1)[1]
    assert f"`{name}`" in configuration.split("\n## ", 1)[0]
