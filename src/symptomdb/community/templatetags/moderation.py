"""{% pending_comments as n %}: comments waiting for moderation, for those who moderate."""

from __future__ import annotations

from django import template

from symptomdb.community.selectors import comments_pending_count

register = template.Library()


@register.simple_tag(takes_context=True)
def pending_comments(context: template.Context) -> int | None:
    request = context.get("request")
    if request is None or not request.user.has_perm("community.change_comment"):
        return None
    return comments_pending_count()
