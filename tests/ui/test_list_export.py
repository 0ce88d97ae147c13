"""导出… on the list pages and 导出全部台账（xlsx）… on 日志与报表 (issue #11, item 12): a list's rows
exactly as it shows them (filter, order, headers, texts) to xlsx in the background, every ledger as a
workbook, texts a spreadsheet would run (= + - @) stored as text, each export in the audit log, and a
target that cannot be written refused with a message and no file."""

from __future__ import annotations

import os
import tempfile
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import select

from inspector.export import ledger_sheets
from inspector.services import exports
from inspector.services.policy import actor_for
from inspector.store.models import AuditLog, Detainee
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import file_dialogs
from ui.models.record_lists import detainee_list, patrol_list
from ui.views.records_view import RecordsView
from ui.views.reports_view import ReportsView

FORMULAS = ["=1+1", "+86 123", "-2+3", "@SUM(A1:A9)", '=HYPERLINK("http://x","点")']


def no_formulas(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                body = z.read(name)
                assert b"<f>" not in body and b"<f " not in body, name


def audit_entries(store: Store, action: str) -> list[AuditLog]:
    with store.session(read_only=True) as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.seq)))


def shown_rows(qtbot: Any, view: RecordsView) -> list[list[str]]:
    """Every row the list shows (all pages fetched, as scrolling would), as the cells' texts."""
    model = view.model
    while model.canFetchMore():
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.is_loading, timeout=10_000)
    return [
        [model.data(model.index(r, c)) or "" for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def cell_text(value: Any) -> str:
    return "" if value is None else str(value)


@pytest.fixture
def many(store: Store, seed: Any) -> int:
    """230 people named 甲… in custody (more than a page of the list), their charges texts a spreadsheet
    would run; 乙… who the search leaves out; a discharged 甲 the default state leaves out."""
    base = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    values = [
        seed.detainee_values(
            i,
            name=f"甲{i:03d}",
            charges=FORMULAS[i % len(FORMULAS)],
            admitted_at=base + timedelta(hours=i),
        )
        for i in range(230)
    ]
    values += [seed.detainee_values(300 + i, name=f"乙{i:02d}") for i in range(5)]
    values.append(
        seed.detainee_values(400, name="甲999", discharged_on=today_local(), discharge_kind="released")
    )
    store.repo(Detainee).add_many(values)
    return 230


def make_view(qtbot: Any, store: Store, spec: Any) -> tuple[QMainWindow, RecordsView]:
    window = QMainWindow()
    view = RecordsView(store, spec)  # the app's background runner
    window.setCentralWidget(view)
    qtbot.addWidget(window)
    window.resize(1200, 640)
    window.show()
    view.activate()
    qtbot.waitUntil(lambda: view.model.has_loaded and not view.model.is_loading, timeout=10_000)
    return window, view


def export_and_wait(qtbot: Any, view: RecordsView, path: Path) -> None:
    view.export_rows(path)
    assert not view.export_button.isEnabled()  # busy while it is written
    qtbot.waitUntil(view.export_button.isEnabled, timeout=20_000)


def test_filtered_sorted_list_exports_exactly_its_rows_as_text(
    qtbot: Any, store: Store, many: int, tmp_path: Path, idle: Any
) -> None:
    window, view = make_view(qtbot, store, detainee_list())
    view.search_edit.setText("甲")
    view.apply_filters()
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # 姓名, Z→A
    qtbot.waitUntil(lambda: view.model.has_loaded and not view.model.is_loading, timeout=10_000)
    assert view.model.total == many and view.model.rowCount() < many  # only the first page is loaded

    out = tmp_path / "在押人员.xlsx"
    export_and_wait(qtbot, view, out)

    expected = shown_rows(qtbot, view)  # every row the list shows, in its order
    assert len(expected) == many and expected[0][0] == "甲229" and expected[-1][0] == "甲000"
    no_formulas(out)
    sheet = openpyxl.load_workbook(out)["在押人员"]
    rows = list(sheet.iter_rows())
    headers = [view.model.headerData(i, Qt.Orientation.Horizontal) for i in range(view.model.columnCount())]
    assert [c.value for c in rows[0]] == headers
    assert [[cell_text(c.value) for c in row] for row in rows[1:]] == expected
    charges = headers.index("涉嫌罪名")
    written = {row[charges].value: row[charges] for row in rows[1:]}
    for text in FORMULAS:  # kept as typed, stored as text: never a formula
        assert written[text].data_type == "s", text
    assert written["=1+1"].quotePrefix
    # what the cells show: a masked ID number, a date as the list writes it
    id_column = headers.index("身份证号")
    assert "*" in rows[1][id_column].value
    assert rows[1][headers.index("入所日期")].value == expected[0][headers.index("入所日期")]

    assert window.statusBar().currentMessage() == f"已导出 {many} 行到 {out}"
    (entry,) = audit_entries(store, exports.EXPORT_LIST)
    assert entry.user_id == store.actor.user_id
    assert entry.detail["rows"] == many and entry.detail["list"] == view.spec.source
    assert entry.detail["filter"]["text"] == "甲" and entry.detail["descending"] is True
    idle()


def test_ctrl_e_asks_where_with_the_page_title_and_date(
    qtbot: Any, store: Store, seed: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, idle: Any
) -> None:
    seed.patrol()
    window, view = make_view(qtbot, store, patrol_list())
    asked: list[str] = []
    out = tmp_path / "out"
    out.mkdir()
    chosen = out / "巡视"  # no suffix typed: .xlsx is added

    def save_file_name(parent: Any, title: str, file_name: str, filters: str) -> Path | None:
        asked.append(file_name)
        return chosen if len(asked) == 1 else None  # the second time: cancelled

    monkeypatch.setattr(file_dialogs, "save_file_name", save_file_name)
    view.table.setFocus()
    qtbot.keySequence(view.table, QKeySequence("Ctrl+E"))
    assert asked == [f"巡视检察-{today_local():%Y-%m-%d}.xlsx"]
    qtbot.waitUntil(view.export_button.isEnabled, timeout=20_000)
    book = openpyxl.load_workbook(chosen.with_name("巡视.xlsx"))
    assert book.sheetnames == ["巡视检察"] and book["巡视检察"].max_row == 2
    assert "已导出 1 行" in window.statusBar().currentMessage()

    view.export_button.click()  # cancelled: nothing written, nothing audited
    assert len(asked) == 2 and len(audit_entries(store, exports.EXPORT_LIST)) == 1
    assert sorted(p.name for p in out.iterdir()) == ["巡视.xlsx"]
    idle()


def test_every_ledger_from_the_reports_page(
    qtbot: Any, store: Store, seed: Any, tmp_path: Path, idle: Any
) -> None:
    seed.detainee(1, name="=cmd|' /C calc'!A0")
    seed.patrol()
    seed.notice()
    page = ReportsView(store, actor=actor_for(store))
    qtbot.addWidget(page)
    page.show()
    out = tmp_path / "台账.xlsx"
    page.export_ledgers(out)
    qtbot.waitUntil(page.export_button.isEnabled, timeout=20_000)

    with store.read_connection() as conn:
        ledgers = [sheet.title for sheet in ledger_sheets(conn)]
    book = openpyxl.load_workbook(out)
    assert len(ledgers) > 10 and book.sheetnames == ledgers
    assert book["在押人员"]["A2"].value == "=cmd|' /C calc'!A0" and book["在押人员"]["A2"].data_type == "s"
    assert book["巡视检察"].max_row == 2 and book["纠正违法通知书"].max_row == 2
    no_formulas(out)
    assert page.result.text().startswith(f"已导出 {len(ledgers)} 类台账") and str(out) in page.result.text()
    (entry,) = audit_entries(store, exports.EXPORT_LEDGERS)
    assert entry.detail["sheets"] == len(ledgers) and entry.detail["file"] == str(out.resolve())
    assert page.export_file_name() == f"全部台账-{today_local():%Y-%m-%d}.xlsx"
    idle()


def test_a_target_that_cannot_be_written_gives_a_message_and_no_file(
    qtbot: Any,
    store: Store,
    seed: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    idle: Any,
    no_unexpected_dialogs: list[str],
) -> None:
    seed.patrol()
    window, view = make_view(qtbot, store, patrol_list())
    locked = tmp_path / "只读"
    locked.mkdir()
    locked.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: the folder refuses as it would refuse a user
        real: Any = tempfile.mkstemp

        def refuse(*args: Any, dir: Any = None, **kw: Any) -> Any:
            if dir is not None and Path(dir) == locked:
                raise PermissionError(13, "Permission denied", str(dir))
            return real(*args, dir=dir, **kw)

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        export_and_wait(qtbot, view, locked / "巡视.xlsx")
        assert list(locked.iterdir()) == []  # not even a partial file
    finally:
        locked.chmod(0o700)
    assert no_unexpected_dialogs == [
        f"无法完成操作: 无法写入 {locked / '巡视.xlsx'}：Permission denied。请换一个文件夹或文件名再导出"
    ]
    assert window.statusBar().currentMessage().startswith("导出失败：无法写入")
    no_unexpected_dialogs.clear()

    folder = tmp_path / "一个文件夹.xlsx"  # not a regular file: refused before anything is read
    folder.mkdir()
    export_and_wait(qtbot, view, folder)
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert no_unexpected_dialogs and "是文件夹" in no_unexpected_dialogs[0]
    no_unexpected_dialogs.clear()

    page = ReportsView(store, actor=actor_for(store))
    qtbot.addWidget(page)
    page.export_ledgers(Path("/dev/null"))  # a device: refused, not written to
    qtbot.waitUntil(page.export_button.isEnabled, timeout=20_000)
    assert page.result.text().startswith("导出失败：") and "不是普通文件" in page.result.text()
    assert no_unexpected_dialogs and "不是普通文件" in no_unexpected_dialogs[0]
    no_unexpected_dialogs.clear()
    assert (
        audit_entries(store, exports.EXPORT_LIST) == [] and audit_entries(store, exports.EXPORT_LEDGERS) == []
    )
    idle()
