"""The reader's country: its numbers, its safety net, and which countries a reader may choose
(locales.yaml)."""

from __future__ import annotations

import pytest

from symptomdb.triage.locale import (
    _table,
    choosable_country,
    country_choices,
    country_name,
    known_countries,
    numbers_for,
)

COUNTRIES = ["US", "GB", "IE", "CA", "AU", "NZ"]


def test_it_records_where_every_countrys_numbers_come_from() -> None:
    for country, entry in _table()["locales"].items():
        sources = entry.get("source")
        sources = [sources] if isinstance(sources, str) else sources
        assert sources, country
        assert all(str(url).startswith(("https://", "http://")) for url in sources), country


@pytest.mark.parametrize("locale", [*COUNTRIES, "IN", "DE", "EU", "ZZ", ""])
def test_it_gives_every_locale_a_safety_net_with_its_emergency_number(locale: str) -> None:
    numbers = numbers_for(locale)
    assert numbers.safety_net
    assert numbers.emergency_number in numbers.safety_net
    assert "{" not in numbers.safety_net and "None" not in numbers.safety_net


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("GB", ["NHS 111", "GP", "999"]),
        ("US", ["doctor", "urgent care", "911"]),
        ("CA", ["811", "911"]),
        ("IE", ["GP", "112", "999"]),
        ("AU", ["healthdirect", "000"]),
        ("NZ", ["Healthline", "111"]),
        ("ZZ", ["112"]),
    ],
)
def test_it_words_the_safety_net_as_the_countrys_guidance_does(
    locale: str, words: list[str]
) -> None:
    safety_net = numbers_for(locale).safety_net
    for word in words:
        assert word in safety_net


@pytest.mark.parametrize(
    ("locale", "poison"),
    [
        ("US", "1-800-222-1222"),
        ("GB", "NHS 111"),
        ("IE", "01 809 2166"),
        ("CA", "1-844-764-7669"),
        ("AU", "13 11 26"),
        ("NZ", "0800 764 766"),
    ],
)
def test_it_knows_each_countrys_poison_line(locale: str, poison: str) -> None:
    line = numbers_for(locale).poison_line
    assert line is not None and poison in line


def test_it_knows_the_gas_emergency_lines_and_falls_back_to_words_elsewhere() -> None:
    assert "0800 111 999" in (numbers_for("GB").gas_line or "")
    assert "1800 20 50 50" in (numbers_for("IE").gas_line or "")
    assert numbers_for("US").gas_line is None
    assert numbers_for("US").placeholders()["gas_line"] == "your gas supplier's emergency number"
    assert numbers_for("ZZ").placeholders()["poison_line"] == (
        "your local poison information service"
    )


def test_it_offers_every_country_with_numbers_and_the_112_countries() -> None:
    codes = [code for code, _ in country_choices()]
    assert set(known_countries()) <= set(codes)
    assert {"DE", "FR", "EU"} <= set(codes)
    assert codes[-1] == "EU"
    assert len(codes) == len(set(codes))
    assert all(name != code for code, name in country_choices())
    assert country_name("GB") == "United Kingdom"


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("GB", "GB"),
        ("gb", "GB"),
        ("UK", "GB"),
        ("en-AU", "AU"),
        ("de", "DE"),
        ("ZZ", None),
        ("", None),
        (None, None),
        ("<script>", None),
    ],
)
def test_it_tells_which_countries_a_reader_may_choose(
    value: str | None, country: str | None
) -> None:
    assert choosable_country(value) == country
