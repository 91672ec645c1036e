"""The symptom catalogue: concepts from clinical terminologies (HPO, ICD-10-CM).

One Symptom is one clinical idea. It may carry several codes (an HPO term and the
ICD-10-CM codes that mean the same), so one page and one search hit show them all.
"""

from __future__ import annotations

from django.db import models


class CodeSystem(models.TextChoices):
    """The catalogue's code systems: the value it stores and the label people write, the
    one definition of both (codes.py adds each public system's FHIR URI and OID)."""

    HPO = "HPO", "HPO"
    ICD10CM = "ICD10CM", "ICD-10-CM"
    SNOMEDCT = "SNOMEDCT", "SNOMED CT"
    UMLS = "UMLS", "UMLS"


class SymptomQuerySet(models.QuerySet["Symptom"]):
    def with_articles(self) -> SymptomQuerySet:
        return self.filter(articles__status="published").distinct()


class Symptom(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=255)
    # The everyday name readers see first ("Breast pain" for "Mastalgia"), chosen from the
    # catalogue's own words by terminology/display.py; `name` stays the clinical one.
    display_name = models.CharField(max_length=255, blank=True)
    definition = models.TextField(blank=True)
    broader = models.ManyToManyField("self", symmetrical=False, related_name="narrower", blank=True)
    # How often people actually have this, from 0 (a rare anatomical finding) to 1
    # (a common complaint with lay words, an ICD-10-CM symptom code or an article).
    # The search uses it to break ties in favour of what readers mean.
    prior = models.FloatField(default=0.0)

    objects = SymptomQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/symptoms/{self.slug}/"

    @property
    def everyday_name(self) -> str:
        """The name to show first: the everyday one, else the clinical one."""
        return self.display_name or self.name

    @property
    def clinical_name_differs(self) -> bool:
        """Whether the clinical name says something the everyday one does not."""
        return self.everyday_name.casefold() != self.name.casefold()


class SymptomCode(models.Model):
    symptom = models.ForeignKey(Symptom, on_delete=models.CASCADE, related_name="codes")
    system = models.CharField(max_length=10, choices=CodeSystem.choices)
    code = models.CharField(max_length=40)

    class Meta:
        ordering = ["system", "code"]
        constraints = [
            models.UniqueConstraint(fields=["system", "code"], name="unique_code_per_system")
        ]

    def __str__(self) -> str:
        return f"{self.system} {self.code}"


class SynonymKind(models.TextChoices):
    EXACT = "exact", "Exact"
    RELATED = "related", "Related"
    BROAD = "broad", "Broader"
    NARROW = "narrow", "Narrower"
    LAYPERSON = "layperson", "Lay term"
    UK_SPELLING = "uk_spelling", "UK spelling"
    PLURAL = "plural", "Plural"
    ABBREVIATION = "abbreviation", "Abbreviation"
    INCLUSION = "inclusion", "ICD-10-CM inclusion term"


class SynonymSource(models.TextChoices):
    """Where a synonym comes from: a code system, the lay phrases of public patient
    leaflets (terminology/data/lay_phrases.yaml), English dictionaries' idioms
    (terminology/data/idioms.yaml) or Princeton WordNet (terminology/wordnet.py), which name
    no code."""

    HPO = CodeSystem.HPO.value, CodeSystem.HPO.label
    ICD10CM = CodeSystem.ICD10CM.value, CodeSystem.ICD10CM.label
    SNOMEDCT = CodeSystem.SNOMEDCT.value, CodeSystem.SNOMEDCT.label
    UMLS = CodeSystem.UMLS.value, CodeSystem.UMLS.label
    LEAFLET = "LEAFLET", "Patient leaflets (NHS, MedlinePlus)"
    WORDNET = "WORDNET", "WordNet 3.0 (Princeton)"
    IDIOM = "IDIOM", "Idioms (Cambridge, Collins, Merriam-Webster)"


class Synonym(models.Model):
    symptom = models.ForeignKey(Symptom, on_delete=models.CASCADE, related_name="synonyms")
    text = models.CharField(max_length=500)
    kind = models.CharField(max_length=20, choices=SynonymKind.choices)
    source = models.CharField(max_length=10, choices=SynonymSource.choices)
    # The OBO scope (EXACT, RELATED, BROAD, NARROW) the source gave, kept beside a
    # typed kind: a layperson synonym may be only RELATED to the term.
    scope = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["text"]
        indexes = [models.Index(fields=["text"])]

    def __str__(self) -> str:
        return self.text


class CatalogueRelease(models.Model):
    """Which releases of the terminologies the catalogue was loaded from.

    `symptomdb init` checks the latest row to skip a reload; pages show the HPO
    release in their credits, as the HPO licence asks.
    """

    hpo_version = models.CharField(max_length=100, help_text='e.g. "hp/releases/2025-01-16"')
    icd_version = models.CharField(max_length=100)
    loader_version = models.PositiveIntegerField(
        help_text="Bumped when the loader changes what it builds from the same releases."
    )
    symptoms = models.PositiveIntegerField(default=0)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        get_latest_by = "loaded_at"
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return f"{self.hpo_version} + {self.icd_version}"

    @property
    def hpo_release(self) -> str:
        """The release date part of the HPO data-version ("2025-01-16")."""
        return self.hpo_version.rsplit("/", 1)[-1]
