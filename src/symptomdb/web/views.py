"""The site's pages. Each view reads its input, calls one service or selector,
and renders; the rules live in the services."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from symptomdb.articles.models import Article, Urgency
from symptomdb.articles.selectors import article_published_for
from symptomdb.community import services as community
from symptomdb.community.reader import reader_cookie_set, reader_id_ensure, reader_id_from
from symptomdb.community.selectors import author_rating_summary, comments_approved, reader_rating
from symptomdb.community.throttle import TOO_MANY, write_allowed
from symptomdb.people.models import Author
from symptomdb.search.answer import search_with_triage
from symptomdb.search.service import QueryError
from symptomdb.terminology import selectors as catalogue
from symptomdb.terminology.models import Symptom
from symptomdb.triage.locale import numbers_for
from symptomdb.web import structured_data
from symptomdb.web.forms import CommentForm, RatingForm


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    articles = Article.objects.published().select_related("symptom", "author").order_by("title")
    return render(request, "web/home.html", {"articles": articles})


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    context: dict[str, object] = {"query": query, "results": [], "error": None}
    status = 200
    if query:
        try:
            answer = search_with_triage(query, limit=20)
            context.update(results=answer.results, triage=answer.triage)
        except QueryError as error:
            context["error"] = str(error)
            status = 400
    return render(request, "web/search.html", context, status=status)


@require_GET
def symptom_index(request: HttpRequest) -> HttpResponse:
    letter = request.GET.get("letter", "A").upper()[:1]
    if letter not in catalogue.LETTERS:
        letter = "A"
    page = Paginator(catalogue.symptoms_starting_with(letter), 100).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "web/symptom_index.html",
        {"letters": catalogue.LETTERS, "letter": letter, "page": page},
    )


def _red_flag_groups(article: Article) -> list[dict[str, object]]:
    """The article's red flags as one care card per urgency, most urgent first."""
    groups: list[dict[str, object]] = []
    for urgency in (Urgency.EMERGENCY, Urgency.URGENT, Urgency.ROUTINE):
        flags = [f for f in article.red_flags.all() if f.urgency == urgency]
        if flags:
            groups.append({"urgency": urgency.value, "flags": flags})
    return groups


def _symptom_page(
    request: HttpRequest,
    symptom: Symptom,
    *,
    comment_form: CommentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    article = article_published_for(symptom=symptom)
    codes = catalogue.symptom_codes(symptom)
    context: dict[str, object] = {
        "symptom": symptom,
        "article": article,
        "symptom_words": symptom.name.lower(),
        "codes": codes,
        "jsonld": structured_data.as_script(
            structured_data.symptom_page(
                symptom=symptom, codes=codes, article=article, request=request
            )
        ),
        "synonyms": catalogue.symptom_synonyms(symptom),
        "broader": symptom.broader.order_by("name")[:20],
        "narrower": symptom.narrower.order_by("name")[:50],
        "emergency_number": emergency_number(),
    }
    if article is not None:
        context.update(
            red_flag_groups=_red_flag_groups(article),
            rating=author_rating_summary(author=article.author),
            my_rating=reader_rating(author=article.author, reader_id=reader_id_from(request)),
            rating_form=RatingForm(),
            comments=comments_approved(article=article),
            comment_form=comment_form or CommentForm(),
            comment_max_length=settings.COMMENT_MAX_LENGTH,
        )
    return render(request, "web/symptom.html", context, status=status)


def emergency_number() -> str:
    return numbers_for(settings.SYMPTOMDB_LOCALE).emergency_number


@require_GET
def symptom_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _symptom_page(request, get_object_or_404(Symptom, slug=slug))


@require_POST
def comment_add(request: HttpRequest, slug: str) -> HttpResponse:
    symptom = get_object_or_404(Symptom, slug=slug)
    article = article_published_for(symptom=symptom)
    if article is None:
        return HttpResponse("This symptom has no article to comment on.", status=404)
    form = CommentForm(request.POST)
    form.is_valid()  # every field is optional text; the service judges the values
    if form.cleaned_data.get("website"):
        # Pretend success to a bot, store nothing.
        messages.success(request, "Thank you. Your comment will appear once an editor approves it.")
        return HttpResponseRedirect(f"{symptom.get_absolute_url()}#comments")
    if not write_allowed(request, "comment"):
        form.add_error(None, TOO_MANY)
        return _symptom_page(request, symptom, comment_form=form, status=429)
    try:
        community.comment_submit(
            article=article,
            name=form.cleaned_data.get("name", ""),
            body=form.cleaned_data.get("body", ""),
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _symptom_page(request, symptom, comment_form=form, status=400)
    messages.success(request, "Thank you. Your comment will appear once an editor approves it.")
    return HttpResponseRedirect(f"{symptom.get_absolute_url()}#comments")


@require_GET
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
            "my_rating": reader_rating(author=author, reader_id=reader_id_from(request)),
            "rating_form": RatingForm(),
            "jsonld": structured_data.as_script(
                structured_data.author_page(author=author, request=request)
            ),
        },
    )


@require_POST
def author_rate(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    form = RatingForm(request.POST)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = author.get_absolute_url()
    if not write_allowed(request, "rating"):
        messages.error(request, TOO_MANY)
        return HttpResponseRedirect(f"{next_url}#rate-author", status=303)
    reader_id, new_reader = reader_id_ensure(request)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["stars"][0])
        community.rating_submit(
            author=author, reader_id=reader_id, stars=form.cleaned_data["stars"]
        )
    except ValidationError as error:
        response = render(
            request,
            "web/rating_error.html",
            {"author": author, "error": error.messages[0], "next": next_url},
            status=400,
        )
        return response
    messages.success(request, f"Thank you for rating {author.name}.")
    response = HttpResponseRedirect(f"{next_url}#rate-author")
    if new_reader:
        reader_cookie_set(response, reader_id, secure=request.is_secure())
    return response


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": str(error)}, status=503)
    return JsonResponse({"status": "ok", "symptoms": Symptom.objects.count()})
