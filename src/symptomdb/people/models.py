"""The clinicians who write and review articles."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=200, help_text="Full name as it appears in the byline.")
    slug = models.SlugField(max_length=200, unique=True)
    credentials = models.CharField(
        max_length=100, blank=True, help_text="Degrees and licences, e.g. “MD” or “FNP-C”."
    )
    affiliation = models.CharField(
        max_length=200, blank=True, help_text="Practice or institution, e.g. a clinic's name."
    )
    location = models.CharField(max_length=200, blank=True, help_text="City and state or country.")
    bio = models.TextField(blank=True, help_text="A short plain-text biography.")
    # Who this clinician is in the admin: an author role edits only their own drafts,
    # and a reviewer may not publish an article they wrote.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text="The editor account this clinician signs in with, if any.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.byline

    def get_absolute_url(self) -> str:
        return f"/authors/{self.slug}/"

    @property
    def byline(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name
