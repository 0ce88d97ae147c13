"""The duty roster end to end: the staff list, planning a month, copying a week, signing in, the month
as the page and the printed table read it, the agenda's warnings, the xlsx export and the monthly report."""

from __future__ import annotations

import io
import uuid
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector.agenda import build_agenda
from inspector.documents.duty_roster import build_duty_roster, load_duty_roster
from inspector.documents.render import render_pdf
from inspector.domain.errors import InspectorError, ValidationError
from inspector.services import duty
from inspector.services.duty import CellChange, StaleRosterError
from inspector.services.policy import Actor, PermissionDeniedError, actor_for
from inspector.station_settings import set_setting
from inspector.store.models import AppUser, AuditLog, DutyPlan, DutySignIn, StaffMember, SyncOutbox
from inspector.store.models.duty import plan_id
from inspector.store.store import Store
from tests.inspector.test_documents_support import MM, page_lines, pdf_text, unembedded_fonts

OCT = [date(2026, 10, d) for d in range(1, 32)]
WORKDAYS_OCT = [
    date(2026, 10, d) for d in (8, 9, 10, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30)
]


@pytest.fixture
def me(store: Store) -> Actor:
    return actor_for(store)


@pytest.fixture
def staff(store: Store, me: Actor) -> dict[str, uuid.UUID]:
    """王检察官 (the first user), 陈思琪 (a procurator), 刘洋 (an assistant without an account)."""
    store.repo(AppUser).add({"username": "chen", "display_name": "陈思琪", "role": "procurator"})
    store.repo(AppUser).add({"username": "admin", "display_name": "管理员", "role": "admin"})
    assert duty.add_staff_from_users(store, me) == 2  # not the administrator
    assert duty.add_staff_from_users(store, me) == 0  # once only
    liu = duty.save_staff(store, None, {"name": "刘洋", "position": "检察官助理", "sort_order": 90}, None, me)
    names = {s.name: s.id for s in duty.list_staff(store)}
    assert names["刘洋"] == liu.record_id
    return names


def plan(
    store: Store, me: Actor, who: uuid.UUID, days: list[date], state: str = "on_site", over: str | None = None
) -> int:
    return duty.set_plan(store, [CellChange(who, d, state, over) for d in days], me)


def test_staff_list_is_linked_to_users(store: Store, me: Actor, staff: dict[str, uuid.UUID]) -> None:
    views = {s.name: s for s in duty.list_staff(store)}
    assert set(views) == {"王检察官", "陈思琪", "刘洋"}
    assert views["陈思琪"].user_name == "陈思琪" and views["陈思琪"].position == "检察官"
    assert views["刘洋"].user_id is None
    assert duty.my_staff_id(store, me) == views["王检察官"].id
    chen = store.repo(AppUser).list(AppUser.username == "chen")[0]
    with pytest.raises(ValidationError, match="已在值班人员名单中"):
        duty.save_staff(store, None, {"name": "陈", "user_id": str(chen.id)}, None, me)
    with pytest.raises(ValidationError, match="姓名"):
        duty.save_staff(store, None, {"name": " "}, None, me)
    saved = duty.save_staff(store, views["刘洋"].id, {"active": False}, views["刘洋"].version, me)
    assert saved.record_id == views["刘洋"].id
    assert [s.name for s in duty.list_staff(store, include_inactive=False)] == ["王检察官", "陈思琪"]


def test_planning_cells_is_checked_versioned_audited_and_captured(
    store: Store, me: Actor, staff: dict[str, uuid.UUID]
) -> None:
    wang = staff["王检察官"]
    day = date(2026, 10, 12)
    assert duty.set_plan(store, [CellChange(wang, day, "on_site", None)], me) == 1
    # a change made over what the cell showed before: refused, nothing written
    with pytest.raises(StaleRosterError, match="现为在岗"):
        duty.set_plan(
            store,
            [CellChange(wang, day + timedelta(days=1), "leave", None), CellChange(wang, day, "out", None)],
            me,
        )
    with store.session(read_only=True) as s:
        assert s.scalar(select(func.count()).select_from(DutyPlan)) == 1
    with pytest.raises(ValidationError, match="安排应为"):
        duty.set_plan(store, [CellChange(wang, day, "holiday", "on_site")], me)
    assert duty.set_plan(store, [CellChange(wang, day, "leave", "on_site")], me) == 1
    assert duty.set_plan(store, [CellChange(wang, day, None, "leave")], me) == 1  # cleared: a tombstone
    assert duty.set_plan(store, [CellChange(wang, day, "on_duty", None)], me) == 1  # the same row again
    with store.session(read_only=True) as s:
        rows = s.scalars(select(DutyPlan)).all()
        assert [(r.id, r.state, r.deleted_at) for r in rows] == [
            (plan_id(store.station_id, wang, day), "on_duty", None)
        ]
        actions = s.scalars(select(AuditLog.action).where(AuditLog.table_name == "duty_plan")).all()
        assert actions == ["create", "update", "delete", "restore"]
        ops = s.scalars(select(SyncOutbox.op).where(SyncOutbox.table_name == "duty_plan")).all()
        assert ops == ["insert", "update", "delete", "update"]
    admin = actor_for(store, store.repo(AppUser).list(AppUser.username == "admin")[0].id)
    with pytest.raises(PermissionDeniedError):
        duty.set_plan(store, [CellChange(wang, day, None, "on_duty")], admin)


def test_fill_a_month_of_working_days_then_copy_a_week(
    store: Store, me: Actor, staff: dict[str, uuid.UUID]
) -> None:
    wang, chen = staff["王检察官"], staff["陈思琪"]
    n = duty.fill_working_days(store, [wang, chen], OCT[0], OCT[-1], "on_site", me)
    assert n == 2 * len(WORKDAYS_OCT)  # the 调休 Saturday 10月10日 included, the holiday break not
    assert duty.fill_working_days(store, [wang], OCT[0], OCT[-1], "on_site", me) == 0  # planned cells kept
    month = duty.load_month(store, 2026, 10, today=date(2026, 11, 2))
    assert sorted(d for (who, d) in month.plan if who == wang) == WORKDAYS_OCT
    # November: 2–6 is an ordinary week; copying it into 9–15 takes weekday by weekday
    plan(store, me, wang, [date(2026, 11, d) for d in (2, 3, 4, 5, 6)])
    plan(store, me, chen, [date(2026, 11, d) for d in (2, 3, 4)])
    plan(store, me, chen, [date(2026, 11, 5), date(2026, 11, 6)], "leave")
    plan(store, me, chen, [date(2026, 11, 8)], "on_duty")  # a Sunday
    plan(store, me, wang, [date(2026, 11, 10)], "out")  # already planned: kept
    result = duty.copy_previous_week(store, date(2026, 11, 12), me)
    assert (result.week_start, result.copied, result.kept, result.skipped_days) == (
        date(2026, 11, 9),
        10,
        1,
        [],
    )
    month = duty.load_month(store, 2026, 11, today=date(2026, 11, 2))
    assert month.plan[(wang, date(2026, 11, 10))] == "out"
    assert month.plan[(chen, date(2026, 11, 13))] == "leave"
    assert month.plan[(chen, date(2026, 11, 15))] == "on_duty"
    # 10月5日–11日 from 9月28日–10月4日: no day is of the kind it was a week before (holidays after
    # working days, working days — 10月10日 a 调休 Saturday — after holidays)
    plan(store, me, wang, [date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30)])
    result = duty.copy_previous_week(store, date(2026, 10, 5), me)
    assert result.copied == 0 and result.skipped_days == [date(2026, 10, d) for d in range(5, 12)]
    assert "10月10日" in result.message and "未复制" in result.message
    # the week after: 10月12日–18日 from 10月5日–11日: 12–14 follow holidays, Saturday 17 the 调休 Saturday;
    # 15–16 (working days both weeks, filled above) and Sunday 18 are copied where nothing is planned
    result = duty.copy_previous_week(store, date(2026, 10, 14), me)
    assert result.skipped_days == [date(2026, 10, d) for d in (12, 13, 14, 17)]
    assert (result.copied, result.kept) == (0, 4)  # 15 and 16 already planned for both


def test_sign_ins_are_kept_apart_from_the_plan(store: Store, me: Actor, staff: dict[str, uuid.UUID]) -> None:
    wang, liu = staff["王检察官"], staff["刘洋"]
    day = date(2026, 10, 12)
    plan(store, me, wang, [day, day + timedelta(days=1)])
    duty.save_sign_in(store, wang, day, time(8, 30), None, me)
    month = duty.load_month(store, 2026, 10, today=date(2026, 10, 13))
    row = month.sign_ins[(wang, day)]
    assert row.span == "08:30—"
    with pytest.raises(StaleRosterError):  # the page showed no sign-in, but there is one now
        duty.save_sign_in(store, wang, day, time(8, 0), time(17, 0), me)
    duty.save_sign_in(store, wang, day, time(8, 30), time(17, 30), me, expected=row)
    with pytest.raises(ValidationError, match="离岗时间不能早于到岗时间"):
        duty.save_sign_in(store, liu, day, time(9, 0), time(8, 0), me)
    with pytest.raises(ValidationError, match="日期不能晚于今天"):
        duty.save_sign_in(store, liu, date.today() + timedelta(days=2), time(9, 0), None, me)
    duty.save_sign_in(store, liu, day, time(9, 0), time(12, 0), me, note="送达文书")  # not planned
    month = duty.load_month(store, 2026, 10, today=date(2026, 10, 13))
    days = {p.name: p for p in month.people}
    assert (days["王检察官"].planned, days["王检察官"].actual, days["王检察官"].missed) == (2, 1, 1)
    assert (days["刘洋"].planned, days["刘洋"].actual, days["刘洋"].unplanned) == (0, 1, 1)
    duty.clear_sign_in(store, liu, day, me, expected=month.sign_ins[(liu, day)])
    assert (liu, day) not in duty.load_month(store, 2026, 10, today=date(2026, 10, 13)).sign_ins
    with store.session(read_only=True) as s:
        assert s.scalar(select(func.count()).select_from(DutySignIn)) == 2  # the cleared one is a tombstone


def test_a_station_without_a_roster_gets_no_roster_warnings(store: Store) -> None:
    assert [i for i in build_agenda(store, date(2026, 9, 24)).items if i.kind.endswith("duty")] == []


def test_agenda_warns_of_short_days_and_holidays_without_duty(
    store: Store, me: Actor, staff: dict[str, uuid.UUID]
) -> None:
    # with a roster: 2 on every working weekday; nobody on the holidays or the 调休 Sunday, but 中秋 9月25日
    wang, chen = staff["王检察官"], staff["陈思琪"]
    from inspector.rules.calendar import HolidayCalendar

    cal = HolidayCalendar()
    weekdays = [
        d for d in (date(2026, 9, 14) + timedelta(days=k) for k in range(50)) if not cal.is_rest_day(d)
    ]
    weekdays = [d for d in weekdays if d.weekday() < 5]
    for who in (wang, chen):
        plan(store, me, who, weekdays)
    plan(store, me, chen, [date(2026, 9, 25)], "on_duty")

    def duty_items(on: date) -> list[tuple[str, date | None]]:
        found = build_agenda(store, on).items
        return [(i.kind, i.due) for i in found if i.kind in ("duty_staff", "holiday_duty")]

    items = [
        i for i in build_agenda(store, date(2026, 9, 17)).items if i.kind in ("duty_staff", "holiday_duty")
    ]
    assert [(i.kind, i.due, i.level, i.days_left) for i in items] == [
        ("duty_staff", date(2026, 9, 20), "warning", 3)
    ]
    assert items[0].title == "工作日在岗人数不足（0/2）" and items[0].subject == "2026年9月20日（周日）"
    assert "调休工作日" in items[0].explanation
    assert duty_items(date(2026, 9, 24)) == [
        ("holiday_duty", date(2026, 9, 26)),
        ("holiday_duty", date(2026, 9, 27)),
        ("holiday_duty", date(2026, 10, 1)),
    ]
    holiday = next(i for i in build_agenda(store, date(2026, 9, 24)).items if i.kind == "holiday_duty")
    assert holiday.subject == "2026年9月26日（周六） 中秋节" and holiday.title == "法定节假日未安排值班"
    # someone not counted towards the minimum leaves every working day short
    store.repo(StaffMember).update(wang, {"counts_toward_minimum": False})
    assert [d for k, d in duty_items(date(2026, 9, 21)) if k == "duty_staff"] == [
        date(2026, 9, 21), date(2026, 9, 22), date(2026, 9, 23), date(2026, 9, 24)
    ]  # fmt: skip
    # the lead time is a station setting
    set_setting(store, "duty_staff_warning_days", 1)
    assert [d for k, d in duty_items(date(2026, 9, 21)) if k == "duty_staff"] == [
        date(2026, 9, 21),
        date(2026, 9, 22),
    ]


def test_printed_roster_is_one_page_with_the_month_on_it(
    store: Store, me: Actor, staff: dict[str, uuid.UUID]
) -> None:
    wang, chen, liu = staff["王检察官"], staff["陈思琪"], staff["刘洋"]
    duty.fill_working_days(store, [wang, chen], OCT[0], OCT[-1], "on_site", me)
    plan(store, me, chen, [date(2026, 10, 20), date(2026, 10, 21)], "leave", over="on_site")
    plan(store, me, liu, [date(2026, 10, 2)], "on_duty")
    plan(store, me, wang, [date(2026, 10, 1)], "on_duty")
    for d in WORKDAYS_OCT[:5]:
        duty.save_sign_in(store, wang, d, time(8, 30), time(17, 30), me)
    doc = load_duty_roster(store, 2026, 10, today=date(2026, 10, 28))
    data = build_duty_roster(doc)
    assert len(page_lines(render_pdf(store, "duty-roster", "2026-10"))) == 1  # what `inspector pdf` prints
    pages = page_lines(data)
    assert len(pages) == 1
    text = pdf_text(data)
    assert "2026年10月值班表" in text
    assert "七星关区看守所检察室" in text and "工作日在岗不少于2人" in text
    lines = [ln.text.replace(" ", "") for ln in pages[0]]
    assert any(ln.startswith("姓名12345") and ln.endswith("3031计划实到") for ln in lines)
    # the weekday row: 10月1日 is a Thursday and a holiday (休), 10月10日 a 调休 Saturday (班)
    assert any(ln.startswith("星期休休休休休休休四五班日") for ln in lines)
    wang_line = next(ln for ln in lines if ln.startswith("王检察官"))
    assert wang_line.startswith("王检察官值") and wang_line.endswith(
        "在在在在在在在在在在在在在在在在在在195"
    )
    chen_line = next(ln for ln in lines if ln.startswith("陈思琪"))
    assert "在在假假在" in chen_line and chen_line.endswith("160")
    assert "在＝在岗，值＝值班，假＝请假，外＝外出" in text
    # the problems: 10月3日–7日 without duty, 10月20日–21日 with one person; and 实到 as of
    assert "提示：工作日计划在岗不足2人：10月20日至21日。" in text
    assert "法定节假日未安排值班：10月3日至7日。" in text
    assert "实到＝签到天数（截至2026年10月28日）" in text
    assert "制表日期：2026年10月28日" in text
    assert unembedded_fonts(data) == set()
    for ln in pages[0]:
        assert ln.x0 / MM >= 28 - 0.1 and ln.x1 / MM <= 28 + 156 + 0.2, ln.text
        assert ln.top / MM >= 37 - 0.1 and ln.bottom / MM <= 37 + 225 + 0.1, ln.text


def test_the_month_exports_to_xlsx(store: Store, me: Actor, staff: dict[str, uuid.UUID]) -> None:
    from openpyxl import load_workbook

    wang = staff["王检察官"]
    plan(store, me, wang, WORKDAYS_OCT)
    duty.save_sign_in(store, wang, date(2026, 10, 9), time(8, 30), time(17, 0), me, note="值班")
    book = load_workbook(io.BytesIO(duty.export_month_xlsx(store, 2026, 10)))
    sheet = book["值班表"]
    assert sheet["A1"].value == "2026年10月值班表"
    header = [c.value for c in sheet[4]]
    assert header[:4] == ["姓名", "职务", 1, 2] and header[-4:] == [
        "计划在岗天数",
        "实到天数",
        "计划未到岗",
        "计划外到岗",
    ]
    assert [c.value for c in sheet[5]][2:12] == ["休", "休", "休", "休", "休", "休", "休", "四", "五", "班"]
    row = [c.value for c in sheet[6]]
    assert row[0] == "王检察官" and row[2 + 9] == "在岗" and row[2] is None
    assert row[-4:] == [18, 1, 17, 0]
    assert sheet.cell(6, 3).fill.fgColor.rgb.endswith("F4D6D6")  # 10月1日 shaded as a holiday
    signs = book["签到"]
    assert [c.value for c in signs[2]][1:] == ["王检察官", time(8, 30), time(17, 0), "值班"]


def test_month_keys_and_bad_months(store: Store) -> None:
    with pytest.raises(InspectorError, match="YYYY-MM"):
        render_pdf(store, "duty-roster", "2026-13")
    with pytest.raises(InspectorError, match="月份无效"):
        load_duty_roster(store, 1899, 1)
    empty = load_duty_roster(store, 2026, 2)
    assert empty.staff == [] and len(empty.days) == 28
    assert pdf_text(build_duty_roster(empty)).count("在岗人数") == 1


def test_the_monthly_report_counts_days_on_site(store: Store, me: Actor, staff: dict[str, uuid.UUID]) -> None:
    from inspector.documents.monthly import build_monthly_report, load_monthly_report
    from inspector.documents.monthly_counts import compute_monthly_counts

    wang, chen = staff["王检察官"], staff["陈思琪"]
    duty.fill_working_days(store, [wang, chen], OCT[0], OCT[-1], "on_site", me)
    for d in WORKDAYS_OCT:
        duty.save_sign_in(store, wang, d, time(8, 30), time(17, 30), me)
    for d in WORKDAYS_OCT[:9]:
        duty.save_sign_in(store, chen, d, time(9, 0), None, me)
    duty.save_sign_in(store, chen, date(2026, 10, 3), time(9, 0), time(12, 0), me)  # holiday, not planned
    with store.session(read_only=True) as s:
        counts = compute_monthly_counts(s, store.station_id, 2026, 10, today=date(2026, 11, 5))
    on_site = counts["duty"]["on_site"]
    assert on_site["target"] == 16 and on_site["days"] == 18 + 10
    assert on_site["people"] == [
        {"name": "王检察官", "planned": 18, "actual": 18, "missed": 0, "unplanned": 0},
        {"name": "陈思琪", "planned": 18, "actual": 10, "missed": 9, "unplanned": 1},
    ]  # 刘洋 neither planned nor signed in: not listed
    assert on_site["below_target"] == 1
    text = pdf_text(build_monthly_report(load_monthly_report(store, 2026, 10)))
    assert (
        "检察人员实际在岗（签到）共28人日：王检察官18天、陈思琪10天；每人每月在岗目标16天，未达到的1人。"
        in text
    )


def test_the_pdf_command_prints_the_roster_and_writes_the_workbook(
    store: Store, me: Actor, staff: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    import argparse

    from openpyxl import load_workbook

    from inspector.cli.documents import register

    plan(store, me, staff["王检察官"], WORKDAYS_OCT)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", dest="command_data_dir")
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    parser.set_defaults(command_data_dir=None)
    register(parser.add_subparsers(), common)
    for name in ("roster.pdf", "roster.xlsx"):
        out = tmp_path / name
        args = parser.parse_args(
            ["pdf", "duty-roster", "2026-10", "--out", str(out), "--data-dir", str(store.data_dir)]
        )
        assert args.func(args) == 0
    assert "2026年10月值班表" in pdf_text((tmp_path / "roster.pdf").read_bytes())
    book = load_workbook(tmp_path / "roster.xlsx")
    assert book["值班表"]["A6"].value == "王检察官"
