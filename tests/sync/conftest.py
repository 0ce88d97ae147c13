"""PostgreSQL fixtures. Without INSPECTOR_TEST_PG_URL these tests skip — unless INSPECTOR_REQUIRE_PG=1
(as in CI), where a missing server is a failure, never a silent skip."""

from __future__ import annotations

import os
from collections.abc import Iterator

import psycopg
import pytest


@pytest.fixture(scope="session")
def pg_url() -> str:
    url = os.environ.get("INSPECTOR_TEST_PG_URL")
    if not url:
        if os.environ.get("INSPECTOR_REQUIRE_PG") == "1":
            pytest.fail("INSPECTOR_REQUIRE_PG=1 but INSPECTOR_TEST_PG_URL is not set")
        pytest.skip("set INSPECTOR_TEST_PG_URL to run the PostgreSQL tests")
    return url


@pytest.fixture
def pg(pg_url: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        yield conn
