"""Office administration: create/upgrade the office schema, stations, devices, number leases, export.

Runs as the office administrator (a role that may create roles: the database owner with CREATEROLE,
or a superuser). Each operation is one transaction: it happens whole or not at all.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg

from inspector.domain.records import STATION
from inspector.domain.validation import FIRST_WORK_DAY, LAST_WORK_DAY, FieldSpec, RecordSpec
from inspector.export import atomic_text_file, export_header
from inspector.sync import office_ddl, schema
from inspector.sync.connection import ADMIN_TIMEOUTS, classify, gives_up, parse_conninfo
from inspector.sync.errors import OfficeAdminError, UpgradeRequiredError
from inspector.sync.office_ddl import lit, q

DEFAULT_PREFIX = "inspector"
_PREFIX_RE = re.compile(r"^[a-z][a-z0-9_]{0,30}$")
_INIT_LOCK = 0x1A5E_C70F


@dataclass(frozen=True)
class OfficeInfo:
    schema_version: int
    db_epoch: str
    device_group: str
    office_group: str
    action: str  # created / upgraded / unchanged


@dataclass(frozen=True)
class NewDevice:
    role: str
    station_code: str
    name: str
    secret: str  # shown once, never stored


@dataclass(frozen=True)
class Lease:
    id: uuid.UUID
    station_code: str
    device_role: str
    device_name: str
    doc_type: str
    year: int
    first_seq: int
    last_seq: int
    voided_at: datetime | None


@contextmanager
def admin(url: str) -> Iterator[psycopg.Connection[Any]]:
    """One administrator transaction (committed on success, rolled back on any error)."""
    parse_conninfo(url)  # a malformed URL is the person's mistake, not a connection failure
    try:
        conn = psycopg.connect(url, application_name="inspector-office", **ADMIN_TIMEOUTS.libpq())
    except psycopg.OperationalError as exc:
        raise classify(exc) from exc
    try:
        with conn.transaction():
            yield conn
    except psycopg.Error as exc:
        if gives_up(exc):  # timed out, or the connection was lost: one line, not a traceback
            raise classify(exc) from exc
        raise
    finally:
        conn.close()


def _meta(conn: psycopg.Connection[Any]) -> dict[str, str]:
    exists = conn.execute("SELECT to_regclass('sync.meta') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return {}
    return {k: v for k, v in conn.execute("SELECT key, value FROM sync.meta").fetchall()}


def _ensure_role(conn: psycopg.Connection[Any], name: str) -> None:
    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is None:
        conn.execute(f"CREATE ROLE {q(name)} NOLOGIN NOINHERIT")


def init_office(url: str, role_prefix: str | None = None) -> OfficeInfo:
    """Create the office schema, or upgrade it, or — when it is current — change nothing."""
    with admin(url) as conn:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_INIT_LOCK,))
        meta = _meta(conn)
        current = int(meta["schema_version"]) if meta else None
        if current is not None and current > schema.SCHEMA_VERSION:
            raise UpgradeRequiredError(schema.SCHEMA_VERSION, current)
        if meta and role_prefix and meta.get("role_prefix") != role_prefix:
            raise OfficeAdminError(
                f"该服务器数据库已使用角色前缀 {meta.get('role_prefix')}",
                f"this office already uses role prefix {meta.get('role_prefix')}",
            )
        prefix = meta.get("role_prefix") or role_prefix or DEFAULT_PREFIX
        if not _PREFIX_RE.match(prefix):
            raise OfficeAdminError(
                "角色前缀只能包含小写字母、数字和下划线", "the role prefix must be [a-z][a-z0-9_]*"
            )
        group, office = f"{prefix}_device", f"{prefix}_office"
        _ensure_role(conn, group)
        _ensure_role(conn, office)
        conn.execute(f"GRANT {q(office)} TO CURRENT_USER")
        dbname = conn.execute("SELECT current_database()").fetchone()
        assert dbname is not None
        existing: dict[str, set[str]] = {}
        for table_name, column in conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'records'"
        ):
            existing.setdefault(table_name, set()).add(column)
        script = office_ddl.full_ddl(group, office, str(dbname[0]), existing)
        conn.execute(";\n".join(script).encode())  # one round trip (no parameters: simple protocol)
        epoch = meta.get("db_epoch") or str(uuid.uuid4())
        values = {
            "schema_version": str(schema.SCHEMA_VERSION),
            "schema_fingerprint": schema.fingerprint(),
            "db_epoch": epoch,
            "role_prefix": prefix,
            "device_group": group,
            "office_group": office,
        }
        values.setdefault("created_at", meta.get("created_at") or datetime.now(UTC).isoformat())
        for key, value in values.items():
            conn.execute(
                "INSERT INTO sync.meta (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (key, value),
            )
    action = "created" if current is None else "upgraded" if current < schema.SCHEMA_VERSION else "unchanged"
    return OfficeInfo(schema.SCHEMA_VERSION, epoch, group, office, action)


def new_epoch(url: str) -> str:
    """Give a restored office database a new identity, so that laptops notice (docs/sync.md)."""
    epoch = str(uuid.uuid4())
    with admin(url) as conn:
        conn.execute("UPDATE sync.meta SET value = %s WHERE key = 'db_epoch'", (epoch,))
        # Rows at or below this stream position are as the restore left them (sync.reseed_answer).
        conn.execute(
            "INSERT INTO sync.meta (key, value) SELECT 'restore_seq', last_value::text FROM sync.server_seq "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
    return epoch


def _require_current(conn: psycopg.Connection[Any]) -> dict[str, str]:
    meta = _meta(conn)
    if not meta:
        raise OfficeAdminError(
            "服务器数据库尚未初始化：请先运行 inspector office init",
            "the office database is not set up: run `inspector office init` first",
        )
    if int(meta["schema_version"]) != schema.SCHEMA_VERSION:
        raise UpgradeRequiredError(schema.SCHEMA_VERSION, int(meta["schema_version"]))
    return meta


def _check_text(kind: str, values: dict[str, str], spec: RecordSpec) -> None:
    """The laptop's own rules (lengths, clean one-line text) for what the administrator types."""
    spec.validate(values, today=date.today(), partial=True)
    if any(not v.strip() for v in values.values()):
        raise OfficeAdminError(f"{kind}不能为空", f"{kind} must not be empty")


DEVICE_NAME = RecordSpec("device", "设备", (FieldSpec("name", "设备名称", required=True, max_length=64),))
MAX_LEASE_COUNT, MAX_SEQ = 10_000, 999_999  # numbers in one lease; the highest 序号 a 文号 may carry


def add_station(url: str, code: str, name: str, station_id: uuid.UUID | None = None) -> None:
    _check_text("检察室", {"code": code, "name": name}, STATION)
    with admin(url) as conn:
        _require_current(conn)
        if conn.execute("SELECT 1 FROM sync.station WHERE code = %s", (code,)).fetchone():
            raise OfficeAdminError(f"检察室 {code} 已存在", f"station {code} already exists")
        conn.execute(
            "INSERT INTO sync.station (code, name, id, claimed_at) VALUES (%s, %s, %s, "
            "CASE WHEN %s::uuid IS NULL THEN NULL ELSE now() END)",
            (code, name, station_id, station_id),
        )


def add_device(url: str, station_code: str, name: str) -> NewDevice:
    """A login role for one laptop, in the device group, with a one-time enrollment secret.

    The role is never an owner, superuser, CREATEROLE or BYPASSRLS; enrollment replaces the secret
    with a password only the laptop's keyring knows.
    """
    _check_text("设备名称", {"name": name}, DEVICE_NAME)
    with admin(url) as conn:
        meta = _require_current(conn)
        if conn.execute("SELECT 1 FROM sync.station WHERE code = %s", (station_code,)).fetchone() is None:
            raise OfficeAdminError(f"没有检察室 {station_code}", f"no station {station_code}")
        taken = conn.execute(
            "SELECT 1 FROM sync.device WHERE station_code = %s AND name = %s", (station_code, name)
        ).fetchone()
        if taken:
            raise OfficeAdminError(
                f"检察室 {station_code} 已有名为 {name} 的设备", f"station {station_code} already has {name}"
            )
        role = f"{meta['role_prefix']}_dev_{secrets.token_hex(5)}"
        secret = secrets.token_urlsafe(18)
        verifier = conn.pgconn.encrypt_password(secret.encode(), role.encode(), b"scram-sha-256").decode()
        conn.execute(
            f"CREATE ROLE {q(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS "
            f"INHERIT CONNECTION LIMIT 8 PASSWORD {lit(verifier)} IN ROLE {q(meta['device_group'])}"
        )
        conn.execute(
            "INSERT INTO sync.device (role_name, station_code, name) VALUES (%s, %s, %s)",
            (role, station_code, name),
        )
    return NewDevice(role, station_code, name, secret)


def device_roles(url: str) -> list[str]:
    with admin(url) as conn:
        return [r[0] for r in conn.execute("SELECT role_name FROM sync.device ORDER BY role_name")]


def revoke_device(url: str, role: str) -> None:
    """The device can no longer log in (a lost or retired laptop); its records and ledger stay.

    Sessions it has open are ended too, so a laptop in the middle of a sync cannot go on."""
    with admin(url) as conn:
        _require_current(conn)
        if (
            conn.execute("UPDATE sync.device SET revoked_at = now() WHERE role_name = %s", (role,)).rowcount
            != 1
        ):
            raise OfficeAdminError(f"没有设备 {role}", f"no device {role}")
        conn.execute(f"ALTER ROLE {q(role)} NOLOGIN")
    with admin(url) as conn:  # after the commit: a new login is refused from now on
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (role,))


def revoke_station_device(url: str, station_code: str, device: str) -> str:
    """:func:`revoke_device` by station and device name (or login); returns the login revoked."""
    with admin(url) as conn:
        role = _device(conn, station_code, device)
    revoke_device(url, role)
    return role


@dataclass(frozen=True)
class DeviceInfo:
    station_code: str
    name: str
    role: str
    created_at: datetime
    enrolled_at: datetime | None
    revoked_at: datetime | None
    last_push_at: datetime | None  # the last batch the office received from it
    batches: int

    @property
    def state(self) -> str:
        return "revoked" if self.revoked_at else "enrolled" if self.enrolled_at else "waiting"


def list_devices(url: str, station_code: str | None = None) -> list[DeviceInfo]:
    """Every device login, with its state and when it last pushed (for the administrator)."""
    with admin(url) as conn:
        rows = conn.execute(
            "SELECT d.station_code, d.name, d.role_name, d.created_at, d.enrolled_at, d.revoked_at, "
            "max(b.received_at), count(b.batch_id) "
            "FROM sync.device d LEFT JOIN sync.batch b ON b.device_role = d.role_name "
            "WHERE %s::text IS NULL OR d.station_code = %s "
            "GROUP BY d.role_name ORDER BY d.station_code, d.name",
            (station_code, station_code),
        ).fetchall()
    return [DeviceInfo(*row) for row in rows]


# ---- number leases --------------------------------------------------------------------------------


def _device(conn: psycopg.Connection[Any], station_code: str, device: str) -> str:
    row = conn.execute(
        "SELECT role_name FROM sync.device WHERE station_code = %s AND (name = %s OR role_name = %s)",
        (station_code, device, device),
    ).fetchone()
    if row is None:
        raise OfficeAdminError(
            f"检察室 {station_code} 没有设备 {device}", f"station {station_code} has no device {device}"
        )
    return str(row[0])


def grant_lease(
    url: str, station_code: str, device: str, doc_type: str, year: int, count: int, first: int | None = None
) -> Lease:
    """Lease ``count`` numbers to a device: the next free range of its station's type and year."""
    if doc_type not in schema.NUMBERED_TABLES.values():
        raise OfficeAdminError(f"未知的文书类型 {doc_type}", f"unknown document type {doc_type}")
    if count < 1 or (first is not None and first < 1):
        raise OfficeAdminError("号段必须至少包含一个文号", "a lease needs at least one number")
    if count > MAX_LEASE_COUNT:
        raise OfficeAdminError(
            f"一次最多发放 {MAX_LEASE_COUNT} 个文号", f"a lease holds at most {MAX_LEASE_COUNT} numbers"
        )
    first_year, last_year = FIRST_WORK_DAY.year, LAST_WORK_DAY.year
    if not first_year <= year <= last_year:
        raise OfficeAdminError(
            f"年份须在 {first_year} 至 {last_year} 之间：{year}",
            f"the year must be {first_year} to {last_year}",
        )
    if first is not None and first + count - 1 > MAX_SEQ:
        raise OfficeAdminError(f"序号不能超过 {MAX_SEQ}", f"numbers go up to {MAX_SEQ}")
    with admin(url) as conn:
        _require_current(conn)
        role = _device(conn, station_code, device)
        conn.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
            (f"lease:{station_code}:{doc_type}:{year}",),
        )
        if first is None:
            row = conn.execute(
                "SELECT coalesce(max(last_seq), 0) + 1 FROM sync.number_lease "
                "WHERE station_code = %s AND doc_type = %s AND year = %s",
                (station_code, doc_type, year),
            ).fetchone()
            assert row is not None
            first = int(row[0])
            if first + count - 1 > MAX_SEQ:
                raise OfficeAdminError(f"序号不能超过 {MAX_SEQ}", f"numbers go up to {MAX_SEQ}")
        try:
            last = first + count - 1
            row = conn.execute(  # the id is the lease's token (office_ddl: sync.lease_token)
                "INSERT INTO sync.number_lease "
                "(id, station_code, device_role, doc_type, year, first_seq, last_seq) "
                "VALUES (sync.lease_token(%s, %s, %s, %s, %s, %s), %s, %s, %s, %s, %s, %s) "
                "RETURNING id",
                (
                    station_code,
                    role,
                    doc_type,
                    year,
                    first,
                    last,
                    station_code,
                    role,
                    doc_type,
                    year,
                    first,
                    last,
                ),
            ).fetchone()
        except psycopg.errors.ExclusionViolation as exc:
            raise OfficeAdminError(f"号段重叠：{exc}", f"overlapping lease: {exc}") from exc
        assert row is not None
        lease_id = row[0]
    return next(lease for lease in list_leases(url, station_code) if lease.id == lease_id)


def void_leases(url: str, station_code: str, device: str | None = None, year: int | None = None) -> int:
    """Void leases (e.g. unused numbers at year end): devices stop issuing from them after their next
    sync. Numbers already issued from a voided lease stay valid; voided ranges are never re-leased."""
    with admin(url) as conn:
        _require_current(conn)
        role = _device(conn, station_code, device) if device else None
        return conn.execute(
            "UPDATE sync.number_lease SET voided_at = now() WHERE station_code = %s AND voided_at IS NULL "
            "AND (%s::text IS NULL OR device_role = %s) AND (%s::integer IS NULL OR year = %s)",
            (station_code, role, role, year, year),
        ).rowcount


def list_leases(url: str, station_code: str) -> list[Lease]:
    with admin(url) as conn:
        rows = conn.execute(
            "SELECT l.id, l.station_code, l.device_role, d.name, l.doc_type, l.year, l.first_seq, "
            "l.last_seq, l.voided_at FROM sync.number_lease l "
            "JOIN sync.device d ON d.role_name = l.device_role "
            "WHERE l.station_code = %s ORDER BY l.doc_type, l.year, l.first_seq",
            (station_code,),
        ).fetchall()
    return [Lease(*r) for r in rows]


# ---- export ---------------------------------------------------------------------------------------


def export_station(url: str, station_code: str, path: Path) -> dict[str, int]:
    """``inspector office export``: one station's records in the laptop export's format
    (docs/export-format.md), written atomically, with the attachment bytes the office holds whole.
    The office holds no audit log: ``audit_log`` is an empty list."""
    counts: dict[str, int] = {}
    path = path.expanduser()
    with admin(url) as conn, atomic_text_file(path) as out:
        _require_current(conn)
        row = conn.execute("SELECT id FROM sync.station WHERE code = %s", (station_code,)).fetchone()
        if row is None:
            raise OfficeAdminError(f"没有检察室 {station_code}", f"no station {station_code}")
        station_id = row[0]
        header = export_header(station_id, None, source="office")
        out.write("{\n")
        for key, value in header.items():
            out.write(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
        out.write('  "tables": {')
        names = [*schema.table_names(), "audit_log"]
        names_of = {n: [c.name for c in schema.columns(n)] for n in schema.table_names()}
        for ti, name in enumerate(names):
            out.write(f"\n    {json.dumps(name)}: [")
            n = 0
            if name != "audit_log" and station_id is not None:
                cols = ", ".join(c.name for c in schema.columns(name))
                with conn.cursor(name=f"export_{name}") as cur:
                    cur.execute(
                        f"SELECT {cols} FROM records.{name} WHERE station_id = %s ORDER BY id",
                        (station_id,),
                    )
                    for values in cur:
                        rec = schema.encode_row(dict(zip(names_of[name], values, strict=True)))
                        out.write(
                            ("," if n else "")
                            + "\n      "
                            + json.dumps(rec, ensure_ascii=False, sort_keys=True)
                        )
                        n += 1
            out.write("\n    ]" if n else "]")
            out.write("," if ti < len(names) - 1 else "")
            counts[name] = n
        out.write('\n  },\n  "blobs": [')
        n = 0
        if station_id is not None:
            shas = conn.execute(
                "SELECT sha256, size FROM sync.blob WHERE station_id = %s AND complete ORDER BY sha256",
                (station_id,),
            ).fetchall()
            for sha, size in shas:
                data = b"".join(
                    bytes(r[0])
                    for r in conn.execute(
                        "SELECT data FROM sync.blob_chunk WHERE station_id = %s AND sha256 = %s "
                        "ORDER BY chunk_no",
                        (station_id, sha),
                    )
                )
                item = {
                    "sha256": sha,
                    "size": size,
                    "data_base64": base64.b64encode(data).decode("ascii"),
                }
                out.write(("," if n else "") + "\n    " + json.dumps(item))
                n += 1
        counts["blob"] = n
        out.write("\n  ]\n}\n" if n else "]\n}\n")
    return counts


def database_name(url: str) -> str:
    return str(parse_conninfo(url).get("dbname", ""))
