"""The results page's highlighting and line of context (web/search_results.py): HTML made in
the web layer from the search's data."""

from __future__ import annotations

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
