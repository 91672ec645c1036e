"""The results page's highlighting and line of context (web/search_results.py): HTML made in
the web layer from the search's data."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from symptomdb.search.service import Hit
from symptomdb.web.search_results import highlight, hit_shown, snippet


def test_it_marks_the_words_searched_for_and_escapes_the_rest():
    shown = highlight("Knee <pain> & swelling", ("knee", "swelling"))
    assert shown == "<mark>Knee</mark> &lt;pain&gt; &amp; <mark>swelling</mark>"


def test_a_long_word_is_marked_by_its_first_five_letters():
    assert highlight("Swollen ankle", ("swoll",)) == "<mark>Swollen</mark> ankle"
    assert highlight("Swollen ankle", ("swim",)) == "Swollen ankle"


def test_the_snippet_names_the_synonym_that_matched_then_the_definition():
    hit = Hit(
        slug="x",
        name="Pyrexia",
        score=1.0,
        display_name="Fever",
        matched_synonym="High temperature",
        definition="A body temperature above the normal range.",
    )
    assert (
        snippet(hit) == "Also called “High temperature”. A body temperature above the normal range."
    )


def test_the_snippet_leaves_out_a_synonym_that_is_the_name_shown():
    hit = Hit(slug="x", name="Pyrexia", score=1.0, display_name="Fever", matched_synonym="fever")
    assert snippet(hit) == ""


def test_a_long_definition_is_cut_at_a_word():
    hit = Hit(slug="x", name="Cough", score=1.0, definition="word " * 60)
    cut = snippet(hit)
    assert cut.endswith("word…")
    assert len(cut) <= 160


def test_a_shown_hit_reads_through_to_the_hit():
    hit = Hit(slug="cough", name="Cough", score=1.0, has_article=True)
    shown = hit_shown(hit, ("cough",))
    assert (shown.slug, shown.has_article, shown.highlighted_name) == (
        "cough",
        True,
        "<mark>Cough</mark>",
    )


def test_the_words_that_led_to_a_result_are_shown_under_it_escaped():
    hit = Hit(slug="x", name="Nocturia", score=1.0, matched_clause="I wake <b>at night</b> & pee")
    html = render_to_string("web/includes/search_hit.html", {"hit": hit_shown(hit, ())})
    shown = BeautifulSoup(html, "html.parser").select_one("[data-matched-clause]")
    assert shown.get_text() == "From your words: “I wake <b>at night</b> & pee”"
    assert "&lt;b&gt;at night&lt;/b&gt; &amp; pee" in html


def test_a_result_of_a_query_read_whole_shows_no_words():
    html = render_to_string(
        "web/includes/search_hit.html",
        {"hit": hit_shown(Hit(slug="x", name="Cough", score=1.0), ())},
    )
    assert "data-matched-clause" not in html
