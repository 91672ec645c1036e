"""Issue 10, twenty-second pass: presentations learnt from the tuning halves' misses and from our
own probes, each written here in our own words from the guidance named beside its rule in
rules.yaml or its entry in reading.yaml (none is a line of any labelled set)."""

from __future__ import annotations

import pytest

from .families import assert_emergency_or_not


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # NHS Priapism; UCLH: an erection of four hours or more, however it is written.
        (True, "erection that has lasted 4 hours now and it hurts"),
        (True, "priapism 4hrs+"),
        (False, "erection went down after 20 minutes, is that normal on tadalafil"),
        # Samaritans / NHS Help for suicidal thoughts: a goodbye, then nobody can reach them.
        (True, "she posted a goodbye on facebook and no one can get hold of her"),
        (True, "my brother sent a goodbye text and is not replying to messages"),
        (False, "he said goodbye to everyone at his leaving do, he's off travelling"),
        # NHS Inguinal hernia: each sign alone - it will not go back, goes hard or tender,
        # sudden pain, or being sick.
        (True, "the hernia in my groin won't go back and it's really sore"),
        (True, "my hernia has gone rock hard since this morning"),
        (True, "umbilical hernia and now I'm being sick"),
        (False, "my hernia pops back in when I lie down, is surgery worth it"),
        (False, "I got my hernia from working hard lifting boxes, how long is the wait for surgery"),
        # Emphasis between a finding's words ("can't even fart") and text-message negations.
        (True, "tummy swollen, vomiting, can't even pass wind"),
        (True, "he cnt breathe properly"),
        (True, "cudnt wake her this morning, she's still really floppy"),
    ],
)
def test_each_is_an_emergency_or_not(emergency: bool, text: str) -> None:
    """Emergency is "emergency" exactly; not an emergency is anything else."""
    assert_emergency_or_not(text, emergency)
