"""Roster import benchmark (issue #11, item 14): a 100,000-row .xlsx roster imported — read, checked
(the preview) and committed in one transaction — against openpyxl merely reading the same file, in
the same run. Target: at most 3× openpyxl's read. The ratio is printed last.

    python bench/import_bench.py [--rows N] [--runs N]

The roster is generated into a temporary folder (valid ID numbers, dates, choices by their Chinese
labels, as a detention centre's export would have them); each run imports it into a new database.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import keyring
import openpyxl

from inspector.security.memory_keyring import MemoryKeyring
from inspector.services import roster_import as ri
from inspector.services.policy import actor_for
from inspector.station_setup import FirstUser, initialise

TARGET_RATIO = 3.0
STATION = {"code": "QXG", "name": "七星关区看守所检察室", "procuratorate": "毕节市七星关区人民检察院",
           "detention_center": "毕节市七星关区看守所", "agency_code": "七"}  # fmt: skip
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def id_number(i: int) -> str:
    """The ``i``-th of 16.8 million distinct valid ID numbers (sequence, day, month, year in turn)."""
    seq, day, month, year = i % 1000, (i // 1000) % 28, (i // 28_000) % 12, (i // 336_000) % 50
    body = f"520524{1950 + year:04d}{1 + month:02d}{1 + day:02d}{seq:03d}"
    return body + _CHECK[sum(int(x) * w for x, w in zip(body, _WEIGHTS, strict=True)) % 11]


def make_roster(path: Path, rows: int) -> None:
    rng = random.Random(14)
    stages = ("审查起诉", "侦查羁押", "一审", "二审", "刑事拘留")
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("名册")
    ws.append(["序号", "姓名", "身份证号码", "入所日期", "监区", "监室", "诉讼环节", "法律身份", "涉嫌罪名"])
    for n in range(1, rows + 1):
        number = id_number(n)
        ws.append([n, f"人员{n}", number, f"2026-0{1 + n % 9}-{1 + n % 28:02d}", f"{1 + n % 9}监区",
                   f"{100 + n % 50}", rng.choice(stages), "犯罪嫌疑人", "盗窃罪"])  # fmt: skip
    book.save(path)


def openpyxl_read(path: Path) -> float:
    started = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows > 1
    return time.perf_counter() - started


def import_once(path: Path, work: Path, n: int) -> tuple[float, dict[str, float]]:
    store = initialise(work / f"db{n}", STATION, FirstUser("wang", "王检察官", "bench-pass-1"))
    try:
        started = time.perf_counter()
        table = ri.read_table(path)
        read = time.perf_counter()
        plan = ri.plan_import(store, table, ri.guess_mapping(table.headers))
        planned = time.perf_counter()
        report = ri.commit_import(store, plan, actor_for(store))
        done = time.perf_counter()
    finally:
        store.close()
    assert report.added == len(table.rows) and report.rejected == 0, report
    return done - started, {"read": read - started, "plan": planned - read, "commit": done - planned}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    os.environ["INSPECTOR_DAILY_BACKUP"] = "0"
    with tempfile.TemporaryDirectory(prefix="inspector-import-bench-") as tmp:
        work = Path(tmp)
        path = work / "roster.xlsx"
        started = time.perf_counter()
        make_roster(path, args.rows)
        made = time.perf_counter() - started
        print(f"roster: {args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB (made in {made:.1f} s)")
        baselines, imports = [], []
        for n in range(args.runs):  # interleaved, so that load on the machine hits both alike
            baselines.append(openpyxl_read(path))
            seconds, parts = import_once(path, work, n)
            imports.append(seconds)
            shown = ", ".join(f"{k} {v:.2f} s" for k, v in parts.items())
            print(f"run {n + 1}: openpyxl read {baselines[-1]:.2f} s; import {seconds:.2f} s ({shown})")
    base, best = min(baselines), min(imports)
    ratio = best / base
    median = statistics.median(i / b for i, b in zip(imports, baselines, strict=True))
    print(f"openpyxl read (best of {args.runs}): {base:.2f} s; import (best): {best:.2f} s")
    print(f"median ratio {median:.2f}")
    print(f"ratio {ratio:.2f} (target ≤ {TARGET_RATIO})")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
