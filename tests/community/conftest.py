"""The editors' personas of tests/articles, for the role tests."""

from tests.articles.conftest import *  # noqa: F403
