"""What the pages give the editors' insights (symptomdb/insights/): the searches
readers make and the results they follow, and “Was this page helpful?”.

Searches. The results page is cached whole and shared (page_cache.py), so its view
does not run for most readers. `searches_recorded` wraps the cached page: the view
leaves what the recorder needs (the query, its results and triage level) in a header
of the response that is cached with it; the wrapper reads and removes that header on
every answer, cached or not, and hands the search to the recorder with a fresh random
token, which it writes into the page's result links. The ETag is the cached page's,
token aside, so a reader's unchanged copy still gets its 304.

Clicks. Each result link carries `ping` (HTML's hyperlink auditing): the browser tells
`search_clicked` which result of which search was followed, without JavaScript and
without a redirect between the reader and the page. Browsers that do not ping (Firefox
by default) leave the search marked as not followed.

Feedback. The yes/no form sits on the cached symptom pages, so, as the country form,
it carries no CSRF token and is checked by `sent_from_this_site`; the “what was
missing?” form after a no is a page of its own with its CSRF token, as the comment form.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from symptomdb.articles.selectors import article_published_for
from symptomdb.community.throttle import TOO_MANY, write_allowed
from symptomdb.insights import services as insights
from symptomdb.insights.models import Helpful, PageFeedback, Source
from symptomdb.insights.services import MISSING_MAX_LENGTH
from symptomdb.search.answer import SearchAnswer
from symptomdb.terminology.models import Symptom
from symptomdb.web.country import sent_from_this_site

View = Callable[..., HttpResponse]

# In the cached page where each answer's own token goes; and the header carrying the
# search from the view, through the cache, to the wrapper.
TOKEN_MARK = "sdb-search-token-5d2e"  # noqa: S105 — a placeholder, not a secret
_HEADER = "X-Symptomdb-Search"
_FEEDBACK_SALT = "symptomdb.feedback"


def search_answered(response: HttpResponse, answer: SearchAnswer) -> None:
    """The results view's one line: leave the answer for `searches_recorded`."""
    response[_HEADER] = json.dumps(
        {
            "query": answer.query,
            "results": [hit.slug for hit in answer.results[: insights.RESULTS_KEPT]],
            "level": answer.triage.level or "",
            "country": answer.triage.country,
        }
    )


def searches_recorded(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        summary = response.get(_HEADER)
        if summary is None or response.streaming:
            return response
        del response[_HEADER]
        token = insights.search_token()
        if response.status_code == 200 and not response.has_header("ETag"):
            response["ETag"] = (
                f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
            )
        response.content = response.content.replace(TOKEN_MARK.encode(), token.encode())
        found = json.loads(summary)
        insights.search_record(
            query=found["query"],
            slugs=found["results"],
            triage_level=found["level"],
            locale=found["country"],
            source=Source.PAGE,
            token=token,
        )
        return response

    return wrapper


# Pinged by browsers with a body of "PING" and no CSRF token: a forged ping can only
# mark a search that exists with one of its own results (insights.search_click).
@csrf_exempt
@require_POST
def search_clicked(request: HttpRequest) -> HttpResponse:
    insights.search_click(token=request.GET.get("s", ""), slug=request.GET.get("to", ""))
    return HttpResponse(status=204)


# --- “Was this page helpful?” ---------------------------------------------------------


def _feedback_context(symptom: Symptom, **more: object) -> dict[str, object]:
    return {
        "symptom": symptom,
        "article": article_published_for(symptom=symptom),
        "missing_max_length": MISSING_MAX_LENGTH,
        **more,
    }


@csrf_exempt  # the form is on cached pages: checked by sent_from_this_site instead
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    """The yes/no (the symptom page's form, and as a page of its own), then thanks, and
    on a no the question “what was missing?”."""
    symptom = get_object_or_404(Symptom, slug=slug)
    if request.method != "POST":
        ticket = request.GET.get("thanks", "")
        given = _given(ticket, symptom)
        return render(
            request, "web/feedback.html", _feedback_context(symptom, given=given, ticket=ticket)
        )
    article = article_published_for(symptom=symptom)
    context = _feedback_context(symptom)
    if not sent_from_this_site(request):
        context["error"] = "Answer on this site's own pages."
        return render(request, "web/feedback.html", context, status=403)
    if not write_allowed(request, "feedback"):
        context["error"] = TOO_MANY
        return render(request, "web/feedback.html", context, status=429)
    try:
        given = insights.feedback_submit(
            symptom=symptom, article=article, helpful=request.POST.get("helpful")
        )
    except ValidationError as error:
        context["error"] = error.messages[0]
        return render(request, "web/feedback.html", context, status=400)
    ticket = signing.dumps(given.pk, salt=_FEEDBACK_SALT)
    return HttpResponseRedirect(f"{request.path}?thanks={ticket}")


def _given(ticket: str, symptom: Symptom) -> PageFeedback | None:
    """The answer a thanks ticket names: signed, recent, and for this page; else None."""
    try:
        pk = signing.loads(ticket, salt=_FEEDBACK_SALT, max_age=3600)
    except signing.BadSignature:
        return None
    return PageFeedback.objects.filter(pk=pk, symptom=symptom).first()


@require_POST
def feedback_missing(request: HttpRequest, slug: str) -> HttpResponse:
    """“What was missing?”: the reader's note on their no, held for moderation."""
    symptom = get_object_or_404(Symptom, slug=slug)
    ticket = request.POST.get("thanks", "")
    given = _given(ticket, symptom)
    context = _feedback_context(
        symptom, given=given, ticket=ticket, text=request.POST.get("missing", "")
    )
    if given is None or given.helpful != Helpful.NO:
        context["error"] = (
            "This form has expired; your answer was counted, and you may answer again."
        )
        return render(request, "web/feedback.html", context, status=400)
    if not write_allowed(request, "feedback"):
        context["error"] = TOO_MANY
        return render(request, "web/feedback.html", context, status=429)
    try:
        insights.feedback_missing_add(feedback=given, text=request.POST.get("missing", ""))
    except ValidationError as error:
        context["error"] = error.messages[0]
        return render(request, "web/feedback.html", context, status=400)
    return HttpResponseRedirect(f"{reverse('feedback', args=[slug])}?thanks={ticket}")
