"""Writes to the catalogue that other parts of the site need."""

from __future__ import annotations

from django.db.models import Q
from django.utils.text import slugify

from symptomdb.terminology.models import Symptom


def _spellings(name: str) -> list[str]:
    """The name and its singular or plural, since articles say "muscle spasms"
    where the ontology says "Muscle spasm"."""
    name = " ".join(name.split())
    forms = [name]
    if name.lower().endswith("s"):
        forms.append(name[:-1])
    else:
        forms.append(name + "s")
    return forms


def symptom_find(*, name: str) -> Symptom | None:
    """The catalogue symptom an article's symptom name refers to, if there is one.

    An exact name wins over a synonym; among synonyms, the commoner symptom wins.
    """
    forms = _spellings(name)
    by_name = Q()
    by_synonym = Q()
    for form in forms:
        by_name |= Q(name__iexact=form)
        by_synonym |= Q(synonyms__text__iexact=form)
    return (
        Symptom.objects.filter(by_name).order_by("-prior", "id").first()
        or Symptom.objects.filter(by_synonym).distinct().order_by("-prior", "id").first()
    )


def symptom_get_or_create(*, name: str) -> Symptom:
    """The catalogue symptom for an article, or a new one when the catalogue has none."""
    if found := symptom_find(name=name):
        return found
    display = " ".join(name.split())
    display = display[:1].upper() + display[1:]
    return Symptom.objects.create(
        name=display, display_name=display, slug=unique_slug(display), prior=1.0
    )


def unique_slug(name: str, *, suffix: str = "") -> str:
    base = slugify(name)[:100] or "symptom"
    slug = base if not suffix else f"{base}-{slugify(suffix)}"
    n = 2
    while Symptom.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug
