"""值班表: a month of the duty roster — the page's grid, the printed one-page table and the xlsx export
read the month the same way (:func:`compile_duty_roster`; docs/domain.md, "Duty roster").

The printed table (``inspector pdf duty-roster YYYY-MM``) has a row per person and a column per day:
在 在岗, 值 值班, 假 请假, 外 外出; the row under the day numbers gives the weekday, 休 for a statutory
holiday and 班 for a 调休 working day; the last row counts the people planned on site, and two
columns give each person's days planned on site and days signed in. Under the table: the days the
roster leaves short and the people below the month's target.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from inspector.documents.common import StationInfo, label
from inspector.documents.fonts import Role
from inspector.documents.layout import Cell, Column, Document, Span
from inspector.documents.queries import live, load_station
from inspector.documents.rules_bridge import holiday_calendar, rule_settings
from inspector.documents.text import format_date
from inspector.domain.enums import DutyState
from inspector.domain.errors import InspectorError
from inspector.domain.settings import RuleSettings
from inspector.rules.duty import (
    DayCheck,
    PersonDays,
    Planned,
    RosterDay,
    SignedIn,
    StaffInput,
    check_month,
    days_on_site,
    month_days,
)
from inspector.store.models import DutyPlan, DutySignIn, StaffMember
from inspector.store.repository import today_local
from inspector.store.store import Store

__all__ = [
    "SHORT_STATE",
    "DutyRosterDoc",
    "RosterPerson",
    "SignInRow",
    "build_duty_roster",
    "build_duty_roster_xlsx",
    "compile_duty_roster",
    "load_duty_roster",
]

SHORT_STATE: dict[str, str] = {
    DutyState.ON_SITE.value: "在",
    DutyState.ON_DUTY.value: "值",
    DutyState.LEAVE.value: "假",
    DutyState.OUT.value: "外",
}
"""One character per planned state, for the grid and the printed table."""

LEGEND = "在＝在岗，值＝值班，假＝请假，外＝外出；休＝法定节假日，班＝调休工作日"


@dataclass(frozen=True)
class RosterPerson:
    id: uuid.UUID
    name: str
    position: str
    counted: bool
    active: bool
    user_id: uuid.UUID | None


@dataclass(frozen=True)
class SignInRow:
    """A sign-in as stored: on site from ``time_in`` to ``time_out`` (Beijing time)."""

    staff_id: uuid.UUID
    day: date
    time_in: time
    time_out: time | None
    note: str | None

    @property
    def span(self) -> str:
        """``08:30—17:30`` (``08:30—`` while still on site)."""
        end = f"{self.time_out:%H:%M}" if self.time_out is not None else ""
        return f"{self.time_in:%H:%M}—{end}"


@dataclass
class DutyRosterDoc:
    station: StationInfo
    year: int
    month: int
    today: date
    as_of: date  # sign-ins are counted up to here (the month's end, or today while it runs)
    settings: RuleSettings
    staff: list[RosterPerson] = field(default_factory=list)
    days: tuple[RosterDay, ...] = ()
    plan: dict[tuple[uuid.UUID, date], str] = field(default_factory=dict)
    sign_ins: dict[tuple[uuid.UUID, date], SignInRow] = field(default_factory=dict)
    checks: tuple[DayCheck, ...] = ()
    people: tuple[PersonDays, ...] = ()

    @property
    def title(self) -> str:
        return f"{self.year}年{self.month}月值班表"

    @property
    def problems(self) -> list[DayCheck]:
        return [c for c in self.checks if c.problem is not None]

    def person_days(self, staff_id: uuid.UUID) -> PersonDays | None:
        return next((p for p in self.people if p.staff_id == str(staff_id)), None)


def compile_duty_roster(
    session: Session, station_id: uuid.UUID, year: int, month: int, *, today: date | None = None
) -> DutyRosterDoc:
    """The month's roster: the staff (active ones, and others with entries in the month), the plan,
    the sign-ins, each day checked and each person's days on site."""
    if not 1 <= month <= 12 or not 1990 <= year <= 2099:
        raise InspectorError(f"月份无效：{year}-{month}", f"invalid month {year}-{month}")
    today = today or today_local()
    cal = holiday_calendar(session)
    days = month_days(year, month, cal)
    first, last = days[0].day, days[-1].day
    settings = rule_settings(session, station_id)
    plan = {
        (staff_id, day): state
        for staff_id, day, state in session.execute(
            select(DutyPlan.staff_id, DutyPlan.day, DutyPlan.state).where(
                *live(DutyPlan, station_id), DutyPlan.day.between(first, last)
            )
        )
    }
    signs = {
        (r.staff_id, r.day): SignInRow(r.staff_id, r.day, r.time_in, r.time_out, r.note)
        for r in session.execute(
            select(
                DutySignIn.staff_id, DutySignIn.day, DutySignIn.time_in, DutySignIn.time_out, DutySignIn.note
            ).where(*live(DutySignIn, station_id), DutySignIn.day.between(first, last))
        )
    }
    with_entries = {k[0] for k in plan} | {k[0] for k in signs}
    rows = session.scalars(
        select(StaffMember)
        .where(*live(StaffMember, station_id), or_(StaffMember.active, StaffMember.id.in_(with_entries)))
        .order_by(StaffMember.sort_order, StaffMember.name)
    )
    staff = [
        RosterPerson(s.id, s.name, s.position or "", s.counts_toward_minimum, s.active, s.user_id)
        for s in rows
    ]
    inputs = [StaffInput(str(p.id), p.name, p.counted) for p in staff]
    planned = [Planned(str(k[0]), k[1], state) for k, state in plan.items()]
    as_of = min(today, last)
    return DutyRosterDoc(
        station=load_station(session, station_id),
        year=year,
        month=month,
        today=today,
        as_of=as_of,
        settings=settings,
        staff=staff,
        days=days,
        plan=plan,
        sign_ins=signs,
        checks=check_month(year, month, inputs, planned, cal, settings),
        people=days_on_site(
            year, month, inputs, planned, [SignedIn(str(k[0]), k[1]) for k in signs], settings, as_of
        ),
    )


def load_duty_roster(store: Store, year: int, month: int, *, today: date | None = None) -> DutyRosterDoc:
    station_id = store.station_id
    with store.session(read_only=True) as s:
        return compile_duty_roster(s, station_id, year, month, today=today)


# ---------------------------------------------------------------------- shared texts


def day_mark(rd: RosterDay) -> str:
    """The weekday row: 一 … 日, 休 for a statutory holiday, 班 for a 调休 working day."""
    if rd.kind == "holiday":
        return "休"
    if rd.adjusted:
        return "班"
    return rd.weekday[-1]


def problem_lines(doc: DutyRosterDoc) -> list[str]:
    """The roster's shortfalls, one sentence a day; then the people below the month's target."""
    return [c.note + "。" for c in doc.problems] + _below_target(doc)


def _below_target(doc: DutyRosterDoc) -> list[str]:
    target = doc.settings.days_on_site_target
    if target <= 0:
        return []
    return [f"{p.name}本月实际在岗{p.actual}天，少于{target}天。" for p in doc.people if p.met is False]


def _day_runs(days: list[date]) -> str:
    """10月3日至7日、20日 — consecutive days as a range."""
    runs: list[list[date]] = []
    for d in days:
        if runs and (d - runs[-1][-1]).days == 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    parts = []
    for k, run in enumerate(runs):
        first = f"{run[0].month}月{run[0].day}日" if k == 0 else f"{run[0].day}日"
        parts.append(first if len(run) == 1 else f"{first}至{run[-1].day}日")
    return "、".join(parts)


def problem_summary(doc: DutyRosterDoc) -> list[str]:
    """The shortfalls in a few lines, for the printed table: short working days and holidays without
    duty as runs of days, the people below the target."""
    s = doc.settings
    out: list[str] = []
    short = [c.day.day for c in doc.problems if c.problem == "short"]
    if short:
        out.append(f"工作日计划在岗不足{s.staff_on_duty_min}人：{_day_runs(short)}。")
    bare = [c.day.day for c in doc.problems if c.problem == "no_duty"]
    if bare:
        out.append(f"法定节假日未安排值班：{_day_runs(bare)}。")
    target = s.days_on_site_target
    low = [f"{p.name}{p.actual}天" for p in doc.people if p.met is False]
    if low:
        out.append(f"本月实际在岗少于{target}天：{'、'.join(low)}。")
    return out


def summary_line(doc: DutyRosterDoc) -> str:
    s = doc.settings
    parts = [f"工作日在岗不少于{s.staff_on_duty_min}人"]
    if s.holiday_duty_required:
        parts.append("法定节假日安排值班")
    if s.days_on_site_target > 0:
        parts.append(f"每人每月在岗{s.days_on_site_target}天")
    return "；".join(parts)


# ---------------------------------------------------------------------- the printed table

_SIZE = 6.5  # the table: 31 day columns in the 156 mm (442 pt) text block
_LEADING = 10.0
# Relative column widths, about points for a 31-day month (a shorter month's columns are wider): a day's
# column holds "31" beside the table's cell padding (0.35 em each side), the name column four characters.
_NAME_W, _DAY_W, _TAIL_W = 31.0, 11.75, 17.75
_ROW_H = 22.0


def build_duty_roster(doc: DutyRosterDoc) -> bytes:
    d = Document(doc.title, author=doc.station.name, page_numbers=False)  # one page, for the wall
    d.title(doc.title)
    d.line(Span(doc.station.name, "station"), align="center", size=12.0)
    d.line(Span(summary_line(doc), "roster"), align="center", size=10.5)
    columns = [
        Column("姓名", _NAME_W, "center"),
        *(Column(str(rd.day.day), _DAY_W, "center") for rd in doc.days),
        Column("计划", _TAIL_W, "center"),
        Column("实到", _TAIL_W, "center"),
    ]
    d.table(
        columns, _table_rows(doc), field="duty_roster", size=_SIZE, leading=_LEADING, min_row_height=_ROW_H
    )
    d.line(Span(f"制表日期：{format_date(doc.today)}", "made_on"), align="right", size=10.5)
    return d.render()


def _table_rows(doc: DutyRosterDoc) -> Iterable[Sequence[Cell | str]]:
    yield ["星期", *(day_mark(rd) for rd in doc.days), "", ""]
    for person in doc.staff:
        days = doc.person_days(person.id)
        yield [
            person.name,
            *(SHORT_STATE.get(doc.plan.get((person.id, rd.day), ""), "") for rd in doc.days),
            str(days.planned) if days else "",
            str(days.actual) if days else "",
        ]
    counts = [str(c.on_site) if c.day.kind != "rest" or c.on_site else "" for c in doc.checks]
    yield ["在岗人数", *counts, "", ""]
    notes = [f"说明：{LEGEND}。计划＝计划在岗、值班天数，实到＝签到天数"]
    if doc.as_of < doc.days[-1].day:
        notes[0] += f"（截至{format_date(doc.as_of)}）"
    notes[0] += "。"
    summary = problem_summary(doc)
    if summary:
        notes.append("提示：" + summary[0])
        notes += ["　　　" + text for text in summary[1:]]
    yield [Cell("\n".join(notes), Role.FANGSONG, "left", colspan=len(doc.days) + 3)]


# ---------------------------------------------------------------------- xlsx


def build_duty_roster_xlsx(doc: DutyRosterDoc) -> bytes:
    """The month as a workbook: sheet 值班表 (the grid, holidays shaded, the per-person days and the
    day counts) and sheet 签到 (every sign-in of the month)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "值班表"
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center")
    holiday_fill = PatternFill("solid", fgColor="F4D6D6")
    rest_fill = PatternFill("solid", fgColor="E6E6E6")
    short_fill = PatternFill("solid", fgColor="FFE08A")
    bold = Font(bold=True)
    n_days = len(doc.days)
    tail = ["计划在岗天数", "实到天数", "计划未到岗", "计划外到岗"]
    width = 2 + n_days + len(tail)
    ws.cell(1, 1, doc.title).font = Font(bold=True, size=14)
    ws.cell(2, 1, f"{doc.station.name}　{summary_line(doc)}")
    header = ["姓名", "职务", *(rd.day.day for rd in doc.days), *tail]
    marks = ["", "星期", *(day_mark(rd) for rd in doc.days), *([""] * len(tail))]
    for col, value in enumerate(header, start=1):
        cell = ws.cell(4, col, value)
        cell.font, cell.alignment, cell.border = bold, centre, box
    for col, value in enumerate(marks, start=1):
        cell = ws.cell(5, col, value)
        cell.alignment, cell.border = centre, box
    row = 6
    for person in doc.staff:
        days = doc.person_days(person.id)
        values: list[object] = [
            person.name,
            person.position,
            *(label(DutyState, doc.plan.get((person.id, rd.day))) for rd in doc.days),
            *((days.planned, days.actual, days.missed, days.unplanned) if days else ("", "", "", "")),
        ]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, value)
            cell.border = box
            if col > 2:
                cell.alignment = centre
        row += 1
    ws.cell(row, 1, "在岗人数").font = bold
    for k, check in enumerate(doc.checks):
        cell = ws.cell(row, 3 + k, check.on_site if check.day.kind != "rest" or check.on_site else None)
        cell.alignment = centre
        if check.problem is not None:
            cell.fill = short_fill
    for col in range(1, width + 1):
        ws.cell(row, col).border = box
    for k, rd in enumerate(doc.days):
        fill = holiday_fill if rd.kind == "holiday" else rest_fill if rd.kind == "rest" else None
        if fill is None:
            continue
        for r in range(4, row):
            ws.cell(r, 3 + k).fill = fill
    ws.cell(row + 2, 1, f"说明：{LEGEND}。")
    for i, text in enumerate(problem_lines(doc), start=row + 3):
        ws.cell(i, 1, text)
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 12
    for k in range(n_days):
        ws.column_dimensions[get_column_letter(3 + k)].width = 4.5
    for k in range(len(tail)):
        ws.column_dimensions[get_column_letter(3 + n_days + k)].width = 12
    ws.freeze_panes = "C6"

    signs = wb.create_sheet("签到")
    for col, value in enumerate(("日期", "姓名", "到岗时间", "离岗时间", "备注"), start=1):
        signs.cell(1, col, value).font = bold
    names = {p.id: p.name for p in doc.staff}
    ordered = sorted(doc.sign_ins.values(), key=lambda x: (x.day, names.get(x.staff_id, "")))
    for r, sign in enumerate(ordered, start=2):
        signs.cell(r, 1, sign.day).number_format = "yyyy-mm-dd"
        signs.cell(r, 2, names.get(sign.staff_id, ""))
        signs.cell(r, 3, sign.time_in).number_format = "hh:mm"
        if sign.time_out is not None:
            signs.cell(r, 4, sign.time_out).number_format = "hh:mm"
        signs.cell(r, 5, sign.note or "")
    for letter, w in zip("ABCDE", (12, 10, 10, 10, 30), strict=True):
        signs.column_dimensions[letter].width = w
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
