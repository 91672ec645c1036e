"""The `symptomdb` console script.

Every subcommand is a Django management command (serve, init, import, search,
triage, export, check, backup, restore, and Django's own such as createsuperuser),
so the CLI, the pages and the API call the same services.

A failure an operator can fix (a bad setting, a database not initialised or not
reachable) ends in one sentence on stderr and exit status 1; `--traceback` shows
the whole story instead.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "symptomdb.settings")
    try:
        _run(args)
    except Exception as error:
        from symptomdb.operations.failures import sentence_for

        sentence = None if "--traceback" in args else sentence_for(error)
        if sentence is None:
            raise
        sys.stderr.write(f"symptomdb: {sentence} (--traceback for details)\n")
        sys.exit(1)


def _run(args: list[str]) -> None:
    import django
    from django.core.management import execute_from_command_line

    # Settings are read here, so a bad one is reported before any command runs.
    django.setup()
    if args[:1] in (["--version"], ["version"]):
        from symptomdb.operations.version import version_lines

        print("\n".join(version_lines()))
        return
    execute_from_command_line(["symptomdb", *args])


if __name__ == "__main__":
    main()
