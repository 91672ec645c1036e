"""The command line as an operator meets it: what runs, and failures in one sentence."""

from __future__ import annotations

import socket

import pytest

from symptomdb import __version__
from tests.operations.run import lines, operator_env, symptomdb


def test_it_says_what_runs(tmp_path):
    result = symptomdb("--version", env=operator_env(tmp_path))
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith(f"symptomdb {__version__}\n")
    assert "HPO hp/releases/" in out and "simple-icd-10-cm" in out
    assert "all-MiniLM-L6-v2" in out
    assert "Django" not in out.splitlines()[0]


def test_it_asks_for_init_on_an_empty_database(tmp_path):
    result = symptomdb("export", "-", env=operator_env(tmp_path))
    assert result.returncode == 1
    [line] = lines(result)
    assert "not initialised: run `symptomdb init`" in line


def test_it_names_an_unreachable_database(tmp_path):
    env = operator_env(tmp_path, DATABASE_URL="postgres://someone@127.0.0.1:9/nowhere")
    result = symptomdb("export", "-", env=env)
    assert result.returncode == 1
    [line] = lines(result)
    assert "cannot be reached" in line and "DATABASE_URL" in line


def test_check_names_what_is_not_ready(tmp_path):
    result = symptomdb("check", env=operator_env(tmp_path))
    assert result.returncode == 1
    assert "database: The database lacks" in result.stderr
    assert "not ready to serve: database" in result.stderr


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--format", "markdown", "-"], "writes one file per article into a folder"),
        (["nowhere/export.json"], "does not exist: create it first"),
    ],
)
def test_export_refuses_a_destination_it_cannot_use(tmp_path, args, sentence):
    result = symptomdb("export", *args, env=operator_env(tmp_path))
    assert result.returncode == 1
    [line] = lines(result)
    assert sentence in line
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("port", ["99999", "0", "http"])
def test_serve_refuses_a_port_that_is_not_one(tmp_path, port):
    result = symptomdb("serve", "--port", port, env=operator_env(tmp_path))
    assert result.returncode == 1
    [line] = lines(result)
    assert "from 1 to 65535" in line


def test_serve_refuses_a_port_in_use_before_anything_else(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = symptomdb("serve", "--port", str(port), env=operator_env(tmp_path), timeout=60)
    assert result.returncode == 1
    [line] = lines(result)
    assert f"Port {port} on 127.0.0.1 is in use" in line
    assert "Serving" not in result.stdout
    assert not (tmp_path / "symptomdb.sqlite3").exists()  # refused before initialising
