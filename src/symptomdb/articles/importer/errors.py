"""The one exception the importer raises: what was wrong, in which file, at which line."""

from __future__ import annotations


class ParseError(ValueError):
    """An article file that cannot be read as an article.

    The message is one sentence a clinician can act on, e.g.
    ``muscle.txt, line 12: no causes section was found; add a heading …``.
    """

    def __init__(self, filename: str, line: int, reason: str) -> None:
        self.filename = filename
        self.line = line
        self.reason = reason
        super().__init__(f"{filename}, line {line}: {reason}")

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, int, str]]:
        # Keeps the error picklable (multiprocessing, caches) despite the custom __init__.
        return (ParseError, (self.filename, self.line, self.reason))
