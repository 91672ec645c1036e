"""The Markdown renderer and sanitiser against the XSS corpus: every payload, as a
whole section and inside Markdown's own link and emphasis syntax, renders to HTML
that runs nothing and links nowhere but http(s)."""

from __future__ import annotations

import pytest

from symptomdb.articles.markup import markdown_html, markdown_inline_html
from tests.security.audit import audit
from tests.security.payloads import PAYLOADS, UNSAFE_URLS


def _forms(payload: str) -> list[str]:
    return [
        payload,
        f"**{payload}**",
        f"[{payload}](https://example.org/)",
        f"[link]({payload})",
        f"- {payload}\n- two",
        f"> {payload}",
    ]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("render", [markdown_html, markdown_inline_html])
def test_no_payload_survives_markdown(payload, render):
    for text in _forms(payload):
        html = str(render(text))
        assert audit(html)[0] == [], text
        lowered = html.lower()
        for tag in ("<script", "<img", "<svg", "<iframe", "<math", "<base", "<meta", "<details"):
            assert tag not in lowered, text


@pytest.mark.parametrize("url", UNSAFE_URLS)
def test_unsafe_link_urls_lose_their_href(url):
    for text in (f"[click]({url})", f"<{url}>", f"[click][r]\n\n[r]: {url}"):
        assert "href" not in str(markdown_html(text)), text


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS[:8])
def test_the_preview_shows_a_hostile_draft_safely(editor_client, payload):
    from tests.security.payloads import hostile_article

    article = hostile_article(payload)
    article.status = "draft"
    article.save()
    html = editor_client.get(f"/admin/articles/article/{article.pk}/preview/").content.decode()
    problems, _ = audit(html)
    assert problems == []
