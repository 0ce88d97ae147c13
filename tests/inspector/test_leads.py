"""Supervision leads (issue #15): each rule with a case that fires and one that does not; scanning
again duplicates nothing; the status flow; a verified lead becomes a notice (or an oral correction)
in one step; the monthly report counts the leads by rule and outcome."""

from __future__ import annotations

import io
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from inspector.cli import main
from inspector.documents.monthly_counts import compute_monthly_counts
from inspector.domain.errors import ValidationError
from inspector.domain.idnumber import make_id_number
from inspector.services import leads
from inspector.services import ledger_import as li
from inspector.services.policy import actor_for
from inspector.store.models import CustodyEvent, Detainee, Finding, RectificationNotice, SupervisionLead
from inspector.store.store import Store
from tests.conftest import detainee_values

TODAY = date(2026, 11, 25)


def add(store: Store, n: int, events: tuple[tuple[str, date], ...] = (), **values: Any) -> Any:
    base = detainee_values(
        name=f"人员{n}",
        id_number=make_id_number("110101", date(1990, 1, 1), 11 + 2 * n),
        admitted_at=datetime(2026, 9, 1, 2, tzinfo=UTC),
        stage_started_on=date(2026, 9, 1),
    )
    base.update(values)
    row = store.repo(Detainee).add(base)
    for kind, on in events:
        store.repo(CustodyEvent).add({"detainee_id": row.id, "kind": kind, "occurred_on": on})
    return row


def scan(store: Store, rule: str, today: date = TODAY) -> dict[str, dict[str, Any]]:
    """Scan with one rule; the leads kept, by the person's name."""
    leads.scan(store, actor_for(store), today=today, rules=[rule])
    found: dict[str, dict[str, Any]] = {}
    for row in leads.list_leads(store, rule=rule):
        found[row["title"].split("：")[0]] = row
    return found


# ---- each rule: fires / does not -----------------------------------------------------------------


def test_late_arrest_request(store: Store) -> None:
    add(
        store,
        1,
        (("detention", date(2026, 11, 1)), ("arrest_requested", date(2026, 11, 10))),
        stage="arrest_review",
    )
    add(
        store,
        2,
        (("detention", date(2026, 11, 1)), ("arrest_requested", date(2026, 11, 3))),
        stage="arrest_review",
    )
    add(
        store, 3, (("detention", date(2026, 11, 15)),), stage="detention", stage_started_on=date(2026, 11, 15)
    )
    add(
        store, 4, (("detention", date(2026, 11, 23)),), stage="detention", stage_started_on=date(2026, 11, 23)
    )
    found = scan(store, "late_arrest_request")
    assert set(found) == {"人员1", "人员3"}
    first = found["人员1"]
    assert "提请批准逮捕期限至2026年11月4日" in first["facts"] and "超过期限6日" in first["facts"]
    assert first["legal_basis"].startswith("刑事诉讼法第九十一条")
    assert [r["table"] for r in first["records"]] == ["detainee", "custody_event", "custody_event"]
    assert "至2026年11月25日未见提请批准逮捕" in found["人员3"]["facts"]


def test_handover_missing_and_late(store: Store) -> None:
    moved = (("arrest", date(2026, 9, 1)), ("transferred_for_prosecution", date(2026, 11, 10)))
    add(store, 1, moved, stage="prosecution_review")
    add(store, 2, (*moved, ("custody_handover", date(2026, 11, 20))), stage="prosecution_review")
    add(store, 3, (*moved, ("custody_handover", date(2026, 11, 12))), stage="prosecution_review")
    add(store, 4, (("transferred_for_prosecution", date(2026, 11, 24)),), stage="prosecution_review")
    missing, late = scan(store, "handover_missing"), scan(store, "handover_late")
    assert set(missing) == {"人员1"} and "至2026年11月25日未见换押记录" in missing["人员1"]["facts"]
    assert set(late) == {"人员2"} and "迟延7日" in late["人员2"]["facts"]


def test_serving_with_more_than_three_months_left(store: Store) -> None:
    serving = {"stage": "serving_in_center", "legal_status": "convict", "sentence_kind": "fixed_term"}
    decided = (("serve_in_center_decided", date(2026, 11, 12)),)
    notice = date(2026, 11, 10)
    add(store, 1, decided, term_end=date(2027, 6, 30), execution_notice_received_on=notice, **serving)
    add(store, 2, decided, term_end=date(2027, 1, 20), execution_notice_received_on=notice, **serving)
    found = scan(store, "serving_over_3_months")
    assert set(found) == {"人员1"}
    assert "剩余刑期超过3个月" in found["人员1"]["facts"]
    assert (
        "第二百六十四条" in found["人员1"]["legal_basis"]
        and "第六百五十九条" in found["人员1"]["legal_basis"]
    )


def test_delivery_overdue(store: Store) -> None:
    waiting = {"stage": "awaiting_execution", "legal_status": "convict", "sentence_kind": "fixed_term"}
    add(store, 1, term_end=date(2028, 1, 1), execution_notice_received_on=date(2026, 10, 1), **waiting)
    add(store, 2, term_end=date(2028, 1, 1), execution_notice_received_on=date(2026, 11, 10), **waiting)
    retried = {**waiting, "stage": "retrial"}  # a retrial does not stop the execution
    add(store, 3, term_end=date(2028, 1, 1), execution_notice_received_on=date(2026, 10, 1), **retried)
    found = scan(store, "delivery_overdue")
    assert set(found) == {"人员1", "人员3"}
    assert "仍未交付执行，超过期限25日" in found["人员1"]["facts"]
    assert "第六百二十五条" in found["人员1"]["legal_basis"]


def test_release_after_the_custody_end(store: Store) -> None:
    held = {"stage": "detention", "stage_started_on": date(2026, 11, 1)}
    add(
        store,
        1,
        (("detention", date(2026, 11, 1)),),
        discharged_on=date(2026, 11, 20),
        discharge_kind="released",
        **held,
    )
    add(
        store,
        2,
        (("detention", date(2026, 11, 1)),),
        discharged_on=date(2026, 11, 3),
        discharge_kind="released",
        **held,
    )
    # the register may read 已出所 after a release: the stage is the one the events led to before it
    gone = {"stage": "discharged", "discharged_on": date(2026, 11, 21), "discharge_kind": "released"}
    add(store, 3, (("detention", date(2026, 11, 1)), ("released", date(2026, 11, 21))), **gone)
    found = scan(store, "release_after_custody_end")
    assert set(found) == {"人员1", "人员3"} and "超期羁押16日" in found["人员1"]["facts"]
    assert "诉讼环节为刑事拘留" in found["人员3"]["facts"] and "超期羁押17日" in found["人员3"]["facts"]


def test_a_stage_without_a_legal_document_date(store: Store) -> None:
    add(store, 1, stage="prosecution_review", stage_started_on=None)
    add(
        store,
        2,
        (("transferred_for_prosecution", date(2026, 11, 2)),),
        stage="prosecution_review",
        stage_started_on=None,
    )
    add(store, 3, stage="prosecution_review", stage_started_on=date(2026, 11, 2))
    found = scan(store, "stage_without_document")
    assert set(found) == {"人员1"} and "无法计算羁押期限" in found["人员1"]["facts"]


def test_a_release_in_a_ledger_without_its_paper(store: Store, tmp_path: Path) -> None:
    add(store, 1)
    add(store, 2)
    path = tmp_path / "出所.csv"
    ids = [make_id_number("110101", date(1990, 1, 1), 11 + 2 * n) for n in (1, 2)]
    path.write_bytes(
        f"姓名,身份证号,出所日期,出所方式,出所凭证\n人员1,{ids[0]},2026-11-20,释放,\n人员2,{ids[1]},2026-11-20,释放,释放证明书\n".encode(
            "gbk"
        )
    )
    imported = li.import_ledger(store, path, actor_for(store), today=TODAY)
    found = scan(store, "release_without_paper")
    assert set(found) == {"人员1"}
    with store.session(read_only=True) as s:
        lead = s.scalar(select(SupervisionLead))
        assert lead is not None and lead.ledger_import_id == imported.import_id
    assert "出所.csv第2行" in found["人员1"]["facts"]


# ---- scanning again, the status flow -------------------------------------------------------------


def test_scanning_again_opens_no_second_lead_and_an_excluded_lead_stays_excluded(store: Store) -> None:
    add(store, 1, stage="prosecution_review", stage_started_on=None)
    first = leads.scan(store, actor_for(store), today=TODAY, rules=["stage_without_document"])
    assert (first.new, first.known) == (1, 0)
    again = leads.scan(store, actor_for(store), today=TODAY, rules=["stage_without_document"])
    assert (again.found, again.new, again.known) == (1, 0, 1)
    (lead,) = leads.list_leads(store)
    with pytest.raises(ValidationError, match="排除线索须写明理由"):
        leads.set_status(store, lead["id"], "excluded", actor_for(store))
    with pytest.raises(leads.LeadError, match="不能改为已核实"):
        leads.set_status(store, lead["id"], "verified", actor_for(store))
    leads.set_status(store, lead["id"], "excluded", actor_for(store), reason="看守所已补录起诉书日期")
    assert leads.scan(store, actor_for(store), today=TODAY, rules=["stage_without_document"]).new == 0
    (kept,) = leads.list_leads(store, rule="stage_without_document")
    assert kept["status"] == "excluded" and kept["status_reason"] == "看守所已补录起诉书日期"
    assert kept["status_at"] is not None


# ---- lead → notice, and the monthly report ---------------------------------------------------------


def test_a_verified_lead_becomes_a_notice_in_one_step_and_the_month_counts_it(store: Store) -> None:
    person = add(
        store,
        1,
        (("detention", date(2026, 11, 1)),),
        stage="detention",
        stage_started_on=date(2026, 11, 1),
        discharged_on=date(2026, 11, 20),
        discharge_kind="released",
    )
    add(store, 2, stage="prosecution_review", stage_started_on=None)
    leads.scan(store, actor_for(store), today=TODAY)
    (lead,) = leads.list_leads(store, rule="release_after_custody_end")
    with pytest.raises(leads.LeadError, match="尚未核实"):
        leads.raise_from_lead(store, lead["id"], "rectification_notice", actor_for(store))
    leads.set_status(store, lead["id"], "checking", actor_for(store))
    leads.set_status(store, lead["id"], "verified", actor_for(store))
    form = leads.prefill(store, lead["id"], "rectification_notice", actor_for(store))
    assert form.values["facts"] == lead["facts"] and form.values["trigger"] == "overdue_custody"
    raised = leads.raise_from_lead(store, lead["id"], "rectification_notice", actor_for(store))
    with store.session(read_only=True) as s:
        notice = s.get(RectificationNotice, raised.record_id)
        assert notice is not None and notice.state == "draft"
        assert notice.facts == lead["facts"] and notice.violated_provision == lead["legal_basis"]
        assert notice.detainee_id == person.id and notice.trigger == "overdue_custody"
        assert "台账审查中发现" in (notice.discovery or "") and notice.addressee
        finding = s.get(Finding, raised.finding_id)
        assert (
            finding is not None
            and finding.source == "ledger"
            and finding.rectification_notice_id == notice.id
        )
        kept = s.get(SupervisionLead, lead["id"])
        assert (
            kept is not None and kept.finding_id == finding.id and kept.rectification_notice_id == notice.id
        )
    with pytest.raises(leads.LeadError, match="已转为问题记录"):
        leads.raise_from_lead(store, lead["id"], "finding", actor_for(store))
    other = leads.list_leads(store, rule="stage_without_document")[0]
    leads.set_status(store, other["id"], "excluded", actor_for(store), reason="已核对")
    with store.session(read_only=True) as s:
        counts = compute_monthly_counts(s, store.station_id, 2026, 11, today=TODAY)["leads"]
    assert counts["count"] >= 2
    assert counts["by_rule_outcome"]["羁押期限届满后出所"] == {"已核实": 1}
    assert counts["by_rule_outcome"]["诉讼环节无法律文书日期"]["已排除"] >= 1
    assert counts["raised"] == {"finding": 1, "oral_correction": 0, "rectification_notice": 1}


def test_the_command_line_scans_lists_moves_and_raises_an_oral_correction(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add(store, 1, stage="prosecution_review", stage_started_on=None)
    data_dir = str(store.data_dir)
    store.close()

    def cli(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        code = main([*argv, "--data-dir", data_dir])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = cli("leads", "scan", "--date", "2026-11-25", "--rule", "诉讼环节无法律文书日期")
    assert code == 0, err
    assert "新线索 / new: 1" in out and "诉讼环节无法律文书日期 (stage_without_document): 1" in out
    code, out, _ = cli("leads", "list", "--open", "--full")
    short = out.split()[0]
    assert code == 0 and "待核实" in out and "依据 / basis: 人民检察院看守所检察办法第十五条" in out
    assert cli("leads", "set-status", short, "核实中")[0] == 0
    code, _, err = cli("leads", "set-status", short, "excluded")
    assert code == 2 and "排除线索须写明理由" in err
    assert cli("leads", "set-status", short, "verified")[0] == 0
    code, out, err = cli("leads", "raise", short, "--as", "oral")
    assert code == 0, err
    assert "已制作 / created: 口头纠正意见" in out
    with Store.open(Path(data_dir)) as st, st.session(read_only=True) as s:
        lead = s.scalar(select(SupervisionLead))
        assert lead is not None and lead.oral_correction_id is not None and lead.finding_id is not None
