"""Export to xlsx (issue #11, item 12): every ledger as a sheet, and any rows a list shows; a text a
spreadsheet would run as a formula (= + - @) is written as quoted text, never as a formula."""

from __future__ import annotations

import io
import os
import stat
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from inspector.cli import main
from inspector.export import Sheet, write_xlsx
from inspector.store.models import Detainee
from inspector.store.store import Store
from inspector.store.types import utc_now
from tests.conftest import detainee_values

NASTY = {
    "name": '=HYPERLINK("http://x","点")',
    "cell": "+1",
    "block": "-2+3",
    "charges": "@SUM(A1:A9)",
    "case_authority": "毕节市公安局",  # an ordinary text stays as it is
}


def no_formulas(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name


def test_every_ledger_is_a_sheet_and_no_text_becomes_a_formula(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store.repo(Detainee).add(detainee_values(**NASTY))
    gone = store.repo(Detainee).add(detainee_values(name="已删除"))
    store.repo(Detainee).update(gone.id, {"deleted_at": utc_now()})
    data_dir = str(store.data_dir)
    store.close()
    out = tmp_path / "ledgers.xlsx"
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["export", "--data-dir", data_dir, "--format", "xlsx", "--out", str(out)]) == 0
    capsys.readouterr()
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    no_formulas(out)
    book = openpyxl.load_workbook(out)
    assert {"在押人员", "巡视检察", "纠正违法通知书", "检察建议书", "个别谈话", "羁押期限事件"} <= set(
        book.sheetnames
    )
    sheet = book["在押人员"]
    headers = [c.value for c in sheet[1]]
    assert headers[:2] == ["姓名", "性别"] and "编号" in headers and "id" not in headers
    [row] = [[c for c in r] for r in sheet.iter_rows(min_row=2)]  # the deleted person is left out
    by_header = dict(zip(headers, row, strict=True))
    for field, label in (("name", "姓名"), ("cell", "监室"), ("block", "监区"), ("charges", "涉嫌罪名")):
        cell = by_header[label]
        assert cell.value == NASTY[field] and cell.data_type == "s" and cell.quotePrefix, field
    assert by_header["办案机关"].value == "毕节市公安局" and not by_header["办案机关"].quotePrefix
    assert by_header["性别"].value == "男"  # a choice by its label


def test_any_rows_a_list_shows_are_written_escaped(tmp_path: Path) -> None:
    out = tmp_path / "list.xlsx"
    counts = write_xlsx(
        out,
        [Sheet("名单", ["姓名", "备注"], [["张三", "=1+1"], ["李四", "\t=cmd|' /C calc'!A0"], ["王五", 5]])],
    )
    assert counts == {"名单": 3}
    no_formulas(out)
    ws = openpyxl.load_workbook(out)["名单"]
    assert [c.value for c in ws["B"]] == ["备注", "=1+1", "\t=cmd|' /C calc'!A0", 5]
    assert [bool(c.quotePrefix) for c in ws["B"]][1:] == [True, True, False]


def test_a_control_character_in_old_data_does_not_break_the_export(store: Store, tmp_path: Path) -> None:
    person = store.repo(Detainee).add(detainee_values(name="张三"))
    with store.engine.begin() as conn:  # written before clean text was enforced
        conn.exec_driver_sql("UPDATE detainee SET notes = ? WHERE id = ?", ("a\x07b", person.id.hex))
    from inspector.export import export_xlsx

    export_xlsx(store, tmp_path / "x.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx")["在押人员"]
    headers = [c.value for c in ws[1]]
    assert ws.cell(2, headers.index("备注") + 1).value == "ab"
