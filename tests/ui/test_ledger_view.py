"""台账审查 (issue #15, item 4): a GBK csv ledger imported from the page through the mapping dialog, its
change report grouped by kind of change with the flags, one item confirmed then the rest — the
register changes only then, accordingly —, the report saved as CSV, the page reachable from the
navigation and the 工作台, and a role that may not edit sees the writing buttons disabled."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from pypdf import PdfReader
from sqlalchemy import select

from inspector.domain.idnumber import make_id_number
from inspector.services import ledger_import as li
from inspector.services import ledger_views as lv
from inspector.services.policy import actor_for
from inspector.store.models import AppUser, AuditLog, Detainee, LedgerImport
from inspector.store.store import Store
from tests.conftest import detainee_values
from ui.main_window import LEDGER, MainWindow
from ui.views.ledger_view import (
    CHANGE_LABELS,
    FIELD_LABELS,
    LedgerImportDialog,
    LedgerPage,
    report_request,
)

from .conftest import run_now


def pid(n: int, birth: date = date(1990, 3, 7)) -> str:
    return make_id_number("110101", birth, 11 + 2 * n)


def add(store: Store, n: int, **values: Any) -> Any:
    base = detainee_values(
        name=f"在押{n}", id_number=pid(n), admitted_at=datetime(2026, 11, 1, 2, tzinfo=UTC)
    )
    base.update(values)
    return store.repo(Detainee).add(base)


def release_csv(path: Path) -> Path:
    """A GBK release ledger: a title line, a blank line, the header, two releases and a stranger."""
    rows = [
        "测试区看守所出所登记台账,,,,,",
        ",,,,,",
        "序号,姓名,身份证号码,出所日期,出所方式,出所凭证",
        f"1,在押1,{pid(1)},2026-11-20,释放,释放证明书",
        f"2,在押2,{pid(2)},2026年11月21日,释放,",
        f"3,外人,{pid(9, date(1985, 1, 1))},2026-11-21,释放,释放证明书",
    ]
    path.write_bytes("\r\n".join(rows).encode("gbk"))
    return path


def discharged(store: Store) -> dict[str, date | None]:
    with store.session(read_only=True) as s:
        return {
            d.name: d.discharged_on for d in s.scalars(select(Detainee).where(Detainee.deleted_at.is_(None)))
        }


def page_for(qtbot: Any, store: Store) -> LedgerPage:
    page = LedgerPage(store, actor=actor_for(store), runner=run_now)
    qtbot.addWidget(page)
    page.resize(1130, 700)
    page.show()
    page.activate()
    return page


def test_import_a_gbk_ledger_review_and_confirm_one_then_the_rest(
    qtbot: Any, store: Store, tmp_path: Path
) -> None:
    add(store, 1)
    add(store, 2)
    page = page_for(qtbot, store)
    assert page.empty_label.isVisible() and not page.report_panel.isVisible()

    dialog = page.open_import(release_csv(tmp_path / "出所登记.csv"))
    assert isinstance(dialog, LedgerImportDialog)
    assert dialog.table is not None and dialog.table.source == "csv, GBK"
    assert dialog.kind_box.currentData() == "release"  # from the file name
    assert dialog.mapping()[1] == "name" and dialog.mapping()[3] == "discharged_on"
    dialog.set_profile("七星关出所")  # kept under this name
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()

    # Kept with its report; nothing written to the register yet.
    assert discharged(store) == {"在押1": None, "在押2": None}
    assert page.imports_model.rows and page.imports_model.rows[0]["file_name"] == "出所登记.csv"
    assert page.loaded is not None
    assert [g.kind for g in page.groups] == ["release", "ledger_only"]
    release = {i.name: i for i in page.groups[0].items}
    assert release["在押2"].flags and "释放证明书" in release["在押2"].flags[0]
    assert not any("释放证明书" in f for f in release["在押1"].flags)
    assert "出所凭证：释放证明书" in release["在押1"].changes
    assert [p["name"] for p in li.list_profiles(store)] == ["七星关出所"]
    assert page.confirm_all_button.isEnabled() and page.confirm_all_button.text() == "全部确认（2 项）"
    assert not page.confirm_selected_button.isEnabled()
    # The flagged item is shown first, in full.
    assert "释放证明书" in page.detail.toPlainText()
    stranger = next(g for g in page.groups if g.kind == "ledger_only").items[0]
    assert not (page.item_row(stranger.n).flags() & page.item_row(stranger.n).flags().ItemIsUserCheckable)

    # One item ticked and confirmed: only that person changes.
    first = release["在押1"].n
    page.set_checked(first)
    assert page.confirm_selected_button.text() == "确认选中（1 项）"
    page.confirm_selected_button.click()
    assert discharged(store) == {"在押1": date(2026, 11, 20), "在押2": None}
    assert page.imports_model.rows[0]["status"] == "partly"
    assert page.item_row(first).text(3) == "已写入"
    assert page.confirm_all_button.text() == "全部确认（1 项）"

    # Then the rest.
    page.confirm_all_button.click()
    assert discharged(store) == {"在押1": date(2026, 11, 20), "在押2": date(2026, 11, 21)}
    assert page.imports_model.rows[0]["status"] == "confirmed"
    assert not page.confirm_all_button.isEnabled()
    with store.session(read_only=True) as s:
        actions = [
            a.action for a in s.scalars(select(AuditLog).where(AuditLog.table_name == "ledger_import"))
        ]
    assert actions.count("ledger_confirm") == 2

    # The report, kept, saved as CSV.
    out = tmp_path / "report.csv"
    page.write_report_to(out)
    text = out.read_text(encoding="utf-8-sig")
    assert "在押2" in text and "已写入名册" in text and "仅台账有" in text
    # …and printable: the PDF the preview shows.
    request = report_request(page.loaded)
    assert request.file_stem == "出所登记-变动报告" and page.print_button.isEnabled()
    pdf = request.render(store)
    assert pdf.startswith(b"%PDF")
    words = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "出所登记台账变动报告" in words and "在押2" in words and "已写入名册" in words


def test_the_report_csv_groups_and_states(store: Store, tmp_path: Path) -> None:
    add(store, 1)
    result = li.import_ledger(store, release_csv(tmp_path / "出所登记.csv"), actor_for(store))
    loaded = li.load_import(store, result.import_id)
    groups = lv.grouped_report(loaded)
    assert [(g.label, len(g.items)) for g in groups] == [("出所", 1), ("仅台账有", 2)]
    text = lv.report_csv(loaded)
    assert text.startswith("\ufeff") and "待确认" in text and "无需写入" in text
    assert text.splitlines()[1].split(",")[:3] == ["序号", "变动类别", "姓名"]


def test_a_column_left_out_and_a_missing_name_column(qtbot: Any, store: Store, tmp_path: Path) -> None:
    page = page_for(qtbot, store)
    dialog = page.open_import(release_csv(tmp_path / "出所登记.csv"))
    assert dialog is not None
    dialog.set_column(1, None)
    dialog.set_column(2, None)
    assert not dialog.import_button.isEnabled()
    assert "姓名" in dialog.status.text()
    dialog.set_column(1, "name")
    assert dialog.import_button.isEnabled()
    dialog.reject()
    with store.session(read_only=True) as s:
        assert s.scalar(select(LedgerImport.id)) is None


def test_an_xlsx_ledger_behind_a_notes_sheet_and_a_file_that_cannot_be_read(
    qtbot: Any, store: Store, tmp_path: Path, monkeypatch: Any
) -> None:
    add(store, 1)
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["本表由看守所信息系统导出"])
    ws = book.create_sheet("出所")
    ws.append(["姓名", "身份证号", "出所日期", "出所方式", "出所凭证"])
    ws.append(["在押1", pid(1), 46346, "释放", "释放证明书"])  # 2026-11-20 as an Excel serial
    path = tmp_path / "daily.xlsx"
    book.save(path)
    page = page_for(qtbot, store)
    dialog = page.open_import(path)
    assert dialog is not None and dialog.sheet_box.isVisible() and dialog.sheet == "说明"
    dialog.sheet_box.setCurrentText("出所")  # read again from the chosen sheet
    assert dialog.sheet == "出所" and dialog.mapping() == {
        0: "name",
        1: "id_number",
        2: "discharged_on",
        3: "discharge_kind",
        4: "discharge_paper",
    }
    assert dialog.kind_box.currentData() == "release"
    dialog.import_button.click()
    assert [g.kind for g in page.groups] == ["release"]
    assert "出所日期：2026-11-20" in page.groups[0].items[0].changes

    shown: list[BaseException] = []
    monkeypatch.setattr("ui.errors.show_error", lambda exc, parent=None: shown.append(exc))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    dialog = page.open_import(broken)
    assert dialog is not None and shown and "broken.xlsx" in str(shown[0])
    assert dialog.table is None and not dialog.import_button.isEnabled()
    dialog.reject()


def test_a_role_that_may_not_edit_cannot_import_or_confirm(qtbot: Any, store: Store, tmp_path: Path) -> None:
    add(store, 1)
    li.import_ledger(store, release_csv(tmp_path / "出所登记.csv"), actor_for(store))
    admin = store.repo(AppUser).add({"username": "admin2", "display_name": "管理员", "role": "admin"})
    store.sign_in_as(admin.id)
    page = page_for(qtbot, store)
    assert page.loaded is not None
    assert not page.import_button.isEnabled() and not page.confirm_all_button.isEnabled()
    assert page.confirm_all_button.toolTip()
    assert page.open_import() is None


def test_the_page_is_in_the_navigation_with_its_count_and_on_the_dashboard(
    qtbot: Any, store: Store, tmp_path: Path, idle: Any
) -> None:
    add(store, 1)
    li.import_ledger(store, release_csv(tmp_path / "出所登记.csv"), actor_for(store))
    assert lv.pending_import_count(store) == 1
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.nav.item(LEDGER).text() == "台账审查"
    qtbot.waitUntil(lambda: window.nav_badge(LEDGER) == 1, timeout=10_000)
    assert "台账审查 1 份待确认" in window.ledger_link.text()
    window.ledger_link.click_ledger()  # the 工作台's link
    assert window.stack.currentIndex() == LEDGER
    page = window.current_page()
    assert isinstance(page, LedgerPage)
    qtbot.waitUntil(lambda: page.loaded is not None and not page.is_loading, timeout=10_000)
    page.confirm_all_button.click()
    qtbot.waitUntil(lambda: window.nav_badge(LEDGER) == 0, timeout=10_000)
    assert discharged(store)["在押1"] == date(2026, 11, 20)
    idle()


def test_every_field_and_kind_of_change_has_a_label_for_lupdate() -> None:
    assert {label for label, _aliases in li.FIELDS.values()} <= set(FIELD_LABELS)
    assert set(li.ITEM_TYPES.values()) <= set(CHANGE_LABELS)
