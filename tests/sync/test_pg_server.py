"""The office side runs on PostgreSQL 15+; check the test server is the one the design assumes."""

from __future__ import annotations

import psycopg


def test_server_is_postgresql_15_or_newer(pg: psycopg.Connection) -> None:
    version = pg.execute("SHOW server_version_num").fetchone()
    assert version is not None and int(version[0]) >= 150000


def test_snapshot_functions_used_by_pull_exist(pg: psycopg.Connection) -> None:
    row = pg.execute("SELECT pg_current_xact_id() >= pg_snapshot_xmin(pg_current_snapshot())").fetchone()
    assert row == (True,)
