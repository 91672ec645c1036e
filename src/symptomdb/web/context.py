"""What every page's template needs: the site's name and the reader's numbers."""

from __future__ import annotations

from django.http import HttpRequest

from symptomdb.triage.locale import country_choices, country_name, numbers_for
from symptomdb.web.country import reader_locale


def site(request: HttpRequest) -> dict[str, object]:
    locale = reader_locale(request)
    numbers = numbers_for(locale)
    return {
        "site_name": "Symptom Database",
        "locale": locale,
        # The numbers for the reader's country (web/country.py): the safety net and the
        # emergency number on every page, and the country choice in the footer.
        "reader_numbers": numbers,
        "reader_country": numbers.country,
        "reader_country_name": country_name(numbers.country) if numbers.country else "",
        "country_choices": country_choices(),
    }
