"""PostgreSQL fixtures. Without INSPECTOR_TEST_PG_URL these tests skip — unless INSPECTOR_REQUIRE_PG=1
(as in CI), where a missing server is a failure, never a silent skip.

Each test that needs an office gets a fresh database on the server of ``pg_url`` and role names with
a prefix unique to the test; the database and every role it made are dropped afterwards (roles are
cluster-wide, so they must not outlive the test).
"""

from __future__ import annotations

import os
import secrets
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from inspector.station_setup import FirstUser, initialise
from inspector.store.store import Store
from inspector.sync import office as office_admin
from inspector.sync.connection import Channel, OfficeTarget, load_password
from inspector.sync.enroll import enroll_new, enroll_store
from inspector.sync.errors import OfficeUnreachableError
from inspector.sync.run import SyncReport, sync_now
from tests.conftest import STATION


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


# ---- an office database per test ------------------------------------------------------------------


@dataclass
class Office:
    admin_url: str  # the administrator (the test server's user)
    dbname: str
    prefix: str
    server: dict[str, Any]  # host/port of the test server

    def device_url(self) -> str:
        """What a laptop is given: host, port, database — no user, no password."""
        keep = {k: v for k, v in self.server.items() if k in ("host", "port", "hostaddr")}
        return make_conninfo(dbname=self.dbname, **keep)

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.admin_url, autocommit=True)

    def as_device(self, role: str) -> psycopg.Connection:
        """A direct login as a device role (trust auth on the test server)."""
        return psycopg.connect(self.device_url(), user=role, autocommit=True)

    def scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        with self.admin() as conn:
            row = conn.execute(sql, params).fetchone()  # type: ignore[arg-type]
            return None if row is None else row[0]


def _drop_roles(conn: psycopg.Connection, prefix: str) -> None:
    roles = [
        r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (prefix + "\\_%",))
    ]
    for role in sorted(roles, key=lambda r: r.endswith(("_device", "_office"))):
        conn.execute(f'DROP ROLE IF EXISTS "{role}"')  # type: ignore[arg-type]


@pytest.fixture
def office(pg_url: str) -> Iterator[Office]:
    server = conninfo_to_dict(pg_url)
    token = secrets.token_hex(4)
    dbname, prefix = f"insp_sync_{token}", f"t{token}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')  # type: ignore[arg-type]
    admin_url = make_conninfo(pg_url, dbname=dbname)
    try:
        office_admin.init_office(admin_url, prefix)
        yield Office(admin_url, dbname, prefix, server)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')  # type: ignore[arg-type]
            _drop_roles(conn, prefix)


# ---- laptops ---------------------------------------------------------------------------------------


def settle(office: Office | None) -> None:
    """Wait until every transaction that began before now has ended, anywhere on the server.

    Pull only returns rows older than the oldest running transaction (xids are cluster-wide), so
    another session holding a transaction open — another test suite on the same server — would make a
    pull that follows a push see nothing yet. Tests that expect to see a push settle first.
    """
    if office is None:
        return
    with psycopg.connect(office.admin_url, autocommit=True) as conn:
        row = conn.execute("SELECT pg_current_xact_id()").fetchone()
        assert row is not None
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            passed = conn.execute("SELECT pg_snapshot_xmin(pg_current_snapshot()) > %s", (row[0],)).fetchone()
            if passed and passed[0]:
                return
            time.sleep(0.02)


@dataclass
class Laptop:
    store: Store
    target: OfficeTarget
    name: str
    reports: list[SyncReport] = field(default_factory=list)
    office: Office | None = None

    def sync(self, *, settle_first: bool = True, **kw: Any) -> SyncReport:
        if settle_first:
            settle(self.office)
        report = sync_now(self.store, **kw)
        self.reports.append(report)
        return report

    @property
    def role(self) -> str:
        return self.target.role


def station_values(code: str = "QXG") -> dict[str, Any]:
    return {**STATION, "code": code, "name": f"{code} 看守所检察室"}


@pytest.fixture
def laptops(office: Office, tmp_path: Path) -> Iterator[Callable[..., Laptop]]:
    """``laptops(code)`` — the first laptop of a station (made with ``init``, then enrolled);
    ``laptops(code, second=True)`` — another laptop of a station, enrolled into an empty folder."""
    made: list[Laptop] = []
    first_laptops: dict[str, Laptop] = {}

    def make(code: str = "QXG", *, second: bool = False, name: str | None = None) -> Laptop:
        name = name or f"{code}-{len(made) + 1}"
        if code not in first_laptops and not second:
            office_admin.add_station(office.admin_url, code, f"{code} 看守所检察室")
        elif second:
            first_laptops[code].sync()  # the station's records reach the office first
        device = office_admin.add_device(office.admin_url, code, name)
        target = OfficeTarget.parse(office.device_url(), device.role)
        data_dir = tmp_path / name
        if second:
            settle(office)
            store = enroll_new(data_dir, target, device.secret, device_name=name)
        else:
            store = initialise(data_dir, station_values(code), FirstUser("wang", "王检察官", "secret-pass-1"))
            enroll_store(store, target, device.secret)
        laptop = Laptop(store, target, name, office=office)
        made.append(laptop)
        first_laptops.setdefault(code, laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.store.close()


# ---- fault injection -------------------------------------------------------------------------------


class CuttingChannel(Channel):
    """Cuts the connection at the ``cut_at``-th statement: before sending it, or — ``lose_reply`` —
    after the server has run (and, in autocommit, committed) it but before the answer is read."""

    def __init__(self, conn: psycopg.Connection[Any], cut_at: int, lose_reply: bool) -> None:
        super().__init__(conn)
        self.cut_at = cut_at
        self.lose_reply = lose_reply
        self.count = 0
        self.cut = False
        self.statements: list[str] = []

    def query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        self.count += 1
        self.statements.append(sql)
        if self.count == self.cut_at:
            self.cut = True
            if self.lose_reply:
                super().query(sql, params)
            self.conn.close()
            raise OfficeUnreachableError("connection cut by the test")
        return super().query(sql, params)


def cutting(
    cut_at: int, lose_reply: bool, made: list[CuttingChannel] | None = None
) -> Callable[..., Channel]:
    def factory(target: OfficeTarget) -> Channel:
        conn = psycopg.connect(target.conninfo(load_password(target)), autocommit=True)
        channel = CuttingChannel(conn, cut_at, lose_reply)
        if made is not None:
            made.append(channel)
        return channel

    return factory


def new_uuid() -> uuid.UUID:
    return uuid.uuid4()
