"""/healthz for load balancers and /healthz/ready for deploys."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from symptomdb.operations import health
from symptomdb.operations.probes import Probe

pytestmark = pytest.mark.django_db


@pytest.fixture
def all_ready(monkeypatch):
    """Every part working, without loading the catalogue and the model."""
    probes = {part: (lambda part=part: Probe(part, True)) for part in health.READY_PARTS}
    monkeypatch.setattr(health, "PROBES", probes)
    return probes


def test_it_is_alive(reader):
    response = reader.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_it_is_ready_when_every_part_works(reader, all_ready):
    response = reader.get("/healthz/ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": dict.fromkeys(health.READY_PARTS, "ok")}


def test_it_names_the_failing_part(reader, all_ready):
    all_ready["search_index"] = lambda: Probe("search_index", False, "missing")
    response = reader.get("/healthz/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["search_index"]
    assert body["checks"]["database"] == "ok"
    assert "missing" not in response.content.decode()  # details go to the log


def test_it_checks_the_real_parts(reader):
    """In the test database nothing is initialised: the catalogue is not loaded."""
    response = reader.get("/healthz/ready")
    assert response.status_code == 503
    assert "catalogue" in response.json()["failing"]
    assert response.json()["checks"]["database"] == "ok"


@override_settings(SECURE_SSL_REDIRECT=True)
@pytest.mark.parametrize("path", ["/healthz", "/healthz/ready"])
def test_it_answers_plain_http_under_https(reader, path, all_ready):
    assert reader.get("/").status_code == 301  # the rest of the site is redirected
    assert reader.get(path).status_code == 200


def test_it_answers_a_probe_with_any_host(all_ready):
    prober = Client(HTTP_HOST="10.1.2.3:8000")
    assert prober.get("/symptoms/").status_code == 400
    assert prober.get("/healthz").status_code == 200
    assert prober.get("/healthz/ready").status_code == 200


def test_it_says_when_the_database_is_down(reader, monkeypatch):
    from django.db import DatabaseError

    def broken(*args, **kwargs):
        raise DatabaseError("gone")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
    response = reader.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["database"]
