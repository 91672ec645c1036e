"""`symptomdb serve` on a fresh home, as `make run` does it: initialise what is
missing, then serve with gunicorn (slow: loads the whole catalogue)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

STARTUP_SECONDS = 600  # a first init embeds the catalogue: minutes on two busy cores


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, dict[str, str], str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return response.status, dict(response.headers), response.read().decode()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    # Reuse the catalogue vectors an earlier test computed, if any: they are a cache.
    session_home = Path(os.environ["SYMPTOMDB_HOME"])
    for vectors in session_home.glob("search*"):
        if vectors.is_dir():
            shutil.copytree(vectors, home / vectors.name)
    # Served as a reader would run it: none of the test environment's settings
    # (tests/environment.py keeps pages in memory and static files unhashed).
    test_only = {
        "INSIGHTS_WRITER_THREAD",
        "DATABASE_URL",
        "SYMPTOMDB_CACHE_STORE",
        "SYMPTOMDB_STATIC_MANIFEST",
    }
    env = {k: v for k, v in os.environ.items() if k not in test_only}
    env["SYMPTOMDB_HOME"] = str(home)
    port = _free_port()
    command = Path(sys.executable).parent / "symptomdb"
    process = subprocess.Popen(  # noqa: S603 - our own console script, fixed arguments
        [
            str(command),
            "serve",
            "--port",
            str(port),
            "--workers",
            "1",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    try:
        while True:
            try:
                if _get(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None:
                pytest.fail(f"symptomdb serve exited: {process.stderr.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail("symptomdb serve did not answer /healthz in time")
            time.sleep(1)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGINT)  # gunicorn's quick shutdown
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_it_serves_the_seed_article_with_gunicorn(server):
    status, headers, home = _get(f"{server}/")
    assert status == 200
    assert headers.get("Server", "").startswith("gunicorn")
    assert 'href="/symptoms/muscle-spasm/"' in home
    status, _, page = _get(f"{server}/symptoms/muscle-spasm/")
    assert "What causes muscle spasms and how to treat them effectively?" in page
    assert "Haroon Rashid, MD" in page


def test_it_serves_static_files_and_turns_debug_off(server):
    _, _, home = _get(f"{server}/")
    css = home.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert css.startswith("/static/dist/site.") and css.endswith(".css")  # hashed name
    status, headers, _ = _get(f"{server}{css}")
    assert status == 200
    assert "immutable" in headers.get("Cache-Control", "")
    try:
        _get(f"{server}/no-such-page")
    except urllib.error.HTTPError as error:
        assert error.code == 404
        assert "Traceback" not in error.read().decode()  # DEBUG is off
