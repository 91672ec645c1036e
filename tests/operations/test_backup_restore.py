"""The restore drill: back a site up, restore it into an empty home (and database),
and find readers' ratings, pending comments, editors' accounts and revisions there.

On PostgreSQL (scripts/with-postgres) the source and the target are two databases
of the same throwaway server."""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import uuid
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_SEED
from tests.operations.run import lines, operator_env, python, symptomdb

SEED = f"""
from django.contrib.auth.models import User
from symptomdb.articles.importer import parse_article
from symptomdb.articles.services import article_import
from symptomdb.community.services import comment_submit, rating_submit
from pathlib import Path

User.objects.create_superuser("editor", "editor@example.org", "a-long-editor-pass")
article = article_import(
    parsed=parse_article(Path({str(BUNDLED_SEED)!r}).read_text()), publish=True
).article
rating_submit(author=article.author, reader_id="reader-1", stars=4)
comment_submit(article=article, name="Sam", body="Held for moderation")
"""

SURVEY = """
import json
from django.contrib.auth.models import User
from reversion.models import Version
from symptomdb.community.models import AuthorRating, Comment
print(json.dumps({
    "editor": User.objects.get(username="editor").check_password("a-long-editor-pass"),
    "ratings": list(AuthorRating.objects.values_list("stars", flat=True)),
    "pending": list(Comment.objects.filter(status="pending").values_list("body", flat=True)),
    "revisions": Version.objects.count(),
}))
"""


def _database(name: str) -> str | None:
    """A new, empty database on the PostgreSQL server of the test run, or None on SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A site with content, and its backup."""
    home = tmp_path_factory.mktemp("source")
    extra = {}
    if url := _database(f"source_{uuid.uuid4().hex[:8]}"):
        extra["DATABASE_URL"] = url
    env = operator_env(home, **extra)
    assert symptomdb("migrate", "-v0", env=env).returncode == 0
    seeded = python(SEED, env=env)
    assert seeded.returncode == 0, seeded.stderr
    (home / "media").mkdir(exist_ok=True)
    (home / "media" / "photo.txt").write_text("an editor's upload")
    archive = tmp_path_factory.mktemp("backups") / "site.tar.gz"
    made = symptomdb("backup", str(archive), env=env)
    assert made.returncode == 0, made.stderr
    return env, archive


def _empty_target(tmp_path: Path) -> dict[str, str]:
    extra = {}
    if url := _database(f"target_{uuid.uuid4().hex[:8]}"):
        extra["DATABASE_URL"] = url
    return operator_env(tmp_path / "home", **extra)


def _survey(env: dict[str, str]) -> dict:
    result = python(SURVEY, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_drill_brings_everything_back(site, tmp_path):
    source_env, archive = site
    target = _empty_target(tmp_path)
    restored = symptomdb("restore", str(archive), env=target)
    assert restored.returncode == 0, restored.stderr
    assert "as counted at backup" in restored.stdout
    before, after = _survey(source_env), _survey(target)
    assert after == before
    assert after["editor"] is True
    assert after["ratings"] == [4]
    assert after["pending"] == ["Held for moderation"]
    assert after["revisions"] >= 1
    home = Path(target["SYMPTOMDB_HOME"])
    assert (home / "secret_key").read_text() == Path(
        source_env["SYMPTOMDB_HOME"], "secret_key"
    ).read_text()
    assert (home / "media" / "photo.txt").read_text() == "an editor's upload"


def test_the_archive_is_private_and_described(site):
    _, archive = site
    assert archive.stat().st_mode & 0o077 == 0
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["counts"]["community_authorrating"] == 1
    assert set(manifest["files"]) >= {"secret_key", "media/photo.txt"}


def test_it_refuses_a_target_that_holds_data_unless_forced(site, tmp_path):
    _, archive = site
    target = _empty_target(tmp_path)
    assert symptomdb("restore", str(archive), env=target).returncode == 0
    again = symptomdb("restore", str(archive), env=target)
    assert again.returncode == 1
    assert "not empty" in lines(again)[-1] and "--force" in lines(again)[-1]
    forced = symptomdb("restore", "--force", str(archive), env=target)
    assert forced.returncode == 0, forced.stderr
    assert _survey(target)["ratings"] == [4]


def _rewrite(archive: Path, dest: Path, change) -> Path:
    """A copy of ``archive`` with ``change(name, data) -> data`` applied to each member."""
    with tarfile.open(archive) as src, tarfile.open(dest, "w:gz") as out:
        for member in src.getmembers():
            data = src.extractfile(member).read() if member.isfile() else None
            if data is not None:
                data = change(member.name, data)
                member.size = len(data)
                out.addfile(member, io.BytesIO(data))
            else:
                out.addfile(member)
    return dest


def _tampered(name: str, data: bytes) -> bytes:
    return (
        data.replace(b"Held for moderation", b"Held for moderatioN")
        if name.startswith("database") and b"Held for moderation" in data
        else (data + b"!" if name == "secret_key" else data)
    )


def _newer(name: str, data: bytes) -> bytes:
    if name != "manifest.json":
        return data
    manifest = json.loads(data)
    manifest["symptomdb_version"] = "99.0.0"
    return json.dumps(manifest).encode()


def _truncated(archive: Path, dest: Path) -> Path:
    raw = gzip.decompress(archive.read_bytes())
    dest.write_bytes(gzip.compress(raw[: len(raw) // 2]))
    return dest


@pytest.mark.parametrize(
    ("make", "sentence"),
    [
        (lambda a, d: _rewrite(a, d, _tampered), "does not match its checksum"),
        (lambda a, d: _rewrite(a, d, _newer), "newer than this"),
        (_truncated, "truncated or not a symptomdb backup"),
        (lambda a, d: d.write_bytes(a.read_bytes()[:-4000]) and d, "truncated"),
    ],
)
def test_it_refuses_a_bad_archive_and_changes_nothing(site, tmp_path, make, sentence):
    _, archive = site
    bad = make(archive, tmp_path / "bad.tar.gz")
    target = _empty_target(tmp_path)
    home = Path(target["SYMPTOMDB_HOME"])
    result = symptomdb("restore", str(bad), env=target)
    assert result.returncode == 1
    assert sentence in lines(result)[-1]
    assert "nothing was restored" in lines(result)[-1] or sentence == "newer than this"
    assert not (home / "symptomdb.sqlite3").exists()
    assert not (home / "media").exists()
    if target.get("DATABASE_URL"):
        assert "relation" in python("from symptomdb.community.models import Comment\n"
                                    "Comment.objects.count()", env=target).stderr  # fmt: skip
