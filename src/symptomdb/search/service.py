"""The one search entry point, used by the results page, the API and the CLI.

    query → clean_query → analyse (filler, typos, UK spellings, lay words)
          → candidates from the database's full-text search (search/lexical/:
            FTS5 bm25 on SQLite, a weighted tsvector on PostgreSQL) and the
            embedding model (language/embedding.py over search/vectors.py)
          → one fused score each (search/fusion.py) → Hits

docs/search.md describes the design and its measured quality and speed.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Exists, OuterRef
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from symptomdb.articles.models import Article, Status
from symptomdb.language.embedding import Embedder, EmbeddingUnavailable, embedder
from symptomdb.search.fusion import Signals, fused_score, overlap
from symptomdb.search.lexical import lexical
from symptomdb.search.query import Analysed, analyse
from symptomdb.search.spelling import Speller, speller_load
from symptomdb.search.vectors import SemanticIndex, vectors_load, vectors_stamp
from symptomdb.terminology.models import CodeSystem, Symptom
from symptomdb.terminology.text import content_words, key

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 1000
# The most results one answer gives: the API, the page and the CLI all take at most this many.
MAX_RESULTS = 50
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# How many candidates each retriever proposes before fusion.
SEMANTIC_POOL = 60
LEXICAL_POOL = 60


class QueryError(ValueError):
    """A query the search cannot take; the message says why, for the reader."""


@dataclass(frozen=True)
class Code:
    system: str
    code: str

    @property
    def label(self) -> str:
        return {"ICD10CM": "ICD-10-CM", "SNOMEDCT": "SNOMED CT"}.get(self.system, self.system)


@dataclass(frozen=True)
class Hit:
    slug: str
    name: str
    score: float
    codes: list[Code] = field(default_factory=list)
    has_article: bool = False
    # The everyday name shown first (terminology/display.py); `name` is the clinical one.
    display_name: str = ""
    # Published articles that cover the symptom beside their own (Article.covers).
    covered_by_article: bool = False
    # The catalogue's prior: how likely a reader means it (terminology/prior.py); the
    # results page groups by it (search/grouping.py).
    prior: float = 0.0
    # For the results page: the name with the matched words in <mark>, and a line
    # of context (the synonym that matched, or the start of the definition).
    highlighted_name: SafeString = field(default=SafeString(""), compare=False)
    snippet: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "slug": self.slug,
            "name": self.name,
            "score": round(self.score, 4),
            "codes": [{"system": c.system, "code": c.code} for c in self.codes],
            "has_article": self.has_article,
            "display_name": self.display_name or self.name,
            "covered_by_article": self.covered_by_article,
        }

    @property
    def clinical_name_differs(self) -> bool:
        return bool(self.display_name) and self.display_name.casefold() != self.name.casefold()


def clean_query(query: str | None) -> str:
    """The query with its whitespace folded, or QueryError saying what is wrong."""
    if query is None or not query.strip():
        raise QueryError("Please type a symptom to search for.")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"The search is {len(query):,} characters long; please keep it under "
            f"{MAX_QUERY_LENGTH:,}."
        )
    if _CONTROL.search(query):
        raise QueryError("The search contains control characters; please type plain text.")
    return " ".join(query.split())


PUBLIC_SYSTEMS = {CodeSystem.HPO, CodeSystem.ICD10CM, CodeSystem.SNOMEDCT}


# --- the per-process engine: vectors, model and vocabulary, loaded once --------


@dataclass
class Engine:
    speller: Speller
    semantic: SemanticIndex | None
    model: Embedder | None
    stamp: tuple[int, int] | None


_engine: Engine | None = None
_lock = threading.Lock()
_warned = False


def _warn_once(message: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        logger.warning(message)


def engine() -> Engine:
    """The loaded indexes, reloaded when `init` has rewritten them."""
    global _engine
    stamp = vectors_stamp()
    if _engine is not None and _engine.stamp == stamp:
        return _engine
    with _lock:
        if _engine is not None and _engine.stamp == stamp:
            return _engine
        _engine = _engine_load(stamp)
        return _engine


def _engine_load(stamp: tuple[int, int] | None) -> Engine:
    speller = speller_load()
    stored = vectors_load()
    model: Embedder | None = None
    semantic: SemanticIndex | None = None
    if stored is None:
        _warn_once(
            "Search: no catalogue vectors under SYMPTOMDB_HOME (run `symptomdb init`); "
            "matching words only."
        )
    else:
        try:
            model = embedder()
        except EmbeddingUnavailable as error:
            _warn_once(
                f"Search: the embedding model is unavailable ({error}); matching words only."
            )
        if model is not None:
            ids = dict(Symptom.objects.values_list("slug", "id"))
            keep = np.array([slug in ids for slug in stored.slugs], dtype=bool)
            if keep.any():
                symptom_ids = np.array(
                    [ids[s] for s, k in zip(stored.slugs, keep, strict=True) if k], dtype=np.int64
                )
                # Usually every row is kept: then the memory-mapped file itself is
                # the index, one copy in the page cache shared by every worker,
                # instead of 35 MB of private memory in each.
                matrix = stored.matrix if keep.all() else np.asarray(stored.matrix)[keep]
                semantic = SemanticIndex(matrix, symptom_ids)
    return Engine(speller=speller, semantic=semantic, model=model, stamp=stamp)


def engine_reset() -> None:
    """Forget the loaded indexes (tests; after rebuilding them in-process)."""
    global _engine, _warned
    _engine = None
    _warned = False


# --- the search ----------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """The hits, and the query as the search read it when it corrected a typo ("")."""

    hits: list[Hit]
    corrected: str = ""


def search(query: str, *, limit: int = 10, correct: bool = True) -> list[Hit]:
    """The symptoms the query most likely means, best first."""
    return search_found(query, limit=limit, correct=correct).hits


def search_found(query: str, *, limit: int = 10, correct: bool = True) -> Found:
    """As search(), with the corrected query the results page announces; `correct` off
    searches the words as typed (the page's "Search instead for …")."""
    text = clean_query(query)
    current = engine()
    analysed = analyse(text, current.speller, correct=correct)
    hits = _ranked(text, analysed, current, limit=limit)
    return Found(hits=hits, corrected=analysed.typo_corrected if hits else "")


def _ranked(text: str, analysed: Analysed, current: Engine, *, limit: int) -> list[Hit]:
    if not analysed.content and not analysed.expansions:
        # Only filler ("I have a really bad"): nothing to look for.
        return []

    retriever = lexical()
    found = retriever.match([*analysed.content, *analysed.expansions], limit=LEXICAL_POOL)
    signals: dict[int, Signals] = {}
    if current.semantic is not None and current.model is not None:
        # The query as typed, and (when spelling or the lay vocabulary changed
        # anything) as corrected with the clinical words its lay words stand for
        # ("tummy ache (abdominal pain)"): closer to the catalogue's wording.
        # The typed one stays in case a correction was wrong.
        texts = [text]
        if analysed.changed or analysed.expansions:
            rewritten = analysed.corrected_text
            if analysed.expansions:
                rewritten += f" ({' '.join(analysed.expansions)})"
            texts.append(rewritten)
        vectors = current.model.embed_recent(texts)
        similarities = current.semantic.similarities(vectors)
        pool = min(SEMANTIC_POOL, len(similarities))
        top = np.argpartition(-similarities, pool - 1)[:pool]
        for position in top:
            signals[int(current.semantic.symptom_ids[position])] = Signals(
                similarity=float(similarities[position])
            )
        for sid in found:
            position_of = current.semantic.position.get(sid)
            similarity = float(similarities[position_of]) if position_of is not None else 0.0
            signals.setdefault(sid, Signals(similarity=similarity))
    else:
        for sid in found:
            signals.setdefault(sid, Signals())
    if not signals:
        return []

    best_lexical = max(found.values(), default=0.0)
    matched: dict[int, str] = {}
    query_words = set(_keys(analysed.content))
    extra_words = set(_keys(analysed.expansions))
    query_key = " ".join(_keys(analysed.content))
    for indexed in retriever.texts(signals):
        s = signals[indexed.symptom_id]
        s.lexical = found.get(indexed.symptom_id, 0.0) / best_lexical if best_lexical > 0 else 0.0
        for i, wording in enumerate([indexed.name, *indexed.synonyms]):
            words = content_words(wording)
            score = overlap(query_words, extra_words, words)
            exact = bool(query_key) and (key(wording) == query_key or words == query_words)
            if exact or score > s.overlap:
                if i and (exact or score > 0.5):
                    matched[indexed.symptom_id] = wording
                elif not i:
                    matched.pop(indexed.symptom_id, None)
            s.overlap = max(s.overlap, score)
            s.exact = s.exact or exact

    published = Article.objects.filter(status=Status.PUBLISHED)
    rows = {
        row.id: row
        for row in Symptom.objects.filter(id__in=list(signals)).annotate(
            has_published_article=Exists(published.filter(symptom=OuterRef("pk"))),
            covered=Exists(published.filter(covers=OuterRef("pk"))),
        )
    }
    for sid, s in signals.items():
        row = rows.get(sid)
        if row is not None:
            s.prior = row.prior
            # A symptom an article covers ranks as one with its own article: its page
            # leads to that article (issue 11).
            s.has_article = bool(row.has_published_article or row.covered)  # type: ignore[attr-defined]

    ranked = sorted(
        (sid for sid in signals if sid in rows),
        key=lambda sid: (-fused_score(signals[sid]), rows[sid].name),
    )[:limit]
    codes = _codes_of(ranked)
    return [
        Hit(
            slug=rows[sid].slug,
            name=rows[sid].name,
            score=fused_score(signals[sid]),
            codes=codes.get(sid, []),
            has_article=bool(rows[sid].has_published_article),  # type: ignore[attr-defined]
            display_name=rows[sid].everyday_name,
            covered_by_article=bool(rows[sid].covered)  # type: ignore[attr-defined]
            and not rows[sid].has_published_article,  # type: ignore[attr-defined]
            prior=rows[sid].prior,
            highlighted_name=highlight(rows[sid].everyday_name, analysed),
            snippet=_snippet(rows[sid], matched.get(sid)),
        )
        for sid in ranked
    ]


def _keys(words: list[str]) -> list[str]:
    return [k for k in (key(w) for w in words) if k]


_SYSTEM_ORDER = {CodeSystem.HPO: 0, CodeSystem.ICD10CM: 1, CodeSystem.SNOMEDCT: 2}


def _codes_of(symptom_ids: list[int]) -> dict[int, list[Code]]:
    from symptomdb.terminology.models import SymptomCode

    out: dict[int, list[Code]] = {}
    # Filtered by symptom only: with the system in the WHERE clause too, SQLite
    # picks the (system, code) unique index and scans every HPO code.
    for sid, system, code in (
        SymptomCode.objects.filter(symptom_id__in=symptom_ids)
        .order_by("code")
        .values_list("symptom_id", "system", "code")
    ):
        if system in PUBLIC_SYSTEMS:
            out.setdefault(sid, []).append(Code(system, code))
    for codes in out.values():
        codes.sort(key=lambda c: _SYSTEM_ORDER.get(c.system, 9))  # type: ignore[call-overload]
    return out


def highlight(name: str, analysed: Analysed) -> SafeString:
    """The name, HTML-escaped, with the words the query matched in <mark>."""
    wanted = set(_keys([*analysed.content, *analysed.expansions]))
    stems = {w[:5] for w in wanted if len(w) >= 5}
    parts = []
    for piece in re.split(r"(\w+)", name):
        if piece and re.fullmatch(r"\w+", piece):
            k = key(piece)
            if k in wanted or (len(k) >= 5 and k[:5] in stems):
                parts.append(f"<mark>{escape(piece)}</mark>")
                continue
        parts.append(str(escape(piece)))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def _snippet(symptom: Symptom, synonym: str | None) -> str:
    definition = symptom.definition.strip()
    if len(definition) > 160:
        definition = definition[:157].rsplit(" ", 1)[0] + "…"
    if synonym and synonym.casefold() != symptom.everyday_name.casefold():
        return f"Also called “{synonym}”. {definition}".strip()
    return definition
