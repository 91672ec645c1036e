"""What readers look for and what they think of a page, kept without knowing who they are.

No model here holds an address, a cookie, an account or anything a reader could be
told apart by: a search is its cleaned words, its country, its first results, whether
one was followed, its triage level and its time (privacy.py decides which words may be
kept at all); a page's feedback is yes or no and, on no, what was missing.
"""

from __future__ import annotations

from django.db import models

from symptomdb.articles.models import Article
from symptomdb.community.models import CommentStatus
from symptomdb.terminology.models import Symptom


class Source(models.TextChoices):
    PAGE = "page", "Results page"
    API = "api", "API"


class SearchEvent(models.Model):
    """One search answered, kept for INSIGHTS_TEXT_RETENTION_DAYS, then purged (its
    count stays in SearchCount)."""

    # Random, in the result links of this search's page only: a click names it.
    token = models.CharField(max_length=32, unique=True)
    query = models.CharField(max_length=1000, help_text="The words as the search cleaned them.")
    locale = models.CharField(max_length=16, blank=True)
    source = models.CharField(max_length=8, choices=Source.choices)
    # The first results' symptom ids, best first.
    results = models.JSONField(default=list)
    top_symptom = models.ForeignKey(
        Symptom, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    clicked_symptom = models.ForeignKey(
        Symptom, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    triage_level = models.CharField(max_length=16, blank=True)
    searched_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-searched_at", "-id"]
        verbose_name = "readers' insight"
        verbose_name_plural = "readers' insights"  # the dashboard (admin.py)

    def __str__(self) -> str:
        return self.query


class SearchCount(models.Model):
    """Searches per day, top symptom, triage level and source, without their words:
    every search is counted here (a query that looked personal only here), and kept
    after the words are purged."""

    day = models.DateField()
    top_symptom = models.ForeignKey(
        Symptom, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )  # none: the search found nothing
    triage_level = models.CharField(max_length=16, blank=True)
    source = models.CharField(max_length=8, choices=Source.choices)
    searches = models.PositiveIntegerField(default=0)
    personal = models.PositiveIntegerField(
        default=0, help_text="Of which the words looked personal and were not kept."
    )
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        # Not unique: two workers may each add a row for the same day and symptom;
        # every reader of the counts sums them.
        indexes = [models.Index(fields=["day", "top_symptom"])]

    def __str__(self) -> str:
        return f"{self.searches} search(es) on {self.day}"


class SearchDrop(models.Model):
    """Searches answered but not recorded (the queue full or the database busy), per day:
    answered = counted + dropped."""

    day = models.DateField(unique=True)
    dropped = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.dropped} dropped on {self.day}"


class Helpful(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"


class PageFeedback(models.Model):
    """“Was this page helpful?” on a symptom page (and the article it showed, if any)."""

    symptom = models.ForeignKey(Symptom, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback"
    )
    helpful = models.CharField(max_length=3, choices=Helpful.choices)
    # Plain text only, as comments: never marked safe, always escaped when shown.
    missing = models.TextField(blank=True, help_text="What the reader found missing.")
    # Moderated as comments are: only the moderators and the dashboard see the notes.
    status = models.CharField(
        max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"

    def __str__(self) -> str:
        return f"{self.get_helpful_display()} on {self.symptom}"
