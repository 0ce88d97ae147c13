"""Number leases: a device issues 文号 only from its office blocks; two devices never issue the same one."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector.documents.numbering import NumbersExhaustedError, issue_number
from inspector.store.models import NumberBlock, RectificationNotice
from inspector.store.repository import today_local
from inspector.sync import office as office_admin
from tests.sync.conftest import Laptop, Office, settle

pytestmark = pytest.mark.pg

DOC = "rectification_notice"


def issue_notice(laptop: Laptop, year: int) -> tuple[uuid.UUID, int]:
    """Sign a notice: take its number and write it in one transaction (as the documents code will)."""
    store = laptop.store
    with store.session() as s:
        seq = issue_number(s, DOC, year)
        notice = RectificationNotice(
            id=uuid.uuid4(),
            station_id=store.station_id,
            device_id=store.device_id,
            state="issued",
            issuer_name="毕节市七星关区人民检察院",
            addressee="毕节市七星关区看守所",
            trigger="serious_violation",
            facts="事实",
            doc_year=year,
            doc_seq=seq,
            doc_number=f"七检纠〔{year}〕{seq}号",
        )
        s.add(notice)
    return notice.id, seq


def blocks(laptop: Laptop) -> list[tuple[int, int, int, str, bool]]:
    with laptop.store.session() as s:
        return [
            (b.year, b.first_seq, b.last_seq, b.source, b.voided_at is not None)
            for b in s.scalars(
                select(NumberBlock)
                .where(NumberBlock.doc_type == DOC)
                .order_by(NumberBlock.year, NumberBlock.first_seq)
            )
        ]


def test_leases_arrive_by_sync_and_numbers_come_only_from_them(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    with pytest.raises(NumbersExhaustedError):
        issue_notice(a, 2026)
    office_admin.grant_lease(office.admin_url, "QXG", a.name, DOC, 2026, 3)
    a.sync()
    assert blocks(a) == [(2026, 1, 3, "office", False)]
    assert [issue_notice(a, 2026)[1] for _ in range(3)] == [1, 2, 3]
    with pytest.raises(NumbersExhaustedError, match="2026"):
        issue_notice(a, 2026)
    report = a.sync()
    assert report.pushed.accepted == 3 and report.open_conflicts == 0
    assert office.scalar("SELECT array_agg(doc_seq ORDER BY doc_seq) FROM records.rectification_notice") == [
        1,
        2,
        3,
    ]


def test_the_office_rejects_a_number_outside_the_devices_lease(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    office_admin.grant_lease(office.admin_url, "QXG", a.name, DOC, 2026, 5)
    a.sync()
    b = laptops("QXG", second=True)
    office_admin.grant_lease(office.admin_url, "QXG", b.name, DOC, 2026, 5)  # 6-10
    b.sync()
    nid, _ = issue_notice(a, 2026)
    with a.store.session() as s:  # a forged number, from b's range
        notice = s.get(RectificationNotice, nid)
        assert notice is not None
        notice.doc_seq = 7
    report = a.sync()
    assert report.pushed.rejected == 1
    assert office.scalar("SELECT count(*) FROM records.rectification_notice") == 0
    # a notice numbered by b and later edited by a keeps b's number: accepted
    bid, bseq = issue_notice(b, 2026)
    b.sync()
    a.sync()
    a.store.repo(RectificationNotice).update(bid, {"facts": "补充事实"})
    assert a.sync().pushed.accepted == 1
    assert office.scalar(
        "SELECT (doc_seq, facts)::text FROM records.rectification_notice WHERE id = %s", (bid,)
    ) == (f"({bseq},补充事实)")


def test_leases_never_overlap_and_voided_ones_stop_issuing(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    from inspector.sync.errors import OfficeAdminError

    a = laptops()
    office_admin.grant_lease(office.admin_url, "QXG", a.name, DOC, 2026, 10)
    with pytest.raises(OfficeAdminError, match="overlap"):
        office_admin.grant_lease(office.admin_url, "QXG", a.name, DOC, 2026, 5, first=8)
    a.sync()
    issue_notice(a, 2026)
    assert office_admin.void_leases(office.admin_url, "QXG", year=2026) == 1
    a.sync()
    with pytest.raises(NumbersExhaustedError):
        issue_notice(a, 2026)
    lease = office_admin.grant_lease(office.admin_url, "QXG", a.name, DOC, 2026, 10)
    assert (lease.first_seq, lease.last_seq) == (11, 20)  # a voided range is never leased again
    a.sync()
    assert issue_notice(a, 2026)[1] == 11


def test_enrollment_voids_locally_granted_blocks(office: Office, tmp_path: Path) -> None:
    from inspector.station_setup import FirstUser, initialise
    from inspector.sync.connection import OfficeTarget
    from inspector.sync.enroll import enroll_store
    from tests.sync.conftest import station_values

    office_admin.add_station(office.admin_url, "LOC", "x")
    store = initialise(
        tmp_path / "loc", station_values("LOC"), FirstUser("wang", "王检察官", "secret-pass-1")
    )
    try:
        with store.session() as s:  # init granted this laptop local blocks for this year
            year = today_local().year
            assert s.scalar(
                select(NumberBlock.id).where(NumberBlock.year == year, NumberBlock.source == "local")
            )
            issue_number(s, DOC, year)
        device = office_admin.add_device(office.admin_url, "LOC", "l")
        enroll_store(store, OfficeTarget.parse(office.device_url(), device.role), device.secret)
        with store.session() as s, pytest.raises(NumbersExhaustedError):
            issue_number(s, DOC, 2026)
    finally:
        store.close()


def test_numbers_are_unique_across_devices_with_random_sync_timing_and_a_year_change(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    rng = random.Random(20261231)
    first = laptops()
    first.sync()
    devices = [first, laptops("QXG", second=True), laptops("QXG", second=True)]
    issued: list[tuple[str, int, int]] = []
    year = 2026
    for step in range(120):
        if step == 60:
            year = 2027  # the year changes mid-run; 2026's unused numbers are voided
            office_admin.void_leases(office.admin_url, "QXG", year=2026)
        device = rng.choice(devices)
        action = rng.random()
        if action < 0.6:
            try:
                _, seq = issue_notice(device, year)
                issued.append((device.name, year, seq))
            except NumbersExhaustedError:  # ask the office for more; it arrives with a later sync
                office_admin.grant_lease(office.admin_url, "QXG", device.name, DOC, year, rng.randint(1, 4))
        else:
            device.sync()
    for device in devices:
        device.sync()
    rows = office.scalar(
        "SELECT array_agg(ARRAY[doc_year, doc_seq] ORDER BY doc_year, doc_seq) "
        "FROM records.rectification_notice"
    )
    assert len(rows) == len(issued) > 20
    assert len({tuple(r) for r in rows}) == len(rows)  # unique per station, type and year
    assert {y for y, _ in rows} == {2026, 2027}
    assert all(not d.reports[-1].open_conflicts for d in devices)
    # every number lies inside a lease of the device that issued it
    leases = office_admin.list_leases(office.admin_url, "QXG")
    for name, y, seq in issued:
        assert any(
            lease.device_name == name and lease.year == y and lease.first_seq <= seq <= lease.last_seq
            for lease in leases
        )


def test_numbers_issued_before_enrollment_inside_the_lease_are_kept(office: Office, tmp_path: Path) -> None:
    from inspector.station_setup import FirstUser, initialise
    from inspector.sync.connection import OfficeTarget
    from inspector.sync.enroll import enroll_store
    from inspector.sync.run import sync_now
    from tests.sync.conftest import station_values

    office_admin.add_station(office.admin_url, "PRE", "x")
    store = initialise(
        tmp_path / "pre", station_values("PRE"), FirstUser("wang", "王检察官", "secret-pass-1")
    )
    try:
        year = today_local().year
        laptop = Laptop(store, OfficeTarget.parse(office.device_url(), "x"), "pre")
        early = [issue_notice(laptop, year)[1] for _ in range(3)]  # offline, from init's local block
        assert early == [1, 2, 3]
        device = office_admin.add_device(office.admin_url, "PRE", "pre")
        enroll_store(store, OfficeTarget.parse(office.device_url(), device.role), device.secret)
        office_admin.grant_lease(office.admin_url, "PRE", "pre", DOC, year, 10)  # 1-10
        settle(office)
        report = sync_now(store)
        assert report.pushed.rejected == 0  # 1-3 lie inside this device's lease
        laptop.target = OfficeTarget.parse(office.device_url(), device.role)
        assert issue_notice(laptop, year)[1] == 4  # never 1 again
        sync_now(store)
        assert office.scalar(
            "SELECT array_agg(doc_seq ORDER BY doc_seq) FROM records.rectification_notice"
        ) == [1, 2, 3, 4]
    finally:
        store.close()


def test_numbers_issued_before_enrollment_become_the_devices_leases(office: Office, tmp_path: Path) -> None:
    """No lease yet when the first laptop syncs: the numbers it issued offline from init's local block
    are taken by the office with their documents (a voided lease of this device: sync.claim_number),
    the documents are accepted, and the next lease — for any device — starts after them."""
    from inspector.station_setup import FirstUser, initialise
    from inspector.sync.connection import OfficeTarget
    from inspector.sync.enroll import enroll_store
    from inspector.sync.run import sync_now
    from tests.sync.conftest import station_values

    office_admin.add_station(office.admin_url, "PRE", "x")
    store = initialise(
        tmp_path / "pre", station_values("PRE"), FirstUser("wang", "王检察官", "secret-pass-1")
    )
    try:
        year = today_local().year
        laptop = Laptop(store, OfficeTarget.parse(office.device_url(), "x"), "pre")
        assert [issue_notice(laptop, year)[1] for _ in range(3)] == [1, 2, 3]
        device = office_admin.add_device(office.admin_url, "PRE", "pre")
        enroll_store(store, OfficeTarget.parse(office.device_url(), device.role), device.secret)
        settle(office)
        report = sync_now(store)
        assert report.pushed.rejected == 0 and report.open_conflicts == 0
        leases = office_admin.list_leases(office.admin_url, "PRE")
        assert [(x.first_seq, x.last_seq, x.device_name) for x in leases] == [(1, 3, "pre")]
        assert leases[0].voided_at is not None  # nothing more is issued from it
        assert office.scalar("SELECT count(*) FROM records.rectification_notice") == 3
        # taken with the documents, in one push: the next sync asks nothing, and a new lease starts
        # after the numbers used
        assert sync_now(store).round_trips == 2
        other = office_admin.add_device(office.admin_url, "PRE", "other")
        lease = office_admin.grant_lease(office.admin_url, "PRE", other.name, DOC, year, 5)
        assert (lease.first_seq, lease.last_seq) == (4, 8)
    finally:
        store.close()
