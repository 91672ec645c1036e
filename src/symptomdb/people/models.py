"""The clinicians who write and review articles."""

from __future__ import annotations

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

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.byline

    def get_absolute_url(self) -> str:
        return f"/authors/{self.slug}/"

    @property
    def byline(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name
