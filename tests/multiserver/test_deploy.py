"""The deploy/ files are valid for the tools that read them: nginx's configuration
(as benchmarks/nginx_local.py runs it on loopback, with only ports, certificate,
static folder and upstreams replaced), and the compose file. `make test` installs
nginx and docker-compose from Debian (target deploy-tools); without them these skip."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"


@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed (make deploy-tools)")
@pytest.mark.skipif(not shutil.which("openssl"), reason="openssl is not installed")
def test_the_nginx_configuration_is_valid(tmp_path: Path):
    subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [
            sys.executable,
            str(REPO / "benchmarks" / "nginx_local.py"),
            "--dir",
            str(tmp_path),
            "--https-port",
            "18443",
            "--http-port",
            "18080",
            "--static",
            str(tmp_path),
            "--server",
            "127.0.0.1:18001",
            "--server",
            "127.0.0.1:18002",
        ],
        check=True,
    )
    site = (tmp_path / "conf.d" / "symptomdb.conf").read_text()
    for header in ("X-Forwarded-For", "X-Forwarded-Proto", "Host"):
        assert f"proxy_set_header {header}" in site  # what the settings read
    checked = subprocess.run(  # noqa: S603
        [
            shutil.which("nginx") or "nginx",
            "-t",
            "-p",
            str(tmp_path),
            "-c",
            str(tmp_path / "nginx.conf"),
        ],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr


@pytest.mark.skipif(
    not shutil.which("docker-compose"), reason="docker-compose is not installed (make deploy-tools)"
)
def test_the_compose_file_is_valid(tmp_path: Path):
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "x" * 50, "POSTGRES_PASSWORD": "p"}
    checked = subprocess.run(  # noqa: S603
        [
            shutil.which("docker-compose") or "docker-compose",
            "-f",
            str(DEPLOY / "compose.yaml"),
            "--project-directory",
            str(DEPLOY),
            "config",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert checked.returncode == 0, checked.stderr
    for service in ("app1:", "app2:", "nginx:", "postgres:", "redis:"):
        assert service in checked.stdout
    missing = subprocess.run(  # noqa: S603 - without the secrets it refuses, saying which
        [
            shutil.which("docker-compose") or "docker-compose",
            "-f",
            str(DEPLOY / "compose.yaml"),
            "--project-directory",
            str(DEPLOY),
            "config",
            "-q",
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
    )
    assert missing.returncode != 0
    assert "SECRET_KEY" in missing.stderr
