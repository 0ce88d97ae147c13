"""The duty roster on the agenda: coming working days planned below the minimum staff, coming statutory
holidays without anyone on duty (``inspector.rules.duty``; docs/domain.md, "Duty roster")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import select

from inspector.agenda.context import AgendaContext, of_station
from inspector.agenda.items import AgendaItem
from inspector.rules.duty import Planned, StaffInput, duty_warnings
from inspector.rules.text import Label, define
from inspector.store.models import DutyPlan, StaffMember

_DAY = define("agenda.duty.day", "{day}（{weekday}）", "{day} ({weekday})")
_HOLIDAY_DAY = define(
    "agenda.duty.holiday_day", "{day}（{weekday}） {holiday}", "{day} ({weekday}) {holiday}"
)
_SHORT_TITLE = define(
    "agenda.duty.short_title",
    "工作日在岗人数不足（{on_site}/{required}）",
    "Too few staff on site on a working day ({on_site}/{required})",
)
_SHORT_RULE = define(
    "agenda.duty.short_rule",
    "工作日确保{min}至{max}名检察人员在岗（本地工作要求）",
    "{min} to {max} procuratorial staff on site every working day (local requirement)",
)
_HOLIDAY_TITLE = define(
    "agenda.duty.holiday_title", "法定节假日未安排值班", "Nobody on duty on a statutory holiday"
)
_HOLIDAY_RULE = define(
    "agenda.duty.holiday_rule",
    "法定节假日安排人员值班（本地工作要求）",
    "Someone on duty on every statutory holiday (local requirement)",
)
_BASIS = define("agenda.local_basis", "检察室工作要求（本地设置）", "Office requirement (local setting)")
_ADJUST = define(
    "agenda.duty.adjust",
    "{note}。请在值班与在岗中调整值班表。",
    "{note}. Adjust the roster under Duty and on site.",
)

__all__ = ["duty_items", "roster_staff"]


def roster_staff(ctx: AgendaContext) -> tuple[list[StaffInput], bool]:
    """Everyone on the staff list (someone no longer 在编 still counts where they are planned, as on
    the month's page) and whether anyone is still on it."""
    rows = ctx.session.execute(
        select(StaffMember.id, StaffMember.name, StaffMember.counts_toward_minimum, StaffMember.active)
        .where(of_station(StaffMember, ctx.station_id), StaffMember.deleted_at.is_(None))
        .order_by(StaffMember.sort_order, StaffMember.name)
    ).all()
    return [StaffInput(str(r.id), r.name, bool(r.counts_toward_minimum)) for r in rows], any(
        r.active for r in rows
    )


def duty_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    """Nothing for a station that keeps no roster (nobody on the staff list)."""
    staff, in_use = roster_staff(ctx)
    if not in_use:
        return
    s = ctx.settings
    last = ctx.today + timedelta(days=max(s.duty_staff_warning_days, s.holiday_duty_warning_days))
    plan = [
        Planned(str(staff_id), day, state)
        for staff_id, day, state in ctx.session.execute(
            select(DutyPlan.staff_id, DutyPlan.day, DutyPlan.state).where(
                of_station(DutyPlan, ctx.station_id),
                DutyPlan.deleted_at.is_(None),
                DutyPlan.day.between(ctx.today, last),
            )
        )
    ]
    for w in duty_warnings(ctx.today, staff, plan, ctx.calendar, s):
        day = w.check.day
        weekday = Label(day.weekday)
        subject = _DAY(day=w.day, weekday=weekday)
        if w.kind == "duty_staff":
            title = _SHORT_TITLE(on_site=w.check.on_site, required=w.check.required)
            rule = _SHORT_RULE(min=s.staff_on_duty_min, max=s.staff_on_duty_max)
        else:
            title = _HOLIDAY_TITLE()
            subject = _HOLIDAY_DAY(day=w.day, weekday=weekday, holiday=Label(day.holiday_label))
            rule = _HOLIDAY_RULE()
        yield AgendaItem(
            level="warning",
            kind=w.kind,
            title=title,
            subject=subject,
            due=w.day,
            days_left=w.days_left,
            rule=rule,
            basis=_BASIS(),
            explanation=_ADJUST(note=w.check.note),
            certain=w.certain,
        )
