"""`inspector office init|add-station|add-device`: versioned, idempotent, and the roles it makes are weak."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from inspector.sync import office as office_admin
from inspector.sync import schema
from inspector.sync.errors import OfficeAdminError, UpgradeRequiredError
from tests.sync.conftest import Office

pytestmark = pytest.mark.pg


def _catalog(office: Office) -> dict[str, object]:
    """Everything `office init` makes, as text: tables/columns, functions, policies, triggers, grants."""
    with office.admin() as conn:
        q = conn.execute
        return {
            "columns": q(
                "SELECT table_schema, table_name, column_name, data_type, is_nullable "
                "FROM information_schema.columns WHERE table_schema IN ('sync', 'records') ORDER BY 1, 2, 3"
            ).fetchall(),
            "functions": q(
                "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n "
                "ON n.oid = p.pronamespace WHERE n.nspname = 'sync' ORDER BY 1, 2"  # (push has two overloads)
            ).fetchall(),
            "policies": q(
                "SELECT schemaname, tablename, policyname, roles::text, qual, with_check FROM pg_policies "
                "ORDER BY 1, 2, 3"
            ).fetchall(),
            "triggers": q(
                "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2"
            ).fetchall(),
            "grants": q(
                "SELECT table_schema, table_name, grantee, privilege_type "
                "FROM information_schema.table_privileges "
                "WHERE table_schema IN ('sync', 'records') ORDER BY 1, 2, 3, 4"
            ).fetchall(),
            "meta": q("SELECT key, value FROM sync.meta ORDER BY key").fetchall(),
        }


def test_init_creates_every_synced_table_with_server_columns(office: Office) -> None:
    with office.admin() as conn:
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'records'"
            )
        }
        assert tables == set(schema.table_names())
        for name in schema.table_names():
            cols = dict(
                conn.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_schema = 'records' AND table_name = %s",
                    (name,),
                ).fetchall()
            )
            assert (
                cols["row_version"] == "bigint"
                and cols["server_xid"] == "xid8"
                and cols["server_seq"] == "bigint"
            )
            assert (
                cols["id"] == "uuid"
                and cols["station_id"] == "uuid"
                and cols["created_at"].startswith("timestamp")
            )
            assert set(cols) == {c.name for c in schema.columns(name)} | set(schema.SERVER_COLUMNS)
        assert conn.execute(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'patrol' "
            "AND column_name = 'checklist'"
        ).fetchone() == ("jsonb",)


def test_init_again_changes_nothing(office: Office) -> None:
    before = _catalog(office)
    info = office_admin.init_office(office.admin_url)
    assert info.action == "unchanged"
    assert _catalog(office) == before  # same epoch too: it is in sync.meta


def test_init_upgrades_an_older_office(office: Office) -> None:
    epoch = office.scalar("SELECT value FROM sync.meta WHERE key = 'db_epoch'")
    with office.admin() as conn:  # an office made by an older version: lower version, a column missing
        conn.execute("UPDATE sync.meta SET value = '0' WHERE key = 'schema_version'")
        conn.execute("ALTER TABLE records.detainee DROP COLUMN notes")
        conn.execute("DROP FUNCTION sync.pull(xid8, bigint, integer)")
    assert office_admin.init_office(office.admin_url).action == "upgraded"
    assert office.scalar("SELECT value FROM sync.meta WHERE key = 'schema_version'") == str(
        schema.SCHEMA_VERSION
    )
    assert office.scalar("SELECT value FROM sync.meta WHERE key = 'db_epoch'") == epoch
    assert (
        office.scalar(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'detainee' "
            "AND column_name = 'notes'"
        )
        == 1
    )
    assert office.scalar("SELECT to_regprocedure('sync.pull(xid8, bigint, integer)') IS NOT NULL") is True


def test_init_refuses_an_office_newer_than_this_program(office: Office) -> None:
    with office.admin() as conn:
        conn.execute(
            "UPDATE sync.meta SET value = %s WHERE key = 'schema_version'", (str(schema.SCHEMA_VERSION + 1),)
        )
    with pytest.raises(UpgradeRequiredError):
        office_admin.init_office(office.admin_url)
    assert office.scalar("SELECT value FROM sync.meta WHERE key = 'schema_version'") == str(
        schema.SCHEMA_VERSION + 1
    )


def test_each_office_database_has_its_own_epoch(office: Office) -> None:
    epoch = office.scalar("SELECT value FROM sync.meta WHERE key = 'db_epoch'")
    assert len(epoch) == 36
    assert office_admin.new_epoch(office.admin_url) != epoch


def test_add_station_and_device(office: Office) -> None:
    office_admin.add_station(office.admin_url, "QXG", "七星关区看守所检察室")
    with pytest.raises(OfficeAdminError):
        office_admin.add_station(office.admin_url, "QXG", "again")
    device = office_admin.add_device(office.admin_url, "QXG", "王的笔记本")
    assert device.role.startswith(office.prefix + "_dev_") and len(device.secret) >= 20
    with pytest.raises(OfficeAdminError):
        office_admin.add_device(office.admin_url, "QXG", "王的笔记本")
    with pytest.raises(OfficeAdminError):
        office_admin.add_device(office.admin_url, "NOPE", "x")
    # the secret is not stored anywhere in the office database
    with office.admin() as conn:
        dump = conn.execute("SELECT string_agg(t::text, '|') FROM sync.device t").fetchone()
        assert dump is not None and device.secret not in dump[0]
        verifier = conn.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (device.role,)
        ).fetchone()
        assert verifier is not None and verifier[0].startswith("SCRAM-SHA-256$")


def test_device_roles_are_weak(office: Office) -> None:
    office_admin.add_station(office.admin_url, "QXG", "x")
    device = office_admin.add_device(office.admin_url, "QXG", "l1")
    with office.admin() as conn:
        row = conn.execute(
            "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolreplication, rolcanlogin "
            "FROM pg_roles WHERE rolname = %s",
            (device.role,),
        ).fetchone()
        assert row == (False, False, False, False, False, True)
        owned = conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
            "WHERE r.rolname IN (%s, %s)",
            (device.role, office.prefix + "_device"),
        ).fetchone()
        assert owned == (0,)
        # the device group is no member of the office group, and has no DELETE/TRUNCATE anywhere
        member = conn.execute(
            "SELECT pg_has_role(%s, %s, 'MEMBER')", (device.role, office.prefix + "_office")
        ).fetchone()
        assert member == (False,)
        bad = conn.execute(
            "SELECT count(*) FROM information_schema.table_privileges WHERE grantee = %s "
            "AND privilege_type IN ('DELETE', 'TRUNCATE')",
            (office.prefix + "_device",),
        ).fetchone()
        assert bad == (0,)
        forced = conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'records' AND c.relkind = 'r' "
            "AND NOT (c.relrowsecurity AND c.relforcerowsecurity)"
        ).fetchall()
        assert forced == []


def test_device_cannot_administer(office: Office) -> None:
    office_admin.add_station(office.admin_url, "QXG", "x")
    device = office_admin.add_device(office.admin_url, "QXG", "l1")
    with office.as_device(device.role) as conn:
        for sql in (
            "SELECT * FROM sync.device",
            "UPDATE sync.station SET code = 'X'",
            "INSERT INTO sync.number_lease (station_code, device_role, doc_type, year, first_seq, last_seq) "
            "VALUES ('QXG', current_user, 'rectification_notice', 2026, 1, 100000)",
            "UPDATE sync.meta SET value = '99'",
            "DELETE FROM sync.batch",
            "UPDATE sync.batch SET results = '[]'",
            "INSERT INTO records.detainee (id, station_id, row_version) "
            "VALUES (gen_random_uuid(), sync.current_station(), 99)",
            "CREATE TABLE records.mine (x int)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)  # type: ignore[arg-type]


def test_roles_are_dropped_with_the_test(pg_url: str) -> None:
    """The fixture's teardown leaves no device roles behind (roles are cluster-wide)."""
    with psycopg.connect(pg_url, autocommit=True) as conn:
        left = conn.execute(
            "SELECT count(*) FROM pg_roles r WHERE r.rolname ~ '^t[0-9a-f]{8}_' "
            "AND NOT EXISTS (SELECT 1 FROM pg_database d "
            "WHERE d.datname = 'insp_sync_' || substr(r.rolname, 2, 8))"
        ).fetchone()
    assert left == (0,)


def test_the_office_bounds_long_texts_as_the_laptop_does(office: Office, laptops: Any) -> None:
    """A several-line text longer than the laptop allows (written behind its validation, as an older
    or tampered laptop could) is refused by the office too: the op comes back rejected, the rest goes."""
    from inspector.domain.validation import LONG_TEXT_MAX
    from inspector.store.models import Detainee
    from inspector.sync.conflicts import list_conflicts
    from tests.conftest import detainee_values

    laptop = laptops()
    too_long = laptop.store.repo(Detainee).add(detainee_values(name="甲"))
    laptop.store.repo(Detainee).add(
        detainee_values(name="乙", notes="字" * LONG_TEXT_MAX)
    )  # the limit itself
    with laptop.store.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE detainee SET notes = ? WHERE id = ?", ("字" * (LONG_TEXT_MAX + 1), too_long.id.hex)
        )
    report = laptop.sync()
    assert report.pushed.rejected == 1 and report.pushed.accepted >= 1
    [conflict] = list_conflicts(laptop.store)
    assert conflict.row_id == too_long.id and conflict.kind == "rejected"
    assert conflict.error is not None and "23514" in conflict.error
    assert office.scalar("SELECT count(*) FROM records.detainee") == 1


def test_public_may_not_connect_or_make_temporary_tables(office: Office, laptops: Any) -> None:
    """Only device logins and the office group may connect (issue #11, item 8)."""
    laptop = laptops()
    checks = (
        "SELECT has_database_privilege(%s, current_database(), 'CONNECT'), "
        "has_database_privilege(%s, current_database(), 'TEMPORARY')"
    )
    stranger = f"{office.prefix}_stranger"
    with office.admin() as conn:
        assert (
            conn.execute(
                "SELECT acl FROM (SELECT unnest(datacl)::text AS acl FROM pg_database "
                "WHERE datname = current_database()) a WHERE acl LIKE '=%%'"
            ).fetchall()
            == []
        )  # no entry for PUBLIC at all
        conn.execute(f'CREATE ROLE "{stranger}" LOGIN')
        assert conn.execute(checks, (stranger, stranger)).fetchone() == (False, False)
        assert conn.execute(checks, (laptop.role, laptop.role)).fetchone() == (True, False)
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        psycopg.connect(office.device_url(), user=stranger).close()
    with office.as_device(laptop.role) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("CREATE TEMPORARY TABLE t (x int)")
