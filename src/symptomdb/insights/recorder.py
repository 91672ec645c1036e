"""Searches written in batches off the request path, dropped (and counted) when busy.

A search hands its summary to `submit`, which only appends it to an in-process queue
of at most INSIGHTS_QUEUE_SIZE searches and returns: it never waits and never raises.
A daemon thread, started on the first search of each process (so each gunicorn worker
has its own, after the fork), wakes every INSIGHTS_FLUSH_SECONDS and writes what is
queued, BATCH searches to a transaction (services.searches_write). When the queue is
full, or a write fails (the database locked or gone), those searches are dropped and
counted as dropped, per day, in SearchDrop: searches answered = counted + dropped.

A task queue (Celery, RQ, Huey) would need a broker and a worker process for what is a
few inserts a second; django-ratelimit-style counters in the cache would lose the
words. This is the smallest thing that keeps the request path free.

What the request path costs is what it runs, and it runs cold: between two searches a
whole request has passed through the processor's caches, so a few lines of Python cost
microseconds each (benchmarks/insights_request_path.py measures them in place). The queue
is a `collections.deque`, whose append is safe between threads without a lock (the
standard library's `queue.Queue` took a lock and a condition to put and to wake the
thread: ≈ 6 µs a search in place); the thread is not woken, it looks on its own clock;
and the token and the privacy check wait for the writer.

The thread keeps its database connection from one batch to the next, and opens a fresh
one only after a failed write. Closing it after every batch cost ≈ 5 ms of CPU a batch
(10-15 µs a search): SQLite checkpoints its write-ahead log into the database and deletes
it when its last connection closes, which the writer's often was (cached answers open no
connection), and the next batch made a new log and read the schema again.

With INSIGHTS_WRITER_THREAD off (the tests turn it off) no thread starts: the caller
runs `flush()`, which writes what is queued in its own thread.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import logging
import os
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.db import connection

log = logging.getLogger(__name__)

BATCH = 500


class Searched(NamedTuple):
    """What the recorder keeps of one search answered, before privacy.py reads it (in the
    writer). A named tuple, as it is built on the request path: half the time of a frozen
    dataclass."""

    token: str  # "" for the writer to draw one (services.search_token)
    query: str
    locale: str
    source: str
    slugs: tuple[str, ...]
    triage_level: str
    at: dt.datetime


@dataclass
class Tally:
    """This process's figures since it started."""

    written: int = 0
    dropped: int = 0
    # Dropped but not yet added to SearchDrop.
    unsaved_drops: dict[dt.date, int] = field(default_factory=dict)


class Recorder:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        # Held from taking a batch off the queue until it is written: a flush at exit
        # waits for the thread's batch rather than leaving it neither written nor counted.
        self._writing = threading.Lock()
        self._closing = threading.Event()
        self._pid = 0
        self._queue: deque[Searched] = deque()
        self._size = 0
        self._thread: threading.Thread | None = None
        self.tally = Tally()

    def submit(self, searched: Searched) -> None:
        """Queue one search; never blocks, never raises. With several request threads (a
        gthread worker) the queue may pass its size by one search per thread: the check
        and the append are not one step, and a lock to make them one would cost every
        search."""
        try:
            if self._pid != os.getpid():
                self._start()
            if len(self._queue) < self._size:
                self._queue.append(searched)
                return
        except Exception:  # recording must never break a search
            log.exception("A search could not be queued for recording")
        self._dropped(searched.at.date(), 1)

    def flush(self) -> int:
        """Write everything queued now, in the caller's thread; how many were written."""
        written = 0
        with self._writing:
            while batch := self._take():
                written += self._write(batch)
            if not written:
                self._write([])  # still saves the drops counted since the last write
        return written

    def close(self) -> None:
        """At the process's exit: the writer thread stops after its batch, and what is
        still queued is written here."""
        self._closing.set()
        self.flush()

    def flush_discard(self) -> None:
        """Forget what is queued and the drops not yet saved (between tests)."""
        self._queue.clear()
        with self._lock:
            self.tally.unsaved_drops = {}

    def restart(self) -> None:
        """A fresh queue at the next search, sized by the settings as they are now."""
        with self._lock:
            self._pid = 0

    @property
    def writing_thread(self) -> threading.Thread | None:
        return self._thread

    # --- the worker thread --------------------------------------------------------

    def _start(self) -> None:
        """In a new process (or at the first search): a fresh queue, and the thread."""
        with self._lock:
            pid = os.getpid()
            if self._pid == pid:
                return  # another request thread was first
            self._queue = deque()
            self._size = settings.INSIGHTS_QUEUE_SIZE
            self._writing = threading.Lock()  # a parent's thread may have held it
            self._thread = None
            if settings.INSIGHTS_WRITER_THREAD:
                self._thread = threading.Thread(
                    target=self._run, name="symptomdb-search-recorder", daemon=True
                )
                self._thread.start()
            self._pid = pid  # last: another thread's search waits here until all is set

    def _run(self) -> None:
        try:
            while not self._closing.wait(settings.INSIGHTS_FLUSH_SECONDS):
                with self._writing:
                    while batch := self._take():
                        self._write(batch)
        finally:
            connection.close()  # this thread's own

    def _take(self) -> list[Searched]:
        """Up to BATCH searches, the oldest first."""
        batch: list[Searched] = []
        with contextlib.suppress(IndexError):  # the queue is empty
            while len(batch) < BATCH:
                batch.append(self._queue.popleft())
        return batch

    def _write(self, batch: list[Searched]) -> int:
        from symptomdb.insights.services import searches_write

        with self._lock:
            drops, self.tally.unsaved_drops = self.tally.unsaved_drops, {}
        try:
            searches_write(searched=batch, drops=drops)
        except Exception:  # the database busy or gone: drop, count, go on
            log.warning("%d searches could not be recorded; counted as dropped", len(batch))
            with self._lock:
                for day, count in drops.items():  # try to save these again next time
                    self.tally.unsaved_drops[day] = self.tally.unsaved_drops.get(day, 0) + count
            for searched in batch:
                self._dropped(searched.at.date(), 1)
            if threading.current_thread() is self._thread:
                connection.close()  # perhaps broken: the next batch opens a fresh one
            return 0
        with self._lock:
            self.tally.written += len(batch)
        return len(batch)

    def _dropped(self, day: dt.date, count: int) -> None:
        with self._lock:
            self.tally.dropped += count
            self.tally.unsaved_drops[day] = self.tally.unsaved_drops.get(day, 0) + count


recorder = Recorder()


@atexit.register
def _flush_at_exit() -> None:
    # A worker restarted by gunicorn writes what it still holds.
    if recorder.writing_thread is not None:
        with contextlib.suppress(Exception):  # nothing more can be done at exit
            recorder.close()
