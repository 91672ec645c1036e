"""The `symptomdb` console script.

Every subcommand is a Django management command (serve, init, import, search,
triage, export, and Django's own such as createsuperuser), so the CLI, the pages
and the API call the same services.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "symptomdb.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["symptomdb", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
