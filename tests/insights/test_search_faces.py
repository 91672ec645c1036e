"""The results page and the API record each search answered, cached or not; a followed
result is noted through the link's ping, a forged one ignored."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from symptomdb.insights.models import SearchCount, SearchEvent, Source
from symptomdb.insights.recorder import recorder
from symptomdb.web.reader_insights import TOKEN_MARK

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _catalogue(published_article):
    return published_article


def _pings(html: bytes) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [a["ping"] for a in soup.select("[data-results-first] li a[ping]")]


def test_each_page_answer_is_recorded_with_its_own_token_even_from_the_cache(reader):
    first = reader.get("/search", {"q": "muscle cramps"})
    second = reader.get("/search", {"q": "muscle cramps"})  # from the page cache
    assert "X-Symptomdb-Search" not in first and "X-Symptomdb-Search" not in second
    pings = _pings(first.content), _pings(second.content)
    assert pings[0] and pings[1] and pings[0] != pings[1]
    assert TOKEN_MARK not in first.content.decode()
    assert recorder.flush() == 2
    events = SearchEvent.objects.order_by("searched_at")
    assert [e.query for e in events] == ["muscle cramps", "muscle cramps"]
    assert {e.source for e in events} == {Source.PAGE}
    assert all(e.results for e in events)


def test_the_cached_results_page_still_answers_304(reader):
    first = reader.get("/search", {"q": "muscle cramps"})
    again = reader.get("/search", {"q": "muscle cramps"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_ping_marks_the_followed_result_and_a_forged_one_is_ignored(reader):
    ping = _pings(reader.get("/search", {"q": "muscle cramps"}).content)[0]
    recorder.flush()
    forged = ping.rsplit("to=", 1)[0] + "to=not-a-result"
    assert reader.post(forged, content_type="text/ping", data="PING").status_code == 204
    assert SearchEvent.objects.get().clicked_symptom is None
    assert reader.post(ping, content_type="text/ping", data="PING").status_code == 204
    event = SearchEvent.objects.get()
    assert event.clicked_symptom.slug == ping.rsplit("to=", 1)[1]
    assert SearchCount.objects.get(top_symptom=event.top_symptom).clicks == 1


def test_the_api_records_each_search_answered(client):
    assert client.get("/api/search", {"q": "muscle cramps"}).status_code == 200
    assert client.get("/api/search", {"q": "muscle cramps"}).status_code == 200
    assert client.get("/api/search", {"q": ""}).status_code == 400  # not answered: not recorded
    assert recorder.flush() == 2
    assert set(SearchEvent.objects.values_list("source", flat=True)) == {Source.API}
    assert sum(SearchCount.objects.values_list("searches", flat=True)) == 2


def test_a_personal_query_on_the_page_leaves_no_words(reader):
    reader.get("/search", {"q": "muscle cramps jo@example.org"})
    recorder.flush()
    assert not SearchEvent.objects.exists()
    assert SearchCount.objects.get().personal == 1
