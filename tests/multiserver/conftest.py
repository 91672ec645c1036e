"""Two `symptomdb serve` servers, each with its own SYMPTOMDB_HOME, on one PostgreSQL
database and one Redis: what several app servers behind a proxy share.

Needs a PostgreSQL DATABASE_URL and a REDIS_URL, as `make test` gives them
(scripts/with-postgres scripts/with-redis, target pytest-multiserver); without them
the tests skip and say so. The servers get a database of their own on the same
PostgreSQL server, and Redis databases 2 and 3, so that the test process's own
connections are not theirs; all are removed at the end.

The catalogue is the whole one (the smallest any fixture loads): `symptomdb init`
loads it once, into the servers' database, with the first home, and stores its
vectors there; the second home joins with `symptomdb init` of its own, which reads
them from the database and embeds nothing (test_the_second_home_joined_without_embedding).
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

STARTUP_SECONDS = 1800  # init loads and embeds the whole catalogue: minutes on two busy cores
BIN = Path(sys.executable).parent
EDITOR_PASSWORD = "a-long-editor-pass-" + secrets.token_hex(4)
LIMITS = {"RATELIMIT_RATING": "3/h", "RATELIMIT_COMMENT": "5/h", "AXES_FAILURE_LIMIT": "3"}


def _needs() -> str | None:
    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith(("postgres://", "postgresql://")):
        return "needs a PostgreSQL DATABASE_URL (make pytest-multiserver starts one)"
    if not os.environ.get("REDIS_URL"):
        return "needs a REDIS_URL (make pytest-multiserver starts a Redis: scripts/with-redis)"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _with_path(url: str, path: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=path))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    text: str

    def json(self) -> object:
        return json.loads(self.text)


@dataclass
class Browser:
    """A reader's or an editor's browser on one server: cookies, no redirects followed."""

    base: str
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    def _open(self, request: urllib.request.Request) -> Answer:
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        try:
            with opener.open(request, timeout=60) as response:  # loopback only
                return Answer(response.status, dict(response.headers), response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, dict(error.headers), error.read().decode())

    def get(self, path: str) -> Answer:
        return self._open(urllib.request.Request(self.base + path))  # noqa: S310

    def post(self, path: str, data: dict[str, object], *, as_json: bool = False) -> Answer:
        headers = {"Referer": self.base + path}
        if as_json:
            body = json.dumps(data).encode()
            headers["Content-Type"] = "application/json"
        else:
            token = self.csrf_token()
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data}).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self._open(
            urllib.request.Request(self.base + path, data=body, headers=headers, method="POST")  # noqa: S310
        )

    def csrf_token(self) -> str:
        for cookie in self.jar:
            if cookie.name == "csrftoken":
                return str(cookie.value)
        self.get("/admin/login/")  # sets the cookie
        return next(str(c.value) for c in self.jar if c.name == "csrftoken")

    def sign_in(self, username: str, password: str) -> Answer:
        self.get("/admin/login/")
        return self.post(
            "/admin/login/?next=/admin/",
            {"username": username, "password": password, "next": "/admin/"},
        )


@dataclass
class Site:
    a: str
    b: str
    env_a: dict[str, str]
    env_b: dict[str, str]
    # What `symptomdb init` printed for the second home, which joined the first's database.
    joined: str = ""

    def command(self, env: dict[str, str], *args: str) -> str:
        done = subprocess.run(  # noqa: S603 - our own console script
            [str(BIN / "symptomdb"), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=STARTUP_SECONDS,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout


def _serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - our own console script, fixed arguments
        [str(BIN / "symptomdb"), "serve", "--port", str(port), "--workers", "2", "--no-access-log"],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _wait(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None:
            pytest.fail(f"symptomdb serve exited: {log.read_text()[-3000:]}")
        if time.monotonic() > deadline:
            pytest.fail(
                f"symptomdb serve did not answer /healthz in time: {log.read_text()[-3000:]}"
            )
        time.sleep(1)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)  # gunicorn's quick shutdown
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="package")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    reason = _needs()
    if reason:
        pytest.skip(reason)
    import psycopg

    admin_url = os.environ["DATABASE_URL"]
    name = f"symptomdb_two_servers_{secrets.token_hex(3)}"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")  # a name we made: no injection
    redis_url = os.environ["REDIS_URL"]
    root = tmp_path_factory.mktemp("two-servers")
    # The servers run as deployed: none of the test environment's settings (tests/environment.py
    # keeps pages in each process's memory, which two servers cannot share).
    test_only = {
        "INSIGHTS_WRITER_THREAD",
        "DATABASE_URL",
        "REDIS_URL",
        "SYMPTOMDB_HOME",
        "SYMPTOMDB_CACHE_STORE",
        "SYMPTOMDB_STATIC_MANIFEST",
    }
    base_env = {k: v for k, v in os.environ.items() if k not in test_only}
    base_env.update(
        LIMITS,
        SECRET_KEY=secrets.token_urlsafe(
            50
        ),  # the same on both: a cookie from one works on the other
        DATABASE_URL=_with_path(admin_url, f"/{name}"),
        REDIS_URL=_with_path(redis_url, "/2"),
        REDIS_PAGES_URL=_with_path(redis_url, "/3"),
        DJANGO_SUPERUSER_PASSWORD=EDITOR_PASSWORD,
    )
    env_a = {**base_env, "SYMPTOMDB_HOME": str(root / "home-a")}
    env_b = {**base_env, "SYMPTOMDB_HOME": str(root / "home-b")}
    processes: list[subprocess.Popen[bytes]] = []
    try:
        # Search files an earlier test of the session computed are a cache: reuse them,
        # or those of SYMPTOMDB_MULTISERVER_SEARCH_FROM (a home of the same catalogue).
        session_home = Path(
            os.environ.get("SYMPTOMDB_MULTISERVER_SEARCH_FROM") or os.environ["SYMPTOMDB_HOME"]
        )
        Path(env_a["SYMPTOMDB_HOME"]).mkdir()
        for cached in session_home.glob("search*"):
            if cached.is_dir():
                shutil.copytree(cached, Path(env_a["SYMPTOMDB_HOME"]) / cached.name)
        site = Site("", "", env_a, env_b)
        site.command(env_a, "init")
        # The second home starts empty, as a new server would: its `init` reads the
        # catalogue's vectors from the database instead of embedding them again.
        site.joined = site.command(env_b, "init")
        for username in ("editor", "locked-editor"):
            site.command(
                env_a,
                "createsuperuser",
                "--noinput",
                "--username",
                username,
                "--email",
                f"{username}@example.org",
            )
        ports = _free_port(), _free_port()
        for env, port, log in zip(
            (env_a, env_b), ports, (root / "a.log", root / "b.log"), strict=True
        ):
            processes.append(_serve(env, port, log))
        for process, port, log in zip(
            processes, ports, (root / "a.log", root / "b.log"), strict=True
        ):
            _wait(f"http://127.0.0.1:{port}", process, log)
        site.a, site.b = (f"http://127.0.0.1:{port}" for port in ports)
        yield site
    finally:
        for process in processes:
            _stop(process)
        import redis

        for database in (2, 3):
            redis.Redis.from_url(_with_path(redis_url, f"/{database}")).flushdb()
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
