"""Writes for authors and reviewers."""

from __future__ import annotations

from django.utils.text import slugify

from symptomdb.people.models import Author


def author_get_or_create(
    *, name: str, credentials: str = "", affiliation: str = "", location: str = ""
) -> Author:
    """The author with this name, created on first sight.

    An existing author's details are filled in where they were blank but never
    overwritten: an editor's corrections in the admin win over a re-import.
    """
    slug = slugify(name)[:200] or "author"
    author, created = Author.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "credentials": credentials,
            "affiliation": affiliation,
            "location": location,
        },
    )
    if not created:
        changed = []
        for field, value in (
            ("credentials", credentials),
            ("affiliation", affiliation),
            ("location", location),
        ):
            if value and not getattr(author, field):
                setattr(author, field, value)
                changed.append(field)
        if changed:
            author.save(update_fields=changed)
    return author
