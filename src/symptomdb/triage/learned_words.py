"""A learned reading of the text's words: emergency, urgent or neither.

The learned reading (learned.py) reads a piece's sentence vector, which barely sees "not", "last
year" or a word the model never met. This one reads the words the rules have already read: the
text as reading.py normalised it (spelling corrected, UK -> US, stemmed), each word marked as
context.py read it ("n:" negated, "h:" past, "q:" a question for information, a hypothetical,
someone else's story or an animal's), single words and neighbouring pairs within a clause, and
the names of the rules' concepts found, each with the mark of its first word. A logistic
regression over those, learnt from the bank's examples and the tuning halves of the project's
own labelled sets (benchmarks/triage_train_words.py; never the held-out halves or
../shared/eval), gives the probability of each level.

It is the fourth reading, and it can only raise a level; semantic.py asks it only where the
learned reading gives the same level some probability too (semantic.yaml, ``words``). The
features are the rules' own reading, passed through (RuleSet.read keeps it): no second analysis.

Its weights are data (learned_words.npz, beside this file), tied to the features as this module
makes them (FEATURE_SCHEME): a file for another scheme is not read, and the reading is absent.
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from .context import Context
from .learned import LEVELS, stored_arrays
from .reading import Document
from .terms import Span

logger = logging.getLogger(__name__)

WEIGHTS_FILE = "learned_words.npz"
# Which features the weights were learnt on. Change it with any change to words_features (or
# to what the marks mean): the stored weights are then ignored until learnt again.
FEATURE_SCHEME = "words-1: stems with context marks, pairs within a clause, concepts"
BLOCKS = ("words", "concepts")  # the two kinds of feature, each scaled to length 1 on its own

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True)
class WordsFeatures:
    """A text's features: its marked words and pairs, and its concepts (with their marks)."""

    words: list[str]
    concepts: list[str]


def words_features(
    doc: Document, context: Context, concepts: Mapping[str, Sequence[Span]]
) -> WordsFeatures:
    """The features of a text the rules have read: ``doc``, its ``context`` and the
    ``concepts`` found (RuleSet.read_text gives all three)."""
    quiet = context.not_reported  # a union: made once, not for every word
    marked = [_mark(i, context, quiet) + stem for i, stem in enumerate(doc.stems)]
    pairs = [
        f"{marked[i]}_{marked[i + 1]}"
        for i, (a, b) in enumerate(itertools.pairwise(doc.clauses))
        if a == b
    ]
    named = [
        f"c:{_mark(span.start, context, quiet)}{name}"
        for name, spans in concepts.items()
        for span in spans
    ]
    return WordsFeatures([*marked, *pairs], named)


def _mark(position: int, context: Context, quiet: frozenset[int]) -> str:
    if position in context.negated:
        return "n:"
    if position in context.historical:
        return "h:"
    if position in quiet:
        return "q:"
    return ""


@dataclass(frozen=True, eq=False)
class WordsReading:
    """A logistic regression over a text's features, scaled as scikit-learn's TfidfVectorizer
    (``sublinear_tf``) scales them: each feature's 1 + log(count) times its idf, each block of
    BLOCKS divided by its length."""

    features: npt.NDArray[np.str_]  # one per row of the weights
    blocks: npt.NDArray[np.int8]  # each feature's block, an index into BLOCKS
    idf: Vectors  # one per feature
    weights: Vectors  # features x levels of LEVELS
    bias: Vectors  # one per level
    trained_on: str  # what it was learnt from, as triage_train_words.py recorded it
    setting: str  # the strength it was learnt with
    scheme: str = FEATURE_SCHEME
    rows: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        rows = {str(feature): row for row, feature in enumerate(self.features)}
        object.__setattr__(self, "rows", rows)

    def probabilities(self, features: WordsFeatures) -> Vectors:
        """The probability of each level of LEVELS for a text with these ``features``."""
        counts = Counter(
            row
            for row in map(self.rows.get, itertools.chain(features.words, features.concepts))
            if row is not None
        )
        scores = self.bias.astype(np.float64)
        if counts:
            rows = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            values = (1.0 + np.log(tf)) * self.idf[rows]
            blocks = self.blocks[rows]
            lengths = np.sqrt(np.bincount(blocks, values * values, minlength=len(BLOCKS)))
            scores = scores + (values / lengths[blocks]) @ self.weights[rows]
        scores -= scores.max()
        exponentials = np.exp(scores)
        return (exponentials / exponentials.sum()).astype(np.float32)


class WordsReadingError(ValueError):
    """The weights file is malformed; the message says what is wrong."""


_STORED = ("features", "blocks", "idf", "weights", "bias", "levels", "trained_on", "setting")


def words_save(path: Path, reading: WordsReading) -> None:
    """Write ``reading`` to ``path`` (an .npz of plain arrays: no pickled objects)."""
    np.savez_compressed(
        path,
        features=reading.features.astype(np.str_),
        blocks=reading.blocks.astype(np.int8),
        idf=reading.idf.astype(np.float32),
        weights=reading.weights.astype(np.float32),
        bias=reading.bias.astype(np.float32),
        levels=np.array(LEVELS),
        trained_on=np.array(reading.trained_on),
        setting=np.array(reading.setting),
        scheme=np.array(reading.scheme),
    )


def words_read(path: Path) -> WordsReading:
    """The reading stored at ``path``, checked; WordsReadingError says what is wrong."""
    arrays = stored_arrays(path, (*_STORED, "scheme"), WordsReadingError)
    features = arrays["features"]
    size = len(features)
    if features.ndim != 1 or features.dtype.kind != "U" or len(set(features.tolist())) != size:
        raise WordsReadingError(f"{path}: features must be distinct strings, one per row")
    weights = arrays["weights"].astype(np.float32)
    bias = arrays["bias"].astype(np.float32)
    idf = arrays["idf"].astype(np.float32)
    blocks = arrays["blocks"]
    if (
        weights.shape != (size, len(LEVELS))
        or bias.shape != (len(LEVELS),)
        or idf.shape != (size,)
        or blocks.shape != (size,)
    ):
        raise WordsReadingError(
            f"{path}: weights must be {size} x {len(LEVELS)}, bias {len(LEVELS)}, "
            f"idf and blocks {size} (one per feature)"
        )
    if blocks.dtype.kind not in "iu" or not np.isin(blocks, range(len(BLOCKS))).all():
        raise WordsReadingError(f"{path}: blocks must be 0 ({BLOCKS[0]}) or 1 ({BLOCKS[1]})")
    if not all(np.isfinite(a).all() for a in (weights, bias, idf)):
        raise WordsReadingError(f"{path}: weights, bias and idf must be finite numbers")
    return WordsReading(
        features.astype(np.str_),
        blocks.astype(np.int8),
        idf,
        weights,
        bias,
        str(arrays["trained_on"]),
        str(arrays["setting"]),
        str(arrays["scheme"]),
    )


@cache
def load_words() -> WordsReading | None:
    """The packaged reading, or None (said once in the log) when it is missing, malformed or
    learnt on another feature scheme: the triage then goes without it."""
    path = Path(str(resources.files(__package__).joinpath(WEIGHTS_FILE)))
    if not path.is_file():
        logger.warning("Triage: no words reading at %s; going without it.", path)
        return None
    try:
        reading = words_read(path)
    except WordsReadingError as error:
        logger.warning("Triage: %s; going without the words reading.", error)
        return None
    if reading.scheme != FEATURE_SCHEME:
        logger.warning(
            "Triage: the words reading was learnt on features %r, not %r; going without it "
            "(benchmarks/triage_train_words.py --write learns it again).",
            reading.scheme,
            FEATURE_SCHEME,
        )
        return None
    return reading
