"""{{ text|markdown }} and {{ text|markdown_inline }}: an article's Markdown as safe HTML."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from symptomdb.articles.markup import markdown_html, markdown_inline_html

register = template.Library()


@register.filter(is_safe=True)
def markdown(text: str) -> SafeString:
    return markdown_html(text)


@register.filter(is_safe=True)
def markdown_inline(text: str) -> SafeString:
    return markdown_inline_html(text)
