"""gunicorn's settings for `symptomdb serve` (loaded as ``-c python:symptomdb.gunicorn_conf``).

serve passes the address, the worker count and the threads on the command line;
everything else is here, and docs/serving.md says why each value is what it is,
with the measurements. GUNICORN_CMD_ARGS overrides any of these values (gunicorn
reads it after this file).

This module is imported by gunicorn before Django is set up: Django is only
imported inside the hooks.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Any

wsgi_app = "symptomdb.wsgi:application"

# Load Django and the API once, in the master (and in on_starting what of the
# search can be shared); the workers are forked from it and share that memory
# copy-on-write. The search engine itself is loaded in each worker (post_worker_init).
preload_app = True

# A worker serves this many requests, then is replaced by a fresh fork of the
# master: memory a long-lived worker gathers (fragmentation, a leak in a library)
# is given back. A new worker loads the search engine (about 1.5 s, while the
# others serve), so not too often; the jitter keeps the workers from restarting
# together.
max_requests = 50000
max_requests_jitter = 5000

# Seconds an idle keep-alive connection is kept open (gthread workers; the sync
# worker closes every connection after its response).
keepalive = 5

# One line per request on stdout, as before; measured in docs/serving.md.
# `symptomdb serve --no-access-log` sets SYMPTOMDB_ACCESS_LOG=false (gunicorn's own
# options cannot turn the access log off once this file has turned it on).
accesslog = None if os.environ.get("SYMPTOMDB_ACCESS_LOG", "").lower() == "false" else "-"

# gunicorn 25+ opens a control socket, by default at ~/.gunicorn/gunicorn.ctl: one
# path for every gunicorn of the user, so two sites (or a site and the test
# suite's live server) would take it from each other. serve does not use it.
control_socket_disable = True


def on_starting(server: Any) -> None:
    """In the master, once the application is loaded, before the socket is opened
    and before any worker is forked: load what the workers can share."""
    from django.urls import resolve

    from symptomdb.search.warmup import warm_up_before_fork

    resolve("/")  # imports every view and the API's schemas, once
    warm_up_before_fork()
    if "onnxruntime" in sys.modules:
        # search/warmup.py says why: every worker would hang when it exits.
        server.log.warning("onnxruntime was loaded before the fork: workers will hang on exit.")
    # What exists now lives as long as the master: keep the collector of each
    # worker from touching it, which would copy its memory pages into the worker.
    gc.collect()
    gc.freeze()
    cfg = server.cfg
    server.log.info(
        "symptomdb: %d %s worker(s) × %d thread(s), keep-alive %d s, "
        "max requests %d + up to %d, access log %s",
        cfg.workers,
        cfg.worker_class_str,
        cfg.threads,
        cfg.keepalive,
        cfg.max_requests,
        cfg.max_requests_jitter,
        cfg.accesslog or "off",
    )


def post_worker_init(worker: Any) -> None:
    """In each worker before its first request: the search engine and its model
    (onnxruntime may only be loaded after the fork; search/warmup.py)."""
    from symptomdb.search.warmup import warm_up

    try:
        seconds = warm_up()
    except Exception as error:  # the first search will try again, and say why
        worker.log.warning("Search warm-up failed (%s); the first search will load it.", error)
    else:
        worker.log.info("Search engine and model loaded in %.1f s.", seconds)


# gunicorn answers a request line over this many bytes with its own HTML 414. Its
# maximum, so that the site's lower limit (MAX_REQUEST_TARGET in settings.py,
# operations/middleware.py) answers first, in the API's JSON for API clients.
limit_request_line = 8190
