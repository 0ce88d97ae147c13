"""Three laptops of one station edit, delete, sync (sometimes cut), and resolve conflicts in any order;
once everyone has settled and synced, every laptop holds exactly what the office holds."""

from __future__ import annotations

import contextlib
import itertools
import os
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from inspector.store.models import Detainee, SyncOutbox
from inspector.sync import conflicts
from inspector.sync.errors import OfficeUnreachableError
from tests.conftest import detainee_values
from tests.sync.conftest import Laptop, Office, cutting

pytestmark = pytest.mark.pg

_codes = (f"S{i:03d}" for i in itertools.count())


def rows(laptop: Laptop) -> dict[uuid.UUID, tuple[Any, ...]]:
    return {
        d.id: (d.name, d.cell, d.deleted_at is not None, d.server_version)
        for d in laptop.store.repo(Detainee).list(include_deleted=True)
    }


def office_rows(office: Office, station: uuid.UUID) -> dict[uuid.UUID, tuple[Any, ...]]:
    with office.admin() as conn:
        found = conn.execute(
            "SELECT id, name, cell, deleted_at IS NOT NULL, row_version FROM records.detainee "
            "WHERE station_id = %s",
            (station,),
        ).fetchall()
    return {r[0]: tuple(r[1:]) for r in found}


def outbox(laptop: Laptop) -> int:
    with laptop.store.session() as s:
        return int(s.scalar(select(func.count()).select_from(SyncOutbox)) or 0)


def test_three_laptops_converge(office: Office, laptops: Callable[..., Laptop]) -> None:
    class Station(RuleBasedStateMachine):
        devices: list[Laptop]

        @initialize()
        def make_station(self) -> None:
            code = next(_codes)
            first = laptops(code)
            first.sync()
            self.devices = [first, laptops(code, second=True), laptops(code, second=True)]

        def live_ids(self, laptop: Laptop) -> list[uuid.UUID]:
            return sorted(d.id for d in laptop.store.repo(Detainee).list())

        @rule(device=st.integers(0, 2), name=st.sampled_from(["甲", "乙", "丙"]))
        def add(self, device: int, name: str) -> None:
            self.devices[device].store.repo(Detainee).add(detainee_values(name=name))

        @rule(device=st.integers(0, 2), pick=st.integers(0, 50), cell=st.sampled_from(["101", "202", "303"]))
        def edit(self, device: int, pick: int, cell: str) -> None:
            ids = self.live_ids(self.devices[device])
            if ids:
                self.devices[device].store.repo(Detainee).update(ids[pick % len(ids)], {"cell": cell})

        @rule(device=st.integers(0, 2), pick=st.integers(0, 50))
        def delete(self, device: int, pick: int) -> None:
            ids = self.live_ids(self.devices[device])
            if ids:
                self.devices[device].store.repo(Detainee).soft_delete(ids[pick % len(ids)])

        @rule(device=st.integers(0, 2))
        def sync(self, device: int) -> None:
            self.devices[device].sync()

        @rule()
        def sync_everyone(self) -> None:
            for laptop in self.devices:
                laptop.sync()

        @rule(device=st.integers(0, 2), cut_at=st.integers(1, 3), lose_reply=st.booleans())
        def sync_cut(self, device: int, cut_at: int, lose_reply: bool) -> None:
            with contextlib.suppress(OfficeUnreachableError):  # the cut; the next sync must converge
                self.devices[device].sync(channel_factory=cutting(cut_at, lose_reply))

        @precondition(lambda self: any(conflicts.open_count(d.store) for d in self.devices))
        @rule(device=st.integers(0, 2), keep_mine=st.booleans())
        def resolve(self, device: int, keep_mine: bool) -> None:
            laptop = self.devices[device]
            for c in conflicts.list_conflicts(laptop.store):
                chosen = {k: c.mine[k] for k in c.changed_fields} if keep_mine and c.theirs else {}
                conflicts.resolve(laptop.store, c.id, chosen)

        def teardown(self) -> None:
            if not getattr(self, "devices", None):
                return
            for _ in range(6):  # everyone settles (keeping the office's version) and syncs
                for laptop in self.devices:
                    laptop.sync()
                    for c in conflicts.list_conflicts(laptop.store):
                        conflicts.resolve(laptop.store, c.id, {})
                if all(not outbox(d) and not conflicts.open_count(d.store) for d in self.devices):
                    break
            for laptop in self.devices:
                laptop.sync()
            expected = office_rows(office, self.devices[0].store.station_id)
            for laptop in self.devices:
                assert outbox(laptop) == 0 and conflicts.open_count(laptop.store) == 0
                assert rows(laptop) == expected

    run_state_machine_as_test(
        Station,
        settings=settings(
            max_examples=int(os.environ.get("INSPECTOR_STATEFUL_EXAMPLES", "8")),
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
