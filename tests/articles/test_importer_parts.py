"""Tables for the importer's smaller judgements: headings, symptoms, bylines, urgency,
"Name: explanation" splitting, format detection and Markdown escaping."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from symptomdb.articles.importer import parse_article
from symptomdb.articles.importer.byline import byline_lines, is_byline_line, parse_byline
from symptomdb.articles.importer.headings import classify_heading
from symptomdb.articles.importer.intake import detect_format
from symptomdb.articles.importer.items import extract_disclaimer, split_named, urgency_of
from symptomdb.articles.importer.model import Byline
from symptomdb.articles.importer.render import escape
from symptomdb.articles.importer.symptom import derive_symptom, symptom_from_heading


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("What Causes Muscle Spasms?", "causes"),
        ("Causes of Eye Strain", "causes"),
        ("Common causes", "causes"),
        ("How to Stop Muscle Spasms", "relief"),
        ("How to Relieve a Dry Cough", "relief"),
        ("Ways to Ease Hiccups", "relief"),
        ("Relieving Eye Strain", "relief"),
        ("Immediate relief", "relief"),
        ("Muscle Spasm Remedies", "prevention"),
        ("Preventing Leg Cramps", "prevention"),
        ("How to Prevent Heartburn", "prevention"),
        ("Prevention", "prevention"),
        ("Professional Treatment", "professional"),
        ("Medical Treatment", "professional"),
        ("When to see a professional", "professional"),
        ("When to See a Doctor", "red_flags"),
        ("When to Seek Medical Help", "red_flags"),
        ("See a doctor if", "red_flags"),
        ("Sources", "sources"),
        ("References", "sources"),
        ("Conclusion", "conclusion"),
        ("The bottom line", "conclusion"),
        ("About the author", "author"),
        ("Disclaimer", "disclaimer"),
        ("Stretching and Massage", None),
        ("Stress Management", None),
        ("Over-the-Counter Medications", None),
        ("Hold Your Breath", None),
    ],
)
def test_classify_heading(heading: str, kind: str | None) -> None:
    assert classify_heading(heading) == kind


@pytest.mark.parametrize(
    ("heading", "symptom"),
    [
        ("What causes muscle spasms and how to treat them effectively?", "muscle spasms"),
        ("What Causes Muscle Spasms?", "muscle spasms"),
        ("How to Stop Muscle Spasms", "muscle spasms"),
        ("What causes tension headaches…", "tension headaches"),
        ("What causes tension headaches, and what helps?", "tension headaches"),
        ("Heartburn: causes and relief", "heartburn"),
        ("Leg cramps — what helps", "leg cramps"),
        ("How to Relieve a Dry Cough", "dry cough"),
        ("How to get rid of hiccups fast", "hiccups"),
        ("Causes of eye strain", "eye strain"),
        ("Muscle Spasm Remedies", "muscle spasm"),
        ("Common causes", ""),
        ("How to stop them", ""),
        ("When to See a Doctor", ""),
    ],
)
def test_symptom_from_heading(heading: str, symptom: str) -> None:
    assert symptom_from_heading(heading) == symptom


def test_derive_symptom_prefers_headings_then_title_then_the_title_itself() -> None:
    assert derive_symptom("Everything about cramps", ["Common causes", "Ways to Ease Hiccups"]) == (
        "hiccups"
    )
    assert derive_symptom("Heartburn: causes and relief", ["Common causes"]) == "heartburn"
    assert derive_symptom("Hiccups", []) == "hiccups"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [
                "Haroon Rashid, MD",
                "Rate author",
                "Urgent Care Center of Arlington, VA",
                "Add a comment",
            ],
            Byline("Haroon Rashid", "MD", "Urgent Care Center of Arlington", "Arlington, VA"),
        ),
        (
            ["Comments (3)", "Riverside Family Clinic, Springfield, IL", "Share", "Jane Doe, DO"],
            Byline("Jane Doe", "DO", "Riverside Family Clinic", "Springfield, IL"),
        ),
        (
            ["By Dr. Jane Doe, DO"],
            Byline("Jane Doe", "DO", "", ""),
        ),
        (
            ["Maria Lopez, MD, FACEP — Harbor Urgent Care of San Diego, CA"],
            Byline("Maria Lopez", "MD, FACEP", "Harbor Urgent Care of San Diego", "San Diego, CA"),
        ),
        (
            ["Priya Nair FNP-C", "Lakeside Health Clinic, Portland, OR"],
            Byline("Priya Nair", "FNP-C", "Lakeside Health Clinic", "Portland, OR"),
        ),
        (
            ["Sam Patel, PA-C", "Affiliation: Northside Family Practice", "Location: Toronto, ON"],
            Byline("Sam Patel", "PA-C", "Northside Family Practice", "Toronto, ON"),
        ),
        (
            ["Dr. Sam Lee, MBBS, MRCGP, Riverside Surgery, Leeds, UK"],
            Byline("Sam Lee", "MBBS, MRCGP", "Riverside Surgery", "Leeds, UK"),
        ),
        (
            ["Kim Ode, DNP, APRN", "Arlington, VA"],
            Byline("Kim Ode", "DNP, APRN", "", "Arlington, VA"),
        ),
        (
            ["Medically reviewed by Alan Smith, MD", "Chris Park, PhD", "Rated 4.5 out of 5"],
            Byline("Chris Park", "PhD", "", ""),
        ),
        (["Stress Management", "Heat or Cold Therapy"], Byline()),
    ],
)
def test_parse_byline(lines: list[str], expected: Byline) -> None:
    assert parse_byline(lines) == expected


def test_a_bare_name_counts_only_where_the_byline_is_known() -> None:
    assert parse_byline(["Chris Lee"]).name == ""
    assert parse_byline(["Chris Lee"], explicit=True).name == "Chris Lee"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Haroon Rashid, MD", True),
        ("Rate author", True),
        ("Add a comment", True),
        ("Comments (3)", True),
        ("Urgent Care Center of Arlington, VA", True),
        ("Location: Bristol, UK", True),
        ("Stress Management", False),
        ("Muscle spasms can be a painful and disruptive experience.", False),
        ("Drink a glass of cold water slowly.", False),
    ],
)
def test_is_byline_line(line: str, expected: bool) -> None:
    assert is_byline_line(line) is expected


@pytest.mark.parametrize(
    "author",
    [
        Byline("Haroon Rashid", "MD", "Urgent Care Center of Arlington", "Arlington, VA"),
        Byline("Jane Doe", "", "", ""),
        Byline("Ann-Marie O’Neil", "MD, FACEP", "St Luke’s Hospital", "Boise, ID"),
        Byline("Kim", "RN", "Lakeview Clinic", "Denver, CO"),
        Byline("Jo Bloggs", "Herbalism Diploma", "Home", "Somewhere"),
    ],
)
def test_byline_lines_read_back_as_the_same_author(author: Byline) -> None:
    assert parse_byline(byline_lines(author), explicit=True) == author


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("Chest pain that spreads to the arm: call 911.", "emergency"),
        ("Call 999 or go to A&E.", "emergency"),
        ("Dial 112 if someone collapses.", "emergency"),
        ("Call an ambulance.", "emergency"),
        ("Get help immediately if you cannot breathe.", "emergency"),
        ("See a doctor today if the leg is swollen.", "urgent"),
        ("Book a same-day appointment.", "urgent"),
        ("Contact your GP urgently.", "urgent"),
        ("Seek advice within 24 hours.", "urgent"),
        ("Go to the ER if you faint.", "emergency"),
        ("Er, it is usually nothing.", "routine"),
        ("Headaches that keep coming back.", "routine"),
    ],
)
def test_urgency_of(text: str, urgency: str) -> None:
    assert urgency_of(text) == urgency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dehydration: Not drinking enough.", ("Dehydration", "Not drinking enough.")),
        ("Overuse or Fatigue: Strain.", ("Overuse or Fatigue", "Strain.")),
        ("Spicy foods – Some people notice it.", ("Spicy foods", "Some people notice it.")),
        ("Not drinking enough", None),
        ("Dehydration:", None),
        ("At 10:30 a cramp began.", None),
        ("Rest. It helps: a lot.", None),
    ],
)
def test_split_named(text: str, expected: tuple[str, str] | None) -> None:
    assert split_named(text) == expected


@pytest.mark.parametrize(
    ("conclusion", "disclaimer"),
    [
        (
            "Cramps pass. Remember, it’s essential to consult with a healthcare professional "
            "for a proper diagnosis and personalized treatment plan.",
            "Remember, it’s essential to consult with a healthcare professional for a proper "
            "diagnosis and personalized treatment plan.",
        ),
        (
            "Most cases settle. This article is for information only and is not medical advice.",
            "This article is for information only and is not medical advice.",
        ),
        ("Most cases settle with rest.", ""),
    ],
)
def test_extract_disclaimer(conclusion: str, disclaimer: str) -> None:
    assert extract_disclaimer(conclusion) == disclaimer


@pytest.mark.parametrize(
    ("text", "filename", "fmt"),
    [
        ("What causes x?\n\nSymptom Database\n", "a.txt", "plaintext"),
        ("# What causes x?\n", "<input>", "markdown"),
        ("<!-- TEST FIXTURE -->\n\n# What causes x?\n", "<input>", "markdown"),
        ("Title\n=====\n\nText.\n", "<input>", "markdown"),
        ("<!-- TEST FIXTURE -->\n<!DOCTYPE html><html></html>", "<input>", "html"),
        ("<article><h1>T</h1></article>", "<input>", "html"),
        ("anything", "page.HTM", "html"),
        ("anything", "notes.md", "markdown"),
    ],
)
def test_detect_format(text: str, filename: str, fmt: str) -> None:
    assert detect_format(text, filename=filename) == fmt


@pytest.mark.parametrize(
    "text",
    [
        "*stars* and _underscores_",
        "[not a link](http://x)",
        "<b>not a tag</b> & &amp; entity",
        "# not a heading",
        "1. not a list",
        "2) not a list",
        "- not a bullet",
        "+ not a bullet",
        "> not a quote",
        "back\\slash and `code`",
        "=== not an underline",
    ],
)
def test_escape_reads_back_as_the_same_text(text: str) -> None:
    tokens = MarkdownIt("commonmark").parse(f"Lead line\n\n{escape(text)}\n")
    inline = [t for t in tokens if t.type == "inline"][1]
    assert inline.children is not None
    assert "".join(c.content for c in inline.children) == text


def test_markdown_headings_deeper_than_a_section_are_its_items_whatever_their_words() -> None:
    text = (
        "<!-- TEST FIXTURE -->\n\n# What causes hiccups?\n\n## Common causes\n\n"
        "- **Eating quickly:** Air is swallowed.\n\n## How to Stop Hiccups\n\n"
        "### Relief with a glass of water\n\nSip slowly.\n\n### Prevention of the next bout\n\n"
        "Eat slowly.\n\n## About the author\n\nPat Jones\n"
    )
    article = parse_article(text)
    assert [a.name for a in article.relief] == [
        "Relief with a glass of water",
        "Prevention of the next bout",
    ]
    assert article.prevention == []


def test_a_page_with_every_heading_at_one_level_is_read_by_words() -> None:
    text = (
        "<!-- TEST FIXTURE -->\n<h1>What causes hiccups?</h1>\n<h2>Common causes</h2>\n"
        "<ul><li>Eating quickly: Air is swallowed.</li></ul>\n<h2>How to Stop Hiccups</h2>\n"
        "<h2>Sip Water</h2>\n<p>Sip slowly.</p>\n<h2>Hold Your Breath</h2>\n<p>Briefly.</p>\n"
        "<p>Pat Jones, RN</p>\n"
    )
    article = parse_article(text)
    assert [a.name for a in article.relief] == ["Sip Water", "Hold Your Breath"]
    assert article.author.name == "Pat Jones"
