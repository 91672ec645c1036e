"""The README's Infobutton, FHIR-code and CDS Hooks examples, run as written (the test
client stands in for http://127.0.0.1:8000): every one answers, and answers what the
README says."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.infobutton.clients import jsonp_read, medlineplus_json_read, openinfobutton_read

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"
SERVER = "http://127.0.0.1:8000"


def _examples() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        # A command starts with "curl"; the lines after it, up to the next one, continue it.
        lines: list[str] = []
        for line in block.replace("\\\n", " ").splitlines():
            if line.startswith("curl"):
                lines.append(line)
            elif lines and not line.lstrip().startswith("#"):
                lines[-1] += " " + line
        for line in lines:
            if any(p in line for p in ("/infobutton", "/cds-services", "/by-code?")):
                commands.append(shlex.split(line))
    return commands


def _run(client, words: list[str]):
    method, data, headers, url = "GET", None, {}, ""
    rest = iter(words[1:])
    for word in rest:
        if word == "-X":
            method = next(rest)
        elif word == "-d":
            data = next(rest)
        elif word == "-H":
            name, _, value = next(rest).partition(": ")
            headers[name] = value
        else:
            url = word
    assert url.startswith(SERVER), url
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if method == "POST" and headers.get("Content-Type") == "application/json":
        return client.post(path, data, content_type="application/json")
    if method == "POST":
        return client.post(path, dict(parse_qsl(data or "")))
    return client.get(path)


def test_the_readme_has_the_examples():
    assert len(_examples()) >= 8


@pytest.mark.parametrize("words", _examples(), ids=lambda w: w[-1][len(SERVER) :][:60])
def test_each_readme_example_answers(client, content, atom_feed, words):
    response = _run(client, words)
    assert response.status_code == 200, response.content
    kind = response["Content-Type"].split(";")[0]
    if kind == "text/xml":
        atom_feed(response)
        assert openinfobutton_read(response.content)
    elif kind == "application/javascript":
        assert jsonp_read(response.content, "show")
    elif "/cds-services/" in words[-1] or any("/cds-services/" in w for w in words):
        (card,) = response.json()["cards"]
        assert card["links"][0]["url"].endswith(f"/symptoms/{content.symptom.slug}/")
    elif "/cds-services" in " ".join(words):
        assert response.json()["services"]
    elif "/infobutton" in " ".join(words):
        feed = medlineplus_json_read(response.content)
        assert feed or json.loads(response.content)["feed"]["entry"] == []
    else:
        assert response.json()["slug"] == content.symptom.slug
