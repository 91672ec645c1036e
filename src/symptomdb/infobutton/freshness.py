"""When the content an answer shows last changed, for its `updated`, ETag and Last-Modified.

The site's content version (content_cache.py) changes with every edit to articles,
symptoms and authors; the first time a version is seen, the time is kept beside it. So
`updated` stays the same from one request to the next until something is edited, and an
ETag made from the version lets a client's copy be revalidated without answering again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from symptomdb.content_cache import content_cache, content_version


@dataclass(frozen=True)
class ContentState:
    version: str
    updated: dt.datetime


def content_state() -> ContentState:
    version = content_version()
    key = f"infobutton-version-started:{version}"
    cache = content_cache()
    # add(), not set(): the first worker to see a version says when it began.
    cache.add(key, timezone.now().replace(microsecond=0), timeout=None)
    started = cache.get(key)
    return ContentState(version=version, updated=started or timezone.now().replace(microsecond=0))
