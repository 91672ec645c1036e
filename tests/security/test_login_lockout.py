"""Editors' sign-in is throttled by django-axes: repeated wrong passwords for one
username from one address lock that pair out for a while."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-editor-pass"  # the editor persona's, in tests/conftest.py
LOCKED = "Too many failed sign-in attempts for this account from your address"


def sign_in(client: Client, username: str, password: str):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


def fail(client: Client, times: int, username: str = "editor") -> None:
    for _ in range(times):
        response = sign_in(client, username, "wrong password")
        assert response.status_code in (200, 429)


def test_it_signs_an_editor_in_through_the_form(editor, reader):
    response = sign_in(reader, "editor", PASSWORD)
    assert response.status_code == 302
    assert reader.get("/admin/").status_code == 200


def test_it_says_why_after_too_many_wrong_passwords(editor, reader):
    fail(reader, settings.AXES_FAILURE_LIMIT)
    response = sign_in(reader, "editor", PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert f"wait {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in response.content.decode()


def test_it_lets_an_editor_retry_below_the_limit(editor, reader):
    fail(reader, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(reader, "editor", PASSWORD).status_code == 302


def test_a_successful_sign_in_forgets_earlier_failures(editor, reader):
    fail(reader, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(reader, "editor", PASSWORD).status_code == 302
    fail(Client(), settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(Client(), "editor", PASSWORD).status_code == 302


def test_the_lockout_is_per_username_and_address(editor, reader, other_reader):
    fail(reader, settings.AXES_FAILURE_LIMIT)
    assert sign_in(other_reader, "editor", PASSWORD).status_code == 302
    # The same address may still try another account.
    fail(reader, 1, username="someone-else")
    assert sign_in(reader, "someone-else", "x").status_code == 200


def test_a_forged_forwarded_for_header_does_not_dodge_the_lockout(editor):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(HTTP_X_FORWARDED_FOR=f"203.0.113.{n}"), "editor", "wrong password")
    forged = Client(HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert sign_in(forged, "editor", PASSWORD).status_code == 429


def test_behind_a_proxy_the_lockout_is_per_reader_address(editor, settings):
    settings.SYMPTOMDB_TRUSTED_PROXIES = 1
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.66")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(attacker, "editor", "wrong password")
    assert sign_in(attacker, "editor", PASSWORD).status_code == 429
    # The editor, through the same proxy from elsewhere, still signs in.
    colleague = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert sign_in(colleague, "editor", PASSWORD).status_code == 302


def test_the_test_suites_force_login_still_works(editor_client):
    assert editor_client.get("/admin/").status_code == 200


def test_the_axes_backend_checks_first():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
