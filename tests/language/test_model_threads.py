"""The model takes as many threads as the process's other maths libraries were given."""

from __future__ import annotations

import pytest

from symptomdb.language.embedding import model_threads


def test_a_server_worker_gives_the_model_one_thread(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # as maths_threads.one_maths_thread_each sets
    assert model_threads() == 1


def test_a_deployer_can_give_it_more(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    assert model_threads() == 3


@pytest.mark.parametrize("value", [None, "", "0", "two", "-1"])
def test_without_a_usable_setting_it_takes_two_threads_at_most(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    else:
        monkeypatch.setenv("OMP_NUM_THREADS", value)
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert model_threads() == 2
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert model_threads() == 1
