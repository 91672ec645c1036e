"""A benchmark's switch: recording on and off in alternating blocks inside one server.

Why it exists (issue 14, docs/insights.md "The quiet run"): whole-server A/B runs of
recording on against off could not settle the ≤ 5 % target, because two starts of the
same server differ in CPU per request by more than that. With INSIGHTS_AB_BLOCK = N > 0,
each worker process answers its searches in alternating blocks of N, recorded then not
(in a block "off" `services.search_record` returns at once, as with
INSIGHTS_RECORD_SEARCHES off), so both settings are measured in the same process,
minutes apart at most. At the end of each block, in the request thread, a block "on"
flushes the recorder (the batch its searches made is written, and charged to it), then
one line is logged: the block's setting, its searches and the process's CPU seconds
(os.times() user + system: every thread, the writer's too) since it began.
benchmarks/insights_ab.sh reads those lines. Off (0) in use: `search_record` then pays
one settings read.

Meant for gunicorn's sync worker (one request at a time); with several request threads
a block ends under a lock the others wait on, and their CPU is shared between blocks.
At the process's exit an unfinished block is flushed and logged as partial, so the
searches recorded can all be set against those counted.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import threading
import time

from symptomdb.insights.recorder import recorder

log = logging.getLogger(__name__)

# The start of each line, for benchmarks/insights_ab_report.py.
PREFIX = "insights-ab"


class _Block:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pid = 0
        self.number = 0
        self.on = True
        self.searches = 0
        self.cpu = 0.0
        self.wall = 0.0

    def begin(self, *, on: bool) -> None:
        self.pid = os.getpid()
        self.on = on
        self.searches = 0
        self.number += 1
        times = os.times()
        self.cpu = times.user + times.system
        self.wall = time.monotonic()

    def end(self, *, partial: bool = False) -> None:
        """Flush what an "on" block queued, log the block, begin the next one."""
        if self.on:
            recorder.flush()
        times = os.times()
        log.warning(
            "%s pid=%d block=%d recording=%s searches=%d cpu_s=%.6f wall_s=%.3f partial=%d",
            PREFIX,
            self.pid,
            self.number,
            "on" if self.on else "off",
            self.searches,
            times.user + times.system - self.cpu,
            time.monotonic() - self.wall,
            int(partial),
        )
        self.begin(on=not self.on)


_block = _Block()


def recording(size: int) -> bool:
    """Count one search into this process's block; whether it is to be recorded. A block
    "off" ends here with its last search; a block "on" in `submitted`, once its last
    search is queued."""
    with _block.lock:
        if _block.pid != os.getpid():  # a new worker (or the first search): "on" first
            _block.number = 0
            _block.begin(on=True)
        _block.searches += 1
        if _block.on:
            return True
        if _block.searches >= size:
            _block.end()
        return False


def submitted(size: int) -> None:
    """After a search of a block "on" is queued: the block ends if it is full."""
    with _block.lock:
        if _block.on and _block.searches >= size:
            _block.end()


def reset() -> None:
    """A fresh first block at the next search (between tests)."""
    with _block.lock:
        _block.pid = 0


@atexit.register
def _log_at_exit() -> None:
    # Runs before the recorder's own flush at exit (registered later, so called first).
    if _block.pid == os.getpid() and _block.searches:
        # Nothing more can be done at exit if it fails.
        with contextlib.suppress(Exception), _block.lock:
            _block.end(partial=True)
