"""The words reading: the words the rules read, and their concepts, read as emergency, urgent or
neither (learned_words.py)."""

from __future__ import annotations

import dataclasses
import logging

import numpy as np
import pytest

import symptomdb.triage as triage_package
from symptomdb.triage import learned_words, load_rules, semantic, triage
from symptomdb.triage.learned_words import (
    FEATURE_SCHEME,
    WordsFeatures,
    WordsReading,
    WordsReadingError,
    load_words,
    words_features,
    words_read,
    words_save,
)
from symptomdb.triage.semantic import Thresholds, load_thresholds

from .test_learned import a_detector, a_reading

# Examples out of reach; the learned reading at 0.9 and the words reading at 0.8, where the
# learned reading gives the same level at least 0.2.
WORDS_ON = Thresholds(
    emergency=1.5,
    urgent=1.5,
    margin=1.5,
    learned_emergency=0.9,
    learned_urgent=0.9,
    words_emergency=0.8,
    words_urgent=0.8,
    words_gate=0.2,
)
AN_EMERGENCY = np.array([0.95, 0.03, 0.02], np.float32)  # the words reading's probabilities
NOTHING = np.array([0.0, 0.0, 1.0], np.float32)


def features(text: str) -> WordsFeatures:
    doc, reading = load_rules().read_text(text)
    return words_features(doc, reading.context, reading.concepts)


def a_words_reading(words: list[str], level: int = 0, strength: float = 30.0) -> WordsReading:
    """A reading that gives ``level`` to texts with these features (all in the words block)."""
    weights = np.zeros((len(words), 3), np.float32)
    weights[:, level] = strength
    return WordsReading(
        features=np.array(words, dtype=np.str_),
        blocks=np.zeros(len(words), np.int8),
        idf=np.ones(len(words), np.float32),
        weights=weights,
        bias=np.array([0.0, 0.0, 3.0], np.float32),
        trained_on="made up for a test",
        setting="C=1.0",
    )


@pytest.fixture
def fresh_words():
    load_words.cache_clear()
    yield
    load_words.cache_clear()


def test_the_packaged_reading_loads_for_this_feature_scheme() -> None:
    # Fails when words_features changes and benchmarks/triage_train_words.py --write was not run.
    reading = load_words()
    assert reading is not None and reading.scheme == FEATURE_SCHEME
    assert reading.weights.shape == (len(reading.features), 3)
    assert len(reading.rows) == len(reading.features)
    # Its thresholds are read from semantic.yaml: chosen (below 1) or off (2, never reached).
    limits = load_thresholds()
    for value in (limits.words_emergency, limits.words_urgent, limits.words_gate):
        assert 0.0 < value < 1.0 or value == 2.0


def test_it_reads_the_rules_words_with_their_context_and_concepts() -> None:
    found = features("No headache at all. I had a stroke last year. My arm went numb this morning")
    assert "n:headach" in found.words  # negated, stemmed as the rules stem it
    assert any(w.startswith("h:") and "strok" in w for w in found.words)  # in the past
    assert "arm" in found.words and "numb" in found.words  # unmarked: now
    assert "c:n:headache" in found.concepts  # the rules' concept, with its word's mark
    # Neighbouring words make pairs within a clause, never across one.
    assert "arm_go" in found.words  # "went" is read as "go"
    assert not any(pair.endswith("_arm") and "year" in pair for pair in found.words)


def test_its_probabilities_are_scaled_as_the_learning_scaled_them() -> None:
    reading = WordsReading(
        features=np.array(["pale", "cold", "c:shock"], dtype=np.str_),
        blocks=np.array([0, 0, 1], np.int8),
        idf=np.array([2.0, 1.0, 3.0], np.float32),
        weights=np.array([[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0]], np.float32),
        bias=np.zeros(3, np.float32),
        trained_on="made up",
        setting="C=1.0",
    )
    probabilities = reading.probabilities(
        WordsFeatures(["pale", "pale", "cold", "unknown"], ["c:shock"])
    )
    # 1 + log(count) times idf, each block divided by its length; then a softmax.
    pale, cold = (1 + np.log(2)) * 2.0, 1.0
    length = np.hypot(pale, cold)
    scores = np.array([pale / length, cold / length, 1.0])
    expected = np.exp(scores) / np.exp(scores).sum()
    assert np.allclose(probabilities, expected, atol=1e-6)
    assert np.allclose(reading.probabilities(WordsFeatures([], [])), 1 / 3)


def test_it_is_stored_and_read_back_as_plain_arrays(tmp_path) -> None:
    reading = a_words_reading(["pale", "n:pale", "c:h:stroke"])
    path = tmp_path / "words.npz"
    words_save(path, reading)
    back = words_read(path)
    assert back.features.tolist() == ["pale", "n:pale", "c:h:stroke"]
    assert np.array_equal(back.weights, reading.weights)
    assert (back.trained_on, back.setting, back.scheme) == (
        "made up for a test",
        "C=1.0",
        FEATURE_SCHEME,
    )
    assert back.rows == {"pale": 0, "n:pale": 1, "c:h:stroke": 2}


def _stored(path, **changed) -> None:
    arrays = {
        "features": np.array(["pale", "cold"]),
        "blocks": np.zeros(2, np.int8),
        "idf": np.ones(2, np.float32),
        "weights": np.zeros((2, 3), np.float32),
        "bias": np.zeros(3, np.float32),
        "levels": np.array(learned_words.LEVELS),
        "trained_on": np.array("x"),
        "setting": np.array("C=1.0"),
        "scheme": np.array(FEATURE_SCHEME),
    }
    arrays.update(changed)
    np.savez(path, **{name: value for name, value in arrays.items() if value is not None})


@pytest.mark.parametrize(
    ("changed", "complaint"),
    [
        ({"weights": np.zeros((3, 2))}, "weights must be 2 x 3"),
        ({"idf": np.array([1.0, np.inf])}, "finite"),
        ({"bias": None}, "missing bias"),
        ({"features": np.array(["pale", "pale"])}, "distinct strings"),
        ({"blocks": np.array([0, 7], np.int8)}, "blocks must be 0"),
        ({"levels": np.array(["urgent", "emergency", "none"])}, "levels must be"),
    ],
)
def test_a_malformed_file_is_refused_with_what_is_wrong(tmp_path, changed, complaint) -> None:
    path = tmp_path / "words.npz"
    _stored(path, **changed)
    with pytest.raises(WordsReadingError, match=complaint):
        words_read(path)
    (tmp_path / "not.npz").write_bytes(b"not an archive")
    with pytest.raises(WordsReadingError, match="cannot be read"):
        words_read(tmp_path / "not.npz")


def test_a_malformed_file_leaves_the_triage_answering(
    tmp_path, monkeypatch, caplog, fresh_words
) -> None:
    path = tmp_path / "words.npz"
    _stored(path, weights=np.zeros((5, 3)))
    monkeypatch.setattr(learned_words, "WEIGHTS_FILE", str(path))
    with caplog.at_level(logging.WARNING, logger="symptomdb.triage.learned_words"):
        assert load_words() is None
    assert "weights must be 2 x 3" in caplog.text and "without the words reading" in caplog.text
    result = triage("crushing chest pain going down my left arm", locale="GB")
    assert result.level == "emergency"


def test_it_is_absent_when_the_file_is_absent(tmp_path, monkeypatch, caplog, fresh_words) -> None:
    monkeypatch.setattr(learned_words, "WEIGHTS_FILE", str(tmp_path / "nowhere.npz"))
    with caplog.at_level(logging.WARNING, logger="symptomdb.triage.learned_words"):
        assert load_words() is None
    assert "no words reading" in caplog.text
    assert triage("I have had a runny nose for two days", locale="GB").level != "emergency"


def test_a_file_for_another_feature_scheme_is_not_read(
    tmp_path, monkeypatch, caplog, fresh_words
) -> None:
    path = tmp_path / "words.npz"
    _stored(path, scheme=np.array("words-0: something older"))
    monkeypatch.setattr(learned_words, "WEIGHTS_FILE", str(path))
    with caplog.at_level(logging.WARNING, logger="symptomdb.triage.learned_words"):
        assert load_words() is None
    assert "words-0: something older" in caplog.text


def test_it_raises_the_level_where_the_learned_reading_gives_it_enough() -> None:
    # The learned reading gives "emergency" well below its own threshold, but above the gate.
    detector = a_detector(a_reading("thunderclap", 0, strength=3.0))
    text = "a thunderclap came out of nowhere this morning"
    assert detector.detect(text, WORDS_ON) is None
    found = detector.detect(text, WORDS_ON, words=AN_EMERGENCY)
    assert found is not None and found.reading == "words"
    assert (found.group.id, found.learned) == ("learned-emergency", pytest.approx(0.95))
    # Below the gate the words reading is not heard.
    closed = dataclasses.replace(WORDS_ON, words_gate=0.99)
    assert detector.detect(text, closed, words=AN_EMERGENCY) is None


def test_it_never_lowers_a_level() -> None:
    detector = a_detector(a_reading("thunderclap", 0))
    text = "a thunderclap came out of nowhere this morning"
    alone = detector.detect(text, WORDS_ON)
    assert alone is not None and alone.group.level == "emergency"
    with_words = detector.detect(text, WORDS_ON, words=NOTHING)
    assert with_words == alone
    urgent_only = np.array([0.0, 1.0, 0.0], np.float32)
    assert detector.detect(text, WORDS_ON, words=urgent_only) == alone


def test_the_reader_is_told_the_level_by_the_words_reading(monkeypatch) -> None:
    # Made-up words, so that no rule fires and no example is close.
    text = "the zorpish blick came on and flum quell"
    detector = a_detector(a_reading("zorpish", 0, strength=3.0))
    monkeypatch.setattr(triage_package, "detector", lambda: detector)
    monkeypatch.setattr(semantic, "load_thresholds", lambda: WORDS_ON)
    monkeypatch.setattr(triage_package, "load_words", lambda: a_words_reading(features(text).words))
    result = triage(text, locale="GB")
    assert result.level == "emergency"
    assert result.rule_ids == ["words:learned-emergency"]
    assert result.message == "This could be a medical emergency. Call 999 now."
    assert "The words you used read like an emergency" in result.why


def test_the_packaged_reading_hears_an_emergency_told_in_plain_words() -> None:
    # Written for this test: a collapse with no breathing against a cold of two days.
    reading = load_words()
    assert reading is not None
    alarm = reading.probabilities(features("he fell down and is not breathing, lips going blue"))
    calm = reading.probabilities(features("I have had a bit of a runny nose for two days"))
    assert alarm[0] > 0.5 > calm[0]
