"""Crash safety at scale, with the office (issue #11, item 10): the writer also syncs, so SIGKILL
lands in pushes, pulls and their local transactions too — 200 times (``INSPECTOR_CRASH_KILLS``).
After every kill ``check`` passes; at the end one sync brings the office to exactly the laptop's
records (every change had its outbox entry), and nothing is left queued.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable

import pytest
from sqlalchemy import select

from inspector.check import run_checks
from inspector.store.models import Detainee, SyncOutbox
from inspector.store.store import Store
from inspector.sync.run import sync_now
from tests.crash_writer import error_file, run_child
from tests.sync.conftest import Laptop, Office, settle

KILLS = int(os.environ.get("INSPECTOR_CRASH_KILLS", "200"))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def test_killing_a_syncing_writer_200_times_loses_nothing(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    laptop = laptops()
    laptop.sync()
    data_dir = laptop.store.data_dir
    laptop.store.close()
    rng = random.Random(12)
    for round_no in range(KILLS):
        pid = run_child(data_dir, seed=round_no, sync=sync_now)
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        why = error_file(data_dir).read_text(encoding="utf-8") if error_file(data_dir).exists() else status
        assert os.WIFSIGNALED(status), f"round {round_no}: the writer stopped by itself: {why}"
        with Store.open(data_dir) as st:
            bad = [r for r in run_checks(st) if not r.ok]
            assert not bad, f"round {round_no}: {[(r.name, r.problems) for r in bad]}"
    laptop.store = Store.open(data_dir)
    settle(office)
    report = laptop.sync()
    assert report.open_conflicts == 0 and report.pushed.rejected == 0
    with laptop.store.session(read_only=True) as s:
        here = {d.id: (d.name, d.cell, d.deleted_at is not None) for d in s.scalars(select(Detainee))}
        assert list(s.scalars(select(SyncOutbox.seq))) == []
    with office.admin() as conn:
        there = {
            r[0]: (r[1], r[2], r[3])
            for r in conn.execute("SELECT id, name, cell, deleted_at IS NOT NULL FROM records.detainee")
        }
    assert here == there and len(here) > KILLS // 4
