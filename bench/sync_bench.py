"""Office sync benchmarks (issue "Office sync", item 8). Each prints its figure and, last, its verdict.

    INSPECTOR_BENCH_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/sync_bench.py

(``INSPECTOR_TEST_PG_URL`` is used if the bench variable is unset.) Makes a scratch office database and
roles with a unique prefix and drops them at the end. Targets:

1. pushing 10,000 changed rows ≤ 4 × psycopg ``executemany`` (pipeline mode) of the same rows into a
   plain table, measured in the same run;
2. a no-op sync under 150 ms and ≤ 3 round trips;
3. the first pull of 100,000 rows under 20 s;
4. 10,000 rows pushed through a TCP proxy adding 50 ms round-trip time, under 10 s (loopback only).
"""

from __future__ import annotations

import os
import secrets
import select
import socket
import tempfile
import threading
import time
import uuid
from collections import deque
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from inspector.security.memory_keyring import MemoryKeyring
from inspector.station_setup import FirstUser, initialise
from inspector.store.models import Detainee
from inspector.store.store import Store
from inspector.sync import office, push, schema
from inspector.sync.connection import Channel, OfficeTarget, connect, load_password
from inspector.sync.enroll import enroll_new, enroll_store
from inspector.sync.run import sync_now

STATION = {
    "code": "BENCH",
    "name": "基准检察室",
    "procuratorate": "基准人民检察院",
    "higher_procuratorate": None,
    "detention_center": "基准看守所",
    "agency_code": "基",
}


def detainees(n: int) -> list[dict[str, Any]]:
    admitted = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    return [
        {
            "id": uuid.uuid4(),
            "name": f"张{i}",
            "gender": "male",
            "admitted_at": admitted,
            "legal_status": "suspect",
            "stage": "detention",
            "cell": str(100 + i % 50),
            "block": "一监区",
            "notes": "基准测试记录" * 3,
        }
        for i in range(n)
    ]


# ---- a delaying TCP proxy (loopback only) ---------------------------------------------------------


class DelayProxy:
    """Forwards 127.0.0.1:<port> to the server, holding every chunk ``one_way`` seconds per direction."""

    def __init__(self, target: tuple[str, int], one_way: float) -> None:
        self.target, self.one_way = target, one_way
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:  # closed
                return
            server = socket.create_connection(self.target)
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        queue: deque[tuple[float, bytes]] = deque()
        cond = threading.Condition()

        def sender() -> None:
            while True:
                with cond:
                    while not queue:
                        cond.wait()
                    due, data = queue.popleft()
                if not data:
                    dst.close()
                    return
                delay = due - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                try:
                    dst.sendall(data)
                except OSError:
                    return

        threading.Thread(target=sender, daemon=True).start()
        while True:
            try:
                ready, _, _ = select.select([src], [], [], 0.5)
                if not ready:
                    if self.stop.is_set():
                        break
                    continue
                data = src.recv(65536)
            except OSError:
                data = b""
            with cond:
                queue.append((time.monotonic() + self.one_way, data))
                cond.notify()
            if not data:
                return

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


# ---- the benchmarks ---------------------------------------------------------------------------------


def baseline_executemany(admin_url: str, rows: list[dict[str, Any]]) -> float:
    """The same rows, all columns, into a plain table (no triggers, no RLS), executemany in a pipeline."""
    cols = [c for c in schema.columns("detainee")]
    ddl = ", ".join(f"{c.name} {c.pg_type}" for c in cols)
    full = [{c.name: r.get(c.name) for c in cols} for r in rows]
    now = datetime.now(UTC)
    for r in full:
        r.update(station_id=uuid.uuid4(), created_at=now, updated_at=now, admission_documents="[]",
                 property_items="[]", discharge_documents="[]", multiple_or_gang=False)  # fmt: skip
    names = [c.name for c in cols]
    sql = f"INSERT INTO bench_plain ({', '.join(names)}) VALUES ({', '.join('%s' for _ in names)})"
    with psycopg.connect(admin_url) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_plain")
        conn.execute(f"CREATE TABLE bench_plain ({ddl}, PRIMARY KEY (id))")  # type: ignore[arg-type]
        conn.commit()
        started = time.perf_counter()
        with conn.pipeline(), conn.cursor() as cur:
            cur.executemany(sql, [tuple(r[n] for n in names) for r in full])  # type: ignore[arg-type]
        conn.commit()
        return time.perf_counter() - started


def main() -> int:
    url = os.environ.get("INSPECTOR_BENCH_PG_URL") or os.environ.get("INSPECTOR_TEST_PG_URL")
    url = url or "postgresql://postgres@127.0.0.1:5432/postgres"
    keyring.set_keyring(MemoryKeyring())
    token = secrets.token_hex(4)
    dbname, prefix = f"insp_bench_{token}", f"b{token}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')  # type: ignore[arg-type]
    admin_url = make_conninfo(url, dbname=dbname)
    server = conninfo_to_dict(url)
    device_url = make_conninfo(
        dbname=dbname, host=str(server.get("host", "127.0.0.1")), port=str(server.get("port", 5432))
    )
    tmp = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    verdicts: list[tuple[str, bool]] = []
    stores: list[Store] = []
    try:
        office.init_office(admin_url, prefix)
        office.add_station(admin_url, "BENCH", "基准")

        def laptop(name: str, *, first: bool) -> Store:
            device = office.add_device(admin_url, "BENCH", name)
            target = OfficeTarget.parse(device_url, device.role)
            if first:
                store = initialise(tmp / name, STATION, FirstUser("wang", "王检察官", "secret-pass-1"))
                enroll_store(store, target, device.secret)
            else:
                store = enroll_new(tmp / name, target, device.secret)
            stores.append(store)
            return store

        a = laptop("a", first=True)
        sync_now(a)

        # 1. push 10,000 changed rows vs executemany — best of five rounds each, alternating, so
        #    that both sides see the same machine (the figure is a ratio measured in this run)
        pushes, bases = [], []
        for _ in range(5):
            rows = detainees(10_000)
            a.repo(Detainee).add_many(rows)
            with connect(OfficeTarget.from_description(a.meta("sync.office"))) as channel:
                started = time.perf_counter()
                outcome = push.push_all(a, channel)
                pushes.append(time.perf_counter() - started)
            assert outcome.accepted == outcome.ops == 10_000, outcome
            bases.append(baseline_executemany(admin_url, rows))
        pushed, base = min(pushes), min(bases)
        ratio = pushed / base
        print(
            f"push 10,000 rows: {pushed:.2f} s (rounds {', '.join(f'{x:.2f}' for x in pushes)}); "
            f"executemany (pipeline) baseline: {base:.2f} s ({', '.join(f'{x:.2f}' for x in bases)}); "
            f"ratio {ratio:.2f}"
        )
        verdicts.append(("push ≤ 4× executemany", ratio <= 4))
        # (no target) the same volume of edits: every op an update checked against its base version
        with a.session() as s:
            s.connection().exec_driver_sql(
                "UPDATE detainee SET cell = 'e' || cell "
                "WHERE rowid > (SELECT max(rowid) - 10000 FROM detainee)"
            )
        with connect(OfficeTarget.from_description(a.meta("sync.office"))) as channel:
            started = time.perf_counter()
            edited = push.push_all(a, channel)
            print(f"push 10,000 edited rows (updates; no target): {time.perf_counter() - started:.2f} s")
        assert edited.accepted == edited.ops == 10_000, edited
        sync_now(a)  # settle the pull cursor

        # 2. no-op sync
        timings = []
        trips = 0
        for _ in range(5):
            started = time.perf_counter()
            report = sync_now(a)
            timings.append(time.perf_counter() - started)
            trips = report.round_trips
        best, worst = min(timings), max(timings)
        print(
            f"no-op sync: best {best * 1000:.0f} ms, worst {worst * 1000:.0f} ms, "
            f"{trips} statements after connecting"
        )
        verdicts.append(("no-op sync < 150 ms and ≤ 3 round trips", worst < 0.150 and trips <= 3))

        # 4. 10,000 rows through a 50 ms RTT proxy
        proxy = DelayProxy((str(server.get("host", "127.0.0.1")), int(server.get("port", 5432))), 0.025)
        try:
            a.repo(Detainee).add_many(detainees(10_000))
            slow = OfficeTarget.from_description(a.meta("sync.office"))
            slow_target = OfficeTarget(
                make_conninfo(slow.url, host="127.0.0.1", port=str(proxy.port)), slow.role, {}
            )

            def via_proxy(_: OfficeTarget) -> Channel:
                return connect(
                    slow_target, load_password(OfficeTarget.from_description(a.meta("sync.office")))
                )

            started = time.perf_counter()
            report = sync_now(a, channel_factory=via_proxy)
            slow_s = time.perf_counter() - started
        finally:
            proxy.close()
        print(f"10,000 rows through a 50 ms RTT proxy: {slow_s:.1f} s ({report.round_trips} statements)")
        verdicts.append(
            ("10,000 rows via 50 ms RTT < 10 s", report.pushed.accepted == 10_000 and slow_s < 10)
        )
        # 3. first pull of 100,000 rows: a second station, its rows written at the office
        office.add_station(admin_url, "BIG", "大站")
        big = {**STATION, "code": "BIG"}
        device = office.add_device(admin_url, "BIG", "c")
        c = initialise(tmp / "c", big, FirstUser("wang", "王检察官", "secret-pass-1"))
        stores.append(c)
        enroll_store(c, OfficeTarget.parse(device_url, device.role), device.secret)
        sync_now(c)
        device = office.add_device(admin_url, "BIG", "d")
        d = enroll_new(tmp / "d", OfficeTarget.parse(device_url, device.role), device.secret)
        stores.append(d)
        with psycopg.connect(admin_url) as conn:
            conn.execute(
                "INSERT INTO records.detainee (id, station_id, created_at, updated_at, name, gender, "
                "admitted_at, admission_documents, legal_status, stage, multiple_or_gang, property_items, "
                "discharge_documents, cell, block, notes) "
                "SELECT gen_random_uuid(), %s, now(), now(), '李' || g, 'male', now(), '[]', 'suspect', "
                "'detention', false, '[]', '[]', (100 + g %% 50)::text, '二监区', repeat('基准测试记录', 3) "
                "FROM generate_series(1, 100000) g",
                (c.station_id,),
            )
        started = time.perf_counter()
        report = sync_now(d)
        pulled = time.perf_counter() - started
        print(f"first pull of {report.pulled.rows:,} rows: {pulled:.1f} s ({report.pulled.pages} pages)")
        verdicts.append(("first pull of 100,000 rows < 20 s", report.pulled.rows >= 100_000 and pulled < 20))
    finally:
        for st in stores:
            st.close()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')  # type: ignore[arg-type]
            roles = conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (prefix + "\\_%",)
            ).fetchall()
            for (role,) in sorted(roles, key=lambda r: r[0].endswith(("_device", "_office"))):
                conn.execute(f'DROP ROLE "{role}"')  # type: ignore[arg-type]
    print()
    for name, ok in verdicts:
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    return 0 if all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
