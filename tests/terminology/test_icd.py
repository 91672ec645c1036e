from __future__ import annotations


def test_it_reads_chapter_18_and_the_complaint_codes_outside_it(icd_codes):
    codes = {c.code for c in icd_codes}
    assert {"R00.0", "R05.9", "R10.9", "R25.2", "R51.9"} <= codes
    assert sum(c.startswith("R") for c in codes) > 700
    assert {"M62.83", "M62.831", "M54.50", "G47.00", "H93.11", "N50.811", "L29.9"} <= codes


def test_it_keeps_inclusion_terms(icd_codes):
    calf = next(c for c in icd_codes if c.code == "M62.831")
    assert calf.name == "Muscle spasm of calf"
    assert calf.inclusions == ["Charley-horse"]
    assert calf.parent == "M62.83"


def test_it_leaves_out_scores_and_encounter_extensions(icd_codes):
    codes = {c.code for c in icd_codes}
    assert not any(c.startswith(("R29.7", "R40.21", "R40.24")) for c in codes)
    assert all(len(c.replace(".", "")) <= 7 and "X" not in c[3:] for c in codes)


def test_parents_come_before_children(icd_codes):
    seen: set[str] = set()
    for code in icd_codes:
        assert code.parent is None or code.parent in seen
        seen.add(code.code)
