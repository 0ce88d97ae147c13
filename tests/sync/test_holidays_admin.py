"""The office fills in next year's holiday table; every laptop's rules then know the year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from inspector.agenda import load_calendar
from inspector.cli import main
from inspector.domain.errors import ValidationError
from inspector.store.store import Store
from inspector.sync.holidays import (
    local_set_holidays,
    office_list_holidays,
    office_set_holidays,
    parse_holiday_csv,
)
from tests.sync.conftest import Office

SCHEDULE = """date,type,name,note
2027-01-01,rest,元旦,
2027-02-05,rest,春节,
2027-02-06,rest,spring_festival,
2027-02-14,work,春节,调休上班
"""


def test_parse_reports_every_bad_line_with_its_field() -> None:
    with pytest.raises(ValidationError) as exc:
        parse_holiday_csv(
            "date,type,name\n2027-13-01,rest,春节\n2027-02-05,holiday,春节\n2027-02-06,rest,腊八\n"
        )
    fields = [e.field for e in exc.value.errors]
    assert fields == ["第2行 date", "第3行 type", "第4行 name"]
    with pytest.raises(ValidationError, match="type"):
        parse_holiday_csv("date,name\n2027-01-01,元旦\n")


def test_office_import_is_idempotent_and_corrects(office: Office) -> None:
    office_url = office.admin_url
    entries = parse_holiday_csv(SCHEDULE)
    assert office_set_holidays(office_url, entries) == 4
    assert office_set_holidays(office_url, entries) == 4
    listed = office_list_holidays(office_url, 2027)
    assert [(e.day, e.is_workday, e.holiday_name) for e in listed] == [
        (date(2027, 1, 1), False, "new_year"),
        (date(2027, 2, 5), False, "spring_festival"),
        (date(2027, 2, 6), False, "spring_festival"),
        (date(2027, 2, 14), True, "spring_festival"),
    ]
    office_set_holidays(office_url, parse_holiday_csv("date,type,name\n2027-02-14,rest,春节\n"))
    assert not office_list_holidays(office_url, 2027)[-1].is_workday


def test_local_import_makes_the_year_known(store: Store, tmp_path: Path) -> None:
    with store.session() as s:
        assert not load_calendar(s).knows_year(2027)
    local_set_holidays(store, parse_holiday_csv(SCHEDULE))
    with store.session() as s:
        calendar = load_calendar(s)
    assert calendar.knows_year(2027)
    assert calendar.is_working_day(date(2027, 2, 14)) is True  # a 调休 Sunday
    assert calendar.is_rest_day(date(2027, 2, 5)) is True


def test_office_holidays_command(office: Office, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schedule = tmp_path / "2027.csv"
    schedule.write_text(SCHEDULE, encoding="utf-8")
    assert main(["office", "holidays", "import", str(schedule), "--url", office.admin_url]) == 0
    assert main(["office", "holidays", "list", "--year", "2027", "--url", office.admin_url]) == 0
    out = capsys.readouterr().out
    assert "2027-02-14" in out and "上班" in out and "调休上班" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("date,type\n2027-02-30,rest\n", encoding="utf-8")
    assert main(["office", "holidays", "import", str(bad), "--url", office.admin_url]) == 2
    assert "第2行 date" in capsys.readouterr().err
