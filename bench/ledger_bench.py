"""Ledger review benchmark (issue #15, item 5): a 5,000-row daily 出所 ledger (.xlsx) imported — read,
mapped, compared with a 100,000-detainee register (each release against the person's custody
deadline and stage, the paper checked) and its change report kept — against openpyxl merely reading
the same file, in the same run. Targets: under 2 s, and at most 3× openpyxl's read. The ratio is
printed last.

    python bench/ledger_bench.py [--register N] [--rows N] [--runs N]

The register is written once through the services' bulk writer (as a roster import writes it); the
ledger is generated the way a centre's export looks (a title row, the header, dates as text). The
desktop keeps every held person's custody deadline in its agenda cache (computed when it starts and
whenever a person changes); the import reads those and computes only the missing ones. One cold run,
before the cache is warmed, is printed for information; the timed runs follow warming it as the
desktop's start does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time as clock
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import keyring
import openpyxl

from inspector.agenda import build_agenda
from inspector.security.memory_keyring import MemoryKeyring
from inspector.services import ledger_import as li
from inspector.services import records
from inspector.services.policy import actor_for
from inspector.station_setup import FirstUser, initialise
from inspector.store.store import Store

TARGET_SECONDS = 2.0
TARGET_RATIO = 3.0
STATION = {"code": "QXG", "name": "七星关区看守所检察室", "procuratorate": "毕节市七星关区人民检察院",
           "detention_center": "毕节市七星关区看守所", "agency_code": "七"}  # fmt: skip
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_STAGES = ("prosecution_review", "investigation", "first_instance", "detention", "second_instance")
TODAY = date(2026, 11, 25)


def id_number(i: int) -> str:
    """The ``i``-th of 16.8 million distinct valid ID numbers (sequence, day, month, year in turn)."""
    seq, day, month, year = i % 1000, (i // 1000) % 28, (i // 28_000) % 12, (i // 336_000) % 50
    body = f"520524{1950 + year:04d}{1 + month:02d}{1 + day:02d}{seq:03d}"
    return body + _CHECK[sum(int(x) * w for x, w in zip(body, _WEIGHTS, strict=True)) % 11]


def gender(number: str) -> str:
    return "male" if int(number[16]) % 2 else "female"


def make_register(store: Store, people: int) -> None:
    actor = actor_for(store)
    with store.session() as s:
        for start in range(0, people, 2000):
            chunk = []
            for n in range(start + 1, min(people, start + 2000) + 1):
                number = id_number(n)
                admitted = date(2025, 11, 1) + timedelta(days=(n * 7) % 365)
                chunk.append(
                    {"name": f"人员{n}", "id_number": number, "gender": gender(number),
                     "admitted_at": datetime.combine(admitted, time(2), tzinfo=UTC),
                     "legal_status": "suspect", "stage": _STAGES[n % len(_STAGES)],
                     "stage_started_on": admitted + timedelta(days=n % 40), "cell": f"{100 + n % 50}"}
                )  # fmt: skip
            records.insert_records(s, "detainee", chunk, actor, action="import", validated=True)


def make_ledger(path: Path, rows: int, register: int) -> None:
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("出所登记")
    ws.append(["毕节市七星关区看守所出所登记台账"])
    ws.append(["序号", "姓名", "身份证号码", "出所日期", "出所方式", "出所凭证", "去向", "备注"])
    kinds = ("释放", "转押", "交付执行", "取保候审")
    papers = ("释放证明书", "换押证", "执行通知书", "取保候审决定书")
    step = max(1, register // rows)
    for n in range(1, rows + 1):
        person = n * step if n % 50 else register + n  # one in fifty is not on the register
        k = n % 4
        paper = "" if n % 37 == 0 else papers[k]
        ws.append([n, f"人员{person}", id_number(person), f"2026-11-{1 + n % 24:02d}", kinds[k], paper,
                   "毕节市看守所" if k == 1 else "", ""])  # fmt: skip
    book.save(path)


def openpyxl_read(path: Path) -> float:
    started = clock.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows > 1
    return clock.perf_counter() - started


def import_once(store: Store, path: Path) -> tuple[float, dict[str, int]]:
    started = clock.perf_counter()
    result = li.import_ledger(store, path, actor_for(store), kind="release", today=TODAY)
    seconds = clock.perf_counter() - started
    return seconds, dict(result.report["counts"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--register", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    os.environ["INSPECTOR_DAILY_BACKUP"] = "0"
    with tempfile.TemporaryDirectory(prefix="inspector-ledger-bench-") as tmp:
        work = Path(tmp)
        store = initialise(work / "db", STATION, FirstUser("wang", "王检察官", "bench-pass-1"))
        try:
            started = clock.perf_counter()
            make_register(store, args.register)
            path = work / "出所登记.xlsx"
            make_ledger(path, args.rows, args.register)
            made = clock.perf_counter() - started
            print(f"register: {args.register:,} people; ledger: {args.rows:,} rows (made in {made:.1f} s)")
            cold, _ = import_once(store, path)
            started = clock.perf_counter()
            build_agenda(store, TODAY)
            warmed = clock.perf_counter() - started
            print(f"cold import (no cached deadlines) {cold:.2f} s; agenda cache warmed in {warmed:.1f} s")
            baselines, imports = [], []
            for n in range(args.runs):  # interleaved, so that load on the machine hits both alike
                baselines.append(openpyxl_read(path))
                seconds, counts = import_once(store, path)
                imports.append(seconds)
                shown = ", ".join(f"{li.ITEM_TYPES[k]} {v}" for k, v in counts.items())
                print(f"run {n + 1}: openpyxl read {baselines[-1]:.2f} s; import {seconds:.2f} s ({shown})")
        finally:
            store.close()
    base, best = min(baselines), min(imports)
    ratio = best / base
    median = statistics.median(i / b for i, b in zip(imports, baselines, strict=True))
    print(f"openpyxl read (best of {args.runs}): {base:.2f} s")
    print(f"import (best): {best:.2f} s (target < {TARGET_SECONDS} s)")
    print(f"median ratio {median:.2f}")
    print(f"ratio {ratio:.2f} (target ≤ {TARGET_RATIO})")
    return 0 if ratio <= TARGET_RATIO and best < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
