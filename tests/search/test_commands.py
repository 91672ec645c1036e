"""`symptomdb search` and `symptomdb triage`: every answer ends with the safety net, and
the numbers follow --locale."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from symptomdb.triage.locale import numbers_for

pytestmark = pytest.mark.django_db

EMERGENCY = "crushing chest pain going down my left arm"
NOTHING = "muscle cramps at night"


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def last_line(output: str) -> str:
    return output.rstrip("\n").splitlines()[-1]


@pytest.mark.parametrize("command", ["search", "triage"])
@pytest.mark.parametrize("text", [EMERGENCY, NOTHING])
def test_it_ends_every_answer_with_the_safety_net(command, text):
    output = run(command, text)
    assert last_line(output) == numbers_for("US").safety_net


def test_it_says_so_when_nothing_fired_and_still_gives_the_safety_net():
    lines = run("triage", NOTHING, "--locale", "GB").splitlines()
    assert lines == [
        "No emergency or urgent sign recognised.",
        numbers_for("GB").safety_net,
    ]
    assert "NHS 111" in lines[-1]


@pytest.mark.parametrize(
    ("locale", "number"), [("GB", "999"), ("AU", "000"), ("en-NZ", "111"), ("ZZ", "112")]
)
@pytest.mark.parametrize("command", ["search", "triage"])
def test_the_numbers_follow_the_locale(command, locale, number):
    output = run(command, EMERGENCY, "--locale", locale)
    assert "EMERGENCY: " in output
    assert f"Call {number}" in output
    assert last_line(output) == numbers_for(locale).safety_net
    assert number in last_line(output)


def test_the_triage_names_its_sources():
    output = run("triage", EMERGENCY)
    assert "Why we say this:" in output
    assert "<https://" in output


@pytest.mark.parametrize("command", ["search", "triage"])
def test_the_json_carries_the_safety_net_and_the_country(command):
    data = json.loads(run(command, NOTHING, "--json", "--locale", "GB"))
    verdict = data["triage"] if command == "search" else data
    assert verdict["level"] is None
    assert verdict["safety_net"] == numbers_for("GB").safety_net
    assert verdict["country"] == "GB"
    assert verdict["sources"] == []


@pytest.mark.parametrize("command", ["search", "triage"])
def test_it_refuses_a_locale_that_is_not_one(command):
    with pytest.raises(CommandError, match="--locale: give a country code"):
        run(command, NOTHING, "--locale", "<GB>")


@pytest.mark.parametrize("limit", ["0", "51"])
def test_the_cli_limit_is_the_apis(limit):
    with pytest.raises(CommandError, match="--limit must be from 1 to 50, as in the API"):
        run("search", NOTHING, "--limit", limit)
