"""Page-numbered lists: the same `count, page, pages, next, previous` everywhere."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest


def page_of(
    request: HttpRequest, queryset: QuerySet[Any], *, number: int, per_page: int
) -> tuple[list[Any], dict[str, Any]]:
    """The items on page `number` and the paging fields; 404 past the last page."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    if number > paginator.num_pages:
        raise Http404(f"There is no page {number}; the last page is {paginator.num_pages}.")
    page = paginator.page(number)

    def link(n: int) -> str:
        query = request.GET.copy()
        query["page"] = str(n)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return list(page.object_list), {
        "count": paginator.count,
        "page": number,
        "pages": paginator.num_pages,
        "next": link(number + 1) if page.has_next() else None,
        "previous": link(number - 1) if page.has_previous() else None,
    }
