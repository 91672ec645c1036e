"""Shape of the example presentations bank (src/symptomdb/triage/presentations.yaml).

The bank is clinical content read by the semantic emergency detector: these tests only check
that it is well formed and complete, not what the detector answers.
"""

from pathlib import Path

import pytest
import yaml

import symptomdb.triage

BANK = Path(symptomdb.triage.__file__).with_name("presentations.yaml")

LEVELS = {"emergency", "urgent", "none"}

# Every family/level pair named in /work/briefs/families.md (the shared vocabulary of issue 10).
REQUIRED_PAIRS = {
    # emergencies already covered by rules
    ("stroke", "emergency"),
    ("heart_attack", "emergency"),
    ("aortic_dissection", "emergency"),
    ("pulmonary_embolism", "emergency"),
    ("anaphylaxis", "emergency"),
    ("breathing", "emergency"),
    ("asthma_attack", "emergency"),
    ("collapse", "emergency"),
    ("seizure", "emergency"),
    ("bleeding", "emergency"),
    ("serious_injury", "emergency"),
    ("vomiting_blood", "emergency"),
    ("coughing_blood", "emergency"),
    ("gut_bleeding", "emergency"),
    ("meningitis", "emergency"),
    ("thunderclap_headache", "emergency"),
    ("head_injury", "emergency"),
    ("suicide", "emergency"),
    ("self_harm", "emergency"),
    ("overdose", "emergency"),
    ("poisoning", "emergency"),
    ("burns", "emergency"),
    ("testicular_torsion", "emergency"),
    ("cauda_equina", "emergency"),
    ("pregnancy", "emergency"),
    ("tetanus", "emergency"),
    ("sepsis", "emergency"),
    ("seriously_ill_child", "emergency"),
    # emergencies new in issue 10
    ("dka", "emergency"),
    ("hypoglycaemia", "emergency"),
    ("chemotherapy_fever", "emergency"),
    ("spinal_injury", "emergency"),
    ("ectopic_pregnancy", "emergency"),
    ("recreational_drugs", "emergency"),
    ("drowning", "emergency"),
    ("airway", "emergency"),
    ("snake_bite", "emergency"),
    ("labour", "emergency"),
    ("psychosis", "emergency"),
    ("bilious_vomiting", "emergency"),
    ("hypothermia", "emergency"),
    ("heatstroke", "emergency"),
    ("hip_fracture", "emergency"),
    ("carbon_monoxide", "emergency"),
    # urgent (same day) already covered
    ("chest_pain", "urgent"),
    ("fainting", "urgent"),
    ("fever", "urgent"),
    ("broken_bone", "urgent"),
    ("abdominal_pain", "urgent"),
    # urgent new in issue 10
    ("kidney_infection", "urgent"),
    ("kidney_stones", "urgent"),
    ("cellulitis", "urgent"),
    ("retinal_detachment", "urgent"),
    ("appendicitis", "urgent"),
    ("dehydration", "urgent"),
    ("infected_bite", "urgent"),
    ("quinsy", "urgent"),
    ("new_confusion", "urgent"),
    ("high_blood_sugar", "urgent"),
    ("pre_eclampsia", "urgent"),
    ("palpitations", "urgent"),
    ("first_fit", "urgent"),
    ("head_injury", "urgent"),
    ("reduced_baby_movements", "urgent"),
}

KNOWN_FAMILIES = {family for family, _level in REQUIRED_PAIRS}

MIN_EXAMPLES = 15
# Emergency groups need density: with about 20 examples a group, only 74% of the emergency
# examples were still found when each was left out in turn (issue 10). The header of the bank
# asks 40 to 70; urgent groups keep the lower bound until all of them have been grown.
MIN_EMERGENCY_EXAMPLES = 40
MIN_LOOK_ALIKE_EXAMPLES = 10
MAX_EXAMPLE_CHARS = 200


def load_groups():
    with BANK.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict), "the bank is a mapping with a 'groups' list"
    assert set(data) == {"groups"}, f"unexpected top-level keys: {sorted(data)}"
    groups = data["groups"]
    assert isinstance(groups, list)
    assert groups, "the bank has no groups"
    return groups


GROUPS = load_groups()


def group_id(group):
    return group.get("id", "<no id>")


@pytest.mark.parametrize("group", GROUPS, ids=group_id)
def test_group_has_the_expected_keys(group):
    assert set(group) == {"id", "family", "level", "sources", "examples"}


def test_group_ids_are_unique_kebab_case():
    ids = [group["id"] for group in GROUPS]
    assert len(ids) == len(set(ids)), "duplicate group ids"
    for identifier in ids:
        assert isinstance(identifier, str)
        assert identifier
        assert identifier == identifier.lower()
        assert all(part.isalnum() for part in identifier.split("-")), identifier


@pytest.mark.parametrize("group", GROUPS, ids=group_id)
def test_level_and_family(group):
    assert group["level"] in LEVELS
    if group["level"] == "none":
        assert group["family"] == "none", "look-alike groups have family 'none'"
    else:
        assert group["family"] in KNOWN_FAMILIES, f"unknown family {group['family']!r}"
        assert (group["family"], group["level"]) in REQUIRED_PAIRS, (
            f"{group['family']}/{group['level']} is not a pair listed in families.md"
        )


@pytest.mark.parametrize("group", GROUPS, ids=group_id)
def test_sources_are_titled_https_links(group):
    sources = group["sources"]
    assert isinstance(sources, list)
    assert sources, "every group names at least one source"
    for source in sources:
        assert set(source) == {"title", "url"}
        assert isinstance(source["title"], str)
        assert source["title"].strip()
        assert isinstance(source["url"], str)
        assert source["url"].startswith("https://"), source["url"]


@pytest.mark.parametrize("group", GROUPS, ids=group_id)
def test_examples(group):
    examples = group["examples"]
    assert isinstance(examples, list)
    minimum = {"none": MIN_LOOK_ALIKE_EXAMPLES, "emergency": MIN_EMERGENCY_EXAMPLES}.get(
        group["level"], MIN_EXAMPLES
    )
    assert len(examples) >= minimum, f"{len(examples)} examples, need at least {minimum}"
    for example in examples:
        assert isinstance(example, str), f"not text: {example!r}"
        assert example.strip() == example
        assert example
        assert len(example) <= MAX_EXAMPLE_CHARS, f"over {MAX_EXAMPLE_CHARS} chars: {example}"


def test_no_example_appears_twice():
    seen = {}
    duplicates = []
    for group in GROUPS:
        for example in group["examples"]:
            key = example.casefold()
            if key in seen:
                duplicates.append(f"{example!r} in {seen[key]} and {group['id']}")
            else:
                seen[key] = group["id"]
    assert not duplicates, "\n".join(duplicates)


def test_every_family_level_pair_has_a_group():
    present = {(group["family"], group["level"]) for group in GROUPS}
    missing = sorted(REQUIRED_PAIRS - present)
    assert not missing, f"no group for: {missing}"


def test_look_alikes_are_broad_enough():
    look_alikes = [group for group in GROUPS if group["level"] == "none"]
    assert len(look_alikes) >= 8
    assert sum(len(group["examples"]) for group in look_alikes) >= 250
