"""A writer that never stops on its own, for the crash-safety tests: it saves records through the
services (new people, edits, soft deletes and restores, patrols with findings), imports rosters and
a holiday file, and — given ``sync`` — syncs with the office, in a random order, until it is killed.

Run in a forked child (``os.fork`` after the imports: a kill can come a millisecond after it starts);
the test SIGKILLs it at a random moment and then checks the data folder.
"""

from __future__ import annotations

import os
import random
import traceback
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector.services import records, roster_import
from inspector.services.policy import actor_for
from inspector.store.models import Detainee
from inspector.store.repository import today_local
from inspector.store.store import Store
from inspector.sync.holidays import local_set_holidays, parse_holiday_csv
from tests.conftest import detainee_values

CELLS = ("101", "102", "203", "305", "一监区108")


def writer(data_dir: Path, seed: int, sync: Callable[[Store], object] | None = None) -> None:
    """Write until killed. Every step is one service call or one sync (each one transaction or a
    series of them, as in the app)."""
    rng = random.Random(seed)
    store = Store.open(data_dir)
    me = actor_for(store)
    people: list[uuid.UUID] = []
    with store.session(read_only=True) as s:
        people = list(s.scalars(select(Detainee.id)))
    step = 0
    while True:
        step += 1
        roll = rng.random()
        if roll < 0.35 or not people:
            values = detainee_values(name=f"甲{seed}-{step}", cell=rng.choice(CELLS))
            saved = records.save(store, "detainee", None, values, None, me)
            people.append(saved.record_id)
        elif roll < 0.65:
            pid = rng.choice(people)
            try:
                state = records.load_for_edit(store, "detainee", pid)
            except records.RecordNotFoundError:  # deleted: bring it back instead
                records.restore(store, "detainee", pid, me)
            else:
                new_cell = rng.choice([c for c in CELLS if c != state.values.get("cell")])
                records.save(store, "detainee", pid, {"cell": new_cell}, state.version, me)
        elif roll < 0.72:
            pid = rng.choice(people)
            try:
                records.delete(store, "detainee", pid, me)
            except records.RecordNotFoundError:
                records.restore(store, "detainee", pid, me)
        elif roll < 0.85:
            state = records.load_for_edit(store, "patrol", actor=me)
            values = {**state.values, "areas": ["一监区"], "methods": ["on_site"]}
            findings = [
                records.ChildChange({"description": f"发现{step}-{i}", "severity": "hazard"})
                for i in range(rng.randint(0, 3))
            ]
            records.save(store, "patrol", None, values, None, me, children=findings)
        elif roll < 0.90:
            _import_roster(store, me, data_dir.parent / f"roster-{seed}.csv", seed, step, rng)
        elif roll < 0.94 or sync is None:
            year = today_local().year + 2
            rows = "\n".join(
                f"{date(year, 1, 1 + i).isoformat()},rest,元旦," for i in range(rng.randint(1, 3))
            )
            local_set_holidays(store, parse_holiday_csv("date,type,name,note\n" + rows + "\n"))
        else:
            sync(store)


def _import_roster(store: Store, me: Any, path: Path, seed: int, step: int, rng: random.Random) -> None:
    """A roster import of a few new people (one transaction for all of them)."""
    lines = ["姓名,入所日期,监室,诉讼环节,法律身份,性别"]
    lines += [
        f"乙{seed}-{step}-{i},2026-03-01,{rng.choice(CELLS)},审查起诉,犯罪嫌疑人,男"
        for i in range(rng.randint(1, 20))
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = roster_import.read_table(path)
    plan = roster_import.plan_import(store, table, roster_import.guess_mapping(table.headers))
    roster_import.commit_import(store, plan, me)


def run_child(data_dir: Path, seed: int, sync: Callable[[Store], object] | None = None) -> int:
    """Fork a writer; the parent gets its pid. The child never returns."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child is killed
        try:
            writer(data_dir, seed, sync)
        except BaseException:
            error_file(data_dir).write_text(traceback.format_exc(), encoding="utf-8")
        finally:
            os._exit(1)
    return pid


def error_file(data_dir: Path) -> Path:
    """Where a writer that failed by itself leaves its traceback."""
    return data_dir.parent / "writer-error.txt"
