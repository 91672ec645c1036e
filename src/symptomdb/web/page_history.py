"""“Page history”: when an article was published, reviewed and changed, each change with
its note and, for its text and sections, what changed (insights.selectors.article_history,
from the revisions articles/revisions.py keeps). Public and cached like the page itself:
every publish starts a new content version, which retires it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from symptomdb.articles.selectors import article_published_for
from symptomdb.insights.selectors import article_history
from symptomdb.terminology.models import Symptom
from symptomdb.web.page_cache import public_page


@require_safe
@public_page
def page_history(request: HttpRequest, slug: str) -> HttpResponse:
    symptom = get_object_or_404(Symptom, slug=slug)
    article = article_published_for(symptom=symptom)
    if article is None:
        raise Http404(
            f"No article about {symptom.everyday_name} is published, so it has no history."
        )
    return render(
        request,
        "web/page_history.html",
        {"symptom": symptom, "article": article, "entries": article_history(article)},
    )
