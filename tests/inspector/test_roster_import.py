"""Roster import (issue #11, item 11): ``inspector import-roster FILE`` and its service.

.xlsx and .csv in UTF-8, GBK or GB18030 (detected); the column mapping guessed from the headers and
changed by the person; every row checked (ID check digit, dates, choices) with every reason named;
people already on the register found by ID number, skipped or updated as chosen; one all-or-nothing
commit (a rejected row stops it unless only the valid rows were chosen; a cancel leaves nothing).
"""

from __future__ import annotations

import csv
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from inspector.cli import main
from inspector.services import roster_import as ri
from inspector.services.policy import actor_for
from inspector.store.models import AuditLog, Detainee, SyncOutbox
from inspector.store.store import Store

HEADER = ["序号", "姓名", "身份证号码", "入所日期", "监室", "诉讼环节", "法律身份", "备注"]
GOOD = [
    ["1", "张三", "110101199003074514", "2026/3/1", "101", "审查起诉", "犯罪嫌疑人", ""],
    ["2", "𠮷祥", "110101199103074511", "2026年3月2日", "102", "侦查羁押", "犯罪嫌疑人", ""],
]
BAD = [
    ["3", "李四", "11010119900307451X", "2026-03-02", "102", "侦查羁押", "犯罪嫌疑人", "校验位错"],
    ["4", "赵六", "110101199003074514", "2026-03-01", "101", "审查起诉", "犯罪嫌疑人", "与第2行重复"],
    ["5", "孙七", "", "2026-02-30", "103", "天堂", "被告人", "日期、环节都不对"],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    buf = io.StringIO()
    csv.writer(buf).writerows([HEADER, *rows])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def people(store: Store) -> dict[str, str | None]:
    with store.session(read_only=True) as s:
        return {d.name: d.cell for d in s.scalars(select(Detainee).where(Detainee.deleted_at.is_(None)))}


def cli(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_gb18030_csv_is_read_and_every_bad_row_is_named(store: Store, tmp_path: Path) -> None:
    table = ri.read_table(write_csv(tmp_path / "r.csv", GOOD + BAD, "gb18030"))
    assert table.source == "csv, GB18030"  # 𠮷 is not in GBK
    mapping = ri.guess_mapping(table.headers)
    assert [mapping.get(i) for i in range(len(HEADER))] == [
        None, "name", "id_number", "admitted_at", "cell", "stage", "legal_status", None,
    ]  # fmt: skip
    plan = ri.plan_import(store, table, mapping)
    assert [(r.line, r.action) for r in plan.rows] == [
        (2, "new"), (3, "new"), (4, "rejected"), (5, "rejected"), (6, "rejected"),
    ]  # fmt: skip
    reasons = {r.line: "；".join(r.reasons) for r in plan.rejected}
    assert "校验位" in reasons[4]
    assert "与第2行重复" in reasons[5]
    assert "入所时间不是有效的日期" in reasons[6] and "诉讼环节取值无效：天堂" in reasons[6]
    assert "入所时间为必填项" not in reasons[6]  # said once, as the date that could not be read
    first = next(r for r in plan.rows if r.line == 2)
    assert first.values["gender"] == "male" and str(first.values["birth_date"]) == "1990-03-07"  # from the ID


def test_nothing_is_imported_unless_every_row_is_valid_or_only_the_valid_were_chosen(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = str(store.data_dir)
    store.close()
    path = write_csv(tmp_path / "r.csv", GOOD + BAD, "gb18030")
    code, out, err = cli(["import-roster", str(path), "--data-dir", data_dir], monkeypatch, capsys)
    assert code == 2 and err.count("\n") == 1 and "nothing was imported" in err
    assert "第4行 李四：身份证号校验位错误" in out
    with Store.open(Path(data_dir)) as st:
        assert people(st) == {}
    report = tmp_path / "report.csv"
    code, out, err = cli(
        ["import-roster", str(path), "--data-dir", data_dir, "--skip-invalid", "--report", str(report)],
        monkeypatch,
        capsys,
    )
    assert code == 0, err
    assert "2 new" in out
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "行号,姓名,处理,原因" and len(lines) == 6 and "无法导入" in lines[3]
    with Store.open(Path(data_dir)) as st:
        assert people(st) == {"张三": "101", "𠮷祥": "102"}
        with st.session(read_only=True) as s:
            queued = s.scalar(
                select(func.count()).select_from(SyncOutbox).where(SyncOutbox.table_name == "detainee")
            )
            audited = s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "import"))
            summary = s.scalars(select(AuditLog).where(AuditLog.action == "import_roster")).one()
        assert queued == 2 and audited == 2  # each record captured for sync and audited
        assert summary.detail is not None and summary.detail["added"] == 2 and summary.detail["rejected"] == 3


def test_people_on_the_register_are_skipped_or_updated_as_chosen(store: Store, tmp_path: Path) -> None:
    me = actor_for(store)
    gbk = write_csv(tmp_path / "r.csv", GOOD[:1], "gbk")
    assert ri.read_table(gbk).source == "csv, GBK"
    plan = ri.plan_import(store, ri.read_table(gbk), ri.guess_mapping(HEADER))
    ri.commit_import(store, plan, me)
    moved = [[*GOOD[0][:4], "305", *GOOD[0][5:]]]
    utf8 = write_csv(tmp_path / "moved.csv", moved, "utf-8-sig")
    table = ri.read_table(utf8)
    assert table.source == "csv, UTF-8"
    skipped = ri.plan_import(store, table, ri.guess_mapping(HEADER))
    assert [r.action for r in skipped.rows] == ["skip"]
    updated = ri.plan_import(store, table, ri.guess_mapping(HEADER), existing="update")
    assert [(r.action, r.values) for r in updated.rows] == [("update", {"cell": "305"})]
    report = ri.commit_import(store, updated, me)
    assert (report.added, report.updated) == (0, 1)
    assert people(store) == {"张三": "305"}
    again = ri.plan_import(store, table, ri.guess_mapping(HEADER), existing="update")
    assert [(r.action, r.reasons) for r in again.rows] == [("skip", ("已在册，内容相同",))]


def test_an_xlsx_with_dates_a_mapping_and_defaults(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "说明"
    ws.append(["这一页不是名册"])
    sheet = book.create_sheet("名册")
    sheet.append(["名字", "证件", "收押时间", "仓号", "案由"])
    sheet.append(["张三", "110101199003074514", datetime(2026, 3, 1, 9, 30), "101", "盗窃"])
    sheet.append(["王五", 110101199103074511, datetime(2026, 3, 2), "102", "诈骗"])  # the ID as a number
    path = tmp_path / "r.xlsx"
    book.save(path)
    with pytest.raises(ri.RosterError, match="no sheet"):
        ri.read_table(path, sheet="没有")
    table = ri.read_table(path, sheet="名册")
    assert table.source == "xlsx, sheet 名册"
    mapping = ri.parse_mapping(["证件=身份证号", "5=charges"], table.headers, ri.guess_mapping(table.headers))
    with pytest.raises(ri.RosterError, match="legal_status, stage"):
        ri.plan_import(store, table, mapping)
    plan = ri.plan_import(store, table, mapping, defaults={"legal_status": "犯罪嫌疑人", "stage": "审查起诉"})
    assert [r.action for r in plan.rows] == ["new", "rejected"]
    assert "保存成了数字" in plan.rows[1].reasons[0]
    assert plan.rows[0].values["admitted_at"].astimezone(UTC) == datetime(2026, 3, 1, 1, 30, tzinfo=UTC)
    ri.commit_import(store, plan, actor_for(store), skip_invalid=True)
    with store.session(read_only=True) as s:
        [person] = s.scalars(select(Detainee))
    assert (person.charges, person.stage, person.legal_status) == ("盗窃", "prosecution_review", "suspect")


def test_a_cancelled_import_writes_nothing_and_progress_is_told(store: Store, tmp_path: Path) -> None:
    rows = [[str(i), f"人{i}", "", "2026-03-01", "101", "审查起诉", "犯罪嫌疑人", ""] for i in range(450)]
    path = write_csv(tmp_path / "big.csv", rows, "utf-8")
    table = ri.read_table(path)
    seen: list[tuple[int, int]] = []
    plan = ri.plan_import(
        store,
        table,
        ri.guess_mapping(HEADER),
        defaults={"gender": "女"},
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[-1] == (450, 450) and plan.count("new") == 450
    asked = {"n": 0}

    def cancel() -> bool:
        asked["n"] += 1
        return asked["n"] > 2  # after 400 of the 450 were written in the transaction

    with pytest.raises(ri.ImportCancelledError):
        ri.commit_import(store, plan, actor_for(store), cancel=cancel)
    assert people(store) == {}
    with store.session(read_only=True) as s:
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == s.scalar(
            select(func.count()).select_from(SyncOutbox).where(SyncOutbox.table_name != "detainee")
        )


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("empty.csv", b"", "empty"),
        ("r.pdf", b"%PDF", "unsupported roster file type"),
        ("bad.xlsx", b"PK\x03\x04 not really", "not a valid xlsx"),
        ("bin.csv", bytes(range(256)), "not a text file"),
        ("latin.csv", "姓名\n".encode("utf-16"), "not a text file"),
    ],
)
def test_files_that_are_not_rosters_are_one_line(
    name: str,
    data: bytes,
    says: str,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data_dir = str(store.data_dir)
    store.close()
    path = tmp_path / name
    path.write_bytes(data)
    code, _, err = cli(["import-roster", str(path), "--data-dir", data_dir], monkeypatch, capsys)
    assert code == 2 and err.count("\n") == 1 and says in err, err


def test_a_row_refused_for_its_date_is_not_also_refused_for_the_gender_its_id_gives(
    store: Store, tmp_path: Path
) -> None:
    row = ["1", "张三", "110101199003074514", "2026-02-30", "101", "审查起诉", "犯罪嫌疑人", ""]
    table = ri.read_table(write_csv(tmp_path / "r.csv", [row], "utf-8"))
    plan = ri.plan_import(store, table, ri.guess_mapping(table.headers))
    (outcome,) = plan.rows
    assert outcome.action == "rejected"
    assert any("入所时间" in reason for reason in outcome.reasons)
    assert not any("性别" in reason for reason in outcome.reasons), outcome.reasons
