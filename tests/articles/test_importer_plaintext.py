"""How the plain-text reader tells headings from paragraphs, with no markup to go on."""

from __future__ import annotations

import pytest

from symptomdb.articles.importer.plaintext import is_title_case, looks_like_heading, read_plaintext

MARK = "[TEST FIXTURE — not medical advice]\n"


def shapes(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every block after the title."""
    blocks = read_plaintext(text)
    assert blocks[0].kind == "heading"
    assert blocks[0].level == 1
    return [(b.kind, b.text) for b in blocks[1:]]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("What Causes Muscle Spasms?", True),
        ("Stretching and Massage", True),
        ("Over-the-Counter Medications", True),
        ("Drink water slowly", True),
        ("Some common causes include:", False),  # a lead-in to a list
        ("Rest helps.", False),  # a sentence
        ("Rest helps. So does water", False),  # two sentences
        ("see a doctor if", False),  # starts in lower case
        ("Visit https://example.org for more", False),
        ("A" + " word" * 13, False),  # too many words for a heading
        ("Heartburn: causes and relief", True),
    ],
)
def test_looks_like_heading(line: str, expected: bool) -> None:
    assert looks_like_heading(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Hold Your Breath", True),
        ("Regular Exercise and Stretching", True),
        ("Most people get leg cramps at some point", False),
        ("Hydration and Electrolyte Balance", True),
    ],
)
def test_is_title_case(line: str, expected: bool) -> None:
    assert is_title_case(line) is expected


def test_a_short_line_before_a_paragraph_is_a_heading() -> None:
    text = MARK + "Title\n\nDrink water slowly\n\nA glass of cold water, sipped slowly, can help.\n"
    assert shapes(text) == [
        ("heading", "Drink water slowly"),
        ("paragraph", "A glass of cold water, sipped slowly, can help."),
    ]


def test_a_lead_in_line_ending_in_a_colon_is_a_paragraph() -> None:
    text = MARK + "Title\n\nCommon causes include:\n\n- Stress: busy days.\n"
    assert shapes(text) == [
        ("paragraph", "Common causes include:"),
        ("bullet", "Stress: busy days."),
    ]


def test_a_known_section_heading_directly_above_its_bullets_is_split_off() -> None:
    text = MARK + "Title\n\nCommon Causes\n- Stress: busy days.\n"
    assert shapes(text) == [("heading", "Common Causes"), ("bullet", "Stress: busy days.")]


def test_a_heading_with_its_text_on_the_next_line_is_split_off() -> None:
    text = MARK + "Title\n\nPreventing Cramps\nStretch your calves gently before bed each night.\n"
    assert shapes(text) == [
        ("heading", "Preventing Cramps"),
        ("paragraph", "Stretch your calves gently before bed each night."),
    ]


def test_a_section_heading_and_subheading_on_consecutive_lines_are_both_split_off() -> None:
    text = MARK + "Title\n\nPrevention\nWash Your Hands\nRegular washing helps stop the spread.\n"
    assert shapes(text) == [
        ("heading", "Prevention"),
        ("heading", "Wash Your Hands"),
        ("paragraph", "Regular washing helps stop the spread."),
    ]


def test_a_hard_wrapped_paragraph_is_not_split() -> None:
    text = (
        MARK + "Title\n\nMost people get leg cramps at some point in their lives and\n"
        "they usually pass within a few minutes.\n"
    )
    assert shapes(text) == [
        (
            "paragraph",
            "Most people get leg cramps at some point in their lives and they usually pass "
            "within a few minutes.",
        )
    ]


def test_a_run_of_headings_heads_the_paragraph_below_it() -> None:
    text = (
        MARK + "Title\n\nHow to Relieve Hiccups\n\nHold Your Breath\n\n"
        "Take a breath and hold it for a short count.\n"
    )
    assert [kind for kind, _ in shapes(text)] == ["heading", "heading", "paragraph"]


def test_a_short_line_before_a_new_section_is_not_a_heading() -> None:
    # It would head nothing: the section heading after it opens something else.
    text = MARK + "Title\n\nHold Your Breath\n\nProfessional Treatment\n\nA doctor can help.\n"
    assert shapes(text)[:2] == [
        ("paragraph", "Hold Your Breath"),
        ("heading", "Professional Treatment"),
    ]


def test_byline_lines_at_the_end_are_not_headings() -> None:
    text = (
        MARK + "Title\n\nSome closing words.\n\nJane Doe, DO\n\nRiverside Clinic, Springfield, IL\n"
    )
    assert [kind for kind, _ in shapes(text)] == ["paragraph", "paragraph", "paragraph"]


def test_a_byline_block_keeps_its_lines_apart() -> None:
    text = (
        MARK
        + "Title\n\nThe end.\n\n"
        + "Haroon Rashid, MD\nRate author\nUrgent Care Center of Arlington, VA\n"
    )
    byline = read_plaintext(text)[-1]
    assert byline.lines == (
        "Haroon Rashid, MD",
        "Rate author",
        "Urgent Care Center of Arlington, VA",
    )


def test_two_blank_lines_make_a_gap() -> None:
    text = MARK + "Title\n\nOne paragraph.\n\n\nAnother paragraph.\n\nA third one.\n"
    assert [kind for kind, _ in shapes(text)] == ["paragraph", "gap", "paragraph", "paragraph"]


@pytest.mark.parametrize("marker", ["•", "-", "*", "1.", "2)", "–", "▪"])
def test_bullet_markers(marker: str) -> None:
    text = MARK + f"Title\n\n  {marker} Stress: busy days.\n"
    assert shapes(text) == [("bullet", "Stress: busy days.")]


def test_a_wrapped_bullet_continues_on_an_indented_line() -> None:
    text = MARK + "Title\n\n- Dehydration: not drinking\n  enough fluid.\n- Stress: busy days.\n"
    assert shapes(text) == [
        ("bullet", "Dehydration: not drinking enough fluid."),
        ("bullet", "Stress: busy days."),
    ]


def test_a_more_indented_bullet_is_nested() -> None:
    blocks = read_plaintext(MARK + "Title\n\n- Conditions:\n    - diabetes\n- Stress: busy.\n")
    assert [(b.text, b.depth) for b in blocks[1:]] == [
        ("Conditions:", 0),
        ("diabetes", 1),
        ("Stress: busy.", 0),
    ]


def test_the_fixture_marker_is_dropped_and_lines_keep_their_numbers() -> None:
    blocks = read_plaintext(MARK + "Title\n\nWhat Causes Hiccups?\n\nSome text here, at length.\n")
    assert [(b.text, b.line) for b in blocks] == [
        ("Title", 2),
        ("What Causes Hiccups?", 4),
        ("Some text here, at length.", 6),
    ]


def test_spacing_noise_is_collapsed_and_typography_kept() -> None:
    blocks = read_plaintext("Title\n\nIt’s\u00a0a  “quoted”\u200b\tword.\n")
    assert blocks[1].text == "It’s a “quoted” word."


@pytest.mark.parametrize(
    "first_line",
    [
        "- Dehydration: not a title",
        "This is a sentence. It is not a title.",
        "A very long first line " * 10,
    ],
)
def test_a_first_line_that_cannot_be_a_title_is_not_made_one(first_line: str) -> None:
    blocks = read_plaintext(first_line + "\n\nMore text.\n")
    assert blocks[0].level != 1
