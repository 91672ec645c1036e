"""Whose address a request counts under, with and without proxies in front."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from symptomdb.client_address import UNKNOWN, client_address


def request(remote: str = "192.0.2.10", forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_proxies_the_header_is_ignored(settings):
    settings.SYMPTOMDB_TRUSTED_PROXIES = 0
    assert client_address(request(forwarded="198.51.100.7")) == "192.0.2.10"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.5", "203.0.113.5"),
        # What the client wrote itself stays on the left, and is not believed.
        (1, "198.51.100.7, 203.0.113.5", "203.0.113.5"),
        (2, "198.51.100.7, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (1, " 2001:db8::1 ", "2001:db8::1"),
        # Fewer entries than proxies, or garbage: the connection's own address.
        (2, "203.0.113.5", "192.0.2.10"),
        (1, "", "192.0.2.10"),
        (1, "not-an-address", "192.0.2.10"),
    ],
)
def test_behind_proxies_it_takes_the_entry_the_outermost_proxy_wrote(
    settings, proxies, forwarded, expected
):
    settings.SYMPTOMDB_TRUSTED_PROXIES = proxies
    assert client_address(request(forwarded=forwarded)) == expected


def test_an_unknown_address_is_one_shared_bucket_not_an_error(settings):
    settings.SYMPTOMDB_TRUSTED_PROXIES = 0
    assert client_address(request(remote="")) == UNKNOWN
