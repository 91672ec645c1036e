"""What one revision of an article holds: the article and all its sections."""

from __future__ import annotations

import reversion

from symptomdb.articles.models import SECTION_MODELS, SECTION_NAMES, Article


def register() -> None:
    if reversion.is_registered(Article):
        return
    for model in SECTION_MODELS:
        reversion.register(model)
    reversion.register(Article, follow=list(SECTION_NAMES))
