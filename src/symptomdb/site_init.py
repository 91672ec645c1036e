"""Bringing a site up: the database, the catalogue, the search's indexes, the triage's
examples and the bundled articles.

`symptomdb init` and `symptomdb serve` both call site_init(); each step does
only what is missing, so running it again is safe and quick.

This is the one module that runs steps across the layers (docs/architecture.md):
the catalogue (terminology) knows nothing of the search or the articles above it,
so loading it, rebuilding the search's full-text index around the load, embedding
its texts and checking the triage's codes against it are put together here.
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

    catalogue_ready(say=say)

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


def catalogue_ready(*, say: Say = print, force: bool = False, progress: bool = True) -> bool:
    """The catalogue loaded (the search's full-text index paused while it is written and
    rebuilt inside the same transaction), then the search's vectors built when the
    catalogue changed or this home's copy is not the database's (a new SYMPTOMDB_HOME,
    another home loaded a newer catalogue): texts the database has no vector of are
    embedded and stored there, the rest read from it. Returns whether the catalogue was
    loaded."""
    from symptomdb.search.index import search_index_build, search_index_current
    from symptomdb.search.lexical import lexical
    from symptomdb.terminology.loader import catalogue_load

    loaded = catalogue_load(say=say, force=force, progress=progress, index=lexical())
    if loaded or not search_index_current():
        search_index_build(say=say, progress=progress, prune=loaded)
    return loaded


def red_flag_codes_unknown() -> list[str]:
    """The codes the triage's families concern that the catalogue does not hold, each with the
    families naming it: checked at every start, so a typo in rules.yaml fails loudly."""
    from symptomdb.terminology.selectors import codes_held
    from symptomdb.triage.red_flags import concerned_codes

    wanted = concerned_codes()
    held = codes_held(wanted)
    return [
        f"{system} {code} (family {', '.join(families)})"
        for (system, code), families in sorted(wanted.items())
        if (system, code) not in held
    ]
