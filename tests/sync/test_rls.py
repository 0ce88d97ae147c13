"""Row-level security: no station may see or touch another station's rows, whatever it sends."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import psycopg
import pytest

from inspector.store.models import Detainee
from inspector.sync import office as office_admin
from inspector.sync import schema
from tests.conftest import detainee_values
from tests.sync.conftest import Laptop, Office

pytestmark = pytest.mark.pg


@pytest.fixture
def two_stations(laptops: Callable[..., Laptop]) -> tuple[Laptop, Laptop, uuid.UUID, uuid.UUID]:
    a, b = laptops("AAA"), laptops("BBB")
    ra = a.store.repo(Detainee).add(detainee_values(name="甲站的人"))
    rb = b.store.repo(Detainee).add(detainee_values(name="乙站的人"))
    a.sync()
    b.sync()
    return a, b, ra.id, rb.id


def test_a_station_sees_only_its_own_rows(
    office: Office, two_stations: tuple[Laptop, Laptop, uuid.UUID, uuid.UUID]
) -> None:
    a, b, _, rb = two_stations
    assert {d.name for d in a.store.repo(Detainee).list()} == {"甲站的人"}
    assert {d.name for d in b.store.repo(Detainee).list()} == {"乙站的人"}
    with office.as_device(a.role) as conn:
        for name in schema.table_names():
            others = conn.execute(
                f"SELECT count(*) FROM records.{name} WHERE station_id <> %s",  # type: ignore[arg-type]
                (a.store.station_id,),
            ).fetchone()
            assert others == (0,), name
        assert conn.execute("SELECT count(*) FROM records.detainee WHERE id = %s", (rb,)).fetchone() == (0,)
        assert conn.execute(
            "SELECT count(*) FROM sync.batch WHERE station_id <> %s", (a.store.station_id,)
        ).fetchone() == (0,)
        assert conn.execute(
            "SELECT count(*) FROM sync.op_ledger WHERE station_id <> %s", (a.store.station_id,)
        ).fetchone() == (0,)
    assert office.scalar("SELECT count(*) FROM records.detainee") == 2  # the administrator sees both


def test_a_station_cannot_write_another_stations_rows(
    office: Office, two_stations: tuple[Laptop, Laptop, uuid.UUID, uuid.UUID]
) -> None:
    a, b, ra, rb = two_stations
    with office.as_device(a.role) as conn:
        # update and delete find nothing to touch
        assert conn.execute("UPDATE records.detainee SET name = 'x' WHERE id = %s", (rb,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM records.detainee WHERE id = %s", (rb,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("TRUNCATE records.detainee")
        # insert a row for station B: the policy refuses it
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO records.station_setting (id, station_id, key, value, created_at, updated_at) "
                "VALUES (gen_random_uuid(), %s, 'k', '1', now(), now())",
                (b.store.station_id,),
            )
        # re-key its own row into station B: refused
        with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.CheckViolation)):
            conn.execute(
                "UPDATE records.detainee SET station_id = %s WHERE id = %s", (b.store.station_id, ra)
            )
        # … or into a made-up station
        with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.CheckViolation)):
            conn.execute("UPDATE records.detainee SET station_id = gen_random_uuid() WHERE id = %s", (ra,))
        # bypassing RLS is not possible for the device
        conn.execute("SET row_security = off")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT count(*) FROM records.detainee")
    assert office.scalar("SELECT name FROM records.detainee WHERE id = %s", (rb,)) == "乙站的人"
    assert office.scalar("SELECT station_id FROM records.detainee WHERE id = %s", (ra,)) == a.store.station_id


def test_push_of_another_stations_row_is_rejected_and_changes_nothing(
    office: Office, two_stations: tuple[Laptop, Laptop, uuid.UUID, uuid.UUID]
) -> None:
    a, b, ra, rb = two_stations
    row = office.scalar("SELECT to_jsonb(d) FROM records.detainee d WHERE id = %s", (rb,))
    hostile = {**row, "name": "篡改"}
    ops = [
        {
            "op_id": str(uuid.uuid4()),
            "table": "detainee",
            "row_id": str(rb),
            "base_version": 1,
            "row": hostile,
        },
        {
            "op_id": str(uuid.uuid4()),
            "table": "detainee",
            "row_id": str(rb),
            "base_version": None,
            "row": hostile,
        },
        # its own row, re-keyed to station B
        {
            "op_id": str(uuid.uuid4()),
            "table": "detainee",
            "row_id": str(ra),
            "base_version": 1,
            "row": {
                **office.scalar("SELECT to_jsonb(d) FROM records.detainee d WHERE id = %s", (ra,)),
                "station_id": str(b.store.station_id),
            },
        },
    ]
    with office.as_device(a.role) as conn:
        answer = conn.execute(
            "SELECT sync.push(%s, %s, %s::jsonb)",
            (uuid.uuid4(), schema.SCHEMA_VERSION, json.dumps({"ops": ops})),
        ).fetchone()
    assert answer is not None
    results = answer[0]["results"]
    assert [r["status"] for r in results] == ["rejected", "rejected", "rejected"]
    assert all(r["code"] == "wrong_station" for r in results)
    assert "theirs" not in json.dumps(results)  # nothing of station B leaks back
    assert office.scalar("SELECT name FROM records.detainee WHERE id = %s", (rb,)) == "乙站的人"
    assert office.scalar("SELECT row_version FROM records.detainee WHERE id = %s", (rb,)) == 1


def test_an_op_naming_a_hidden_row_learns_nothing_about_it(
    office: Office, two_stations: tuple[Laptop, Laptop, uuid.UUID, uuid.UUID]
) -> None:
    """Station A sends an insert whose id is station B's row, with A's own station id."""
    a, _, ra, rb = two_stations
    row = dict(office.scalar("SELECT to_jsonb(d) FROM records.detainee d WHERE id = %s", (ra,)))
    row["id"] = str(rb)
    op = {
        "op_id": str(uuid.uuid4()),
        "table": "detainee",
        "row_id": str(rb),
        "base_version": None,
        "row": row,
    }
    with office.as_device(a.role) as conn:
        answer = conn.execute(
            "SELECT sync.push(%s, %s, %s::jsonb)",
            (uuid.uuid4(), schema.SCHEMA_VERSION, json.dumps({"ops": [op]})),
        ).fetchone()
    assert answer is not None
    result = answer[0]["results"][0]
    assert result["status"] == "conflict" and result["theirs"] is None and result["server_version"] is None
    assert office.scalar("SELECT name FROM records.detainee WHERE id = %s", (rb,)) == "乙站的人"


def test_a_revoked_device_can_do_nothing(
    office: Office, two_stations: tuple[Laptop, Laptop, uuid.UUID, uuid.UUID]
) -> None:
    from inspector.sync import office as office_admin

    a, _, _, _ = two_stations
    office_admin.revoke_device(office.admin_url, a.role)
    with pytest.raises(psycopg.OperationalError):
        office.as_device(a.role)
    with office.admin() as conn:  # even with a session still open, the station lookup answers nothing
        conn.execute(f'ALTER ROLE "{a.role}" LOGIN')  # type: ignore[arg-type]
    with office.as_device(a.role) as conn:
        assert conn.execute("SELECT sync.current_station()").fetchone() == (None,)
        assert conn.execute("SELECT count(*) FROM records.detainee").fetchone() == (0,)


def test_a_device_reclaims_only_sane_leases_for_itself(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    """sync.reclaim_lease (after an office restore) is one of the two ways a device writes a lease: only
    for itself, only a lease this office granted it (its id is the lease's token), never overlapping
    another, never absurd."""
    a = laptops("QXG")
    b = laptops("QXG", second=True)
    doc = "rectification_notice"
    granted = office_admin.grant_lease(office.admin_url, "QXG", a.name, doc, 2026, 5)  # 1-5
    with office.admin() as conn:  # lost in a restore
        conn.execute("DELETE FROM sync.number_lease")

    def reclaim(
        laptop: Laptop, first: int, last: int, year: int = 2026, lease: uuid.UUID | None = None
    ) -> str:
        with office.as_device(laptop.role) as conn:
            row = conn.execute(
                "SELECT sync.reclaim_lease(%s, %s, %s, %s, %s, now(), NULL)",
                (lease or uuid.uuid4(), doc, year, first, last),
            ).fetchone()
        assert row is not None
        return str(row[0])

    assert reclaim(a, 1, 6, lease=granted.id) == "refused"  # not the range granted
    assert reclaim(b, 1, 5, lease=granted.id) == "refused"  # not granted to b
    assert reclaim(a, 1, 5) == "refused"  # never granted at all
    assert reclaim(a, 1, 5, lease=granted.id) == "reclaimed"
    assert reclaim(a, 1, 5, lease=granted.id) == "known"
    assert reclaim(b, 1, 1_000_000) == "refused"  # would fence off the year
    assert reclaim(b, 0, 3) == "refused"
    assert reclaim(b, 1, 3, year=2999) == "refused"
    with office.admin() as conn:
        holders = conn.execute("SELECT device_role, first_seq, last_seq FROM sync.number_lease").fetchall()
    assert holders == [(a.role, 1, 5)]
    with office.as_device(a.role) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(  # and never directly
            "INSERT INTO sync.number_lease (station_code, device_role, doc_type, year, first_seq, last_seq) "
            "VALUES ('QXG', %s, %s, 2026, 100, 200)",
            (a.role, doc),
        )
