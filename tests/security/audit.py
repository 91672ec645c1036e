"""What a strict Content-Security-Policy would block, or an injection would leave
behind, found in a page's HTML: inline scripts, event-handler and style attributes,
<style> elements, javascript: URLs and anything loaded from another origin."""

from __future__ import annotations

from html.parser import HTMLParser

# <script> elements the browser never runs: data for machines (JSON-LD, settings).
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.data_scripts: list[str] = []
        self._in_data_script = False
        self._data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        where = f"<{tag}> {self.getpos()}"
        if "style" in values:
            self.problems.append(f"style attribute on {where}")
        for name in values:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on {where}")
        for name in URL_ATTRIBUTES & values.keys():
            url = "".join(values[name].split()).lower()  # browsers drop tabs and newlines
            if url.startswith(("javascript:", "vbscript:", "data:text/html")):
                self.problems.append(f"{name}={values[name]!r} on {where}")
            loads = tag in {"script", "img"} or (
                tag == "link" and values.get("rel") in {"stylesheet", "preload", "modulepreload"}
            )
            if loads and url.startswith(("http://", "https://", "//")):
                self.problems.append(f"{tag} loaded from another origin: {values[name]}")
        if tag == "style":
            self.problems.append(f"<style> element at {self.getpos()}")
        if tag == "script":
            if values.get("type", "").lower() in DATA_SCRIPT_TYPES:
                self._in_data_script = True
                self._data = []
            elif "src" not in values:
                self.problems.append(f"inline <script> at {self.getpos()}")

    def handle_data(self, data: str) -> None:
        if self._in_data_script:
            self._data.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_data_script:
            self._in_data_script = False
            self.data_scripts.append("".join(self._data))


def audit(html: str) -> tuple[list[str], list[str]]:
    """The page's problems, and the text of each data <script> block in order."""
    parser = _Audit()
    parser.feed(html)
    parser.close()
    return parser.problems, parser.data_scripts
