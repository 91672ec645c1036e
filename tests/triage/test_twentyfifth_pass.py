"""Issue 10, twenty-fifth pass: pictures learnt from the tuning halves' misses and our own probes,
each written here in our own words from the guidance named beside its rule in rules.yaml (none is
a line of any labelled set)."""

from __future__ import annotations

import pytest

from .families import assert_emergency_or_not, assert_same_day_or_not


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # NHS Stomach ache: sudden or severe tummy pain, told by where it is rather than its name.
        (True, "awful pain low down on my left side since an hour ago, I can't stand up"),
        (True, "worst pain of my life low on the right, came on suddenly while shopping"),
        (False, "a dull ache low on the right on and off for a fortnight, eating fine"),
        # NICE NG234: a cancer treated years ago is still the history new weak legs are read
        # against; a cancer charity run is not.
        (True, "had prostate cancer five years ago, now my back aches and my legs keep giving way"),
        (True, "bowel cancer in 2019, new back pain and my legs feel like lead"),
        (False, "did the cancer research 5k this morning and my legs feel heavy now"),
        # NICE NG51: a temperature under 36 C with a changed mind is a sepsis sign in old age.
        (True, "grandma is 88, temp 35.6 and she's mumbling and not with it since lunch"),
        (False, "temp 35.7 after a cold shower, feel fine, is that normal"),
        # NHS Dehydration (A&E for a sunken soft spot in a baby) with a dry nappy.
        (True, "no wet nappy since last night and the soft spot on his head has sunk in"),
        # Poisons a child gets hold of, named as parents name them (NHS Poisoning).
        (True, "my 2 year old bit into a washing pod and now he is coughing"),
        (True, "my toddler squirted some disinfectant into her mouth"),
    ],
)
def test_twentyfifth_pass_pictures(emergency: bool, text: str) -> None:
    assert_emergency_or_not(text, emergency)


@pytest.mark.parametrize(
    ("same_day", "text"),
    [
        # UK Concussion Guidelines for Grassroots Sport: call 111 within 24 hours of a suspected
        # concussion, however mild; a bump at home with a slight headache stays self-care (NHS
        # Head injury and concussion), and a player already checked over has had that advice.
        (True, "my daughter took a knock in netball, slight headache and a bit foggy"),
        (True, "clashed heads at hockey training, feels dazed and a bit dizzy"),
        (False, "banged my head on the shelf, slight headache, otherwise fine"),
        (False, "after the rugby knock I was checked over at A&E and sent home, mild headache"),
        (False, "watching the football gave me a headache"),
        # A houseplant chewed by a child: the poison line or 111 (NHS Poisoning).
        (True, "my 18 month old chewed a leaf of our peace lily, lips a little red"),
    ],
)
def test_twentyfifth_pass_same_day(same_day: bool, text: str) -> None:
    assert_same_day_or_not(text, same_day)
