"""Searches recorded: nothing personal kept, counts for every search, retention, clicks."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from django.db.backends.signals import connection_created
from django.utils import timezone

from symptomdb.insights import services
from symptomdb.insights.models import SearchCount, SearchDrop, SearchEvent, Source
from symptomdb.insights.recorder import Recorder, Searched, recorder
from symptomdb.terminology.models import Symptom

pytestmark = pytest.mark.django_db


@pytest.fixture
def symptoms(db):
    return [
        Symptom.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        for name in ("Muscle cramp", "Headache", "Nausea")
    ]


def searched(query, slugs=(), *, level="", at=None, token=None):
    return Searched(
        token=token or services.search_token(),
        query=query,
        locale="GB",
        source=Source.PAGE,
        slugs=tuple(slugs),
        triage_level=level,
        at=at or timezone.now(),
    )


def record(*items):
    for item in items:
        recorder.submit(item)
    return recorder.flush()


def test_it_keeps_the_words_results_and_level_of_a_plain_search(symptoms):
    cramp, headache, _ = symptoms
    assert record(searched("cramp in calf", [cramp.slug, headache.slug], level="routine")) == 1
    event = SearchEvent.objects.get()
    assert (event.query, event.locale, event.triage_level) == ("cramp in calf", "GB", "routine")
    assert event.results == [cramp.pk, headache.pk]
    assert event.top_symptom == cramp
    assert event.clicked_symptom is None
    assert SearchCount.objects.get().searches == 1


def test_a_search_written_again_is_kept_once_and_the_rest_of_its_batch_written(symptoms):
    cramp, headache, _ = symptoms
    at = timezone.now() - dt.timedelta(hours=3)
    record(searched("cramp in calf", [cramp.slug], token="tok-again", at=at))
    record(
        searched("cramp in calf", [cramp.slug], token="tok-again", at=at),
        searched("headache at night", [headache.slug, cramp.slug]),
    )
    events = {e.token: e for e in SearchEvent.objects.all()}
    assert len(events) == 2
    assert events["tok-again"].searched_at == at
    night = next(e for token, e in events.items() if token != "tok-again")
    assert (night.query, night.results) == ("headache at night", [headache.pk, cramp.pk])


def test_a_later_batch_adds_to_the_days_count_rows(symptoms):
    cramp, headache, _ = symptoms
    record(searched("cramp in calf", [cramp.slug]), searched("headache", [headache.slug]))
    record(
        searched("calf cramp", [cramp.slug]),
        searched("cramp ring 0161 496 0000", [cramp.slug]),
        searched("sore head", [headache.slug]),
        searched("cramp again", [cramp.slug]),
    )
    rows = {row.top_symptom_id: row for row in SearchCount.objects.all()}
    assert len(rows) == 2  # added to, not a row more per batch
    assert (rows[cramp.pk].searches, rows[cramp.pk].personal) == (4, 1)
    assert (rows[headache.pk].searches, rows[headache.pk].personal) == (2, 0)


@pytest.mark.parametrize(
    "query", ["cramp jo.bloggs@example.com", "cramp ring 0161 496 0000", "cramp dob 01/02/1970"]
)
def test_it_keeps_no_words_of_a_search_that_looks_personal(symptoms, query):
    record(searched(query, [symptoms[0].slug]))
    assert not SearchEvent.objects.exists()
    count = SearchCount.objects.get()
    assert (count.top_symptom, count.searches, count.personal) == (symptoms[0], 1, 1)
    # Nowhere in the insights' tables: not the address, not the number, not the date.
    for model in (SearchEvent, SearchCount, SearchDrop):
        for row in model.objects.values():
            assert not any(query.split()[-1] in str(value) for value in row.values())


def test_a_token_fits_its_column_and_sorts_after_the_one_before():
    tokens = [services.search_token() for _ in range(50)]
    assert all(len(token) <= SearchEvent._meta.get_field("token").max_length for token in tokens)
    times = [token[:-16] for token in tokens]
    assert times == sorted(times)  # side by side in the index (two in one µs, in any order)
    assert len({token[-16:] for token in tokens}) == 50  # then the random part


def test_it_stores_no_address_cookie_or_account():
    stored = {f.name for f in SearchEvent._meta.get_fields()}
    assert stored == {
        "id",
        "token",
        "query",
        "locale",
        "source",
        "results",
        "top_symptom",
        "clicked_symptom",
        "triage_level",
        "searched_at",
    }


def test_it_counts_searches_per_day_and_symptom_across_batches(symptoms):
    cramp = symptoms[0]
    record(searched("cramp", [cramp.slug]), searched("cramps", [cramp.slug]))
    record(searched("leg cramp", [cramp.slug]), searched("zzzz", []))
    rows = {(r.top_symptom_id, r.searches) for r in SearchCount.objects.all()}
    assert rows == {(cramp.pk, 3), (None, 1)}


def test_it_drops_and_counts_searches_when_the_queue_is_full(symptoms, settings):
    settings.INSIGHTS_QUEUE_SIZE = 2
    recorder.restart()
    before = recorder.tally.dropped
    record(*(searched(f"cramp {i}", [symptoms[0].slug]) for i in range(5)))
    assert recorder.tally.dropped - before == 3
    assert SearchEvent.objects.count() == 2
    assert SearchDrop.objects.get().dropped == 3


def test_it_drops_and_counts_a_batch_the_database_refuses(symptoms, monkeypatch):
    def refused(**_):
        raise services.transaction.TransactionManagementError("database is locked")

    monkeypatch.setattr(services, "searches_write", refused)
    assert record(searched("cramp", [symptoms[0].slug])) == 0
    monkeypatch.undo()
    record()
    assert SearchDrop.objects.get().dropped == 1
    assert not SearchEvent.objects.exists()


def test_the_purge_forgets_old_words_and_keeps_the_counts(symptoms, settings):
    settings.INSIGHTS_TEXT_RETENTION_DAYS = 90
    now = timezone.now()
    old = now - dt.timedelta(days=91)
    record(
        searched("old cramp", [symptoms[0].slug], at=old),
        searched("new cramp", [symptoms[0].slug], at=now - dt.timedelta(days=89)),
    )
    assert services.searches_purge(now=now) == 1
    assert list(SearchEvent.objects.values_list("query", flat=True)) == ["new cramp"]
    assert sum(SearchCount.objects.values_list("searches", flat=True)) == 2


def test_the_recording_path_purges_at_most_hourly(symptoms, settings, monkeypatch):
    settings.INSIGHTS_TEXT_RETENTION_DAYS = 1
    monkeypatch.setattr(services, "_last_purge", [])
    record(searched("old cramp", [symptoms[0].slug], at=timezone.now() - dt.timedelta(days=2)))
    assert not SearchEvent.objects.exists()  # written, then purged by the same batch


def test_a_click_on_a_result_of_the_search_is_kept(symptoms):
    cramp, headache, _ = symptoms
    record(searched("cramp", [cramp.slug, headache.slug], token="tok-1"))
    assert services.search_click(token="tok-1", slug=headache.slug)
    assert SearchEvent.objects.get().clicked_symptom == headache
    assert SearchCount.objects.get().clicks == 1


def test_a_forged_click_is_ignored(symptoms):
    cramp, headache, nausea = symptoms
    record(searched("cramp", [cramp.slug, headache.slug], token="tok-1"))
    assert not services.search_click(token="tok-1", slug=nausea.slug)  # not among its results
    assert not services.search_click(token="no-such-search", slug=cramp.slug)
    assert not services.search_click(token="tok-1", slug="no-such-symptom")
    assert SearchEvent.objects.get().clicked_symptom is None
    assert SearchCount.objects.get().clicks == 0
    # One click per search: a second is ignored too.
    assert services.search_click(token="tok-1", slug=cramp.slug)
    assert not services.search_click(token="tok-1", slug=headache.slug)
    assert SearchCount.objects.get().clicks == 1


def test_recording_off_records_nothing(symptoms, settings):
    from symptomdb.search.answer import SearchAnswer
    from symptomdb.triage import TriageResult

    settings.INSIGHTS_RECORD_SEARCHES = False
    answer = SearchAnswer(query="cramp", results=[], triage=TriageResult(None, "", "net"))
    services.search_record_answer(answer=answer, source=Source.API)
    assert recorder.flush() == 0
    assert not SearchCount.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_at_exit_the_writer_threads_batch_and_the_queue_are_all_written(symptoms, settings):
    """A worker that stops writes the batch its thread has taken and what is still queued:
    none is left neither written nor counted as dropped."""
    settings.INSIGHTS_WRITER_THREAD = True  # a thread of its own, as under `serve`
    own = Recorder()
    for i in range(40):
        own.submit(searched(f"cramp {i}", [symptoms[0].slug]))
    thread = own._thread
    assert thread is not None and thread.is_alive()
    own.close()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert (own.tally.written, own.tally.dropped) == (40, 0)
    assert sum(SearchCount.objects.values_list("searches", flat=True)) == 40


def _until(condition, seconds=15.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the writer thread did not write in time"
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_the_writer_thread_keeps_its_connection_until_a_write_fails(
    symptoms, settings, monkeypatch
):
    """Closing after each batch made SQLite checkpoint and delete its log every batch."""
    settings.INSIGHTS_WRITER_THREAD = True
    settings.INSIGHTS_FLUSH_SECONDS = 1
    own = Recorder()
    closed = []

    def count_closes(sender, connection, **_):
        # The writer thread's own connection. A reconnection (PostgreSQL, after the failed
        # write) signals again for the same wrapper: count its closes once, not twice.
        if threading.current_thread() is own._thread and not getattr(connection, "_counted", 0):
            close = connection.close
            connection.close = lambda: (closed.append(1), close())[1]
            connection._counted = 1

    connection_created.connect(count_closes)
    try:
        for n in (1, 2):
            own.submit(searched(f"cramp {n}", [symptoms[0].slug]))
            _until(lambda n=n: own.tally.written == n)
        assert not closed  # two batches, one connection

        def refused(**_):
            raise services.transaction.TransactionManagementError("database is locked")

        monkeypatch.setattr(services, "searches_write", refused)
        own.submit(searched("cramp 3", [symptoms[0].slug]))
        _until(lambda: own.tally.dropped == 1)
        monkeypatch.undo()
        own.submit(searched("cramp 4", [symptoms[0].slug]))
        _until(lambda: own.tally.written == 3)
        assert len(closed) == 1  # after the failed write: perhaps broken
    finally:
        connection_created.disconnect(count_closes)
        own.close()
        if own._thread is not None:
            own._thread.join(timeout=30)
    assert len(closed) == 2  # and at the thread's end
    assert sum(SearchCount.objects.values_list("searches", flat=True)) == 3
    assert SearchDrop.objects.get().dropped == 1
