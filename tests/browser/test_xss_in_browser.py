"""The XSS payloads of tests/security, rendered by a real browser: no dialog ever opens
and no injected element or handler exists in the DOM.

The tab bypasses the Content-Security-Policy on purpose: the policy would stop an
injected script even if the escaping failed, hiding the failure. Escaping must hold
on its own; the policy is the second wall (tests/browser/test_pages_under_csp.py)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from symptomdb.community.models import Comment, CommentStatus
from tests.security.payloads import MARKER, PAYLOADS, hostile_article

pytestmark = pytest.mark.browser

# What an injection would leave in the DOM: handlers, elements our templates never use,
# scripts that are not our files or JSON-LD data, links that run code.
FIND_INJECTED = """
() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith("on")) found.push(`${el.localName}[${attr.name}]`);
    }
  }
  const foreign = "iframe, object, embed, base, img, svg, math, details, meta[http-equiv], style";
  for (const el of document.querySelectorAll(foreign)) found.push(el.localName);
  for (const s of document.scripts) {
    if (s.type !== "application/ld+json" && !s.src.startsWith(location.origin + "/static/")) {
      found.push(`script ${s.src || "inline"}`);
    }
  }
  for (const a of document.querySelectorAll("[href], [src], [action]")) {
    const url = (a.getAttribute("href") || a.getAttribute("src") || a.getAttribute("action"));
    if (/^\\s*(javascript|vbscript|data):/i.test(url)) found.push(`${a.localName} ${url}`);
  }
  return found;
}
"""
JSON_LD = """
() => [...document.querySelectorAll('script[type="application/ld+json"]')].map(s => s.textContent)
"""


def assert_nothing_injected(tab, path: str) -> None:
    page = tab.visit(path, status=(200, 400))
    assert page.evaluate(FIND_INJECTED) == [], path
    for block in page.evaluate(JSON_LD):
        json.loads(block)  # the whole block reached the parser: nothing closed it early
    tab.assert_clean(path)


def test_payloads_in_articles_bios_and_comments_never_run(new_tab, published_article):
    for n, payload in enumerate(PAYLOADS):
        hostile_article(payload, n=n)
        Comment.objects.create(
            article=published_article,
            name=payload[:80],
            body=f"{payload}\n{payload}",
            status=CommentStatus.APPROVED,
        )
    tab = new_tab(bypass_csp=True)
    paths = [
        "/",
        "/symptoms/?letter=Z",
        f"/search?q={MARKER}",
        published_article.get_absolute_url(),
        *(f"/symptoms/hostile-symptom-{n}/" for n in range(len(PAYLOADS))),
        *(f"/authors/hostile-author-{n}/" for n in range(len(PAYLOADS))),
    ]
    for path in paths:
        assert_nothing_injected(tab, path)
    # Each hostile article is found and its name shown, so the payloads were rendered.
    page = tab.visit(f"/search?q={MARKER}")
    assert page.locator("main ol li").count() >= min(len(PAYLOADS), 20)


def test_payloads_in_search_queries_never_run(new_tab, db):
    tab = new_tab(bypass_csp=True)
    for payload in PAYLOADS:
        assert_nothing_injected(tab, f"/search?q={quote(payload)}")


def test_a_comment_typed_into_the_form_never_runs(new_tab, published_article, editor_client):
    tab = new_tab(bypass_csp=True)
    page = tab.visit(f"{published_article.get_absolute_url()}comments")
    page.locator("#id_name").fill('"><img src=x onerror=alert(1)>')
    page.locator("#id_body").fill("\n".join(PAYLOADS))
    page.get_by_role("button", name="Add a comment").click()
    tab.assert_clean("after commenting")
    comment = Comment.objects.get()
    editor_client.post(
        "/admin/community/comment/", {"action": "approve", "_selected_action": [comment.pk]}
    )
    assert_nothing_injected(tab, published_article.get_absolute_url())
    assert page.locator(".sdb-comment").inner_text().count("<script>alert(1)</script>") >= 1
