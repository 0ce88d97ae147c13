"""Reminders of the office's own duties: 联席会议, the month-end report, incident duties."""

from __future__ import annotations

from datetime import UTC, date, datetime

from inspector.domain.settings import RuleSettings
from inspector.rules.reminders import incident_duties, joint_meeting_reminder, monthly_report_reminders

S = RuleSettings()


def test_joint_meeting_every_six_months() -> None:
    r = joint_meeting_reminder(date(2026, 3, 31), date(2026, 9, 20), S)
    assert (r.due, r.status) == (date(2026, 9, 30), "due")
    assert joint_meeting_reminder(date(2026, 3, 31), date(2026, 10, 1), S).status == "overdue"
    assert joint_meeting_reminder(date(2026, 3, 31), date(2026, 5, 1), S).status == "upcoming"
    none = joint_meeting_reminder(None, date(2026, 11, 20), S)
    assert none.due == date(2026, 12, 31) and "尚未登记" in none.note
    assert joint_meeting_reminder(None, date(2026, 2, 1), S).due == date(2026, 6, 30)
    assert joint_meeting_reminder(
        date(2026, 1, 10), date(2026, 4, 1), RuleSettings(joint_meeting_interval_months=3)
    ).due == date(2026, 4, 10)


def test_month_end_report() -> None:
    assert monthly_report_reminders(date(2026, 11, 20), {"2026-10"}) == []
    [this] = monthly_report_reminders(date(2026, 11, 28), {"2026-10"})
    assert (this.title, this.due, this.status) == ("2026年11月工作情况报告", date(2026, 11, 30), "due")
    [last] = monthly_report_reminders(date(2026, 12, 3), set())
    assert (last.key, last.status) == ("2026-11", "overdue") and "尚未提交" in last.note
    assert monthly_report_reminders(date(2026, 12, 3), {"2026-11"}) == []


def _at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def test_abnormal_death_duties() -> None:
    occurred = _at(2026, 5, 1, 2)
    open_ = incident_duties(
        "abnormal_death", occurred, now=_at(2026, 5, 1, 20),
        reported_to_chief_at=None, autopsy_at=None, circuit_inspection_requested=False,
    )  # fmt: skip
    titles = {d.title: d for d in open_}
    assert set(titles) == {"事故应及时报告检察长", "非正常死亡：尸体检验", "非正常死亡：应当进行巡回检察"}
    assert not titles["非正常死亡：尸体检验"].overdue  # within the 24 hours
    assert titles["非正常死亡：应当进行巡回检察"].overdue  # mandatory, at once
    assert titles["非正常死亡：应当进行巡回检察"].basis == "人民检察院刑事诉讼规则第六百六十二条"
    late = incident_duties(
        "abnormal_death", occurred, now=_at(2026, 5, 2, 3),
        reported_to_chief_at=None, autopsy_at=None, circuit_inspection_requested=True,
    )  # fmt: skip
    assert [d.overdue for d in late] == [True, True]
    done = incident_duties(
        "abnormal_death", occurred, now=_at(2026, 5, 3),
        reported_to_chief_at=_at(2026, 5, 1, 5), autopsy_at=_at(2026, 5, 1, 9),
        circuit_inspection_requested=True,
    )  # fmt: skip
    assert done == []
    escape = incident_duties(
        "escape", occurred, now=_at(2026, 5, 3),
        reported_to_chief_at=None, autopsy_at=None, circuit_inspection_requested=False,
    )  # fmt: skip
    assert [d.title for d in escape] == ["事故应及时报告检察长"]
