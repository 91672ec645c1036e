"""Searches written in batches off the request path, dropped (and counted) when busy.

A search hands its summary to `submit`, which only puts it on a bounded in-process
queue (`queue.Queue`, the standard library's thread-safe one) and returns: it never
waits and never raises. A daemon thread, started on the first search of each process
(so each gunicorn worker has its own, after the fork), takes what is queued every
INSIGHTS_FLUSH_SECONDS or every BATCH searches, whichever comes first, and writes it
in one transaction (services.searches_write). When the queue is full, or a write
fails (the database locked or gone), those searches are dropped and counted as
dropped, per day, in SearchDrop: searches answered = searches counted + dropped.

A task queue (Celery, RQ, Huey) would need a broker and a worker process for what is a
few inserts a second; django-ratelimit-style counters in the cache would lose the
words. This is the smallest thing that keeps the request path free.

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
import queue
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection

log = logging.getLogger(__name__)

BATCH = 500
# The writer thread waits this long for a first search before it looks again whether the
# process is closing.
_IDLE_SECONDS = 1.0


@dataclass(frozen=True)
class Searched:
    """What the recorder keeps of one search answered, before privacy.py reads it."""

    token: str
    query: str
    locale: str
    source: str
    slugs: tuple[str, ...]
    triage_level: str
    at: dt.datetime


@dataclass
class Tally:
    """This process's figures since it started (the benchmark reads them)."""

    submitted: int = 0
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
        self._queue: queue.Queue[Searched] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.tally = Tally()

    def submit(self, searched: Searched) -> None:
        """Queue one search; never blocks, never raises."""
        try:
            self._ensure_started()
            self._queue.put_nowait(searched)
        except queue.Full:
            self._dropped(searched.at.date(), 1)
        except Exception:  # recording must never break a search
            log.exception("A search could not be queued for recording")
            self._dropped(searched.at.date(), 1)
        else:
            with self._lock:
                self.tally.submitted += 1

    def flush(self) -> int:
        """Write everything queued now, in the caller's thread; how many were written."""
        written = 0
        with self._writing:
            while batch := self._take(block=False):
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
        while self._take(block=False):
            pass
        with self._lock:
            self.tally.unsaved_drops = {}

    def restart(self) -> None:
        """A fresh queue at the next search, sized by the settings as they are now."""
        with self._lock:
            self._pid = 0

    # --- the worker thread --------------------------------------------------------

    def _ensure_started(self) -> None:
        pid = os.getpid()
        if self._pid == pid and (self._thread is None or self._thread.is_alive()):
            return
        with self._lock:
            if self._pid != pid:  # a new process (or the first search): a fresh queue
                self._pid = pid
                self._queue = queue.Queue(maxsize=settings.INSIGHTS_QUEUE_SIZE)
                self._writing = threading.Lock()  # a parent's thread may have held it
                self._thread = None
            if not settings.INSIGHTS_WRITER_THREAD or (
                self._thread is not None and self._thread.is_alive()
            ):
                return
            self._thread = threading.Thread(
                target=self._run, name="symptomdb-search-recorder", daemon=True
            )
            self._thread.start()

    def _run(self) -> None:
        try:
            while not self._closing.is_set():
                with self._writing:
                    if batch := self._take(block=True):
                        self._write(batch)
        finally:
            connection.close()  # this thread's own

    def _take(self, *, block: bool) -> list[Searched]:
        """Up to BATCH searches: with `block`, waits for the first (at most _IDLE_SECONDS),
        then lets the others gather for INSIGHTS_FLUSH_SECONDS unless a batch is already
        waiting. It sleeps rather than waiting on the queue for each search: a wait per
        search woke this thread at every search, and each wake took the interpreter's lock
        from the requests (benchmarks/insights_load.sh)."""
        batch: list[Searched] = []
        try:
            if block:
                batch.append(self._queue.get(timeout=_IDLE_SECONDS))
                if self._queue.qsize() < BATCH - 1:
                    self._closing.wait(settings.INSIGHTS_FLUSH_SECONDS)
            while len(batch) < BATCH:
                batch.append(self._queue.get_nowait())
        except queue.Empty:
            pass
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
    if recorder.tally.submitted and settings.INSIGHTS_WRITER_THREAD:
        with contextlib.suppress(Exception):  # nothing more can be done at exit
            recorder.close()
