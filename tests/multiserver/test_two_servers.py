"""What one server does, the other sees: two `symptomdb serve` on one PostgreSQL and one
Redis (conftest.py). Each check first has the other server keep its page or answer,
so that only a shared retirement of it can make the change appear."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest

from tests.multiserver.conftest import EDITOR_PASSWORD, Browser, Site

pytestmark = pytest.mark.slow

AUTHOR = "/authors/haroon-rashid/"
PAGE = "/symptoms/muscle-spasm/"
SEED = Path(__file__).resolve().parents[2] / "src/symptomdb/content/articles/muscle-spasms.txt"
KEPT_SENTENCE = "Experiment with both methods to determine which works best for you."


def _ratings(html: str) -> int:
    if "not rated yet" in html:
        return 0
    found = re.search(r"from (\d+) ratings?", html)
    assert found, "the author page shows no rating summary"
    return int(found.group(1))


def _kept_twice(browser: Browser, path: str) -> str:
    """The page as the server keeps it: asked twice, the same both times."""
    first = browser.get(path)
    assert first.status == 200, first.text[:500]
    second = browser.get(path)
    assert second.text == first.text
    return second.text


def test_a_rating_on_one_is_seen_on_the_others_next_page_view(site: Site):
    reader_a, reader_b = Browser(site.a), Browser(site.b)
    before = _ratings(_kept_twice(reader_b, AUTHOR))
    rated = reader_a.post(f"{AUTHOR}rate", {"stars": 4, "next": AUTHOR})
    assert rated.status == 302, rated.text[:500]
    assert _ratings(reader_b.get(AUTHOR).text) == before + 1


def test_an_approved_comment_on_one_is_seen_on_the_others_next_page_view(site: Site):
    text = f"Stretching helped me, reader {secrets.token_hex(4)}."
    reader_b = Browser(site.b)
    sent = reader_b.post(f"{PAGE}comments", {"name": "Ann", "body": text})
    assert sent.status == 302, sent.text[:500]
    assert text not in _kept_twice(reader_b, PAGE)  # held for moderation

    editor_a = Browser(site.a)
    assert editor_a.sign_in("editor", EDITOR_PASSWORD).status == 302
    listing = editor_a.get("/admin/community/comment/").text
    rows = re.findall(r"/admin/community/comment/(\d+)/approve/", listing)
    assert rows, "the moderation list offers no comment to approve"
    approved = editor_a.post(f"/admin/community/comment/{max(map(int, rows))}/approve/", {})
    assert approved.status == 302, approved.text[:500]
    assert text in reader_b.get(PAGE).text


def test_an_article_published_on_one_retires_the_others_pages_and_answers(
    site: Site, tmp_path: Path
):
    reader_b = Browser(site.b)
    assert KEPT_SENTENCE in _kept_twice(reader_b, PAGE)
    # A symptom of the answer that no article covers yet: the new revision will cover it.
    answer = "/api/search?q=cramp"
    kept = reader_b.get(answer)
    assert kept.status == 200
    assert reader_b.get(answer).text == kept.text
    hits = kept.json()["results"]  # type: ignore[index]
    other = next(
        hit["slug"]
        for hit in hits
        if hit["slug"] != "muscle-spasm"
        and not hit["has_article"]
        and not hit["covered_by_article"]
    )

    token = secrets.token_hex(4)
    seed = SEED.read_text(encoding="utf-8")
    assert KEPT_SENTENCE in seed
    revised = tmp_path / "muscle-spasms.txt"
    changed = KEPT_SENTENCE.replace("for you.", f"for you (revision {token}).")
    title, rest = seed.split("\n", 1)
    revised.write_text(f"{title}\nCovers: {other}\n{rest.replace(KEPT_SENTENCE, changed)}")
    site.command(site.env_a, "import", str(revised), "--publish")

    assert changed in reader_b.get(PAGE).text
    after = reader_b.get(answer)
    assert after.status == 200
    covered = {hit["slug"]: hit["covered_by_article"] for hit in after.json()["results"]}  # type: ignore[index]
    assert covered.get(other) is True  # computed again: the article now covers it


def test_a_readers_write_limit_is_shared(site: Site):
    reader_a, reader_b = Browser(site.a), Browser(site.b)
    for _ in range(10):  # the limit is 3 an hour; earlier tests may have used some
        if reader_a.post(f"{AUTHOR}rate", {"stars": 5, "next": AUTHOR}).status == 429:
            break
    else:
        pytest.fail("server A never refused a rating")
    refused = reader_b.post(f"{AUTHOR}rate", {"stars": 5, "next": AUTHOR})
    assert refused.status == 429  # B has counted nothing itself: the count is Redis's
    assert "wait a while" in refused.text


def test_an_editors_sign_in_lockout_is_shared(site: Site):
    assert Browser(site.b).sign_in("locked-editor", EDITOR_PASSWORD).status == 302
    for _ in range(3):  # AXES_FAILURE_LIMIT
        wrong = Browser(site.a).sign_in("locked-editor", "not-the-password")
        assert wrong.status != 302
    locked = Browser(site.b).sign_in("locked-editor", EDITOR_PASSWORD)
    assert locked.status != 302
    assert "Too many failed sign-in attempts" in locked.text


def test_the_second_home_joined_without_embedding(site: Site):
    """The second home's `init` read every catalogue vector from the database the first
    home's `init` had stored them in: the model embedded none of them again."""
    found = re.search(
        r"Search: ([\d,]+) texts of [\d,]+ symptoms indexed in \d+ s \(([\d,]+) vectors read "
        r"from the database, ([\d,]+) from this home's cache, ([\d,]+) embedded\)",
        site.joined,
    )
    assert found, site.joined[-2000:]
    texts, from_database, cached, embedded = (int(g.replace(",", "")) for g in found.groups())
    assert texts > 0
    assert (from_database, cached, embedded) == (texts, 0, 0)
