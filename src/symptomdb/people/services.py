"""Writes for authors and reviewers."""

from __future__ import annotations

from django.utils.text import slugify

from symptomdb.people.models import Author


def author_get_or_create(
    *,
    name: str,
    credentials: str = "",
    affiliation: str = "",
    location: str = "",
    bio: str = "",
    slug: str | None = None,
) -> Author:
    """The author with this slug (by default, their name's), created on first sight.

    An existing author's details are filled in where they were blank but never
    overwritten: an editor's corrections in the admin win over a re-import.
    """
    slug = (slug or slugify(name))[:200] or "author"
    details = {
        "credentials": credentials,
        "affiliation": affiliation,
        "location": location,
        "bio": bio,
    }
    author, created = Author.objects.get_or_create(slug=slug, defaults={"name": name, **details})
    if not created:
        changed = []
        for field, value in details.items():
            if value and not getattr(author, field):
                setattr(author, field, value)
                changed.append(field)
        if changed:
            author.save(update_fields=changed)
    return author
