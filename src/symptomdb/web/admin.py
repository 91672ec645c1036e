"""The editors' admin for articles, as registered: articles/admin.py's ArticleAdmin plus the
pages that need the layers above the articles: the preview (the public symptom page itself,
web/views.symptom_page_context) and the symptom picker (the site's search, search/picker.py).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse

from symptomdb.articles.admin import ArticleAdmin
from symptomdb.articles.models import Article, Status
from symptomdb.search.picker import symptoms_for_picker
from symptomdb.terminology.services import symptom_find, symptom_get_or_create
from symptomdb.web.views import symptom_page_context


@admin.register(Article)
class EditorsArticleAdmin(ArticleAdmin):
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "symptom-search/",
                view(self.symptom_search_view),
                name="articles_article_symptom_search",
            ),
            path("symptom-new/", view(self.symptom_new_view), name="articles_article_symptom_new"),
            path(
                "<path:object_id>/preview/",
                view(self.preview_view),
                name="articles_article_preview",
            ),
            *super().get_urls(),
        ]

    def symptom_search_view(self, request: HttpRequest) -> JsonResponse:
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        choices = symptoms_for_picker(request.GET.get("term", ""))
        return JsonResponse(
            {
                "results": [{"id": str(c.symptom.pk), "text": c.label} for c in choices],
                "pagination": {"more": False},
            }
        )

    def symptom_new_view(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm("terminology.add_symptom"):
            raise PermissionDenied
        name = " ".join(request.POST.get("name", request.GET.get("name", "")).split())
        matches = symptoms_for_picker(name) if name else []
        error = ""
        if request.method == "POST":
            if not name:
                error = "Type the symptom's name."
            elif len(name) > 255:
                error = f"The name is {len(name)} characters long; keep it under 255."
            elif matches and request.POST.get("none_of_these") != "yes":
                error = (
                    "The catalogue has close matches, listed below. Choose one in the article's "
                    "picker, or tick “None of these” to add a new symptom."
                )
            elif (same := symptom_find(name=name)) is not None:
                error = (
                    f"“{name}” is already in the catalogue as “{same.name}”; choose that in the "
                    "article's picker."
                )
            else:
                symptom = symptom_get_or_create(name=name)
                self.message_user(
                    request,
                    f"“{symptom.name}” is in the catalogue; choose it in the article's picker.",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:articles_article_changelist"))
        return self._page(
            request,
            "admin/articles/article/symptom_new.html",
            title="Add a symptom to the catalogue",
            name=name,
            matches=matches,
            error=error,
            status=400 if error else 200,
        )

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The article exactly as readers will see it, behind sign-in, never cached
        (admin_view adds Cache-Control: no-store, private to every admin page)."""
        article = self._article(request, object_id)
        context = symptom_page_context(request, article.symptom, article)
        if article.live_id:
            context["preview"] = (
                "A staged change to a published page: readers still see the published "
                "version until this change is published."
            )
        elif article.status != Status.PUBLISHED:
            context["preview"] = (
                f"This article is {article.get_status_display().lower()}: readers do not see it."
            )
        else:
            context["preview"] = "This is the published page, as readers see it."
        return TemplateResponse(request, "web/symptom.html", context)
