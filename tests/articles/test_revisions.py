"""Every revision is whole: the article and all its sections, whichever path wrote
them; restoring shows what changes first and asks when it empties or unpublishes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from reversion.models import Version

from symptomdb.articles.exchange import export_all, import_export
from symptomdb.articles.importer import parse_article
from symptomdb.articles.models import SECTION_MODELS, SECTION_NAMES, Article, Cause, Status
from symptomdb.articles.revisions import (
    article_versions,
    state_diff,
    state_of_article,
    state_of_revision,
)
from symptomdb.articles.services import (
    article_import,
    article_publish,
    article_revision_restore,
    article_submit_for_review,
    restore_preview,
)
from symptomdb.terminology.models import Symptom

pytestmark = pytest.mark.django_db


def _sections(article: Article) -> dict[str, list[tuple]]:
    """Every section's rows, field by field (without ids, which a restore keeps anyway)."""
    return {
        name: list(
            model._default_manager.filter(article=article)
            .order_by("position", "id")
            .values_list(*[f.attname for f in model._meta.fields if f.name != "article"])
        )
        for name, model in zip(SECTION_NAMES, SECTION_MODELS, strict=True)
    }


def _fields(article: Article) -> dict[str, object]:
    skip = {"updated_at", "edit_token"}
    fields = {
        f.attname: getattr(article, f.attname) for f in Article._meta.fields if f.name not in skip
    }
    # Django's JSON serializer keeps milliseconds: so does a revision.
    created = fields["created_at"]
    fields["created_at"] = created.replace(microsecond=created.microsecond // 1000 * 1000)
    return fields


def test_the_first_revision_of_an_import_holds_every_section(seed_text):
    article = article_import(parsed=parse_article(seed_text)).article
    first = article_versions(article).last()
    state = state_of_revision(first.revision, article.pk)
    assert len(state.sections["causes"]) == 5
    assert len(state.sections["relief_methods"]) == 4
    assert len(state.sections["prevention_tips"]) == 3
    assert len(state.sections["professional_treatments"]) == 1


def test_restoring_the_first_revision_of_an_imported_article_keeps_every_section(seed_text):
    article = article_import(parsed=parse_article(seed_text)).article
    as_imported_fields, as_imported_sections = _fields(article), _sections(article)
    article_publish(article=article, checks=False)
    first = article_versions(article).last()
    # An editor empties the causes and rewrites the summary.
    Cause.objects.filter(article=article).delete()
    article.summary = "Shortened."
    article.save()

    # It would unpublish (the import was a draft): confirmed.
    article_revision_restore(article=article, version=first, confirmed=True)
    article.refresh_from_db()
    assert _sections(article) == as_imported_sections
    assert _fields(article) == as_imported_fields


@pytest.mark.parametrize("path", ["import", "publish", "review", "export round trip", "admin"])
def test_every_kind_of_revision_restores_field_by_field(path, published_article, editor_client):
    article = published_article
    if path == "import":
        text = parse_article(published_article_text(article))
        article_import(parsed=text, publish=True)
    elif path == "publish":
        Article.objects.filter(pk=article.pk).update(status=Status.IN_REVIEW)
        article.refresh_from_db()
        article_publish(article=article, checks=False, today=dt.date(2026, 2, 1))
    elif path == "review":
        Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)
        article.refresh_from_db()
        article_submit_for_review(article=article)
    elif path == "export round trip":
        import_export(export_all())
    else:
        _admin_save(editor_client, article, summary="Edited in the admin.")
    article.refresh_from_db()
    version = article_versions(article).first()
    kept_fields, kept_sections = _fields(article), _sections(article)

    # Anything after it: a new summary, a cause gone, the status changed.
    Cause.objects.filter(article=article).first().delete()
    Article.objects.filter(pk=article.pk).update(summary="Later text", status=Status.DRAFT)
    article.refresh_from_db()

    article_revision_restore(article=article, version=version, confirmed=True)
    article.refresh_from_db()
    assert _sections(article) == kept_sections
    assert _fields(article) == kept_fields


def published_article_text(article: Article) -> str:
    from symptomdb.articles.importer.render import render_markdown
    from symptomdb.articles.selectors import article_to_parsed

    return render_markdown(article_to_parsed(article))


def _admin_save(client, article: Article, **changes: str) -> None:
    url = f"/admin/articles/article/{article.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(symptom=article.symptom_id, author=article.author_id, **changes)
    data.pop("reviewer", None)
    for prefix in SECTION_NAMES:
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)


def _errors(response) -> str:
    """The form's and the inlines' errors, for a failed save's message."""
    context = response.context
    if context is None or "adminform" not in context:
        return response.content.decode()[:500]
    errors = [context["adminform"].form.errors]
    errors += [f.formset.errors for f in context.get("inline_admin_formsets", [])]
    errors += [f.formset.non_form_errors() for f in context.get("inline_admin_formsets", [])]
    return repr(errors)


def test_an_admin_revision_holds_sections_as_saved_not_as_before(editor_client, draft_article):
    """A cause deleted in the same save is not in that save's revision."""
    article = draft_article
    url = f"/admin/articles/article/{article.pk}/change/"
    page = editor_client.get(url)
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(symptom=article.symptom_id, author=article.author_id, reviewer=article.reviewer_id)
    causes = list(article.causes.all())
    for prefix in SECTION_NAMES:
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data["causes-TOTAL_FORMS"] = str(len(causes))
    data["causes-INITIAL_FORMS"] = str(len(causes))
    for i, cause in enumerate(causes):
        data.update(
            {
                f"causes-{i}-id": cause.pk,
                f"causes-{i}-article": article.pk,
                f"causes-{i}-position": cause.position,
                f"causes-{i}-name": cause.name,
                f"causes-{i}-text": cause.text,
            }
        )
    data["causes-0-DELETE"] = "on"
    response = editor_client.post(url, data)
    assert response.status_code == 302, _errors(response)
    latest = article_versions(article).first()
    assert len(state_of_revision(latest.revision, article.pk).sections["causes"]) == 4


def test_the_restore_page_shows_what_will_change_and_asks_before_emptying(
    editor_client, published_article
):
    article = published_article
    Cause.objects.filter(article=article).delete()
    from symptomdb.articles.revisions import article_revision

    with article_revision(article, comment="Causes removed"):
        pass
    # The import's first revision had five causes; this one has none. Restore the
    # *latest* over a state with causes back, so that restoring empties them.
    empty = article_versions(article).first()
    Cause.objects.create(article=article, name="Fixture cause", text="Fixture text")
    url = f"/admin/articles/article/{article.pk}/history/{empty.pk}/"
    page = editor_client.get(url).content.decode()
    assert "“What causes it” will be emptied." in page
    assert "Removed: Fixture cause" in page
    assert 'name="confirm"' in page

    refused = editor_client.post(url, {})
    assert refused.status_code == 400
    assert Cause.objects.filter(article=article).count() == 1  # nothing changed

    done = editor_client.post(url, {"confirm": "yes"})
    assert done.status_code == 302
    assert Cause.objects.filter(article=article).count() == 0


def test_restoring_asks_before_unpublishing(published_article):
    first = article_versions(published_article).last()  # the import's draft
    _, diff = restore_preview(article=published_article, version=first)
    assert diff.unpublishes and diff.needs_confirmation
    with pytest.raises(ValidationError, match="take the page away from readers"):
        article_revision_restore(article=published_article, version=first)
    published_article.refresh_from_db()
    assert published_article.status == Status.PUBLISHED


def test_a_revision_whose_symptom_is_gone_is_refused_and_changes_nothing(published_article):
    article = published_article
    old = article_versions(article).first()
    other = Symptom.objects.create(slug="fixture-other", name="Fixture other symptom")
    gone = article.symptom
    article.symptom = other
    article.save()
    Article.objects.filter(pk=article.pk).update(symptom=other)
    gone.delete()
    summary = article.summary
    with pytest.raises(ValidationError, match="no longer on record"):
        article_revision_restore(article=article, version=old, confirmed=True)
    article.refresh_from_db()
    assert article.symptom == other
    assert article.summary == summary


def test_compare_shows_two_revisions_side_by_side(editor_client, published_article):
    article = published_article
    versions = list(article_versions(article))
    old, new = versions[-1], versions[0]
    html = editor_client.get(
        f"/admin/articles/article/{article.pk}/compare/", {"left": old.pk, "right": new.pk}
    ).content.decode()
    assert "data-differs" in html  # the status changed from draft to published
    assert "Published" in html and "Draft" in html
    bad = editor_client.get(f"/admin/articles/article/{article.pk}/compare/", {"left": "999999"})
    assert bad.status_code == 302


def test_the_diff_names_added_removed_and_changed_items(published_article):
    article = published_article
    before = state_of_article(article)
    first, second = list(article.causes.all())[:2]
    first.text = "Changed explanation"
    first.save()
    second.delete()
    Cause.objects.create(article=article, name="New cause", text="Fixture")
    diff = state_diff(before, state_of_article(article))
    (causes,) = diff.sections
    assert [i[0] for i in causes.added] == ["New cause"]
    assert [i[0] for i in causes.removed] == [second.name]
    assert causes.changed[0][1] == (first.name, "Changed explanation")
    assert not diff.needs_confirmation


def test_each_revision_keeps_the_editor_and_comment(draft_article, reviewer_user):
    article_submit_for_review(article=draft_article, user=reviewer_user)
    latest = Version.objects.get_for_object(draft_article).first()
    assert latest.revision.user == reviewer_user
    assert latest.revision.get_comment() == "Sent for review"
