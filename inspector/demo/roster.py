"""The demo's duty roster (值班与在岗, docs/domain.md "Duty roster"): a staff list of five, a plan from the
first week of work to the end of next month, and sign-ins up to yesterday.

Who is where, as a small resident office works:

* the two procurators (王镕, 陈思琪) are on site every working day but for a few days of leave, never on
  leave on the same day, with a third in turn: the office's head (赵建华) on Mondays for the week's
  review, the user the demo was made for on Tuesdays and Thursdays, the assistant (刘洋, no account)
  on the other days, now and then 外出 (serving documents) — sometimes back in the afternoon, signed
  in without a plan. So two or three are on site, as the station's rule asks;
* on statutory holidays one of them is 值班 in turn; ordinary weekends are not planned;
* sign-ins follow the plan (arriving 08:10–08:55, leaving 17:20–18:10), with a few missed;
* the day the daily logs keep short has one person on site, and the next working day within three days
  of today is planned with one person, so the 工作台 warns of it; a statutory holiday within a week of
  today leaves its first day without duty, for the same reason.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any

from inspector.rules.calendar import HolidayCalendar
from inspector.rules.duty import roster_day
from inspector.store.models import DutyPlan, DutySignIn, StaffMember
from inspector.store.models.duty import plan_id, sign_in_id, staff_id_for_user

__all__ = ["Roster", "make_roster"]

Row = dict[str, Any]
ON_SITE, ON_DUTY, LEAVE, OUT = "on_site", "on_duty", "leave", "out"


@dataclass
class Roster:
    """What the demo made: staff ids by name, the plan, and who (with an account) signed in each day."""

    staff: dict[str, uuid.UUID] = field(default_factory=dict)
    plan: dict[tuple[uuid.UUID, date], str] = field(default_factory=dict)
    signed_users: dict[date, list[str]] = field(default_factory=dict)


def _end_of_next_month(d: date) -> date:
    first = date(d.year + (d.month // 12), d.month % 12 + 1, 1)
    after = date(first.year + (first.month // 12), first.month % 12 + 1, 1)
    return after - timedelta(days=1)


def make_roster(
    *,
    rng: random.Random,
    station_id: uuid.UUID,
    start: date,
    today: date,
    short_day: date | None,
    procurators: list[tuple[uuid.UUID, str]],
    chief: tuple[uuid.UUID, str],
    me: tuple[uuid.UUID, str] | None,
    new_id: Callable[[], uuid.UUID],
    add: Callable[[type[Any], Row], None],
) -> Roster:
    cal = HolidayCalendar()
    out = Roster()
    accounts: dict[uuid.UUID, uuid.UUID] = {}  # staff id -> user id

    def person(name: str, position: str, order: int, user: uuid.UUID | None) -> uuid.UUID:
        sid = staff_id_for_user(station_id, user) if user is not None else new_id()
        add(
            StaffMember, {"id": sid, "user_id": user, "name": name, "position": position, "sort_order": order}
        )
        out.staff[name] = sid
        if user is not None:
            accounts[sid] = user
        return sid

    head = person(chief[1], "检察室主任", 10, chief[0])
    first, second = (
        person(name, "检察官", 20 + 10 * k, uid) for k, (uid, name) in enumerate(procurators[:2])
    )
    mine = person(me[1], "检察官", 40, me[0]) if me is not None else None
    assistant = person("刘洋", "检察官助理", 50, None)
    on_duty_turn = [s for s in (first, second, mine, assistant) if s is not None]

    last = _end_of_next_month(today)
    leave: set[tuple[uuid.UUID, date]] = set()
    d = start
    while d <= last:  # a few days of leave every five or six weeks, never both procurators at once
        who = first if rng.random() < 0.5 else second
        other = second if who == first else first
        for k in range(rng.randint(1, 3)):
            day = d + timedelta(days=k)
            if (other, day) not in leave:
                leave.add((who, day))
        d += timedelta(days=rng.randint(35, 45))
    soon_short = next(
        (
            today + timedelta(days=k)
            for k in range(1, 4)
            if roster_day(today + timedelta(days=k), cal).kind == "workday"
        ),
        None,
    )
    soon_holiday = next(
        (
            today + timedelta(days=k)
            for k in range(0, 8)
            if roster_day(today + timedelta(days=k), cal).kind == "holiday"
        ),
        None,
    )
    turn = 0
    d = start
    while d <= last:
        kind = roster_day(d, cal).kind
        planned: dict[uuid.UUID, str] = {}
        if kind == "workday":
            for proc in (first, second):
                planned[proc] = LEAVE if (proc, d) in leave else ON_SITE
            third = {0: head, 1: mine, 3: mine}.get(d.weekday(), assistant) or assistant
            planned[third] = OUT if third == assistant and rng.random() < 0.15 else ON_SITE
            if d in (short_day, soon_short):  # one person on site: a short day
                planned = {first: ON_SITE, second: LEAVE, assistant: OUT}
        elif kind == "holiday" and d != soon_holiday:
            planned[on_duty_turn[turn % len(on_duty_turn)]] = ON_DUTY
            turn += 1
        for sid, state in planned.items():
            add(DutyPlan, {"id": plan_id(station_id, sid, d), "staff_id": sid, "day": d, "state": state})
            out.plan[(sid, d)] = state
        if d < today:
            _sign_ins(rng, station_id, d, planned, accounts, out, add)
        d += timedelta(days=1)
    return out


def _sign_ins(
    rng: random.Random,
    station_id: uuid.UUID,
    d: date,
    planned: dict[uuid.UUID, str],
    accounts: dict[uuid.UUID, uuid.UUID],
    out: Roster,
    add: Callable[[type[Any], Row], None],
) -> None:
    signed: list[str] = []
    for sid, state in planned.items():
        note = None
        if state in (ON_SITE, ON_DUTY):
            if rng.random() < 0.03:  # forgot to sign in
                continue
            start = time(8, 50) if state == ON_DUTY else time(8, rng.randint(10, 55))
            end = time(17, 0) if state == ON_DUTY else time(17 + rng.randint(0, 1), rng.randint(0, 5) * 10)
            end = max(end, time(17, 20)) if state == ON_SITE else end
            note = "节假日值班" if state == ON_DUTY else None
        elif state == OUT and rng.random() < 0.3:  # back from serving documents in the afternoon
            start, end, note = time(14, rng.randint(0, 5) * 10), time(17, 30), "外出送达文书后返回"
        else:
            continue
        add(
            DutySignIn,
            {
                "id": sign_in_id(station_id, sid, d),
                "staff_id": sid,
                "day": d,
                "time_in": start,
                "time_out": end,
                "note": note,
            },
        )
        if sid in accounts:
            signed.append(str(accounts[sid]))
    if signed:
        out.signed_users[d] = signed
