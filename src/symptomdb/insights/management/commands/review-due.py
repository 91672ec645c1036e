"""`symptomdb review-due`: published articles past or near their next review.

For a daily cron job or a monitor: exit status 1 when any article is overdue, 0 when
none is (articles only near their review are listed, and do not fail it).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from symptomdb.insights.selectors import REVIEW_SOON_DAYS, articles_review_due


class Command(BaseCommand):
    help = (
        "List published articles past their next review date, and those due within "
        f"--within days (default {REVIEW_SOON_DAYS}); exit 1 when any is overdue."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--within",
            type=int,
            default=REVIEW_SOON_DAYS,
            metavar="DAYS",
            help="Also list articles due within this many days (not a failure).",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON instead of lines.")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        within = max(0, options["within"])
        rows: list[dict[str, Any]] = [
            {
                "id": a.pk,
                "title": a.title,
                "symptom_slug": a.symptom.slug,
                "next_review": a.next_review_on.isoformat(),
                "overdue": a.next_review_on < today,
                "days": (a.next_review_on - today).days,
            }
            for a in articles_review_due(today=today, within=within)
            if a.next_review_on is not None
        ]
        overdue = sum(1 for r in rows if r["overdue"])
        if options["json"]:
            self.stdout.write(json.dumps({"overdue": overdue, "articles": rows}, indent=2))
        else:
            for r in rows:
                when = (
                    f"overdue by {-r['days']} day(s)"
                    if r["overdue"]
                    else f"due in {r['days']} day(s)"
                )
                self.stdout.write(f"{r['next_review']}  {when:<22}  {r['title']}  (id {r['id']})")
            self.stdout.write(
                f"{overdue} article(s) overdue for review, {len(rows) - overdue} due within "
                f"{within} day(s)."
            )
        if overdue:
            sys.exit(1)
