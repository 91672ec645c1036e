"""Bringing a site up: the database, the catalogue and the bundled articles.

`symptomdb init` and `symptomdb serve` both call site_init(); each step does
only what is missing, so running it again is safe and quick.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.management import call_command

Say = Callable[[str], None]


def site_init(*, say: Say = print, static: bool = True) -> None:
    settings.HOME.mkdir(parents=True, exist_ok=True)
    say("Database: applying migrations…")
    call_command("migrate", interactive=False, verbosity=0)

    from symptomdb.terminology.loader import catalogue_load

    catalogue_load(say=say)

    from symptomdb.terminology.selectors import red_flag_codes_unknown
    from symptomdb.triage.families import RuleSetError

    unknown = red_flag_codes_unknown()
    if unknown:
        raise RuleSetError(
            "rules.yaml names codes the catalogue does not hold: " + "; ".join(unknown)
        )

    from symptomdb.articles.bundled import bundled_articles_load
    from symptomdb.triage.semantic import detector

    # Embedded once here (≈ 10 s), then read from the cache by every worker.
    say("Triage: reading the example presentations…")
    detector()

    imported = bundled_articles_load()
    say(
        f"Articles: {imported} bundled article(s) imported."
        if imported
        else "Articles: bundled articles already loaded."
    )
    if static:
        call_command("collectstatic", interactive=False, verbosity=0)
        say("Static files: collected.")

    from symptomdb.content_cache import content_changed

    # Pages and answers kept before this run may show an older catalogue, or be
    # pickled by an older version of the code.
    content_changed()
