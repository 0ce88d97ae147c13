"""Pull at size (issue #14, item 2): a first pull and a no-op sync of one station when the office holds
millions of rows of many stations. Prints figures and, last, verdicts against the targets.

    INSPECTOR_BENCH_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/office_pull_size.py --rows 20000000 --stations 200

(``INSPECTOR_TEST_PG_URL`` is used if the bench variable is unset.) A dedicated office database
``inspector_pullsize_<token>`` and roles with a unique prefix, dropped at the end (``--keep`` keeps
them, to measure again). Station 0 is a real one: its first laptop is made with ``initialise`` and
enrolled, and a second laptop is enrolled into an empty folder. Then ``--rows`` detainee rows are
written with ``COPY`` (not through laptops), round-robin over the stations in transactions of
``--chunk`` rows — so each station's rows lie scattered over the whole table, as when stations sync
at the same hours — and the table is vacuumed and analysed as autovacuum would. Timed:

1. the second laptop's first pull of its station's ``rows / stations`` rows (target < 20 s);
2. no-op syncs of that laptop (target < 150 ms);
3. the pull's first page and a no-op page as the server runs them (``EXPLAIN ANALYZE``, buffers).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import keyring
import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from inspector.security.memory_keyring import MemoryKeyring
from inspector.station_setup import FirstUser, initialise
from inspector.store.store import Store
from inspector.sync import local, office
from inspector.sync.connection import OfficeTarget
from inspector.sync.enroll import enroll_new, enroll_store
from inspector.sync.run import sync_now

COLUMNS = (
    "id, station_id, created_at, updated_at, name, gender, admitted_at, admission_documents, legal_status, "
    "stage, stage_started_on, multiple_or_gang, property_items, discharge_documents, discharged_on, cell, "
    "block, notes"
)
EVENT_COLUMNS = "id, station_id, created_at, updated_at, detainee_id, kind, occurred_on"
HELD_EVERY = 200  # one person in 200 is still held (a province: ~100,000 held of 20 million over the years)
EVENT_EVERY = 10  # one custody event for every held person and every 10th discharged one
STATION = {
    "code": "P000",
    "name": "规模检察室",
    "procuratorate": "规模人民检察院",
    "higher_procuratorate": None,
    "detention_center": "规模看守所",
    "agency_code": "规",
}


def settle(admin_url: str, limit: float = 60) -> None:
    """Wait until every transaction that began before now has ended, anywhere on the server: a pull
    returns only rows older than the oldest running transaction (docs/sync.md, "Pull")."""
    with psycopg.connect(admin_url, autocommit=True) as conn:
        row = conn.execute("SELECT pg_current_xact_id()").fetchone()
        assert row is not None
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            passed = conn.execute("SELECT pg_snapshot_xmin(pg_current_snapshot()) > %s", (row[0],)).fetchone()
            if passed and passed[0]:
                return
            time.sleep(0.05)


def copy_rows(admin_url: str, stations: list[uuid.UUID], rows: int, chunk: int) -> tuple[float, int]:
    """``rows`` detainees, round-robin over ``stations``, one COPY (one transaction) per ``chunk`` rows,
    with their custody events. One in :data:`HELD_EVERY` is held (刑事拘留, started in November 2026),
    the rest discharged in 2025. Returns the seconds taken and the number of events."""
    started = time.perf_counter()
    stamp = "2026-03-01 08:30:00+00"
    notes = "基准测试记录" * 3
    ids = [str(s) for s in stations]
    k = len(ids)
    done = events = 0
    with psycopg.connect(admin_url) as conn:
        while done < rows:
            n = min(chunk, rows - done)
            hexes = os.urandom(32 * n).hex()
            people, evs = [], []
            for i in range(n):
                g = done + i
                pid, sid = hexes[64 * i : 64 * i + 32], ids[g % k]
                held = (g // k) % HELD_EVERY == 0
                started_on = f"2026-11-{1 + (g // (k * HELD_EVERY)) % 30:02d}" if held else "2025-01-10"
                people.append(
                    f"{pid}\t{sid}\t{stamp}\t{stamp}\t李{g}\tmale\t{stamp}\t[]\tsuspect\t"
                    + ("detention" if held else "discharged")
                    + f"\t{started_on}\tf\t[]\t[]\t"
                    + ("\\N" if held else "2025-06-01")
                    + f"\t{100 + g % 50}\t二监区\t{notes}\n"
                )
                if held or (g // k) % EVENT_EVERY == 0:
                    eid = hexes[64 * i + 32 : 64 * i + 64]
                    evs.append(f"{eid}\t{sid}\t{stamp}\t{stamp}\t{pid}\tdetention\t{started_on}\n")
            with conn.cursor() as cur:
                with cur.copy(f"COPY records.detainee ({COLUMNS}) FROM STDIN") as copy:
                    for at in range(0, n, 5000):
                        copy.write("".join(people[at : at + 5000]))
                with cur.copy(f"COPY records.custody_event ({EVENT_COLUMNS}) FROM STDIN") as copy:
                    copy.write("".join(evs))
            conn.commit()
            done += n
            events += len(evs)
            if done % (chunk * 20) == 0 or done == rows:
                rate = done / (time.perf_counter() - started)
                print(f"  copied {done:,} people, {events:,} events ({rate:,.0f} people/s)", flush=True)
    return time.perf_counter() - started, events


def time_report(admin_url: str, label: str) -> None:
    """``inspector office report`` for one station and for all of them."""
    from inspector.store.repository import today_local
    from inspector.sync.office_report import office_report

    for station in ("P000", None):
        started = time.perf_counter()
        report = office_report(admin_url, today_local(), station)
        soon = sum(len(s.custody_soon) for s in report.stations)
        print(
            f"office report ({label}), {'one station' if station else f'{len(report.stations)} stations'}: "
            f"{time.perf_counter() - started:.2f} s ({soon} custody deadlines within 7 days)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=20_000_000)
    parser.add_argument("--stations", type=int, default=200)
    parser.add_argument("--chunk", type=int, default=100_000, help="rows per COPY transaction")
    parser.add_argument("--no-ops", type=int, default=10)
    parser.add_argument(
        "--report", action="store_true", help="also time `office report` without/with its indexes"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the database and roles (prints their names)"
    )
    args = parser.parse_args()
    url = os.environ.get("INSPECTOR_BENCH_PG_URL") or os.environ.get("INSPECTOR_TEST_PG_URL")
    url = url or "postgresql://postgres@127.0.0.1:5432/postgres"
    keyring.set_keyring(MemoryKeyring())
    token = secrets.token_hex(3)
    dbname, prefix = f"inspector_pullsize_{token}", f"p{token}"
    server = conninfo_to_dict(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
    admin_url = make_conninfo(url, dbname=dbname)
    device_url = make_conninfo(
        dbname=dbname, host=str(server.get("host", "127.0.0.1")), port=str(server.get("port", 5432))
    )
    tmp = Path(tempfile.mkdtemp(prefix="office-pull-size-"))
    stores: list[Store] = []
    verdicts: list[tuple[str, bool]] = []
    try:
        office.init_office(admin_url, prefix)
        office.add_station(admin_url, "P000", "规模0")
        device = office.add_device(admin_url, "P000", "first")
        first = initialise(tmp / "first", STATION, FirstUser("wang", "王检察官", "secret-pass-1"))
        stores.append(first)
        enroll_store(first, OfficeTarget.parse(device_url, device.role), device.secret)
        sync_now(first)
        device = office.add_device(admin_url, "P000", "second")
        settle(admin_url)
        second = enroll_new(tmp / "second", OfficeTarget.parse(device_url, device.role), device.secret)
        stores.append(second)
        station_ids = [first.station_id]
        for s in range(1, args.stations):
            sid = uuid.uuid4()
            office.add_station(admin_url, f"P{s:03d}", f"规模{s}", sid)
            station_ids.append(sid)
        print(f"COPY {args.rows:,} rows of {args.stations} stations ({args.rows // args.stations:,} each):")
        copy_s, events = copy_rows(admin_url, station_ids, args.rows, args.chunk)
        started = time.perf_counter()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute("VACUUM (ANALYZE) records.detainee, records.custody_event")
            size = conn.execute(
                "SELECT pg_size_pretty(pg_table_size('records.detainee')), "
                "pg_size_pretty(pg_indexes_size('records.detainee')), "
                "pg_size_pretty(pg_total_relation_size('records.custody_event'))"
            ).fetchone()
        assert size is not None
        print(
            f"loaded in {copy_s:.0f} s, vacuum + analyse {time.perf_counter() - started:.0f} s; "
            f"records.detainee {size[0]}, its indexes {size[1]}; {events:,} custody events {size[2]}"
        )
        with psycopg.connect(
            url, autocommit=True
        ) as conn:  # the first pull reads from disk, not a warm cache
            conn.execute("CHECKPOINT")
        # 1. the first pull of one station
        started = time.perf_counter()
        report = sync_now(second)
        pulled = time.perf_counter() - started
        print(f"first pull of {report.pulled.rows:,} rows: {pulled:.1f} s ({report.pulled.pages} pages)")
        verdicts.append(
            (
                "first pull of the station's rows < 20 s",
                report.pulled.rows >= args.rows // args.stations and pulled < 20,
            )
        )  # fmt: skip
        # 2. no-op syncs
        timings = []
        for _ in range(args.no_ops):
            started = time.perf_counter()
            noop = sync_now(second)
            timings.append(time.perf_counter() - started)
            assert noop.pulled.rows == 0 and noop.pushed.ops == 0, noop
        print(
            f"no-op sync: best {min(timings) * 1000:.0f} ms, "
            f"median {sorted(timings)[len(timings) // 2] * 1000:.0f} ms, "
            f"worst {max(timings) * 1000:.0f} ms ({noop.round_trips} statements after connecting)"
        )
        verdicts.append(("no-op sync < 150 ms", max(timings) < 0.150))
        # 4. the office report, without the report's indexes and with them (office_ddl.REPORT_INDEXES)
        if args.report:
            from inspector.sync.office_ddl import REPORT_INDEXES, report_index_names

            with psycopg.connect(admin_url, autocommit=True) as conn:
                for name in report_index_names():
                    conn.execute(f"DROP INDEX IF EXISTS {name}")
            time_report(admin_url, "without its indexes")
            with psycopg.connect(admin_url, autocommit=True) as conn:
                started = time.perf_counter()
                for ddl in REPORT_INDEXES:
                    conn.execute(ddl)
                conn.execute("ANALYZE records.detainee, records.custody_event")
                print(f"report indexes built in {time.perf_counter() - started:.0f} s")
            time_report(admin_url, "with its indexes")
        # 3. the server's side of a page: first page from the start, and the no-op page at the end
        with psycopg.connect(
            device_url, user=device.role, password=_password(second), autocommit=True
        ) as conn:
            cursor = second.meta(local.CURSOR_KEY)
            for label, xid, seq in (
                ("first page (2,000 rows)", "0", 0),
                ("no-op page", str(cursor[0]), int(cursor[1])),
            ):
                started = time.perf_counter()
                n = len(conn.execute("SELECT * FROM sync.pull(%s::xid8, %s, 2000)", (xid, seq)).fetchall())
                print(f"server: {label}: {n} rows in {(time.perf_counter() - started) * 1000:.1f} ms")
            # the server alone: every page of the station, as the laptop's first pull asks for them
            started, pages, rows, xid, seq = time.perf_counter(), 0, 0, "0", 0
            while True:
                page = conn.execute(
                    "SELECT server_xid::text, server_seq, data::text FROM sync.pull(%s::xid8, %s, 2000)",
                    (xid, seq),
                ).fetchall()
                pages, rows = pages + 1, rows + len(page)
                if len(page) < 2000:
                    break
                xid, seq = page[-1][0], page[-1][1]
            print(
                f"server alone: {rows:,} rows in {pages} pages, {time.perf_counter() - started:.1f} s "
                "(the rest of a first pull is the laptop applying them)"
            )
        # how many table pages one page of a station's rows touches (its rows lie among the others')
        with psycopg.connect(admin_url, autocommit=True) as conn:
            plan = conn.execute(
                "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT to_jsonb(t) FROM records.detainee t "
                "WHERE t.station_id = %s AND (t.server_xid, t.server_seq) > ('0'::xid8, 0) "
                "ORDER BY t.server_xid, t.server_seq LIMIT 2000",
                (first.station_id,),
            ).fetchone()
            assert plan is not None
            top = plan[0][0]["Plan"]
            print(
                f"one page of detainees read directly: {top['Actual Total Time']:.1f} ms, "
                f"{top['Shared Hit Blocks'] + top['Shared Read Blocks']:,} buffers "
                f"({top['Shared Read Blocks']:,} not in shared buffers) for {top['Actual Rows']:,} rows"
            )
    finally:
        for st in stores:
            st.close()
        shutil.rmtree(tmp, ignore_errors=True)  # the laptops' data folders
        if args.keep:
            print(f"kept database {dbname}, roles {prefix}_*")
        else:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
                roles = conn.execute(
                    "SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (prefix + "\\_%",)
                ).fetchall()
                for (role,) in sorted(roles, key=lambda r: r[0].endswith(("_device", "_office"))):
                    conn.execute(f'DROP ROLE "{role}"')
    print()
    for name, ok in verdicts:
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    return 0 if all(ok for _, ok in verdicts) else 1


def _password(store: Store) -> str:
    from inspector.sync.connection import load_password

    return load_password(OfficeTarget.from_description(store.meta("sync.office")))


if __name__ == "__main__":
    raise SystemExit(main())
