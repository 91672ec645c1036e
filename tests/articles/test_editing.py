"""No silent overwrites, staged changes to live pages, and previews."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from symptomdb.articles.models import SECTION_NAMES, Article, Cause, Status
from symptomdb.articles.services import EditConflict, article_edit_claim, article_publish

pytestmark = pytest.mark.django_db


def _form_data(client: Client, article: Article) -> tuple[str, dict]:
    """The change form as the browser would send it back, sections included."""
    url = f"/admin/articles/article/{article.pk}/change/"
    response = client.get(url, follow=True)
    context = response.context
    form = context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(symptom=article.symptom_id, author=article.author_id)
    if article.reviewer_id:
        data["reviewer"] = article.reviewer_id
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        prefix = formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = str(len(formset.forms))
        data[f"{prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
        for i, f in enumerate(formset.forms):
            for name, field in f.fields.items():
                value = f.initial.get(name, field.initial)
                if value is not None and name != "DELETE":
                    data[f"{prefix}-{i}-{name}"] = getattr(value, "pk", value)
            data[f"{prefix}-{i}-article"] = formset.instance.pk
    return response.request["PATH_INFO"], data


def _login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def second_editor(db) -> User:
    return User.objects.create_superuser("bea", "bea@example.org", "a-long-editor-pass")


def test_the_second_of_two_concurrent_saves_is_refused_with_the_first_editors_name(
    editor_client, second_editor, draft_article
):
    other = _login(second_editor)
    url, mine = _form_data(editor_client, draft_article)
    _, theirs = _form_data(other, draft_article)

    theirs["summary"] = "Bea's introduction."
    assert other.post(url, theirs).status_code == 302

    mine["summary"] = "My introduction."
    refused = editor_client.post(url, mine)
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "bea changed this article at" in html.lower() or "Bea changed" in html
    assert "Your changes were not saved" in html
    assert "My introduction." in html  # still in the form: nothing lost
    assert "/compare/?left=" in html  # both versions can be seen
    draft_article.refresh_from_db()
    assert draft_article.summary == "Bea's introduction."


def test_a_claim_with_an_old_token_is_refused_atomically(draft_article):
    seen = draft_article.edit_token
    article_edit_claim(article=draft_article, seen_token=seen)
    with pytest.raises(EditConflict):
        article_edit_claim(article=Article.objects.get(pk=draft_article.pk), seen_token=seen)


def test_editing_a_published_article_stages_the_change(editor_client, reader, published_article):
    url, data = _form_data(editor_client, published_article)
    data["summary"] = "A staged introduction."
    data["causes-0-text"] = "A staged explanation."
    response = editor_client.post(url, data)
    assert response.status_code == 302
    staged = Article.objects.get(live=published_article)
    assert staged.summary == "A staged introduction."
    assert staged.causes.first().text == "A staged explanation."
    assert staged.causes.count() == published_article.causes.count()
    published_article.refresh_from_db()
    assert published_article.summary != "A staged introduction."
    page = reader.get(published_article.get_absolute_url()).content.decode()
    assert "A staged introduction." not in page

    # Opening the live article again leads to its staged change.
    again = editor_client.get(url)
    assert again.status_code == 302 and again["Location"].endswith(f"/{staged.pk}/change/")


def test_publishing_a_staged_change_updates_the_live_article_in_place(
    reader, published_article, reviewer
):
    from symptomdb.articles.services import article_change_start
    from tests.articles.conftest import make_ready

    make_ready(published_article, reviewer)
    staged = article_change_start(article=published_article)
    staged.summary = "The new introduction."
    staged.save()
    Cause.objects.filter(article=staged).update(text="Reworded")
    live = article_publish(article=staged, change_note="Reworded the causes")
    assert live.pk == published_article.pk
    assert not Article.objects.filter(pk=staged.pk).exists()
    live.refresh_from_db()
    assert live.status == Status.PUBLISHED
    assert set(live.causes.values_list("text", flat=True)) == {"Reworded"}
    page = reader.get(live.get_absolute_url()).content.decode()
    assert "The new introduction." in page


def test_the_preview_shows_a_draft_as_readers_will_never_cached(
    editor_client, reader, draft_article
):
    draft_article.summary = "A **draft** introduction."
    draft_article.save()
    response = editor_client.get(f"/admin/articles/article/{draft_article.pk}/preview/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "A <strong>draft</strong> introduction." in html
    assert "readers do not see it" in html
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    # Not for readers: the admin's sign-in comes first.
    anonymous = reader.get(f"/admin/articles/article/{draft_article.pk}/preview/")
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert (
        "A <strong>draft</strong>"
        not in reader.get(draft_article.get_absolute_url()).content.decode()
    )


def test_the_sections_of_the_preview_form_are_named_as_the_inlines(editor_client, draft_article):
    """The data the tests send mirrors the form: every section's prefix is there."""
    _, data = _form_data(editor_client, draft_article)
    for prefix in SECTION_NAMES:
        assert f"{prefix}-TOTAL_FORMS" in data
