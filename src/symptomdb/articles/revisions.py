"""What one revision of an article holds: the article and all its sections."""

from __future__ import annotations

import reversion

from symptomdb.articles.models import (
    Article,
    Cause,
    PreventionTip,
    ProfessionalTreatment,
    RedFlag,
    ReliefMethod,
    Source,
)

SECTION_MODELS = (Cause, ReliefMethod, PreventionTip, ProfessionalTreatment, RedFlag, Source)


def register() -> None:
    if reversion.is_registered(Article):
        return
    for model in SECTION_MODELS:
        reversion.register(model)
    reversion.register(
        Article,
        follow=[
            "causes",
            "relief_methods",
            "prevention_tips",
            "professional_treatments",
            "red_flags",
            "sources",
        ],
    )
