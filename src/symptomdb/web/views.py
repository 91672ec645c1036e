"""The site's pages. Each view reads its input, calls one service or selector,
and renders; the rules live in the services.

The reading pages are `public_page`s: cached whole and shared by every reader
in one country, so they hold nothing personal. Rating an author and adding a
comment happen on pages of their own, as the seed page's "Rate author" and "Add
a comment" links. The reader's country, for the numbers every page gives, is
chosen at the foot of every page (`country_choose`, web/country.py).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from symptomdb.articles.covering import article_reach
from symptomdb.articles.models import Article, Urgency
from symptomdb.articles.selectors import article_published_for, symptoms_with_article_flags
from symptomdb.community import services as community
from symptomdb.community.reader import reader_cookie_set, reader_id_ensure, reader_id_from
from symptomdb.community.selectors import author_rating_summary, comments_approved, reader_rating
from symptomdb.community.throttle import TOO_MANY, write_allowed
from symptomdb.people.models import Author
from symptomdb.search.answer import search_with_triage
from symptomdb.search.service import QueryError
from symptomdb.terminology import selectors as catalogue
from symptomdb.terminology.models import Symptom
from symptomdb.terminology.wordnet import NOTICE as WORDNET_NOTICE
from symptomdb.triage.locale import choosable_country, numbers_for
from symptomdb.triage.red_flags import red_flags_for
from symptomdb.web import structured_data
from symptomdb.web.country import country_cookie_set, reader_locale, sent_from_this_site
from symptomdb.web.forms import CommentForm, RatingForm
from symptomdb.web.page_cache import public_page
from symptomdb.web.reader_insights import search_answered, searches_recorded
from symptomdb.web.reading_elsewhere import trusted_links
from symptomdb.web.search_results import results_shown

log = logging.getLogger(__name__)


@require_safe
@public_page
def home(request: HttpRequest) -> HttpResponse:
    articles = Article.objects.published().select_related("symptom", "author").order_by("title")
    return render(request, "web/home.html", {"articles": articles})


@require_safe
@searches_recorded
@public_page
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    context: dict[str, object] = {"query": query, "results": [], "error": None}
    status = 200
    if query:
        try:
            answer = search_with_triage(
                query,
                limit=20,
                locale=reader_locale(request),
                correct=request.GET.get("as_typed") != "1",
            )
            context.update(
                results=answer.results,
                groups=results_shown(answer),
                triage=answer.triage,
                corrected=answer.corrected,
            )
        except QueryError as error:
            context["error"] = str(error)
            status = 400
        else:
            response = render(request, "web/search.html", context)
            search_answered(response, answer)  # recorded for the editors (insights/)
            return response
    return render(request, "web/search.html", context, status=status)


@require_safe
@public_page
def symptom_index(request: HttpRequest) -> HttpResponse:
    letter = request.GET.get("letter", "A").upper()[:1]
    if letter not in catalogue.LETTERS:
        letter = "A"
    symptoms = symptoms_with_article_flags(catalogue.symptoms_starting_with(letter))
    page = Paginator(symptoms, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "web/symptom_index.html",
        {"letters": catalogue.LETTERS, "letter": letter, "page": page},
    )


def _guidance_flag_groups(symptom: Symptom, locale: str) -> list[dict[str, object]]:
    """The triage's red flags for this symptom and its broader ones (rules.yaml), one care card
    per level, each item with the guidance it follows: what the API's `red_flags` gives."""
    flags = red_flags_for(catalogue.symptom_lineage_codes(symptom), locale=locale)
    return [
        {"urgency": level, "flags": [f for f in flags if f.level == level]}
        for level in ("emergency", "urgent")
        if any(f.level == level for f in flags)
    ]


def _red_flag_groups(article: Article) -> list[dict[str, object]]:
    """The article's red flags as one care card per urgency, most urgent first."""
    groups: list[dict[str, object]] = []
    for urgency in (Urgency.EMERGENCY, Urgency.URGENT, Urgency.ROUTINE):
        flags = [f for f in article.red_flags.all() if f.urgency == urgency]
        if flags:
            groups.append({"urgency": urgency.value, "flags": flags})
    return groups


@require_safe
@public_page
def symptom_detail(request: HttpRequest, slug: str) -> HttpResponse:
    symptom = get_object_or_404(Symptom, slug=slug)
    article = article_published_for(symptom=symptom)
    return render(request, "web/symptom.html", symptom_page_context(request, symptom, article))


def symptom_page_context(
    request: HttpRequest, symptom: Symptom, article: Article | None
) -> dict[str, object]:
    """What the symptom page shows; also the editors' preview of a draft, so that a
    preview is exactly the page readers will see."""
    codes = catalogue.symptom_codes(symptom)
    release = catalogue.catalogue_release()
    names = catalogue.symptom_names(symptom)
    context: dict[str, object] = {
        "symptom": symptom,
        "article": article,
        "symptom_words": symptom.everyday_name.lower(),
        "codes": codes,
        "synonyms": names.also_called,
        "filed_here": names.filed_here,
        "broader": symptom.broader.order_by("name")[:20],
        "narrower": symptom.narrower.order_by("name")[:50],
        "emergency_number": numbers_for(reader_locale(request)).emergency_number,
        "guidance_flag_groups": _guidance_flag_groups(symptom, reader_locale(request)),
        "hpo_release": release.hpo_release if release else None,
        "wordnet_notice": WORDNET_NOTICE if names.from_wordnet else None,
        "jsonld": structured_data.as_script(
            structured_data.symptom_page(
                symptom=symptom, codes=codes, article=article, request=request
            )
        ),
    }
    if article is None:
        reach = article_reach(symptom)
        context["reach"] = reach
        # Reading elsewhere, where no article here is about this symptom.
        if not reach.covering:
            context["trusted_links"] = trusted_links(
                codes, name=symptom.name, everyday_name=symptom.everyday_name
            )
    else:
        context.update(
            red_flag_groups=_red_flag_groups(article),
            rating=author_rating_summary(author=article.author) if article.author else None,
            comments=comments_approved(article=article),
        )
    return context


@require_safe
@public_page
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    return render(
        request,
        "web/author.html",
        {
            "author": author,
            "articles": author.articles.published().select_related("symptom"),
            "reviewed": author.reviewed_articles.published().select_related("symptom"),
            "rating": author_rating_summary(author=author),
            "jsonld": structured_data.as_script(
                structured_data.author_page(author=author, request=request)
            ),
        },
    )


def _back_to(request: HttpRequest, fallback: str) -> str:
    """The page the reader came from, if it is on this site; else the fallback."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


@require_http_methods(["GET", "HEAD", "POST"])
def author_rate(request: HttpRequest, slug: str) -> HttpResponse:
    """“Rate author”: the form, and its answer."""
    author = get_object_or_404(Author, slug=slug)
    back = _back_to(request, author.get_absolute_url())
    context: dict[str, object] = {"author": author, "back": back, "form": RatingForm()}
    status = 200
    if request.method == "POST":
        form = RatingForm(request.POST)
        context["form"] = form
        reader_id, new_reader = reader_id_ensure(request)
        try:
            if not write_allowed(request, "rating"):
                status = 429
                raise ValidationError(TOO_MANY)
            if not form.is_valid():
                status = 400
                raise ValidationError(form.errors["stars"][0])
            community.rating_submit(
                author=author, reader_id=reader_id, stars=form.cleaned_data["stars"]
            )
        except ValidationError as error:
            status = status if status != 200 else 400
            context["error"] = error.messages[0]
        else:
            response = HttpResponseRedirect(f"{request.path}?saved=1&next={back}")
            if new_reader:
                reader_cookie_set(response, reader_id, secure=request.is_secure())
            return response
    context.update(
        saved=request.GET.get("saved") == "1",
        rating=author_rating_summary(author=author),
        my_rating=reader_rating(author=author, reader_id=reader_id_from(request)),
    )
    return render(request, "web/rate.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def comment_add(request: HttpRequest, slug: str) -> HttpResponse:
    """“Add a comment”: the form, and its answer. Comments wait for moderation."""
    symptom = get_object_or_404(Symptom, slug=slug)
    article = article_published_for(symptom=symptom)
    if article is None:
        return render(request, "web/no_article.html", {"symptom": symptom}, status=404)
    context: dict[str, object] = {
        "symptom": symptom,
        "article": article,
        "form": CommentForm(),
        "comment_max_length": settings.COMMENT_MAX_LENGTH,
        "sent": request.GET.get("sent") == "1",
    }
    if request.method != "POST":
        return render(request, "web/comment.html", context)
    form = CommentForm(request.POST)
    form.is_valid()  # every field is optional text; the service judges the values
    context["form"] = form
    thanks = HttpResponseRedirect(f"{request.path}?sent=1")
    if form.cleaned_data.get("website"):
        return thanks  # a bot filled in the hidden field: pretend, store nothing
    if not write_allowed(request, "comment"):
        form.add_error(None, TOO_MANY)
        return render(request, "web/comment.html", context, status=429)
    try:
        community.comment_submit(
            article=article,
            name=form.cleaned_data.get("name", ""),
            body=form.cleaned_data.get("body", ""),
        )
    except ValidationError as error:
        form.add_error(None, error)
        return render(request, "web/comment.html", context, status=400)
    return thanks


# The form sits on cached pages shared by every reader, so it carries no CSRF token;
# sent_from_this_site is its protection against a page on another site changing the
# numbers a reader is given.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def country_choose(request: HttpRequest) -> HttpResponse:
    """“Your country”: the form (the footer's, as a page of its own), and its answer:
    the country kept in a cookie for a year, and back to the page the reader was on."""
    back = _back_to(request, "/")
    context: dict[str, object] = {"back": back}
    if request.method != "POST":
        return render(request, "web/country.html", context)
    if not sent_from_this_site(request):
        context["error"] = "Choose your country on this site's own pages."
        return render(request, "web/country.html", context, status=403)
    country = choosable_country(request.POST.get("country"))
    if country is None:
        context["error"] = "Choose your country from the list."
        return render(request, "web/country.html", context, status=400)
    response = HttpResponseRedirect(back)
    country_cookie_set(response, country, request=request)
    return response


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    return HttpResponsePermanentRedirect(static("dist/nhsuk/assets/images/favicon.ico"))
