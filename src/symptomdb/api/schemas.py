"""The JSON shapes of the API (DESIGN.md's contracts).

Articles keep the parsed-article JSON of `import --dry-run --json` (its keys are
a contract) and add what only the database knows: id, status, dates, reviewer,
revision.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.conf import settings
from ninja import Schema
from pydantic import Field, field_validator, model_validator

from symptomdb.community.services import NAME_MAX_LENGTH
from symptomdb.terminology.codes import BY_SYSTEM
from symptomdb.triage.locale import LOCALE_ADVICE, LOCALE_PATTERN, locale_well_formed

System = Literal["HPO", "ICD10CM", "SNOMEDCT"]
Level = Literal["emergency", "urgent", "routine", "self_care"]
ArticleStatus = Literal["draft", "in_review", "published"]
UrgencyLevel = Literal["emergency", "urgent", "routine"]
SynonymKindName = Literal[
    "exact",
    "related",
    "broad",
    "narrow",
    "layperson",
    "uk_spelling",
    "plural",
    "abbreviation",
    "inclusion",
]

# Path and query values are checked before they reach the database: a slug or a
# code with a NUL or a 30-digit id would otherwise be a database error (a 500).
SLUG_PATTERN = r"^[-A-Za-z0-9_]{1,200}$"
CODE_PATTERN = r"^[-A-Za-z0-9:._ ]{1,40}$"
MAX_ID = 2**63 - 1


class LocaleParams(Schema):
    locale: str = Field(
        "",
        description=(
            "The reader's country, for the numbers to call: a country code (GB, US, AU…) or a "
            "language tag (en-GB). Empty or not given: the site's own (SYMPTOMDB_LOCALE). A "
            "country not on record gets 112, the EU emergency number."
        ),
        json_schema_extra={"pattern": LOCALE_PATTERN, "maxLength": 16},
    )

    @field_validator("locale")
    @classmethod
    def _locale_shape(cls, value: str) -> str:
        if not locale_well_formed(value):
            raise ValueError(LOCALE_ADVICE)
        return value


class CodeOut(Schema):
    system: System = Field(description="The code system's short name.")
    code: str
    system_uri: str = Field(
        description=(
            "The code system's FHIR URI, for a FHIR Coding's `system` "
            "(e.g. http://hl7.org/fhir/sid/icd-10-cm)."
        )
    )
    oid: str = Field(
        description="The code system's HL7 OID, as Infobutton requests and CDA documents name it."
    )

    @model_validator(mode="before")
    @classmethod
    def _with_system_identifiers(cls, data: Any) -> Any:
        # Every code, from a search hit or a symptom, carries its system's URI and OID
        # from the one table of code systems (terminology/codes.py).
        get = data.get if isinstance(data, dict) else lambda name: getattr(data, name, None)
        info = BY_SYSTEM.get(str(get("system")))
        if info is None:
            return data
        return {"system": info.system, "code": get("code"), "system_uri": info.uri, "oid": info.oid}


class HitOut(Schema):
    slug: str
    name: str
    display_name: str = Field(
        description='The everyday name shown first ("Breast pain"); `name` is the clinical one.'
    )
    score: float
    codes: list[CodeOut]
    has_article: bool
    covered_by_article: bool = Field(
        False, description="A published article about another symptom covers this one too."
    )
    matched_clause: str | None = Field(
        None,
        description=(
            "For a query of several clauses: the clause, in the query's own words, that led "
            "to this result; null when the query was read whole."
        ),
    )


class GuidanceOut(Schema):
    title: str
    url: str


class TriageOut(Schema):
    level: Level | None = Field(description="null when no emergency or urgent sign is recognised.")
    message: str = Field(description="What to do, for the reader's country; empty with no level.")
    matched: list[str] = Field(description="The words that raised the level, normalised.")
    safety_net: str = Field(
        description=(
            "When to get help if it gets worse, with the country's numbers: never empty, "
            "whatever the level; show it with every answer."
        )
    )
    sources: list[GuidanceOut] = Field(
        description=(
            "The guidance behind the rules that fired, most urgent first; empty with no level."
        )
    )
    emergency_number: str = Field(
        description="The number for an ambulance in the reader's country."
    )
    why: str = Field(
        "",
        description=(
            "Why this level, when the word rules and the semantic detector disagreed (the more "
            "urgent wins); empty otherwise."
        ),
    )
    country: str = Field(
        description=(
            "The country the numbers are for (ISO 3166-1 alpha-2); empty when the locale is not "
            "on record and the 112 default is used."
        )
    )


class SearchOut(Schema):
    query: str
    results: list[HitOut]
    triage: TriageOut
    corrected_query: str | None = Field(
        None, description='The query as searched when a typo was corrected ("headache").'
    )


# --- symptoms -------------------------------------------------------------------


class SynonymOut(Schema):
    text: str
    kind: SynonymKindName


class SymptomRedFlagOut(Schema):
    level: Literal["emergency", "urgent"]
    text: str = Field(description='"Call 911 now if …" or "Get help today (…) if …".')
    family: str = Field(description="The triage's rule family the red flag comes from.")
    sources: list[GuidanceOut] = Field(description="The guidance it follows.")


class SymptomOut(Schema):
    slug: str
    name: str
    display_name: str = Field(
        description='The everyday name shown first ("Breast pain"); `name` is the clinical one.'
    )
    definition: str
    url: str = Field(description="The symptom's page on this site.")
    synonyms: list[SynonymOut]
    codes: list[CodeOut]
    broader: list[str] = Field(description="Slugs of the broader symptoms.")
    narrower: list[str] = Field(description="Slugs of the narrower symptoms.")
    has_article: bool
    article_id: int | None = Field(description="The published article's id, if there is one.")
    article_url: str | None = Field(description="Where the article is read: the symptom's page.")
    red_flags: list[SymptomRedFlagOut] = Field(
        description=(
            "When this symptom, or a broader one, needs help now or today, as the triage's "
            "rules say it, with the numbers of `locale`; most urgent first. The page shows "
            "the same."
        )
    )


class SymptomItem(Schema):
    slug: str
    name: str
    display_name: str = Field(
        description='The everyday name shown first ("Breast pain"); `name` is the clinical one.'
    )
    url: str
    has_article: bool


class Paging(Schema):
    count: int = Field(description="How many items there are in all pages.")
    page: int
    pages: int
    next: str | None = Field(description="The next page's URL, if there is one.")
    previous: str | None = Field(description="The previous page's URL, if there is one.")


class SymptomPage(Paging):
    results: list[SymptomItem]


# --- people ---------------------------------------------------------------------


class PersonOut(Schema):
    slug: str
    name: str
    credentials: str
    affiliation: str
    location: str
    url: str


class RatingSummaryOut(Schema):
    average: float | None = Field(description="Mean stars, to 2 decimals; null with no ratings.")
    count: int


class ArticleRef(Schema):
    id: int
    title: str
    url: str


class AuthorOut(PersonOut):
    bio: str
    rating: RatingSummaryOut
    articles: list[ArticleRef] = Field(description="Published articles by this author.")
    reviewed: list[ArticleRef] = Field(description="Published articles this author reviewed.")


class RatingIn(Schema):
    # The range is documented here and judged by community.services.rating_submit,
    # the same rule as the page's form, so both refuse with the same sentence.
    stars: int = Field(description="1 to 5 stars.", json_schema_extra={"minimum": 1, "maximum": 5})


class RatingOut(Schema):
    author: str = Field(description="The rated author's slug.")
    stars: int = Field(description="This reader's rating, which replaced any earlier one.")
    rating: RatingSummaryOut


# --- articles -------------------------------------------------------------------


class CauseOut(Schema):
    name: str
    explanation: str


class AdviceOut(Schema):
    name: str
    text: str


class RedFlagOut(Schema):
    text: str
    urgency: UrgencyLevel


class SourceOut(Schema):
    title: str
    url: str


class BylineOut(Schema):
    name: str
    credentials: str
    affiliation: str
    location: str
    slug: str
    url: str


class ArticleHtmlOut(Schema):
    """The Markdown fields rendered as the page renders them: sanitised HTML (links to
    http and https addresses only), one string per item, in the items' order."""

    summary: str
    conclusion: str
    disclaimer: str
    causes: list[str]
    relief: list[str]
    prevention: list[str]
    professional_treatment: list[str]
    red_flags: list[str]


class ArticleOut(Schema):
    id: int
    url: str = Field(description="Where readers read the article: its symptom's page.")
    status: ArticleStatus
    symptom_slug: str
    title: str
    symptom: str
    summary: str
    causes: list[CauseOut]
    relief: list[AdviceOut]
    prevention: list[AdviceOut]
    professional_treatment: list[AdviceOut]
    red_flags: list[RedFlagOut]
    conclusion: str
    disclaimer: str
    sources: list[SourceOut]
    author: BylineOut
    reviewer: PersonOut | None
    published: dt.date | None
    last_reviewed: dt.date | None
    next_review: dt.date | None
    revision: int = Field(
        description="How many revisions the article has had (1 = as first saved)."
    )
    html: ArticleHtmlOut = Field(
        description="The text fields as the page shows them: Markdown rendered to safe HTML."
    )


class ArticleItem(Schema):
    id: int
    title: str
    url: str
    symptom_slug: str
    author: str = Field(description="The author's slug.")
    published: dt.date | None
    last_reviewed: dt.date | None
    next_review: dt.date | None


class ArticlePage(Paging):
    results: list[ArticleItem]


def _no_lone_surrogates(value: str) -> str:
    # JSON can spell half a UTF-16 pair ("\ud800"); no database can store it.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return value


class CommentIn(Schema):
    # Lengths are documented here and judged by community.services.comment_submit,
    # the same rules as the page's form.
    name: str = Field(
        description="The name shown with the comment.",
        json_schema_extra={"minLength": 1, "maxLength": NAME_MAX_LENGTH},
    )
    body: str = Field(
        description="Plain text; HTML is shown as typed, never rendered.",
        json_schema_extra={"minLength": 1, "maxLength": settings.COMMENT_MAX_LENGTH},
    )

    _text = field_validator("name", "body")(_no_lone_surrogates)


class CommentAccepted(Schema):
    status: Literal["pending"]
    message: str
