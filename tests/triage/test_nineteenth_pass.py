"""Issue 10, nineteenth pass: presentations learnt from the tuning halves' misses, each written
here in our own words from the guidance named beside its rule in rules.yaml (none is a line of
any labelled set)."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

from .families import assert_emergency_or_not, assert_same_day_or_not


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # NHS Transient ischaemic attack: speech or an eye's sight gone for a spell, then back.
        (True, "for about ten minutes I couldn't talk at all, then it passed"),
        (True, "the sight in my right eye went black, it came back after 2 minutes"),
        (True, "lost half my vision on the bus this morning, all back to normal now"),
        (True, "words were coming out wrong for a few minutes, then it all went away"),
        # NHS Epilepsy: a bystander sees a fall and then jerking.
        (True, "a teenager dropped on the platform and is twitching"),
        # NHS Appendicitis: the pain spreads across the tummy.
        (True, "right sided belly pain since yesterday and now it has moved all over my stomach"),
        (True, "appendix pain since Monday, now it's all across my tummy"),
        # NHS Sepsis: not knowing the day, with a fever.
        (True, "kidney infection, 39.4 and today she didn't know what year it was"),
        # NHS Sudden severe headache: from nothing to the worst in under a minute.
        (True, "my head went from zero to agony in under a minute while lifting"),
        # NHS Priapism: still hard hours after an erection medicine.
        (True, "had sildenafil at 10pm and I'm still hard and it hurts at 5am"),
        # NHS Help for suicidal thoughts: the means ready and the intent to use them.
        (True, "he has bought a gun and says he is going to use it tonight"),
        # NHS Toxic shock syndrome: a tampon or cup and a fever, a sunburn-like rash or faintness.
        (True, "left a tampon in for 3 days, now 39.4 and I keep nearly passing out"),
        (True, "using a menstrual cup this week and I have a rash that looks like sunburn"),
        # NHS Tight foreskin: pulled back and will not go forward again.
        (True, "foreskin pulled back and stuck, the end is swelling up purple"),
        # NHS Necrotising fasciitis: the genital skin turning black; spreading fast with a fever.
        (True, "the skin on his scrotum has turned black in a patch and he has a fever"),
        (True, "boil in my groin, the redness is spreading fast and I'm in agony"),
        # NHS Compartment syndrome: after an injury or a cast, rock hard with pain beyond it.
        (True, "leg in plaster since Tuesday, calf rock hard and I can't feel my toes"),
        # MedlinePlus Orbital cellulitis: a swollen eyelid and double vision or pain on moving.
        (True, "her eyelid is swollen and she says it hurts to move her eye"),
        # NICE NG151: chemotherapy told by the medicine's name.
        (True, "on paclitaxel, temperature 38.3 and shivery"),
        # NHS Broken arm or wrist: a wrist bent like a dinner fork after a fall.
        (True, "fell on her hand and the wrist is a dinner fork shape"),
        # NHS: a wound with something stuck in it; a fingertip cut off.
        (True, "a pitchfork went into his foot on the farm"),
        (True, "sliced my fingertip off on the mandolin"),
        # NHS Head injury: clear fluid from the nose after a knock.
        (True, "hit his head in the crash and clear fluid is dripping out of his nose"),
        # NHS Anaphylaxis: a medicine, then hives and the airway or faintness.
        (True, "took naproxen an hour ago, hives everywhere and my voice is going hoarse"),
        (True, "started flucloxacillin today, covered in welts and feel faint"),
        (True, "her lips are ballooning and she's wheezing after the prawns"),
        # NHS Lithium: signs of lithium toxicity.
        (True, "dad is on lithium and has been vomiting, he's unsteady and slurring"),
        # NHS Steroid emergency card: steroids run out, then vomiting and too weak to stand.
        (True, "on prednisolone 10mg for years, ran out on Friday, vomiting and can't stand up"),
        # NHS SSRIs, side effects: two serotonin-raising medicines, twitching, a racing heart
        # told as phones type it ("heart 150").
        (True, "sumatriptan with my sertraline, now twitchy and heart 150"),
        # NHS Poisoning; Resuscitation Council UK: too much of a medicine and a measured pulse
        # out of range, or seeing yellow.
        (True, "gave grandad his digoxin twice by mistake, pulse 44 and he sees everything yellow"),
        # NHS Urinary retention: cannot pee at all, with a full, painful lower tummy.
        (True, "bursting to wee badly but nothing comes out, lower belly is bulging"),
        # Child Accident Prevention Trust: a button battery in the ear or nose.
        (True, "my 3 year old has pushed a watch battery into his ear"),
        # NHS Bowel obstruction: bloated, nothing stays down, no poo for days.
        (True, "mum is bloated, can't keep any fluids down and no poo since Friday"),
        # Everyday uses of the same words.
        (False, "bit bloated after Sunday lunch, fine otherwise"),
        (False, "how often should I change the button battery in my hearing aid?"),
        (False, "I need to pee every 10 minutes and it stings"),
        (False, "took my blood pressure tablet twice by mistake, feel fine"),
        (False, "my dad had a heart attack at 45, should I get checked?"),
        (False, "started trimethoprim for a UTI, feel a bit dizzy when I stand"),
        (False, "on lithium for years, my level was fine, the usual fine tremor"),
        (False, "what are the signs of lithium toxicity? starting it next week"),
        (False, "my 4 year old's foreskin won't pull back yet, is that normal?"),
        (False, "foreskin got stuck back last night but I eased it forward with ice, fine now"),
        (False, "I use a menstrual cup, can I leave it in overnight?"),
        (False, "sunburnt at the beach and on my period using tampons, any tips?"),
        (False, "jock itch in my groin spreading down my thigh, itchy"),
        (False, "stye on my eyelid, swollen and sore when I blink"),
        (False, "kicked in the shin at footy, there's a rock hard lump, hurts a bit"),
        (False, "my toe went black after I dropped a weight on it last month, no pain now"),
        (False, "my vision went blurry for a few minutes after standing up, then it went away"),
        (False, "I had a TIA two years ago, what should my blood pressure be?"),
        (False, "period cramps low on the right that spread round my lower back every month"),
        (False, "temp spiked to 38.2 last night, paracetamol brought it down, eating fine"),
        (False, "got the rope ready for the tree swing, going to use it this weekend"),
        (False, "took a viagra last night, no problems, all normal this morning"),
        (False, "my neighbour's old shed collapsed in the storm"),
        # A whole message framed as learning first aid is quiet in every clause (context.yaml
        # training_frame)...
        (False, "cpr class question: how hard do you press on the chest of someone not breathing?"),
        (False, "teaching the kids first aid at scout group: how do you help a choking friend?"),
        (False, "course question: someone collapses, how soon do you use the defibrillator?"),
        # ... unless any clause reports a person now.
        (True, "we were on a first aid course and the instructor has collapsed, not breathing"),
        (True, "first aid training today, now my chest feels crushed and I'm sweating"),
    ],
)
def test_each_is_an_emergency_or_not(emergency: bool, text: str) -> None:
    assert_emergency_or_not(text, emergency)


def test_a_fever_that_spiked_is_not_a_spiked_drink() -> None:
    """ "Spiked" said of a temperature is a fever's peak; the drugs message would mislead."""
    result = triage("temp spiked to 103 overnight and now she is not making sense", locale="GB")
    assert result.level == "emergency"
    assert not any(rule.startswith("recreational-drugs") for rule in result.rule_ids)


@pytest.mark.parametrize(
    ("same_day", "text"),
    [
        # NHS Emergency contraception / HIV prevention: unprotected sex in the last days; a
        # needlestick. Told long ago, it is no longer same-day.
        (True, "he didn't pull out in time last night, what do I do?"),
        (True, "needlestick injury at work an hour ago from a used needle"),
        (False, "had unprotected sex 3 months ago, should I do a test?"),
        # NHS Something in your eye: still there after rinsing.
        (True, "sand blew in my eye at the beach, rinsed it but it still feels gritty"),
        (False, "paper cut on my finger, not deep, stopped bleeding"),
        # NHS Amoxicillin, side effects: a rash after a medicine, without airway signs.
        (True, "started amoxicillin yesterday, itchy rash all over, breathing fine"),
        # NHS Sunburn: blistering with chills, or a baby sunburnt.
        (True, "sunburnt shoulders, big blisters and I've got the chills"),
        (False, "a bit of sunburn on my nose, aloe is helping"),
    ],
)
def test_same_day_or_not(same_day: bool, text: str) -> None:
    """Same day is "urgent" exactly; not same day is neither urgent nor an emergency."""
    assert_same_day_or_not(text, same_day)
