"""Checks on the raw input before any reader sees it, and which reader to use."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Literal

from .blocks import FIXTURE_MARKER, clean
from .errors import ParseError

Format = Literal["plaintext", "html", "markdown"]

MAX_BYTES = 1024 * 1024  # an article is a few kilobytes; a megabyte is a wrong file
BINARY = "this is not a text file (it contains binary data)."
# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_LEADING_COMMENTS = re.compile(r"^(?:\s*<!--.*?-->)*\s*", re.DOTALL)
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|section|div|h[1-6]|p|ul|ol|header|nav|meta|title)\b",
    re.IGNORECASE,
)
_MARKDOWN_SIGNS = re.compile(
    r"^\s{0,3}#{1,6}\s+\S|^\S[^\n]*\n\s{0,3}(?:=+|-{2,})\s*$|\[[^\]\n]+\]\([^)\n]+\)|^\s{0,3}\*\*[^*\n]+\*\*",
    re.MULTILINE,
)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def decode(data: bytes, *, filename: str) -> str:
    """UTF-8 text (a byte-order mark is dropped), or a ParseError saying why not."""
    if len(data) > MAX_BYTES:
        raise ParseError(filename, 1, _too_large(len(data)))
    if b"\x00" in data:
        raise ParseError(filename, data.count(b"\n", 0, data.index(b"\x00")) + 1, BINARY)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(
            filename,
            data.count(b"\n", 0, error.start) + 1,
            "this is not a text file (it contains bytes that are not UTF-8); "
            "save it as UTF-8 text and import it again.",
        ) from None


def _too_large(size: int) -> str:
    return (
        f"the file is {size / MAX_BYTES:.1f} MB, more than the 1 MB an article may be; "
        "import one article per file."
    )


def check_text(text: str, *, filename: str) -> str:
    """The text with line endings normalised, or a ParseError for input that is not an
    article at all: too large, binary, or empty."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ParseError(filename, 1, _too_large(len(text.encode("utf-8", "surrogatepass"))))
    if "\x00" in text:
        raise ParseError(filename, _line_of(text, text.index("\x00")), BINARY)
    # Lone surrogates are what undecodable bytes become under errors="surrogateescape".
    surrogate = re.search(r"[\ud800-\udfff]", text)
    if surrogate:
        raise ParseError(filename, _line_of(text, surrogate.start()), BINARY)
    controls = _CONTROL.findall(text)
    if len(controls) > max(8, len(text) // 100):
        match = _CONTROL.search(text)
        raise ParseError(filename, _line_of(text, match.start() if match else 0), BINARY)
    text = _CONTROL.sub("", text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n")
    meaningful = [
        line for line in _LEADING_COMMENTS.sub("", text).split("\n")
        if clean(line) and not FIXTURE_MARKER.match(line)
    ]  # fmt: skip
    if not meaningful:
        raise ParseError(filename, 1, "the file is empty.")
    return text


def detect_format(text: str, *, filename: str) -> Format:
    """By the file's extension when it has a telling one, else by its first markup."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in {".md", ".markdown", ".mdown", ".mkd"}:
        return "markdown"
    start = _LEADING_COMMENTS.sub("", text, count=1)
    if start.startswith("<") and _HTML_START.match(start):
        return "html"
    if _MARKDOWN_SIGNS.search(start):
        return "markdown"
    return "plaintext"
