"""导入名册 on the 在押人员 page (issue #11, item 11, the desktop half): an .xlsx and a GBK .csv go
through the column mapping, the preview and the import and the people appear on the register; a row
that cannot be imported is named with its reason and nothing is written unless only the valid rows were
chosen; people already on the register are skipped or updated as chosen; 取消导入 during the import
writes nothing; a bad file is one plain message naming it; a role that may not add people has no button.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from inspector.services import roster_import as ri
from inspector.store.models import AppUser, AuditLog, Detainee
from inspector.store.store import Store
from ui import errors, file_dialogs
from ui.main_window import DETAINEES, MainWindow
from ui.views.roster_import_dialog import COMMIT, DONE, FILE, MAPPING, PREVIEW, RosterImportDialog

from .conftest import run_now

HEADER = ["序号", "姓名", "身份证号码", "入所日期", "监室", "诉讼环节", "法律身份"]
GOOD = [
    ["1", "张三", "110101199003074514", "2026/3/1", "101", "审查起诉", "犯罪嫌疑人"],
    ["2", "赵云", "110101199103074511", "2026年3月2日", "102", "侦查羁押", "犯罪嫌疑人"],
]
BAD = ["3", "李四", "11010119900307451X", "2026-03-02", "103", "侦查羁押", "犯罪嫌疑人"]  # check digit


def write_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    buf = io.StringIO()
    csv.writer(buf).writerows([HEADER, *rows])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def people(store: Store) -> dict[str, str | None]:
    with store.session(read_only=True) as s:
        return {d.name: d.cell for d in s.scalars(select(Detainee).where(Detainee.deleted_at.is_(None)))}


def window_as(qtbot: Any, store: Store, role: str | None = None) -> MainWindow:
    if role is not None:
        user = store.repo(AppUser).add({"username": f"u_{role}", "display_name": f"{role}用户", "role": role})
        store.sign_in_as(user.id)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(DETAINEES)
    return window


def open_dialog(window: MainWindow) -> RosterImportDialog:
    button = window.roster_import_button
    assert button is not None and button.isVisible() and button.text() == "导入名册…"
    button.click()
    dialog = window.findChild(RosterImportDialog)
    assert dialog is not None and dialog.isVisible() and dialog.step() == FILE
    return dialog


def test_an_xlsx_goes_through_mapping_preview_and_import_in_the_background(
    qtbot: Any, store: Store, tmp_path: Path, idle: Any
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["名字", "证件", "收押时间", "仓号", "备注"])
    sheet.append(["张三", "110101199003074514", datetime(2026, 3, 1, 9, 30), "101", "无"])
    sheet.append(["赵云", "110101199103074511", datetime(2026, 3, 2), 102, ""])
    path = tmp_path / "名册.xlsx"
    book.save(path)

    window = window_as(qtbot, store)
    page = window.pages[DETAINEES]
    qtbot.waitUntil(lambda: page.model.has_loaded)  # type: ignore[attr-defined]
    dialog = open_dialog(window)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.step() == MAPPING)
    assert "名册.xlsx（xlsx, sheet Sheet）" in dialog.source_label.text()
    assert dialog.mapping() == {0: "name", 2: "admitted_at", 3: "cell"}  # guessed from the headers
    # 证件 is not a name the core knows: the person maps it; 法律身份 and 诉讼环节 have no column.
    dialog.set_column(1, "id_number")
    assert not dialog.next_button.isEnabled() and "法律身份、诉讼环节" in dialog.missing_label.text()
    dialog.set_default("legal_status", "suspect")
    dialog.set_default("stage", "prosecution_review")
    assert dialog.next_button.isEnabled() and dialog.next_button.text() == "预览"
    dialog.set_column(4, "cell")  # a field comes from one column only: 仓号 goes back to 不导入
    assert dialog.mapping()[4] == "cell" and 3 not in dialog.mapping()
    dialog.set_column(3, "cell")
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.step() == PREVIEW)
    assert [(r.line, r.action) for r in dialog.rows_model.rows] == [(2, "new"), (3, "new")]
    assert "新增 <b>2</b>" in dialog.counts_label.text() and not dialog.rejected_frame.isVisible()
    assert dialog.next_button.isEnabled() and dialog.next_button.text() == "导入"

    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.step() == DONE)
    assert "新增 2 人" in dialog.result_label.text()
    assert people(store) == {"张三": "101", "赵云": "102"}
    with store.session(read_only=True) as s:
        assert (
            s.scalars(select(AuditLog).where(AuditLog.action == "import_roster")).one().detail["added"] == 2
        )
    qtbot.waitUntil(lambda: page.model.total == 2)  # type: ignore[attr-defined]  # the list was read again
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # 完成
    assert not dialog.isVisible()
    idle()
    window.close()


def test_a_gbk_csv_with_a_rejected_row_names_it_and_imports_only_when_chosen(
    qtbot: Any, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "roster.csv", [*GOOD, BAD], "gbk")
    dialog = RosterImportDialog(store, window_actor(store), runner=run_now)
    qtbot.addWidget(dialog)
    dialog.show()
    reports: list[object] = []
    dialog.imported.connect(reports.append)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *_a: path)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # 选择文件… is the default button
    assert dialog.step() == MAPPING and "csv, GBK" in dialog.source_label.text()
    assert dialog.mapping() == {
        1: "name", 2: "id_number", 3: "admitted_at", 4: "cell", 5: "stage", 6: "legal_status",
    }  # fmt: skip
    qtbot.keyClick(dialog.combos[0], Qt.Key.Key_Return)  # Enter from a combo box: 预览
    assert dialog.step() == PREVIEW
    assert [(r.line, r.action) for r in dialog.rows_model.rows] == [(2, "new"), (3, "new"), (4, "rejected")]
    assert "身份证号校验位错误" in dialog.rows_model.index(2, 3).data()
    assert dialog.rejected_frame.isVisible() and "有 1 行无法导入" in dialog.rejected_label.text()
    assert not dialog.next_button.isEnabled()  # all or nothing, unless only the valid rows are chosen
    dialog.only_rejected_box.setChecked(True)
    assert dialog.rows_model.rowCount() == 1 and dialog.rows_model.index(0, 1).data() == "李四"
    dialog.only_rejected_box.setChecked(False)
    assert dialog.rows_model.rowCount() == 3

    dialog.back_button.click()  # back to the columns and forward again: the same preview
    assert dialog.step() == MAPPING
    dialog.next_button.click()
    assert dialog.step() == PREVIEW and not dialog.next_button.isEnabled()
    dialog.only_valid_box.setChecked(True)
    assert dialog.next_button.isEnabled()
    dialog.next_button.click()
    assert dialog.step() == DONE and len(reports) == 1
    assert "新增 2 人" in dialog.result_label.text() and "未导入 1 行" in dialog.result_label.text()
    assert dialog.report_text.toPlainText() == "第 4 行 李四：身份证号校验位错误（应为4）"
    assert people(store) == {"张三": "101", "赵云": "102"}

    saved = tmp_path / "report"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_a: saved)
    dialog.save_report_button.click()
    lines = (tmp_path / "report.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines == [
        "行号,姓名,处理,原因",
        "2,张三,新增,",
        "3,赵云,新增,",
        "4,李四,无法导入,身份证号校验位错误（应为4）",
    ]
    assert "报告已保存到" in dialog.status.text()
    dialog.close()


def window_actor(store: Store) -> Any:
    from inspector.services.policy import actor_for

    return actor_for(store)


def test_people_on_the_register_are_skipped_or_updated_as_chosen(
    qtbot: Any, store: Store, tmp_path: Path
) -> None:
    first = RosterImportDialog(store, window_actor(store), runner=run_now)
    qtbot.addWidget(first)
    first.load(write_csv(tmp_path / "a.csv", GOOD, "utf-8"))
    first.make_plan()
    first.commit()
    assert people(store) == {"张三": "101", "赵云": "102"}

    moved = [[*GOOD[0][:4], "305", *GOOD[0][5:]], GOOD[1]]
    dialog = RosterImportDialog(store, window_actor(store), runner=run_now)
    qtbot.addWidget(dialog)
    dialog.load(write_csv(tmp_path / "b.csv", moved, "gb18030"))
    dialog.make_plan()
    assert [r.action for r in dialog.rows_model.rows] == ["skip", "skip"]
    assert not dialog.next_button.isEnabled()  # nothing to write
    dialog.update_radio.setChecked(True)  # the preview is made again
    assert [r.action for r in dialog.rows_model.rows] == ["update", "skip"]
    assert dialog.rows_model.index(0, 3).data() == "将更新：监室"
    dialog.commit()
    assert dialog.step() == DONE and "更新 1 人" in dialog.result_label.text()
    assert people(store) == {"张三": "305", "赵云": "102"}


def test_cancel_during_the_import_writes_nothing(qtbot: Any, store: Store, tmp_path: Path) -> None:
    rows = [[str(i), f"人{i}", "", "2026-03-01", "101", "审查起诉", "犯罪嫌疑人"] for i in range(450)]
    dialog = RosterImportDialog(store, window_actor(store), runner=run_now)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(write_csv(tmp_path / "big.csv", rows, "utf-8"))
    dialog.set_column(2, None)  # no ID numbers in this file: the gender cannot come from them
    assert "性别" in dialog.missing_label.text()
    dialog.set_default("gender", "female")
    dialog.make_plan()
    assert dialog.plan is not None and dialog.plan.count("new") == 450
    seen: list[int] = []

    def written(value: int) -> None:  # 200 rows are in the transaction: Esc, as a person would
        seen.append(value)
        if value == 200:
            assert dialog.step() == COMMIT and dialog.cancel_button.text() == "取消导入"
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    dialog.progress.valueChanged.connect(written)
    dialog.commit()
    assert seen[-1] == 200
    assert dialog.step() == DONE and dialog.cancelled and dialog.isVisible()
    assert "已取消导入，名册未作任何改动" in dialog.result_label.text()
    assert people(store) == {}
    dialog.progress.valueChanged.disconnect(written)
    dialog.back_button.click()  # back to the preview: the same plan can be imported after all
    assert dialog.step() == PREVIEW and dialog.next_button.isEnabled()
    dialog.commit()
    assert len(people(store)) == 450


def test_the_roster_on_another_sheet_of_the_workbook(qtbot: Any, store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["这一页不是名册"])
    sheet = book.create_sheet("名册")
    sheet.append(HEADER)
    sheet.append(GOOD[0])
    path = tmp_path / "r.xlsx"
    book.save(path)
    dialog = RosterImportDialog(store, window_actor(store), runner=run_now)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(path)
    assert dialog.step() == MAPPING and dialog.mapping() == {} and dialog.sheet_row.isVisible()
    assert [dialog.sheet_box.itemText(i) for i in range(2)] == ["说明", "名册"]
    assert dialog.sheet_box.currentText() == "说明" and not dialog.next_button.isEnabled()
    dialog.sheet_box.setCurrentText("名册")  # read again, the mapping guessed from this sheet's headers
    assert "sheet 名册" in dialog.source_label.text() and dialog.sheet_box.currentText() == "名册"
    assert dialog.mapping()[1] == "name" and dialog.focusWidget() is dialog.combos[0]
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.step() == DONE and people(store) == {"张三": "101"}


def test_cancel_reaches_the_import_running_on_another_thread(
    qtbot: Any, store: Store, tmp_path: Path, idle: Any
) -> None:
    rows = [[str(i), f"人{i}", "", "2026-03-01", "101", "审查起诉", "犯罪嫌疑人"] for i in range(3000)]
    dialog = RosterImportDialog(store, window_actor(store))  # the app's background runner
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(write_csv(tmp_path / "big.csv", rows, "utf-8"))
    qtbot.waitUntil(lambda: dialog.step() == MAPPING)
    dialog.set_column(2, None)
    dialog.set_default("gender", "male")
    dialog.make_plan()
    qtbot.waitUntil(lambda: dialog.step() == PREVIEW and dialog.busy is None)
    dialog.commit()  # 15 batches of 200: Esc lands long before the last
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.status.text() == "正在取消…"
    qtbot.waitUntil(lambda: dialog.step() == DONE)
    assert dialog.cancelled and people(store) == {}
    idle()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("r.pdf", b"%PDF", "不支持的名册文件类型 .pdf"),
        ("broken.xlsx", b"PK\x03\x04 not really", "不是有效的 xlsx 文件"),
        ("utf16.csv", "姓名\n".encode("utf-16"), "不是文本文件"),
        ("empty.csv", b"", "是空的"),
    ],
)
def test_a_file_that_is_no_roster_is_one_message_naming_it(
    qtbot: Any,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    data: bytes,
    says: str,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda title, text, parent=None: shown.append(text))
    path = tmp_path / name
    path.write_bytes(data)
    dialog = RosterImportDialog(store, window_actor(store), runner=run_now)
    qtbot.addWidget(dialog)
    dialog.load(path)
    assert len(shown) == 1 and str(path) in shown[0] and says in shown[0], shown
    assert dialog.step() == FILE and dialog.busy is None and dialog.next_button.isEnabled()


def test_a_file_too_large_is_refused_before_it_is_read(
    qtbot: Any, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda title, text, parent=None: shown.append(text))
    monkeypatch.setattr(ri, "MAX_FILE_BYTES", 1024 * 1024)  # the limit, made small for the test
    path = write_csv(tmp_path / "huge.csv", [GOOD[0]] * 20_000, "utf-8")
    dialog = RosterImportDialog(store, window_actor(store), runner=run_now)
    qtbot.addWidget(dialog)
    dialog.load(path)
    assert len(shown) == 1 and f"名册文件 {path} 过大（超过 1 MB）" in shown[0]
    assert dialog.step() == FILE and dialog.table is None


def test_esc_on_the_first_step_closes_the_dialog(qtbot: Any, store: Store) -> None:
    dialog = RosterImportDialog(store, window_actor(store), runner=run_now)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.next_button.isDefault() and dialog.focusWidget() is dialog.next_button
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


@pytest.mark.parametrize(("role", "has_button"), [("clerk", True), ("admin", False)])
def test_only_a_role_that_may_add_people_has_the_button(
    qtbot: Any, store: Store, role: str, has_button: bool, idle: Any
) -> None:
    window = window_as(qtbot, store, role)
    texts = [b.text() for b in window.pages[DETAINEES].findChildren(QPushButton)]
    assert ("导入名册…" in texts) == has_button
    assert (window.roster_import_button is not None) == has_button
    idle()
    window.close()
