"""The editors' import page: upload one or more article files, read the same report as
`symptomdb import --dry-run`, adjust each article's symptom and the author, and import
them all as drafts — or none, as on the command line.

Two steps, no state on the server: the preview carries the files back in a signed field,
so the import reads exactly the bytes the editor saw reported.
"""

from __future__ import annotations

import base64
from typing import Any

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from symptomdb.articles.importer import ParseError
from symptomdb.articles.services import (
    ImportReport,
    articles_import,
    articles_report,
    import_heading_fallback,
)
from symptomdb.people.models import Author
from symptomdb.terminology.models import Symptom

MAX_FILES = 20
_SALT = "symptomdb.articles.upload"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    articles = MultipleFileField(
        label="Article files",
        help_text="Plain text, HTML or Markdown; one article a file, up to 20 files.",
    )


def _authors() -> list[Author]:
    return list(Author.objects.order_by("name"))


def _pack(files: list[tuple[str, bytes]]) -> str:
    return signing.dumps(
        [[name, base64.b64encode(data).decode("ascii")] for name, data in files],
        salt=_SALT,
        compress=True,
    )


def _unpack(token: str) -> list[tuple[str, bytes]]:
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        raise ValidationError(
            "The uploaded files could not be read back; upload them again."
        ) from None
    return [(str(name), base64.b64decode(body)) for name, body in data]


def upload_view(model_admin: Any, request: HttpRequest) -> HttpResponse:
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    context: dict[str, Any] = {"title": "Import articles", "authors": _authors()}
    if request.method != "POST":
        return _page(model_admin, request, form=UploadForm(), **context)
    author_slug = request.POST.get("author", "").strip()
    author = Author.objects.filter(slug=author_slug).first() if author_slug else None
    publisher = request.POST.get("publisher", "").strip()[:200]
    context.update(author=author, publisher=publisher)
    try:
        files = _uploaded_files(request)
        if isinstance(files, UploadForm):  # the form itself says what is wrong
            return _page(model_admin, request, form=files, status=400, **context)
        reports = articles_report(
            files, author=author, publisher=publisher, fallback=import_heading_fallback()
        )
        choices = [_symptom_choice(request, i, r) for i, r in enumerate(reports)]
    except ParseError as error:
        context["error"] = f"{error} Nothing was imported."
        return _page(model_admin, request, form=UploadForm(), status=400, **context)
    except ValidationError as error:
        context["error"] = error.messages[0]
        return _page(model_admin, request, form=UploadForm(), status=400, **context)
    context.update(reports=list(zip(reports, choices, strict=True)), payload=_pack(files))
    if request.POST.get("confirm") != "import":
        return _page(model_admin, request, **context)
    return _import_confirmed(model_admin, request, reports, choices, context)


def _uploaded_files(request: HttpRequest) -> list[tuple[str, bytes]] | UploadForm:
    """The files as (name, content): from the confirmation's payload, else from the
    upload form; the form when it is not valid."""
    if "payload" in request.POST:
        return _unpack(request.POST["payload"])
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return form
    uploaded = form.cleaned_data["articles"]
    if len(uploaded) > MAX_FILES:
        raise ValidationError(f"Upload at most {MAX_FILES} files at once.")
    return [(f.name, f.read()) for f in uploaded]


def _import_confirmed(
    model_admin: Any,
    request: HttpRequest,
    reports: list[ImportReport],
    choices: list[Symptom | None],
    context: dict[str, Any],
) -> HttpResponse:
    """The editor confirmed: import every file as a draft, or none and say why."""
    try:
        results = articles_import(
            parsed=[r.article for r in reports],
            author=context["author"],
            publisher=context["publisher"],
            symptoms=choices,
            user=request.user,
            comment="Imported from uploaded files",
        )
    except ValidationError as error:
        context["error"] = f"{error.messages[0]} Nothing was imported."
        return _page(model_admin, request, status=400, **context)
    for result in results:
        verb = "Imported" if result.created else "Updated"
        who = (
            "" if result.article.author_id else " It has no author yet: name one before publishing."
        )
        messages.success(request, f"{verb} “{result.article.title}” as a draft.{who}")
    return HttpResponseRedirect(reverse("admin:articles_article_changelist"))


def _symptom_choice(request: HttpRequest, index: int, report: ImportReport) -> Symptom | None:
    """The catalogue symptom the editor chose for the file, else the one its name finds."""
    slug = request.POST.get(f"symptom-{index}", "").strip()
    if slug:
        chosen = Symptom.objects.filter(slug=slug).first()
        if chosen is None:
            raise ValidationError(f"There is no symptom “{slug}” in the catalogue.")
        return chosen
    return report.symptom


def _page(
    model_admin: Any, request: HttpRequest, *, status: int = 200, **context: Any
) -> HttpResponse:
    return model_admin._page(
        request, "admin/articles/article/upload.html", status=status, **context
    )
