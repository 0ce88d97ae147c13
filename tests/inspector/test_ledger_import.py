"""The daily ledger review (issue #15): ``inspector ledger import|confirm|show`` and its service.

Realistic exports: a GBK csv with a title line, blank lines, full-width digits and dates in several
spellings; an xlsx with a merged title row, a two-row header under merged group cells and dates as
Excel serials. The change report against the register (admissions, releases and transfers out with
their flags, stage changes and 换押 with the deadline recomputed, 留所服刑 and the 3-month rule,
people on one side only), nothing written before confirmation, then confirmation all at once or
item by item in one audited transaction.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from inspector.agenda import build_agenda
from inspector.cli import main
from inspector.domain.idnumber import make_id_number
from inspector.services import ledger_import as li
from inspector.services import records
from inspector.services.policy import actor_for
from inspector.store.models import AuditLog, CustodyEvent, Detainee, LedgerImport, LedgerProfile, SyncOutbox
from inspector.store.store import Store
from tests.conftest import detainee_values

TODAY = date(2026, 11, 25)
SPELLED = "2026年11月24日"


def person_id(n: int, birth: date = date(1990, 3, 7)) -> str:
    return make_id_number("110101", birth, 11 + 2 * n)  # an odd sequence number: a man


def add(store: Store, n: int, **values: Any) -> Any:
    base = detainee_values(
        name=f"在押{n}", id_number=person_id(n), admitted_at=datetime(2026, 11, 1, 2, tzinfo=UTC)
    )
    base.update(values)
    return store.repo(Detainee).add(base)


def event(store: Store, detainee_id: Any, kind: str, on: date) -> None:
    store.repo(CustodyEvent).add({"detainee_id": detainee_id, "kind": kind, "occurred_on": on})


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" else c for c in text)


def cli(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def count(store: Store, model: Any) -> int:
    with store.session(read_only=True) as s:
        return int(s.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0)


def items_of(report: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [i for i in report["items"] if i["type"] == kind]


# ---- reading ------------------------------------------------------------------------------------


def admission_csv(path: Path) -> Path:
    rows = [
        "七星关区看守所入所登记台账（2026年11月24日）,,,,,,",
        ",,,,,,",
        "序号,姓名,身份证号码,入所日期,监室,诉讼环节,收押凭证",
        f"1,新人甲,{full_width(person_id(1, date(1991, 5, 6)))},{full_width(SPELLED)},101,刑事拘留,拘留证",
        "",
        f"2,新人乙,{person_id(2, date(1992, 6, 7))},2026/11/23,102,刑拘,拘留证",
        f"3,在押3,{person_id(3)},2026-11-01,103,刑事拘留,拘留证",
        f"4,新人丙,{person_id(4, date(1993, 7, 8))},46348,104,刑事拘留,拘留证",
        f"5,坏日期,{person_id(5, date(1994, 8, 9))},2026-02-30,105,刑事拘留,拘留证",
        ",,,,,,",
        "制表人：李警官,,,,,,",
    ]
    path.write_bytes("\r\n".join(rows).encode("gbk"))
    return path


def test_a_gbk_csv_with_a_title_blank_lines_full_width_digits_and_serials_is_read(tmp_path: Path) -> None:
    table = li.read_ledger(admission_csv(tmp_path / "入所登记.csv"))
    assert table.source == "csv, GBK"
    assert table.headers[:4] == ("序号", "姓名", "身份证号码", "入所日期")
    mapping = li.map_columns(table)
    assert set(mapping.values()) >= {"name", "id_number", "admitted_at", "cell", "stage", "admission_paper"}
    assert li.guess_kind(table, mapping) == "admission"
    assert table.lines[0] == 4  # the title and the blank line above the header are not data


def release_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "出所登记"
    ws.append(["七星关区看守所出所登记台账"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "姓名", "身份证号", "出所情况", None, None, "去向", "备注"])
    ws.append([None, None, None, "出所日期", "出所方式", "出所凭证", None, None])
    for col in "ABCGH":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("D2:F2")
    ws.append([1, "在押11", person_id(11), 46346, "释放", "释放证明书", "", ""])  # 2026-11-20 as a serial
    ws.append([2, "在押12", person_id(12), "2026.11.21", "转押", "换押证", "毕节市看守所", ""])
    ws.append([3, "在押13", person_id(13), "２０２６年１１月２２日", "释放", "", "", "未附文书"])
    ws.append([None, None, None, None, None, None, None, None])
    ws.append([4, "陌生人", person_id(14), "2026-11-22", "释放", "释放证明书", "", ""])
    book.save(path)
    return path


def test_an_xlsx_with_a_merged_title_and_a_two_row_header_under_merged_groups_is_read(tmp_path: Path) -> None:
    table = li.read_ledger(release_xlsx(tmp_path / "出所.xlsx"))
    mapping = li.map_columns(table)
    assert table.headers[3:6] == ("出所日期", "出所方式", "出所凭证")
    assert {mapping[3], mapping[4], mapping[5], mapping[6]} == {
        "discharged_on",
        "discharge_kind",
        "discharge_paper",
        "destination",
    }
    assert li.guess_kind(table, mapping) == "release"
    assert len(table.rows) == 4  # the blank line is dropped


# ---- admissions ---------------------------------------------------------------------------------


def test_admissions_are_reported_then_confirmed_and_each_is_due_a_new_arrival_talk(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add(store, 3)
    path = admission_csv(tmp_path / "入所登记.csv")
    result = li.import_ledger(store, path, actor_for(store), today=TODAY)
    report = result.report
    new = {i["name"]: i for i in items_of(report, "admission")}
    assert set(new) == {"新人甲", "新人乙", "新人丙"}
    assert new["新人甲"]["changes"]["admitted_at"].startswith("2026-11-24")
    assert new["新人丙"]["changes"]["admitted_at"].startswith("2026-11-22")  # Excel serial 46348
    assert new["新人乙"]["changes"]["stage"] == "detention"  # 刑拘
    assert "新收押：应于2026年11月27日前谈话" in new["新人甲"]["notes"][0]
    assert [i["name"] for i in items_of(report, "unchanged")] == ["在押3"]
    (bad,) = items_of(report, "rejected")
    assert bad["name"] == "坏日期" and "入所时间不是有效的日期：2026-02-30" in bad["notes"]
    assert count(store, Detainee) == 1  # nothing written before confirmation
    with store.session(read_only=True) as s:
        kept = s.get(LedgerImport, result.import_id)
        assert kept is not None and kept.status == "pending" and kept.row_count == len(result.table.rows)
        assert kept.sha256 == result.table.sha256 and kept.file_name == "入所登记.csv"

    data_dir = str(store.data_dir)
    store.close()
    code, out, err = cli(
        ["ledger", "confirm", result.import_id.hex[:8], "--all", "--data-dir", data_dir], monkeypatch, capsys
    )
    assert code == 0, err
    assert "已写入名册 / applied: 3 项" in out and "已确认" in out
    with Store.open(Path(data_dir)) as st:
        with st.session(read_only=True) as s:
            names = set(s.scalars(select(Detainee.name).where(Detainee.deleted_at.is_(None))))
            assert names == {"在押3", "新人甲", "新人乙", "新人丙"}
            assert (
                s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "ledger_admit"))
                == 3
            )
            assert (
                s.scalar(
                    select(func.count())
                    .select_from(SyncOutbox)
                    .where(SyncOutbox.table_name == "ledger_import")
                )
                == 2
            )
            papers = s.scalar(select(Detainee.admission_documents).where(Detainee.name == "新人甲"))
            assert papers == [{"name": "拘留证"}]
        agenda = build_agenda(st, TODAY)
        talks = {i.subject for i in agenda.items if i.kind == "new_arrival_talk"}
        assert {"新人甲", "新人乙", "新人丙"} <= talks
        code, out, _ = cli(
            ["ledger", "confirm", result.import_id.hex[:8], "--item", "1", "--data-dir", data_dir],
            monkeypatch,
            capsys,
        )
        assert code == 2  # already applied


# ---- releases -----------------------------------------------------------------------------------


def test_releases_are_checked_against_the_deadline_the_stage_and_the_paper_and_confirmed_one_by_one(
    store: Store, tmp_path: Path
) -> None:
    late = add(store, 11, stage="detention", stage_started_on=date(2026, 11, 1))
    event(store, late.id, "detention", date(2026, 11, 1))  # 提请批准逮捕 due 11-04: released 11-20
    moved = add(store, 12, stage="prosecution_review", stage_started_on=date(2026, 11, 10))
    bare = add(store, 13, stage="investigation", stage_started_on=date(2026, 11, 5))
    event(store, bare.id, "arrest", date(2026, 11, 5))
    result = li.import_ledger(store, release_xlsx(tmp_path / "出所.xlsx"), actor_for(store), today=TODAY)
    by_name = {i["name"]: i for i in result.report["items"]}
    first = by_name["在押11"]
    assert first["type"] == "release" and first["changes"]["discharged_on"] == "2026-11-20"
    assert [f["code"] for f in first["flags"]] == ["release_after_custody_end"]
    assert "超期16日" in first["flags"][0]["text"]
    second = by_name["在押12"]
    assert second["type"] == "transfer_out" and second["flags"] == []
    assert "去向：毕节市看守所" in second["notes"]
    third = by_name["在押13"]
    assert third["type"] == "release" and [f["code"] for f in third["flags"]] == ["release_without_paper"]
    assert by_name["陌生人"]["type"] == "ledger_only"
    assert count(store, CustodyEvent) == 2 and _discharged(store) == set()

    done = li.confirm(store, result.import_id, actor_for(store), items=[first["n"]])
    assert done.status == "partly" and _discharged(store) == {"在押11"}
    with pytest.raises(li.LedgerError, match="不能确认写入名册"):
        li.confirm(store, result.import_id, actor_for(store), items=[by_name["陌生人"]["n"]])
    done = li.confirm(store, result.import_id, actor_for(store))
    assert done.status == "confirmed" and _discharged(store) == {"在押11", "在押12", "在押13"}
    with store.session(read_only=True) as s:
        row = s.get(Detainee, moved.id)
        assert row is not None and row.discharge_kind == "transferred"
        assert row.discharge_documents == [{"name": "换押证"}]
    lines = li.report_lines(li.load_import(store, result.import_id))
    assert any("⚠ 出所日期2026年11月20日晚于羁押期限2026年11月4日" in line for line in lines)
    assert any(line.startswith("✓ [") and "在押12" in line for line in lines)


def _discharged(store: Store) -> set[str]:
    with store.session(read_only=True) as s:
        return set(s.scalars(select(Detainee.name).where(Detainee.discharged_on.is_not(None))))


def test_a_confirmation_is_all_or_nothing(store: Store, tmp_path: Path) -> None:
    add(store, 11, stage="detention", stage_started_on=date(2026, 11, 1))
    gone = add(store, 12, stage="prosecution_review", stage_started_on=date(2026, 11, 10))
    add(store, 13, stage="investigation", stage_started_on=date(2026, 11, 5))
    result = li.import_ledger(store, release_xlsx(tmp_path / "出所.xlsx"), actor_for(store), today=TODAY)
    records.delete(store, "detainee", gone.id, actor_for(store))
    with pytest.raises(li.LedgerError, match="已不在名册中"):
        li.confirm(store, result.import_id, actor_for(store))
    assert _discharged(store) == set()
    with store.session(read_only=True) as s:
        kept = s.get(LedgerImport, result.import_id)
        assert kept is not None and kept.status == "pending"
        assert not any(i["applied"] for i in kept.report["items"])


# ---- 换押 and stage changes -------------------------------------------------------------------------


def test_a_handover_changes_the_stage_records_the_events_and_recomputes_the_deadline(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    held = add(
        store,
        21,
        stage="investigation",
        stage_started_on=date(2026, 9, 1),
        admitted_at=datetime(2026, 8, 29, tzinfo=UTC),
    )
    event(store, held.id, "arrest", date(2026, 9, 1))
    same = add(store, 22, stage="prosecution_review", stage_started_on=date(2026, 11, 2))
    event(store, same.id, "custody_handover", date(2026, 11, 2))
    path = tmp_path / "换押.csv"
    path.write_bytes(
        (
            "姓名,身份证号,换押日期,换押后环节,办案机关,换押证号\n"
            f"在押21,{person_id(21)},2026-11-20,审查起诉,七星关区人民检察院,换押〔2026〕88号\n"
            f"在押22,{person_id(22)},2026-11-02,审查起诉,,\n"
        ).encode("utf-8-sig")
    )
    data_dir = str(store.data_dir)
    store.close()
    code, out, err = cli(
        ["ledger", "import", str(path), "--profile", "换押日报", "--data-dir", data_dir], monkeypatch, capsys
    )
    assert code == 0, err
    assert "诉讼环节变更 在押21" in out and "诉讼环节：侦查羁押 → 审查起诉" in out
    assert "羁押期限重新计算：2026年11月1日 → 2026年12月20日" in out
    assert "台账格式 / profile: 换押日报 (已保存 / saved)" in out
    with Store.open(Path(data_dir)) as st:
        with st.session(read_only=True) as s:
            (imported,) = s.scalars(select(LedgerImport))
            assert imported.ledger_kind == "handover"
            profile = s.scalar(select(LedgerProfile))
            assert (
                profile is not None
                and profile.name == "换押日报"
                and profile.columns["换押日期"] == "handover_on"
            )
        result = li.confirm(st, imported.id, actor_for(st))
        assert result.status == "confirmed"
        with st.session(read_only=True) as s:
            row = s.get(Detainee, held.id)
            assert row is not None and row.stage == "prosecution_review"
            assert row.stage_started_on == date(2026, 11, 20) and row.case_authority == "七星关区人民检察院"
            kinds = sorted(
                (ev.kind, ev.document_no)
                for ev in s.scalars(select(CustodyEvent).where(CustodyEvent.detainee_id == held.id))
            )
            assert kinds == [
                ("arrest", None),
                ("custody_handover", "换押〔2026〕88号"),
                ("transferred_for_prosecution", "换押〔2026〕88号"),
            ]


# ---- 留所服刑 ----------------------------------------------------------------------------------------


def test_serving_additions_are_checked_against_the_three_month_rule_and_missing_people_named(
    store: Store, tmp_path: Path
) -> None:
    short = add(store, 31, stage="awaiting_execution", legal_status="convict", sentence_kind="fixed_term")
    long = add(store, 32, stage="awaiting_execution", legal_status="convict", sentence_kind="fixed_term")
    add(store, 33, stage="serving_in_center", legal_status="convict", sentence_kind="fixed_term",
        term_end=date(2027, 1, 10))  # fmt: skip
    path = tmp_path / "留所服刑.csv"
    path.write_bytes(
        (
            "姓名,身份证号,刑种,刑期止日,收到执行通知书日期,留所服刑日期\n"
            f"在押31,{person_id(31)},有期徒刑,2027年1月20日,2026-11-10,2026-11-12\n"
            f"在押32,{person_id(32)},有期徒刑,2027-06-30,2026-11-10,2026-11-12\n"
        ).encode("gbk")
    )
    result = li.import_ledger(store, path, actor_for(store), today=TODAY)
    by_name = {i["name"]: i for i in result.report["items"]}
    assert by_name["在押31"]["type"] == "serving" and by_name["在押31"]["flags"] == []
    assert [f["code"] for f in by_name["在押32"]["flags"]] == ["serving_over_3_months"]
    assert "剩余刑期超过3个月" in by_name["在押32"]["flags"][0]["text"]
    assert by_name["在押33"]["type"] == "register_only"
    li.confirm(store, result.import_id, actor_for(store), items=[by_name["在押31"]["n"]])
    with store.session(read_only=True) as s:
        row = s.get(Detainee, short.id)
        assert row is not None and row.stage == "serving_in_center" and row.term_end == date(2027, 1, 20)
        other = s.get(Detainee, long.id)
        assert other is not None and other.stage == "awaiting_execution"


# ---- profiles -----------------------------------------------------------------------------------


def test_a_profile_keeps_a_chosen_mapping_for_the_next_days_file(store: Store, tmp_path: Path) -> None:
    def write(name: str, who: str, n: int) -> Path:
        path = tmp_path / name
        path.write_bytes(
            f"人犯,证号,收押日\n{who},{person_id(n, date(1990, 1, n))},2026-11-2{n}\n".encode("gbk")
        )
        return path

    specs = ["人犯=name", "证号=身份证号", "收押日=入所时间"]
    first = li.import_ledger(
        store,
        write("a.csv", "甲", 1),
        actor_for(store),
        kind="admission",
        profile="某所入所",
        map_specs=specs,
        today=TODAY,
    )
    assert first.profile_saved and items_of(first.report, "admission")[0]["name"] == "甲"
    second = li.import_ledger(
        store, write("b.csv", "乙", 2), actor_for(store), profile="某所入所", today=TODAY
    )
    assert second.kind == "admission" and not second.profile_saved
    assert items_of(second.report, "admission")[0]["name"] == "乙"
    with pytest.raises(li.LedgerError, match="不能用于"):
        li.import_ledger(store, write("c.csv", "丙", 3), actor_for(store), kind="release", profile="某所入所")


def test_a_ledger_without_a_name_column_is_refused_with_a_clear_message(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("甲列,乙列\n1,2\n".encode())
    with pytest.raises(li.LedgerError, match="找不到“姓名”或“身份证号”列"):
        li.import_ledger(store, path, actor_for(store), kind="admission")
    assert count(store, LedgerImport) == 0


def test_the_lean_xlsx_reader_reads_what_openpyxl_reads(tmp_path: Path) -> None:
    from inspector.services.xlsx_values import XlsxError, read_xlsx_values

    path = release_xlsx(tmp_path / "出所.xlsx")
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    theirs = [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    source, mine = read_xlsx_values(path)

    def trimmed(row: tuple[Any, ...]) -> tuple[Any, ...]:
        out = list(row)
        while out and out[-1] is None:
            out.pop()
        return tuple(out)

    assert source == "xlsx, sheet 出所登记"
    assert [trimmed(r) for r in mine] == [trimmed(r) for r in theirs]
    with pytest.raises(XlsxError, match="没有工作表“别的”"):
        read_xlsx_values(path, "别的")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(XlsxError, match="不是有效的 xlsx 文件"):
        read_xlsx_values(broken)
