"""The office under load (issue #14, item 1): N laptops syncing at once. Prints figures; asserts nothing.

    INSPECTOR_BENCH_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/office_load.py --laptops 1 10 50

(``INSPECTOR_TEST_PG_URL`` is used if the bench variable is unset.) For each N: a dedicated office
database ``inspector_load_<token>`` and roles with a unique prefix, made by the office administration
code that ``inspector office init|add-station|add-device`` runs, dropped afterwards. Stations have two
laptops each (one for N = 1). Every laptop is a separate process (forked) running the real laptop
code: its own encrypted store (``initialise`` for a station's first laptop, ``enroll`` into an empty
folder for the second), its own device login, the password in its own (in-memory) keyring.

When every laptop is ready they start together: ``--rounds`` rounds of "add ``--adds`` detainees,
edit ``--edits`` of this laptop's earlier ones, ``sync_now``" (a sync that gives up — office busy or
unreachable — is retried and counted), bounded by ``--max-seconds``. Meanwhile the parent samples
``pg_locks`` (ungranted locks in this database) every 50 ms. Afterwards every laptop syncs twice more
(everyone's rows arrive), and its synced tables are compared with the office's export of its station
(``office export``): equal, and the office holds exactly the rows the laptops made.

Printed per N: ops pushed per second over the load phase (from the common start to the last laptop
done), p50/p95/max of the syncs' times, retries, lock waits sampled, deadlocks (``pg_stat_database``
delta), the server's time in ``sync.push``/``sync.pull`` (``track_functions``), the CPU the laptops
used and the machine's total busy CPU (the rest is the server and whatever else runs here), and the
convergence check. Last, throughput at each N against N × the single-laptop rate.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import secrets
import shutil
import statistics
import tempfile
import threading
import time
import traceback
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

ADMITTED = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)


def station_values(code: str) -> dict[str, Any]:
    return {
        "code": code,
        "name": f"{code} 检察室",
        "procuratorate": "负载人民检察院",
        "higher_procuratorate": None,
        "detention_center": f"{code} 看守所",
        "agency_code": "负",
    }


def detainees(n: int, tag: str) -> list[dict[str, Any]]:
    return [
        {
            "id": uuid.uuid4(),
            "name": f"张{tag}{i}",
            "gender": "male",
            "admitted_at": ADMITTED,
            "legal_status": "suspect",
            "stage": "detention",
            "cell": str(100 + i % 50),
            "block": "一监区",
            "notes": "负载测试记录" * 3,
        }
        for i in range(n)
    ]


@dataclass
class Plan:
    index: int
    code: str
    first: bool
    role: str
    secret: str
    device_url: str
    admin_url: str
    tmp: Path
    rounds: int
    adds: int
    edits: int
    max_seconds: float


@dataclass
class Outcome:
    index: int
    code: str
    sync_seconds: list[float] = field(default_factory=list)
    ops: int = 0
    accepted: int = 0
    conflicts: int = 0
    pulled: int = 0
    retries: int = 0
    made: int = 0
    cpu_seconds: float = 0.0
    max_rss_mb: float = 0.0
    finished_at: float = 0.0
    equal: bool = False
    mismatch: str = ""
    error: str = ""


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _sync(store: Any, out: Outcome, timed: bool) -> Any:
    from inspector.sync.errors import OfficeBusyError, OfficeUnreachableError
    from inspector.sync.run import sync_now

    for attempt in range(20):
        started = time.perf_counter()
        try:
            report = sync_now(store)
        except (OfficeBusyError, OfficeUnreachableError):
            out.retries += 1
            time.sleep(0.2 * (attempt + 1))
            continue
        if timed:
            out.sync_seconds.append(time.perf_counter() - started)
        return report
    raise RuntimeError("the office stayed busy for 20 attempts")


def _synced_rows(path: Path, tables: Sequence[str]) -> dict[str, list[str]]:
    data = json.loads(path.read_text(encoding="utf-8"))["tables"]
    return {
        t: sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in data.get(t, [])) for t in tables
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


def laptop(plan: Plan, ready: Any, go: Any, done: Any, settled: Any, results: Any) -> None:
    """One laptop, in its own process: set up, wait for the start, sync under load, converge, compare."""
    import keyring

    from inspector.export import export_json
    from inspector.security.memory_keyring import MemoryKeyring
    from inspector.station_setup import FirstUser, initialise
    from inspector.store.models import Detainee
    from inspector.sync import office, schema
    from inspector.sync.connection import OfficeTarget
    from inspector.sync.enroll import enroll_new, enroll_store

    keyring.set_keyring(MemoryKeyring())
    out = Outcome(plan.index, plan.code)
    store = None
    try:
        target = OfficeTarget.parse(plan.device_url, plan.role)
        data_dir = plan.tmp / f"laptop{plan.index}"
        if plan.first:
            store = initialise(
                data_dir, station_values(plan.code), FirstUser("wang", "王检察官", "secret-pass-1")
            )
            enroll_store(store, target, plan.secret)
            _sync(store, out, timed=False)  # the station's records reach the office
        ready.wait()  # every station's first laptop has synced
        if not plan.first:
            settle(plan.admin_url)
            store = enroll_new(data_dir, target, plan.secret, device_name=f"laptop{plan.index}")
        assert store is not None
        go.wait()
        cpu0, started = _cpu(), time.monotonic()
        mine: list[uuid.UUID] = []
        for r in range(plan.rounds):
            if time.monotonic() - started > plan.max_seconds:
                break
            rows = detainees(plan.adds, f"{plan.index}-{r}-")
            store.repo(Detainee).add_many(rows)
            out.made += len(rows)
            if mine and plan.edits:
                picked = [mine[(r * plan.edits + k) % len(mine)].hex for k in range(plan.edits)]
                with store.session() as s:
                    s.connection().exec_driver_sql(
                        f"UPDATE detainee SET cell = 'e{r}' || cell "
                        f"WHERE id IN ({', '.join('?' * len(picked))})",
                        tuple(picked),
                    )
            mine += [row["id"] for row in rows]
            report = _sync(store, out, timed=True)
            out.ops += report.pushed.ops
            out.accepted += report.pushed.accepted
            out.conflicts += report.pushed.conflicts
            out.pulled += report.pulled.rows
        out.cpu_seconds = _cpu() - cpu0
        out.max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out.finished_at = time.time()
        done.wait()  # every laptop has pushed all it made
        settle(plan.admin_url)  # the pull horizon is past every push (and any other long transaction)
        _sync(store, out, timed=False)
        settled.wait()
        settle(plan.admin_url)
        _sync(store, out, timed=False)  # whatever the others' last syncs wrote
        mine_file, office_file = plan.tmp / f"laptop{plan.index}.json", plan.tmp / f"office{plan.index}.json"
        export_json(store, mine_file)
        office.export_station(plan.admin_url, plan.code, office_file)
        tables = schema.table_names()
        a, b = _synced_rows(mine_file, tables), _synced_rows(office_file, tables)
        out.equal = a == b
        if not out.equal:
            diff = [t for t in tables if a[t] != b[t]]
            t = diff[0]
            only_a, only_b = set(a[t]) - set(b[t]), set(b[t]) - set(a[t])
            out.mismatch = (
                f"tables {diff}; {t}: laptop {len(a[t])} rows, office {len(b[t])}; "
                f"e.g. laptop {sorted(only_a)[:1]} office {sorted(only_b)[:1]}"
            )
    except Exception:  # reported to the parent, which prints it
        out.error = traceback.format_exc()
        for barrier in (ready, go, done, settled):
            barrier.abort()
    finally:
        if store is not None:
            store.close()
        results.put(out)


class LockSampler(threading.Thread):
    """Every ``every`` s: ungranted locks in the database, by lock type, and sessions waiting on a lock."""

    def __init__(self, url: str, dbname: str, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.url, self.dbname, self.every = url, dbname, every
        self.stop = threading.Event()
        self.samples = 0
        self.waiting: list[int] = []
        self.by_type: dict[str, int] = {}
        self.backend_ticks: dict[int, int] = {}  # pid → CPU ticks last seen (the server's own CPU)
        self.waits: dict[str, int] = {}  # wait_event_type:wait_event of busy backends → samples
        self.busy = 0  # backend samples running a statement

    def run(self) -> None:
        with psycopg.connect(self.url, autocommit=True) as conn:
            while not self.stop.is_set():
                rows = conn.execute(
                    "SELECT l.locktype, count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                    "WHERE NOT l.granted AND d.datname = %s GROUP BY 1 "
                    "UNION ALL SELECT 'transactionid', count(*) FROM pg_locks l JOIN pg_stat_activity a "
                    "ON a.pid = l.pid WHERE NOT l.granted AND l.locktype = 'transactionid' "
                    "AND a.datname = %s "
                    "GROUP BY 1",
                    (self.dbname, self.dbname),
                ).fetchall()
                self.samples += 1
                for pid, state, wait in conn.execute(
                    "SELECT pid, state, wait_event_type || ':' || wait_event FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()",
                    (self.dbname,),
                ):
                    if state == "active":
                        self.busy += 1
                        if wait:
                            self.waits[wait] = self.waits.get(wait, 0) + 1
                    try:
                        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    except (FileNotFoundError, ProcessLookupError):  # it ended meanwhile
                        continue
                    self.backend_ticks[pid] = int(stat[11]) + int(stat[12])
                self.waiting.append(sum(n for _, n in rows))
                for kind, n in rows:
                    self.by_type[kind] = self.by_type.get(kind, 0) + n
                time.sleep(self.every)


def _busy_jiffies() -> tuple[int, int]:
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def run(url: str, n: int, args: argparse.Namespace) -> dict[str, Any]:
    from inspector.sync import office

    token = secrets.token_hex(3)
    dbname, prefix = f"inspector_load_{token}", f"l{token}"
    server = conninfo_to_dict(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
        conn.execute(f"ALTER DATABASE \"{dbname}\" SET track_functions = 'pl'")
    admin_url = make_conninfo(url, dbname=dbname)
    device_url = make_conninfo(
        dbname=dbname, host=str(server.get("host", "127.0.0.1")), port=str(server.get("port", 5432))
    )
    tmp = Path(tempfile.mkdtemp(prefix=f"office-load-{n}-"))
    ctx = mp.get_context("fork")
    procs: list[Any] = []
    try:
        office.init_office(admin_url, prefix)
        plans: list[Plan] = []
        stations = max(1, n // 2)
        for s in range(stations):
            office.add_station(admin_url, f"L{s:03d}", f"负载{s}")
        for i in range(n):
            code = f"L{i % stations:03d}"
            device = office.add_device(admin_url, code, f"laptop{i}")
            plans.append(
                Plan(i, code, i < stations, device.role, device.secret, device_url, admin_url, tmp,
                     args.rounds, args.adds, args.edits, args.max_seconds)
            )  # fmt: skip
        ready, go, done, settled = (ctx.Barrier(n + 1, timeout=args.setup_timeout) for _ in range(4))
        results = ctx.Queue()
        set_up = time.monotonic()
        for plan in plans:
            p = ctx.Process(target=laptop, args=(plan, ready, go, done, settled, results))
            p.start()
            procs.append(p)
        ready.wait()
        go.wait()
        setup_s = time.monotonic() - set_up
        with psycopg.connect(admin_url, autocommit=True) as conn:
            row = conn.execute(
                "SELECT deadlocks FROM pg_stat_database WHERE datname = %s", (dbname,)
            ).fetchone()
            deadlocks0 = int(row[0]) if row else 0
        sampler = LockSampler(admin_url, dbname)
        busy0, total0 = _busy_jiffies()
        go_wall = time.time()
        sampler.start()
        done.wait(timeout=args.max_seconds * 3 + 120)
        sampler.stop.set()
        busy1, total1 = _busy_jiffies()
        settled.wait()
        outcomes: list[Outcome] = [results.get(timeout=600) for _ in plans]
        for p in procs:
            p.join(timeout=60)
        sampler.join(timeout=5)
        time.sleep(0.6)  # the backends' function statistics are flushed when they end
        with psycopg.connect(admin_url, autocommit=True) as conn:
            row = conn.execute(
                "SELECT deadlocks FROM pg_stat_database WHERE datname = %s", (dbname,)
            ).fetchone()
            deadlocks = (int(row[0]) if row else 0) - deadlocks0
            funcs = {
                name: (calls, total_ms)
                for name, calls, total_ms in conn.execute(
                    "SELECT funcname, sum(calls), sum(total_time) FROM pg_stat_user_functions "
                    "WHERE schemaname = 'sync' AND funcname IN ('push', 'pull') GROUP BY funcname"
                )
            }
            office_rows = conn.execute(
                "SELECT count(*), count(DISTINCT id) FROM records.detainee WHERE name LIKE '张%%'"
            ).fetchone()
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
        shutil.rmtree(tmp, ignore_errors=True)  # the laptops' data folders
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            roles = conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (prefix + "\\_%",)
            ).fetchall()
            for (role,) in sorted(roles, key=lambda r: r[0].endswith(("_device", "_office"))):
                conn.execute(f'DROP ROLE "{role}"')
    errors = [o for o in outcomes if o.error]
    for o in errors[:3]:
        print(f"laptop {o.index} failed:\n{o.error}")
    load_s = max(o.finished_at for o in outcomes) - go_wall if not errors else float("nan")
    ops = sum(o.ops for o in outcomes)
    times = [t for o in outcomes for t in o.sync_seconds]
    made = sum(o.made for o in outcomes)
    assert office_rows is not None
    return {
        "n": n,
        "setup_s": setup_s,
        "load_s": load_s,
        "ops": ops,
        "accepted": sum(o.accepted for o in outcomes),
        "conflicts": sum(o.conflicts for o in outcomes),
        "pulled": sum(o.pulled for o in outcomes),
        "rate": ops / load_s,
        "syncs": len(times),
        "p50": percentile(times, 0.5),
        "p95": percentile(times, 0.95),
        "max": max(times) if times else float("nan"),
        "retries": sum(o.retries for o in outcomes),
        "lock_samples": sampler.samples,
        "lock_wait_max": max(sampler.waiting, default=0),
        "lock_wait_mean": statistics.fmean(sampler.waiting) if sampler.waiting else 0.0,
        "lock_sampled_nonzero": sum(1 for w in sampler.waiting if w),
        "lock_types": sampler.by_type,
        "busy": sampler.busy,
        "waits": dict(sorted(sampler.waits.items(), key=lambda kv: -kv[1])[:6]),
        "deadlocks": deadlocks,
        "push_calls": int(funcs.get("push", (0, 0))[0] or 0),
        "push_ms": float(funcs.get("push", (0, 0.0))[1] or 0.0),
        "pull_ms": float(funcs.get("pull", (0, 0.0))[1] or 0.0),
        "laptop_cpu_s": sum(o.cpu_seconds for o in outcomes),
        "laptop_rss_mb": max((o.max_rss_mb for o in outcomes), default=0.0),
        "server_cpu_s": sum(sampler.backend_ticks.values()) / os.sysconf("SC_CLK_TCK"),
        "machine_busy_s": (busy1 - busy0) / os.sysconf("SC_CLK_TCK"),
        "machine_cpu_s": (total1 - total0) / os.sysconf("SC_CLK_TCK"),
        "made": made,
        "office_rows": int(office_rows[0]),
        "office_distinct": int(office_rows[1]),
        "equal": sum(1 for o in outcomes if o.equal),
        "mismatches": [o.mismatch for o in outcomes if o.mismatch][:3],
        "errors": len(errors),
    }


def show(r: dict[str, Any]) -> None:
    lost = r["made"] - r["office_distinct"]
    dup = r["office_rows"] - r["office_distinct"]
    print(
        f"N={r['n']:>3}: {r['ops']:,} ops in {r['load_s']:.1f} s = {r['rate']:,.0f} ops/s "
        f"(accepted {r['accepted']:,}, conflicts {r['conflicts']}, pulled {r['pulled']:,}); "
        f"{r['syncs']} syncs p50 {r['p50'] * 1000:.0f} ms, p95 {r['p95'] * 1000:.0f} ms, "
        f"max {r['max'] * 1000:.0f} ms; retries {r['retries']}; set-up {r['setup_s']:.0f} s"
    )
    print(
        f"       locks: {r['lock_samples']} samples, waiting in {r['lock_sampled_nonzero']} "
        f"(max {r['lock_wait_max']}, mean {r['lock_wait_mean']:.2f}) {r['lock_types']}; "
        f"deadlocks {r['deadlocks']}"
    )
    print(f"       busy backends sampled {r['busy']}, of them waiting on: {r['waits']}")
    print(
        f"       server: sync.push {r['push_calls']} calls {r['push_ms'] / 1000:.1f} s, "
        f"sync.pull {r['pull_ms'] / 1000:.1f} s (wall); CPU: laptops {r['laptop_cpu_s']:.1f} s, "
        f"server backends ≥ {r['server_cpu_s']:.1f} s, machine busy "
        f"{r['machine_busy_s']:.1f} of {r['machine_cpu_s']:.1f} CPU-s"
    )
    print(
        f"       rows: laptops made {r['made']:,}, office holds {r['office_rows']:,} "
        f"(lost {lost}, duplicated {dup}); laptops equal to the office: {r['equal']}/{r['n']}"
        + (f" — {r['mismatches']}" if r["mismatches"] else "")
        + (f"; {r['errors']} laptops FAILED" if r["errors"] else "")
        + f"; largest laptop process {r['laptop_rss_mb']:.0f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--laptops", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--adds", type=int, default=200, help="new detainees per laptop and round")
    parser.add_argument("--edits", type=int, default=50, help="edits of earlier rows per laptop and round")
    parser.add_argument("--max-seconds", type=float, default=180, help="stop starting rounds after this")
    parser.add_argument("--setup-timeout", type=float, default=900)
    args = parser.parse_args()
    url = os.environ.get("INSPECTOR_BENCH_PG_URL") or os.environ.get("INSPECTOR_TEST_PG_URL")
    url = url or "postgresql://postgres@127.0.0.1:5432/postgres"
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the start")
    found = []
    for n in args.laptops:
        r = run(url, n, args)
        show(r)
        found.append(r)
    single = next((r for r in found if r["n"] == 1), None)
    if single:
        print()
        for r in found:
            if r["n"] > 1:
                share = r["rate"] / (r["n"] * single["rate"])
                print(f"N={r['n']}: {r['rate']:,.0f} ops/s = {share:.0%} of N × the single-laptop rate")
        for r in found:
            own = (r["laptop_cpu_s"] + r["server_cpu_s"]) / r["ops"]
            print(
                f"N={r['n']}: laptops + server CPU per op {own * 1000:.2f} ms → {os.cpu_count()} cores could "
                f"carry at most {(os.cpu_count() or 1) / own:,.0f} ops/s; this run had "
                f"{r['machine_cpu_s'] - (r['laptop_cpu_s'] + r['server_cpu_s']):.0f} of "
                f"{r['machine_cpu_s']:.0f} CPU-s left for everything else on the machine"
            )
    ok = all(r["deadlocks"] == 0 and r["made"] == r["office_distinct"] == r["office_rows"]
             and r["equal"] == r["n"]
             for r in found)  # fmt: skip
    print(
        f"\n{'PASS' if ok else 'FAIL'}  0 deadlocks, nothing lost or duplicated, "
        "every laptop equals the office"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
