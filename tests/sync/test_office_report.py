"""`inspector office report`: the office's figures per station agree with what the laptop itself shows."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from inspector.cli.main import main as cli_main
from inspector.demo.generator import generate
from inspector.services.dashboard import load_custody_soon, load_dashboard_counts, refresh_custody_cache
from inspector.store.models import Detainee
from inspector.store.repository import today_local
from inspector.sync.errors import OfficeAdminError
from inspector.sync.office_report import DOCUMENT_TABLES, format_text, office_report
from tests.conftest import detainee_values
from tests.sync.conftest import Laptop, Office

pytestmark = pytest.mark.pg


def test_report_matches_the_laptops_dashboard(office: Office, laptops: Callable[..., Laptop]) -> None:
    a = laptops("QXG")
    generate(a.store, scale="small")
    a.sync()
    laptops("ZZZ")  # a second station with nothing in it
    today = today_local()

    report = office_report(office.admin_url, today)
    by_code = {s.code: s for s in report.stations}
    assert set(by_code) == {"QXG", "ZZZ"}
    qxg, zzz = by_code["QXG"], by_code["ZZZ"]

    counts = load_dashboard_counts(a.store, today)
    refresh_custody_cache(a.store, today)
    with a.store.session(read_only=True) as s:
        soon, total = load_custody_soon(s, today, limit=10_000)
    assert sum(qxg.awaiting_reply.values()) == counts.awaiting_reply > 0
    assert sum(qxg.overdue.values()) == counts.overdue_replies > 0
    assert len(qxg.custody_soon) == total > 0
    assert [(c.detainee_id, c.deadline) for c in qxg.custody_soon] == [
        (str(c.detainee_id), c.deadline.isoformat()) for c in soon
    ]
    pushed = sum(r.pushed.ops for r in a.reports)
    assert qxg.pushed_this_week == pushed > 1000
    assert [lp.state for lp in qxg.laptops] == ["enrolled"] and qxg.laptops[0].last_push_at
    assert qxg.open_conflicts == 0
    assert zzz.pushed_this_week == 0 and zzz.custody_soon == [] and sum(zzz.overdue.values()) == 0

    # the same day a week later: this week's pushes are last week's
    later = office_report(office.admin_url, date.fromordinal(today.toordinal() + 7), "QXG")
    assert [s.code for s in later.stations] == ["QXG"] and later.stations[0].pushed_this_week == 0
    text = format_text(report)
    assert "QXG" in text and "open conflicts: 0" in text
    assert all(t in qxg.overdue for t in DOCUMENT_TABLES)


def test_open_conflicts_count_until_the_row_is_written_again(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops("QXG")
    a.sync()
    b = laptops("QXG", second=True)
    repo_a, repo_b = a.store.repo(Detainee), b.store.repo(Detainee)
    person = repo_a.add(detainee_values(cell="101"))
    a.sync()
    b.sync()
    repo_a.update(person.id, {"cell": "111"})
    repo_b.update(person.id, {"cell": "202"})
    a.sync()
    b.sync()  # b's edit meets a's: a conflict at the office
    assert office_report(office.admin_url, today_local()).stations[0].open_conflicts == 1
    a.store.repo(Detainee).update(person.id, {"cell": "303"})
    a.sync()  # the row is written again: no longer open
    assert office_report(office.admin_url, today_local()).stations[0].open_conflicts == 0


def test_cli_text_json_and_mistakes(
    office: Office, laptops: Callable[..., Laptop], capsys: pytest.CaptureFixture[str]
) -> None:
    laptops("QXG")
    assert cli_main(["office", "report", "--url", office.admin_url, "--json", "--date", "2026-11-30"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["week_start"] == "2026-11-30" and data["week_end"] == "2026-12-06"
    assert [s["code"] for s in data["stations"]] == ["QXG"]
    assert data["stations"][0]["laptops"][0]["state"] == "enrolled"
    assert cli_main(["office", "report", "--url", office.admin_url, "--station", "QXG"]) == 0
    assert "records pushed this week" in capsys.readouterr().out
    assert cli_main(["office", "report", "--url", office.admin_url, "--date", "30/11/2026"]) == 2
    assert "--date" in capsys.readouterr().err
    with pytest.raises(OfficeAdminError):
        office_report(office.admin_url, today_local(), "NOPE")
    assert cli_main(["office", "report", "--url", office.admin_url, "--station", "NOPE"]) == 2
