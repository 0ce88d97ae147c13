"""Enrollment survives a cut (issue #11, item 1).

The connection is cut at every statement of an enrollment — before the statement reaches the office,
and after the office ran (and committed) it but before the answer came back — and then ``enroll`` is
run again with the same one-time secret. It must always finish: one device id for the login, at the
office and here, the laptop's data complete, and the laptop able to sync. Before, a cut after the
office had switched the login's password left the office holding a device whose laptop had thrown
its folder and keyring entry away, and every retry was refused.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest

from inspector.station_setup import FirstUser, initialise
from inspector.store.models import Detainee
from inspector.store.store import Store
from inspector.sync import office as office_admin
from inspector.sync.connection import Channel, OfficeTarget, connect, forget_password
from inspector.sync.enroll import EnrollmentError, enroll_new, enroll_store, enrolling_folder
from inspector.sync.errors import OfficeUnreachableError
from inspector.sync.run import sync_now
from tests.conftest import detainee_values
from tests.sync.conftest import Laptop, Office, settle, station_values


class Cutter:
    """A connector whose channels share one statement count: the ``cut_at``-th statement of the whole
    enrollment (over every connection it opens) is cut, before it is sent or after its reply."""

    def __init__(self, cut_at: int = 0, lose_reply: bool = False) -> None:
        self.cut_at, self.lose_reply = cut_at, lose_reply
        self.count = 0
        self.statements: list[str] = []

    def connector(self, target: OfficeTarget, password: str | None) -> Channel:
        return _CutChannel(connect(target, password).conn, self)


class _CutChannel(Channel):
    def __init__(self, conn: psycopg.Connection[Any], cutter: Cutter) -> None:
        super().__init__(conn)
        self.cutter = cutter

    def query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        c = self.cutter
        c.count += 1
        c.statements.append(sql.split("(")[0])
        if c.count == c.cut_at:
            if c.lose_reply:
                super().query(sql, params)
            self.conn.close()
            raise OfficeUnreachableError("connection cut by the test")
        return super().query(sql, params)


def device_row(office: Office, role: str) -> tuple[Any, Any]:
    with office.admin() as conn:
        row = conn.execute(
            "SELECT device_id, enrolled_at FROM sync.device WHERE role_name = %s", (role,)
        ).fetchone()
    assert row is not None
    return row[0], row[1]


def names(store: Store) -> list[str]:
    return sorted(d.name for d in store.repo(Detainee).list())


@pytest.fixture
def station(office: Office, laptops: Callable[..., Laptop]) -> Laptop:
    first = laptops()
    for name in ("甲", "乙", "丙"):
        first.store.repo(Detainee).add(detainee_values(name=name))
    first.sync()
    settle(office)
    return first


def new_device(office: Office, name: str) -> tuple[OfficeTarget, str]:
    device = office_admin.add_device(office.admin_url, "QXG", name)
    return OfficeTarget.parse(office.device_url(), device.role), device.secret


def test_enrolling_a_new_folder_survives_a_cut_at_every_statement(
    office: Office, station: Laptop, tmp_path: Path
) -> None:
    probe = Cutter()
    target, secret = new_device(office, "probe")
    enroll_new(tmp_path / "probe", target, secret, connector=probe.connector).close()
    total = probe.count
    assert "SELECT sync.enroll_confirm" in probe.statements and total >= 5, probe.statements
    for lose_reply in (False, True):
        for n in range(1, total + 1):
            label = f"{'lost' if lose_reply else 'cut'}{n}"
            target, secret = new_device(office, label)
            data_dir = tmp_path / label
            with pytest.raises(OfficeUnreachableError):
                enroll_new(data_dir, target, secret, connector=Cutter(n, lose_reply).connector)
            assert not Store.exists(data_dir), label  # nothing half-made where the data goes
            with enroll_new(data_dir, target, secret) as store:  # the same secret, again
                device_id, enrolled_at = device_row(office, target.role)
                assert device_id == store.device_id and enrolled_at is not None, label
                assert names(store) == ["丙", "乙", "甲"], label
                assert sync_now(store).pushed.rejected == 0
            assert not enrolling_folder(data_dir).exists(), label


def test_enrolling_a_first_laptop_survives_a_cut_at_every_statement(office: Office, tmp_path: Path) -> None:
    def first_laptop(code: str) -> tuple[Store, OfficeTarget, str]:
        office_admin.add_station(office.admin_url, code, f"{code} 看守所检察室")
        device = office_admin.add_device(office.admin_url, code, "l1")
        store = initialise(
            tmp_path / code, station_values(code), FirstUser("wang", "王检察官", "secret-pass-1")
        )
        return store, OfficeTarget.parse(office.device_url(), device.role), device.secret

    probe = Cutter()
    store, target, secret = first_laptop("PROBE")
    enroll_store(store, target, secret, connector=probe.connector)
    store.close()
    total = probe.count
    for lose_reply in (False, True):
        for n in range(1, total + 1):
            code = f"{'L' if lose_reply else 'C'}{n}"
            store, target, secret = first_laptop(code)
            store.repo(Detainee).add(detainee_values(name=code))
            with pytest.raises(OfficeUnreachableError):
                enroll_store(store, target, secret, connector=Cutter(n, lose_reply).connector)
            e = enroll_store(store, target, secret)
            assert e.device_id == store.device_id
            assert device_row(office, target.role)[0] == store.device_id
            assert sync_now(store).pushed.accepted >= 1, code
            assert office.scalar("SELECT count(*) FROM records.detainee WHERE name = %s", (code,)) == 1
            store.close()


def test_a_pending_enrollment_may_be_repeated_by_a_laptop_that_lost_everything(
    office: Office, station: Laptop, tmp_path: Path, memory_keyring: Any
) -> None:
    target, secret = new_device(office, "lost")
    data_dir = tmp_path / "lost"
    cutter = Cutter()
    probe_total = _statements_before_confirm(office, station, tmp_path)
    assert probe_total > 3
    with pytest.raises(OfficeUnreachableError):  # cut just before the confirmation
        enroll_new(data_dir, target, secret, connector=Cutter(probe_total, False).connector)
    bound, enrolled_at = device_row(office, target.role)
    assert bound is not None and enrolled_at is None  # bound, pending
    shutil.rmtree(enrolling_folder(data_dir))  # the laptop lost its half-made folder …
    forget_password(target)  # … and its keyring entry
    with enroll_new(data_dir, target, secret, connector=cutter.connector) as store:
        assert store.device_id != bound  # a new device id: accepted, since nothing was confirmed
        assert device_row(office, target.role)[0] == store.device_id
    # once confirmed, the secret is spent (the test server trusts any password: then the office
    # refuses the other device id) and the login is bound for good
    with pytest.raises(EnrollmentError, match=r"already enrolled on another laptop|secret is wrong"):
        enroll_new(tmp_path / "third", target, secret)
    assert not enrolling_folder(tmp_path / "third").exists()


def _statements_before_confirm(office: Office, station: Laptop, tmp_path: Path) -> int:
    probe = Cutter()
    target, secret = new_device(office, f"p{uuid.uuid4().hex[:6]}")
    enroll_new(tmp_path / target.role, target, secret, connector=probe.connector).close()
    return probe.statements.index("SELECT sync.enroll_confirm") + 1


def test_a_device_waits_as_pending_until_confirmed(office: Office, station: Laptop, tmp_path: Path) -> None:
    target, secret = new_device(office, "waiting")
    n = _statements_before_confirm(office, station, tmp_path)
    with pytest.raises(OfficeUnreachableError):
        enroll_new(tmp_path / "w", target, secret, connector=Cutter(n, False).connector)
    states = {d.role: d.state for d in office_admin.list_devices(office.admin_url)}
    assert states[target.role] == "waiting"
    enroll_new(tmp_path / "w", target, secret).close()
    states = {d.role: d.state for d in office_admin.list_devices(office.admin_url)}
    assert states[target.role] == "enrolled"
