"""An article covers other symptoms: "Covers:" in the importer, all or nothing, kept by the
export, chosen in the admin, and shown on the covered symptoms' pages."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from symptomdb.articles.covering import article_reach, covered_symptoms
from symptomdb.articles.exchange import export_all, import_export
from symptomdb.articles.importer import ParseError, parse_article, render_markdown
from symptomdb.articles.importer.covers import take_covers
from symptomdb.articles.models import Article
from symptomdb.articles.services import article_import
from symptomdb.terminology.models import Symptom, SymptomCode


def test_a_covers_line_is_read_and_blanked_so_lines_stay_the_files_own():
    text, covers = take_covers("# Title\nCovers: leg cramps; R25.2\n\nBody", filename="a.md")
    assert covers.items == ("leg cramps", "R25.2")
    assert covers.line == 2
    assert text == "# Title\n\n\nBody"


def test_commas_separate_when_there_is_no_semicolon():
    _, covers = take_covers("**Covers:** night cramps, HP:0003394\n", filename="a.md")
    assert covers.items == ("night cramps", "HP:0003394")


def test_a_front_matter_key_is_read_as_a_list_or_a_line():
    _, covers = take_covers(
        "---\ncovers:\n  - night leg cramps\n  - R25.2\n---\n# Title\n", filename="a.md"
    )
    assert covers.items == ("night leg cramps", "R25.2")
    assert covers.line == 2
    text, covers = take_covers("---\ncovers: [a, b]\n---\n# T\n", filename="a.md")
    assert covers.items == ("a", "b")
    assert text.strip() == "# T"


def test_covers_given_twice_or_empty_is_refused_with_the_line():
    with pytest.raises(ParseError, match=r"a\.md, line 3: “Covers:” is given twice"):
        take_covers("# T\nCovers: a\nCovers: b\n", filename="a.md")
    with pytest.raises(ParseError, match=r"a\.md, line 2: “Covers:” names no symptom"):
        take_covers("# T\nCovers:\n", filename="a.md")


def test_the_parsed_article_carries_covers_and_renders_them_back(seed_text):
    text = seed_text.replace("\n", "\nCovers: sleep related leg cramps; R25.2\n", 1)
    parsed = parse_article(text, filename="seed.txt")
    assert parsed.covers == ["sleep related leg cramps", "R25.2"]
    assert parsed.covers_at == "seed.txt, line 2"
    assert parsed.to_dict()["covers"] == ["sleep related leg cramps", "R25.2"]
    assert parse_article(render_markdown(parsed), filename="x.md") == parsed


@pytest.fixture
def leg_cramps(db) -> Symptom:
    # FIXTURE rows standing in for the catalogue's G47.62.
    symptom = Symptom.objects.create(
        slug="sleep-related-leg-cramps", name="Sleep related leg cramps", prior=0.45
    )
    SymptomCode.objects.create(symptom=symptom, system="ICD10CM", code="G47.62")
    return symptom


def test_covers_resolve_by_code_slug_or_name(leg_cramps):
    main = Symptom.objects.create(slug="muscle-spasm", name="Muscle spasm")
    for item in (
        "G47.62",
        "ICD-10-CM G47.62",
        "sleep-related-leg-cramps",
        "Sleep related leg cramps",
    ):
        assert covered_symptoms([item], where="", main=main) == [leg_cramps]
    assert covered_symptoms(["Muscle spasm"], where="", main=main) == []


def test_an_unknown_cover_refuses_the_import_naming_line_and_item(leg_cramps, seed_text):
    text = seed_text.replace("\n", "\nCovers: G47.62; Moonlight fever\n", 1)
    parsed = parse_article(text, filename="seed.txt")
    with pytest.raises(ValidationError) as caught:
        article_import(parsed=parsed)
    assert caught.value.messages == [
        "seed.txt, line 2: “Covers:” names “Moonlight fever”, which is neither a symptom nor "
        "a code in the catalogue; correct it or leave it out."
    ]
    assert not Article.objects.exists()


def test_the_import_command_says_so_and_imports_nothing(leg_cramps, seed_text, tmp_path):
    path = tmp_path / "spasms.txt"
    path.write_text(seed_text.replace("\n", "\nCovers: HP:9999999\n", 1), encoding="utf-8")
    with pytest.raises(CommandError, match=r"line 2: “Covers:” names “HP:9999999”.*imported\."):
        call_command("import", str(path))
    assert not Article.objects.exists()


def test_covers_survive_export_and_import_and_reach_the_page(leg_cramps, seed_text, reader):
    text = seed_text.replace("\n", "\nCovers: G47.62\n", 1)
    article = article_import(parsed=parse_article(text), publish=True).article
    assert list(article.covers.all()) == [leg_cramps]
    exported = export_all()
    assert exported["articles"][0]["covers"] == ["sleep-related-leg-cramps"]
    article.covers.clear()
    import_export(exported)
    assert list(Article.objects.get(pk=article.pk).covers.all()) == [leg_cramps]

    assert article_reach(leg_cramps).covering == [article]
    page = reader.get("/symptoms/sleep-related-leg-cramps/").content.decode()
    assert "data-covering-articles" in page
    assert article.title in page
    assert "No clinician has written an article about this symptom yet" not in page


def test_a_broader_symptoms_article_reaches_a_narrower_page(published_article, reader):
    narrower = Symptom.objects.create(slug="back-spasm", name="Back muscle spasm")
    narrower.broader.add(published_article.symptom)
    reach = article_reach(narrower)
    assert reach.nearby == [(published_article, published_article.symptom)]
    page = reader.get("/symptoms/back-spasm/").content.decode()
    assert "data-nearby-articles" in page
    assert "a broader symptom" in page


def test_the_admin_offers_covers_with_autocomplete(editor_client, published_article):
    page = editor_client.get(f"/admin/articles/article/{published_article.pk}/change/")
    html = page.content.decode()
    assert 'name="covers"' in html
    assert "admin-autocomplete" in html
