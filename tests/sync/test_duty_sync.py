"""The duty roster syncs like every record: staff, plan and sign-ins reach the office and the station's
other laptops, under row-level security; a cell planned on two laptops is one row (its id derives from
the station, the person and the day): the office holds it once, the second laptop has a conflict."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, time

import pytest

from inspector.services import duty
from inspector.services.duty import CellChange
from inspector.services.policy import actor_for
from inspector.sync import conflicts
from tests.sync.conftest import Laptop, Office

pytestmark = pytest.mark.pg

DAY = date(2026, 10, 12)
# (a cell's id derives from the station, the person and the day: see inspector.store.models.duty)


def wang(laptop: Laptop) -> uuid.UUID:
    return next(s.id for s in duty.list_staff(laptop.store) if s.name == "王检察官")


@pytest.fixture
def pair(laptops: Callable[..., Laptop]) -> tuple[Laptop, Laptop]:
    a = laptops()
    me = actor_for(a.store)
    assert duty.add_staff_from_users(a.store, me) == 1
    duty.set_plan(a.store, [CellChange(wang(a), DAY, "on_site", None)], me)
    duty.save_sign_in(a.store, wang(a), DAY, time(8, 30), time(17, 30), me, note="巡视")
    a.sync()
    return a, laptops("QXG", second=True)


def test_the_roster_reaches_the_office_and_the_other_laptop(
    office: Office, pair: tuple[Laptop, Laptop]
) -> None:
    a, b = pair
    for table in ("staff_member", "duty_plan", "duty_sign_in"):
        assert office.scalar(f"SELECT count(*) FROM records.{table}") == 1, table
    month = duty.load_month(b.store, 2026, 10, today=date(2026, 10, 31))
    assert [p.name for p in month.staff] == ["王检察官"]
    staff_id = month.staff[0].id
    assert staff_id == wang(a)
    assert month.plan == {(staff_id, DAY): "on_site"}
    assert month.sign_ins[(staff_id, DAY)].span == "08:30—17:30"
    assert month.sign_ins[(staff_id, DAY)].note == "巡视"
    # a change on the second laptop comes back to the first
    duty.set_plan(b.store, [CellChange(staff_id, DAY, "leave", "on_site")], actor_for(b.store))
    b.sync()
    a.sync()
    assert duty.load_month(a.store, 2026, 10).plan == {(staff_id, DAY): "leave"}


@pytest.mark.parametrize("same", [True, False])
def test_one_cell_planned_on_two_laptops_is_one_row(
    office: Office, pair: tuple[Laptop, Laptop], same: bool
) -> None:
    a, b = pair
    staff_id = wang(a)
    other = date(2026, 10, 13)
    duty.set_plan(a.store, [CellChange(staff_id, other, "on_site", None)], actor_for(a.store))
    duty.set_plan(
        b.store, [CellChange(staff_id, other, "on_site" if same else "out", None)], actor_for(b.store)
    )
    assert a.sync().open_conflicts == 0
    report = b.sync()
    # one row at the office, not two; the laptop that comes second has a conflict to resolve (a plan row
    # holds who made it and when, so two laptops' rows are never quite the same)
    assert office.scalar("SELECT count(*) FROM records.duty_plan WHERE day = %s", (other,)) == 1
    assert report.open_conflicts == 1
    [c] = conflicts.list_conflicts(b.store)
    assert (c.table_name, c.kind, c.mine["state"]) == ("duty_plan", "conflict", "on_site" if same else "out")
    assert c.theirs is not None and c.theirs["state"] == "on_site"
    assert ("state" in c.changed_fields) is not same


def test_another_station_sees_none_of_the_roster(
    office: Office, pair: tuple[Laptop, Laptop], laptops: Callable[..., Laptop]
) -> None:
    other = laptops("BBB")
    other.sync()
    assert duty.list_staff(other.store) == []
    with office.as_device(other.role) as conn:
        for table in ("staff_member", "duty_plan", "duty_sign_in"):
            assert conn.execute(f"SELECT count(*) FROM records.{table}").fetchone() == (0,), table  # type: ignore[arg-type]
