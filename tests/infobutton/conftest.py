from __future__ import annotations

import pytest

from tests.api.content import Content, make_content


@pytest.fixture
def content(db) -> Content:
    return make_content()
