"""Crash safety at scale (issue #11, item 10): a writer — form saves through the services, roster
and holiday imports — is killed with SIGKILL at random moments, 200 times (``INSPECTOR_CRASH_KILLS``).
After every kill ``check`` passes, and every change has its outbox entry: each person's outbox entries
match its audit entries one for one (a save writes both in its transaction, or neither).
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections import Counter

import pytest
from sqlalchemy import select

from inspector.check import run_checks
from inspector.security.audit import verify_chain
from inspector.store.models import AuditLog, Detainee, SyncOutbox
from inspector.store.store import Store
from tests.crash_writer import error_file, run_child

KILLS = int(os.environ.get("INSPECTOR_CRASH_KILLS", "200"))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def outbox_matches_audit(store: Store) -> list[str]:
    with store.session(read_only=True) as s:
        people = set(s.scalars(select(Detainee.id)))
        queued = Counter(s.scalars(select(SyncOutbox.row_id).where(SyncOutbox.table_name == "detainee")))
        audited = Counter(
            s.scalars(
                select(AuditLog.row_id).where(
                    AuditLog.table_name == "detainee",
                    AuditLog.action.in_(("create", "import", "update", "delete", "restore")),
                )
            )
        )
    problems = [
        f"{p}: {queued[p]} outbox entries, {audited[p]} audit entries"
        for p in people
        if queued[p] != audited[p]
    ]
    problems += [f"{p}: audited but not there" for p in audited if p not in people]
    return problems


def test_killing_a_writer_200_times_leaves_a_sound_database(store: Store) -> None:
    data_dir = store.data_dir
    store.close()
    rng = random.Random(10)
    kills = 0
    for round_no in range(KILLS):
        pid = run_child(data_dir, seed=round_no)
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        why = error_file(data_dir).read_text(encoding="utf-8") if error_file(data_dir).exists() else status
        assert os.WIFSIGNALED(status), f"round {round_no}: the writer stopped by itself: {why}"
        kills += 1
        with Store.open(data_dir) as st:
            bad = [r for r in run_checks(st) if not r.ok]
            assert not bad, f"round {round_no}: {[(r.name, r.problems) for r in bad]}"
            assert outbox_matches_audit(st) == [], f"round {round_no}"
    with Store.open(data_dir) as st, st.session(read_only=True) as s:
        assert verify_chain(s) == []
        written = len(list(s.scalars(select(Detainee.id))))
    assert kills == KILLS and written > KILLS // 4, "the writer hardly wrote anything between kills"
